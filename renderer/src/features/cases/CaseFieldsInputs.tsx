import { Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CountryCode } from '../../../../shared/domain/countries';
import type { CaseForm } from './caseForm';
import { useCountryOptions } from './useCountryOptions';

/** The editable details of a case, shared by the new-case dialog and the overview. */
export function CaseFieldsInputs({ form, disabled = false, autoFocus = false }: { form: CaseForm; disabled?: boolean; autoFocus?: boolean }) {
  const { t } = useTranslation();
  const countries = useCountryOptions();
  return (
    <Stack gap="sm">
      <TextInput
        data-testid="case-title-input"
        label={t('caseFields.title')}
        description={t('caseFields.titleDescription')}
        withAsterisk={!disabled}
        disabled={disabled}
        data-autofocus={autoFocus || undefined}
        {...form.getInputProps('title')}
      />
      <Select<CountryCode>
        data-testid="case-country-input"
        label={t('caseFields.country')}
        placeholder={t('caseFields.countryPlaceholder')}
        nothingFoundMessage={t('caseFields.countryNothingFound')}
        data={countries}
        searchable
        clearable
        disabled={disabled}
        {...form.getInputProps('country')}
      />
      <TextInput
        data-testid="case-situation-input"
        label={t('caseFields.situation')}
        placeholder={t('caseFields.situationPlaceholder')}
        disabled={disabled}
        {...form.getInputProps('situation')}
      />
      <Textarea
        data-testid="case-summary-input"
        label={t('caseFields.summary')}
        autosize
        minRows={4}
        maxRows={14}
        disabled={disabled}
        {...form.getInputProps('summary')}
      />
    </Stack>
  );
}
