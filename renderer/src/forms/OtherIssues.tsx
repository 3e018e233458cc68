import { Alert, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from './fieldErrors';
import { FieldIssueText } from './FieldIssueText';

/** Field issues for paths no input shows: unexpected, but never silently dropped. */
export function OtherIssues({ issues }: { issues: FieldErrors['other'] }) {
  const { t } = useTranslation();
  if (issues.length === 0) return null;
  return (
    <Alert color="red" variant="light" p="xs" title={t('form.otherIssues')}>
      <List size="sm">
        {issues.map(({ path, issue }) => (
          <List.Item key={path}>
            <code>{path}</code>: <FieldIssueText issue={issue} />
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
