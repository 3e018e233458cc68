import { Group, Input, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { DATE_PRECISIONS, type DatePrecision } from '../../../../shared/domain/fuzzy-date';

/** What the form holds for one fuzzy date: every input's text whatever the precision. */
export interface FuzzyDateValues {
  precision: DatePrecision;
  value: string;
  from: string;
  to: string;
}

interface Props<V> {
  form: UseFormReturnType<V>;
  disabled: boolean;
  /** Where the date sits in the form's values ("period", "birthDates.2.date"). */
  path?: string;
  label?: string;
  /** Prefix of the inputs' data-testid: "allegation" gives allegation-precision, allegation-date-from … */
  testId?: string;
  width?: number;
}

const valueAt = (values: unknown, path: string) =>
  path.split('.').reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], values) as FuzzyDateValues;

/**
 * A date as precise as the source allows. Plain text inputs (YYYY-MM-DD, YYYY-MM, YYYY) rather
 * than pickers: faster from the keyboard, and a year alone cannot be picked on a calendar.
 */
export function FuzzyDateInput<V>({ form: typedForm, disabled, path = 'period', label, testId = 'allegation', width = 300 }: Props<V>) {
  const { t } = useTranslation();
  // The date may sit anywhere in the form's values; paths are strings to Mantine in any case.
  const form = typedForm as unknown as UseFormReturnType<Record<string, unknown>>;
  const { precision } = valueAt(form.values, path);
  const format = precision === 'unknown' ? '' : t(`fuzzyDate.formats.${precision}`);
  const wholeError = form.errors[path] ?? form.errors[`${path}.precision`];
  const datePaths = [path, ...['precision', 'value', 'from', 'to'].map((p) => `${path}.${p}`)];

  const setPrecision = (next: string) => {
    const found = DATE_PRECISIONS.find((p) => p === next);
    if (!found) return;
    datePaths.forEach((p) => form.clearFieldError(p));
    form.setFieldValue(`${path}.precision`, found satisfies DatePrecision);
  };

  return (
    <Input.Wrapper label={label ?? t('allegationForm.period')} error={wholeError}>
      <Stack gap={6} mt={4}>
        <SegmentedControl
          data-testid={`${testId}-precision`}
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
              data-testid={`${testId}-date-from`}
              aria-label={t('allegationForm.from')}
              leftSection={<Text size="xs">{t('allegationForm.from')}</Text>}
              leftSectionWidth={56}
              placeholder={format}
              disabled={disabled}
              w={width}
              {...form.getInputProps(`${path}.from`)}
            />
            <TextInput
              data-testid={`${testId}-date-to`}
              aria-label={t('allegationForm.to')}
              leftSection={<Text size="xs">{t('allegationForm.to')}</Text>}
              leftSectionWidth={56}
              placeholder={format}
              disabled={disabled}
              w={width}
              {...form.getInputProps(`${path}.to`)}
            />
          </Group>
        ) : (
          <TextInput
            data-testid={`${testId}-date-value`}
            aria-label={t('allegationForm.date')}
            placeholder={format}
            disabled={disabled}
            w={width}
            {...form.getInputProps(`${path}.value`)}
          />
        )}
      </Stack>
    </Input.Wrapper>
  );
}
