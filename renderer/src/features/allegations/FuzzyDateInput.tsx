import { Group, Input, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { DATE_PRECISIONS, type DatePrecision } from '../../../../shared/domain/fuzzy-date';
import type { AllegationFormValues } from './allegationForm';

interface Props {
  form: UseFormReturnType<AllegationFormValues>;
  disabled: boolean;
}

const PERIOD_PATHS = ['period', 'period.precision', 'period.value', 'period.from', 'period.to'] as const;

/**
 * A date as precise as the source allows. Plain text inputs (YYYY-MM-DD, YYYY-MM, YYYY) rather
 * than pickers: faster from the keyboard, and a year alone cannot be picked on a calendar.
 */
export function FuzzyDateInput({ form, disabled }: Props) {
  const { t } = useTranslation();
  const { precision } = form.values.period;
  const format = precision === 'unknown' ? '' : t(`fuzzyDate.formats.${precision}`);
  const wholeError = form.errors['period'] ?? form.errors['period.precision'];

  const setPrecision = (next: string) => {
    const found = DATE_PRECISIONS.find((p) => p === next);
    if (!found) return;
    PERIOD_PATHS.forEach((path) => form.clearFieldError(path));
    form.setFieldValue('period.precision', found satisfies DatePrecision);
  };

  return (
    <Input.Wrapper label={t('allegationForm.period')} error={wholeError}>
      <Stack gap={6} mt={4}>
        <SegmentedControl
          data-testid="allegation-precision"
          aria-label={t('allegationForm.precision')}
          value={precision}
          onChange={setPrecision}
          disabled={disabled}
          data={DATE_PRECISIONS.map((p) => ({ value: p, label: t(`precision.${p}`) }))}
          w="fit-content"
          size="sm"
        />
        {precision === 'unknown' ? (
          <Text size="sm" c="dimmed">
            {t('allegationForm.unknownDate')}
          </Text>
        ) : precision === 'range' ? (
          <Group gap="xs" align="flex-start" wrap="nowrap">
            <TextInput
              data-testid="allegation-date-from"
              aria-label={t('allegationForm.from')}
              leftSection={<Text size="xs">{t('allegationForm.from')}</Text>}
              leftSectionWidth={56}
              placeholder={format}
              disabled={disabled}
              w={300}
              {...form.getInputProps('period.from')}
            />
            <TextInput
              data-testid="allegation-date-to"
              aria-label={t('allegationForm.to')}
              leftSection={<Text size="xs">{t('allegationForm.to')}</Text>}
              leftSectionWidth={56}
              placeholder={format}
              disabled={disabled}
              w={300}
              {...form.getInputProps('period.to')}
            />
          </Group>
        ) : (
          <TextInput
            data-testid="allegation-date-value"
            aria-label={t('allegationForm.date')}
            placeholder={format}
            disabled={disabled}
            w={300}
            {...form.getInputProps('period.value')}
          />
        )}
      </Stack>
    </Input.Wrapper>
  );
}
