import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The exhibits a fact cites, as chips ("E-3"); nothing when it cites none. */
export function Cites({ ids, exhibits }: { ids: readonly string[]; exhibits: Record<string, string> }) {
  const { t } = useTranslation();
  if (ids.length === 0) return null;
  return (
    <Group gap={4} wrap="nowrap" data-testid="subject-cites">
      <Text size="xs" c="dimmed">
        {t('subjectForm.cites')}
      </Text>
      {ids.map((id) => (
        <Badge key={id} size="xs" variant="outline" color="gray" ff="monospace" title={id}>
          {exhibits[id] ?? 'E-?'}
        </Badge>
      ))}
    </Group>
  );
}
