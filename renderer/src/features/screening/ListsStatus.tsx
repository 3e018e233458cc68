import { Alert, Anchor, Group, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDate, formatPartialDate } from '../../i18n/format';
import { useLanguage } from '../../i18n/useLanguage';
import { AuthorityBadge } from '../lists/AuthorityBadge';
import { useLists } from '../lists/queries';

/** Which lists a screening reads (each with its own date), or that there are none yet and where to import them. */
export function ListsStatus() {
  const { t } = useTranslation();
  const language = useLanguage();
  const lists = useLists();
  if (!lists.data) return null;
  if (lists.data.lists.length === 0) {
    return (
      <Alert color="orange" variant="light" p="xs" icon={<IconAlertTriangle size={16} />} data-testid="screening-no-lists">
        <Text size="sm">
          {t('screening.noLists')}{' '}
          <Anchor component={Link} to="/lists" size="sm">
            {t('screening.openLists')}
          </Anchor>
        </Text>
      </Alert>
    );
  }
  return (
    <Group gap={6} wrap="wrap" data-testid="screening-lists">
      <Text size="xs" c="dimmed">
        {t('screening.against')}
      </Text>
      {lists.data.lists.map((l) => {
        // A list that does not state its date (OFAC's CSV, Japan's workbook) is known by when it was imported.
        const when = l.listDate ? formatPartialDate(l.listDate, language) : t('lists.importedOn', { date: formatDate(l.importedAt, language) });
        return (
          <Tooltip key={l.key} label={`${l.listName} · ${l.listDate ? formatPartialDate(l.listDate, language) : t('lists.noDate')}`}>
            <Group gap={4} wrap="nowrap">
              <AuthorityBadge authority={l.authority} />
              <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                {when}
              </Text>
            </Group>
          </Tooltip>
        );
      })}
      <Anchor component={Link} to="/lists" size="xs">
        {t('screening.manageLists')}
      </Anchor>
    </Group>
  );
}
