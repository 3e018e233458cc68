import { Alert, List } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { DocumentProblem } from '../../../../shared/contract/channels/documents';

/** What keeps the proposal from being issued, each in words the investigator can act on. */
export function ProblemList({ problems }: { problems: readonly DocumentProblem[] }) {
  const { t } = useTranslation();
  return (
    <Alert color="orange" variant="light" icon={<IconAlertTriangle size={16} />} title={t('proposals.problemsTitle')} data-testid="proposal-problems">
      <List size="sm" spacing={4}>
        {problems.map((p, i) => (
          <List.Item key={i} data-code={p.code}>
            {t(`proposals.problems.${p.code}`, {
              subject: p.subject ?? '',
              allegation: p.allegation ?? '',
              exhibit: p.exhibit ?? '',
              pages: p.pages ?? 0,
              limit: p.limit ?? 0,
              characters: p.characters ?? '',
              where: p.text ? t(`proposals.textKinds.${p.text.kind}`, { of: p.text.of }) : (p.field ?? ''),
            })}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
