import { Badge, Group, Stack, Table, Text } from '@mantine/core';
import { IconArrowsLeftRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ScreeningReasons } from '../../../../shared/contract/channels/screening';
import { NAME_SCRIPTS } from '../../../../shared/domain/subjects';
import { countryName } from '../../i18n/format';
import { useLanguage } from '../../i18n/useLanguage';
import { effectPoints, FACTOR_COLORS, percent } from './format';

/**
 * Why a candidate scored what it did, in words: which of the subject's names matched which name on
 * the list and how, then each fact that agreed or not, with what it did to the score.
 */
export function Reasons({ reasons }: { reasons: ScreeningReasons }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { name, factors } = reasons;
  const script = NAME_SCRIPTS.find((s) => s.code === name.subjectScript);
  // A nationality recorded as a country code reads as the country's name, with the code kept.
  const shown = (factor: string, value: string) =>
    !value ? '—' : factor === 'nationality' && /^[A-Z]{2}$/.test(value) ? `${countryName(value, language)} (${value})` : value;
  return (
    <Stack gap={6} data-testid="candidate-reasons">
      <Group gap={8} wrap="wrap" align="center" data-testid="candidate-name-match">
        <Text size="xs" c="dimmed" w={110} style={{ flexShrink: 0 }}>
          {t('screening.reasons.name')}
        </Text>
        <Text size="sm" fw={600} lang={script?.lang}>
          {name.subjectName}
        </Text>
        <Text size="xs" c="dimmed">
          ({script ? script[language] : name.subjectScript})
        </Text>
        <IconArrowsLeftRight size={14} aria-label={t('screening.reasons.matched')} />
        <Text size="sm" fw={600}>
          {name.entryName}
        </Text>
        <Text size="xs" c="dimmed">
          ({t(`screening.strengths.${name.entryStrength}`)})
        </Text>
        <Badge color="gray" variant="outline">
          {percent(name.score)}
        </Badge>
        {name.how.map((how) => (
          <Badge key={how} color="slate" variant="light" data-how={how}>
            {t(`screening.how.${how}`)}
          </Badge>
        ))}
      </Group>
      {factors.length > 0 && (
        <Table fz="xs" verticalSpacing={2} horizontalSpacing={6} layout="fixed" data-testid="candidate-factors">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={110}>{t('screening.reasons.fact')}</Table.Th>
              <Table.Th w={290}>{t('screening.reasons.result')}</Table.Th>
              <Table.Th>{t('screening.reasons.subject')}</Table.Th>
              <Table.Th>{t('screening.reasons.entry')}</Table.Th>
              <Table.Th w={56} ta="right">
                {t('screening.reasons.effect')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {factors.map((f, i) => (
              <Table.Tr key={i} data-testid="candidate-factor" data-factor={f.factor} data-result={f.result}>
                <Table.Td>{t(`screening.factors.${f.factor}`)}</Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="wrap">
                    <Badge color={FACTOR_COLORS[f.result]} variant="light" style={{ flexShrink: 0 }}>
                      {t(`screening.results.${f.result}`)}
                    </Badge>
                    <Text size="xs" c="dimmed">
                      {t(`screening.details.${f.detail}`)}
                    </Text>
                  </Group>
                </Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{shown(f.factor, f.subject)}</Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{shown(f.factor, f.entry)}</Table.Td>
                <Table.Td ta="right" ff="monospace" c={f.effect < 0 ? 'red.8' : f.effect > 0 ? 'teal.8' : 'dimmed'}>
                  {effectPoints(f.effect)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
