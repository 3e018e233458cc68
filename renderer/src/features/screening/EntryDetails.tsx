import { Badge, Box, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DesignationEntry } from '../../../../shared/domain/designations';
import { NAME_SCRIPTS } from '../../../../shared/domain/subjects';
import { countryName, formatPartialDate } from '../../i18n/format';
import { useLanguage } from '../../i18n/useLanguage';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <div style={{ minWidth: 0, overflowWrap: 'anywhere' }}>{children}</div>
    </>
  );
}

/** The designation entry as the list states it: every name, date, place, identifier and remark. */
export function EntryDetails({ entry }: { entry: DesignationEntry }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const country = (code: string | null, text: string) => (code ? `${text} (${countryName(code, language)})` : text);
  // A date the list writes as a bare spreadsheet day number (the JP workbook's 23830): the date read first, then as written.
  const birthDateText = ({ text, value }: DesignationEntry['datesOfBirth'][number]) =>
    /^\d{4,5}$/.test(text) && value.precision === 'day' ? t('screening.entry.serialDate', { date: formatPartialDate(value.value, language), text }) : text;
  return (
    <Box style={{ display: 'grid', gridTemplateColumns: '130px minmax(0, 1fr)', gap: '4px 8px' }} data-testid="candidate-entry">
      <Row label={t('screening.entry.ref')}>
        <Text size="xs" ff="monospace">
          {entry.listId}
        </Text>
      </Row>
      <Row label={t('screening.entry.type')}>
        <Text size="xs">{t(`screening.designationTypes.${entry.type}`)}</Text>
      </Row>
      <Row label={t('screening.entry.programmes')}>
        <Group gap={4}>
          {entry.programmes.length ? entry.programmes.map((p) => <Badge key={p} variant="outline" color="gray">{p}</Badge>) : <Text size="xs">—</Text>}
        </Group>
      </Row>
      <Row label={t('screening.entry.listedOn')}>
        <Text size="xs">{entry.listedOn ? formatPartialDate(entry.listedOn, language) : t('screening.entry.notStated')}</Text>
      </Row>
      <Row label={t('screening.entry.names')}>
        <Stack gap={0}>
          {entry.names.map((n, i) => (
            <Text key={i} size="xs" lang={NAME_SCRIPTS.find((s) => s.code === n.script)?.lang}>
              <Text span size="xs" fw={n.strength === 'primary' ? 700 : 400}>
                {n.value}
              </Text>{' '}
              <Text span size="xs" c="dimmed">
                ({[t(`screening.strengths.${n.strength}`), n.note].filter(Boolean).join(' · ')})
              </Text>
            </Text>
          ))}
        </Stack>
      </Row>
      {entry.datesOfBirth.length > 0 && (
        <Row label={t('screening.entry.birthDates')}>
          <Text size="xs">{entry.datesOfBirth.map((d) => (d.circa ? t('screening.entry.circa', { text: d.text }) : birthDateText(d))).join('; ')}</Text>
        </Row>
      )}
      {entry.placesOfBirth.length > 0 && (
        <Row label={t('screening.entry.birthPlaces')}>
          <Text size="xs">{entry.placesOfBirth.map((p) => country(p.country, p.text)).join('; ')}</Text>
        </Row>
      )}
      {entry.nationalities.length > 0 && (
        <Row label={t('screening.entry.nationalities')}>
          <Text size="xs">{entry.nationalities.map((n) => country(n.country, n.text)).join('; ')}</Text>
        </Row>
      )}
      {entry.identifiers.length > 0 && (
        <Row label={t('screening.entry.identifiers')}>
          <Stack gap={0}>
            {entry.identifiers.map((id, i) => (
              <Text key={i} size="xs">
                {id.label}: <Text span size="xs" ff="monospace">{id.value}</Text>
                {id.country ? ` (${countryName(id.country, language)})` : ''}
                {id.note ? ` — ${id.note}` : ''}
              </Text>
            ))}
          </Stack>
        </Row>
      )}
      {entry.positions.length > 0 && (
        <Row label={t('screening.entry.positions')}>
          <Text size="xs">{entry.positions.join('; ')}</Text>
        </Row>
      )}
      {entry.addresses.length > 0 && (
        <Row label={t('screening.entry.addresses')}>
          <Text size="xs">{entry.addresses.map((a) => country(a.country, a.text)).join('; ')}</Text>
        </Row>
      )}
      {entry.remarks.length > 0 && (
        <Row label={t('screening.entry.remarks')}>
          <Stack gap={2}>
            {entry.remarks.map((r, i) => (
              <Text key={i} size="xs" style={{ whiteSpace: 'pre-wrap' }}>
                {r}
              </Text>
            ))}
          </Stack>
        </Row>
      )}
    </Box>
  );
}
