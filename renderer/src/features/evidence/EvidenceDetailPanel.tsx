import { ActionIcon, Alert, Badge, Box, Group, Loader, ScrollArea, Stack, Tabs, Text, Title, Tooltip } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { CustodyLog } from './CustodyLog';
import { Facts } from './Facts';
import { grade } from './format';
import { LinksSection } from './LinksSection';
import { MetadataForm } from './MetadataForm';
import { Preview } from './Preview';
import { useEvidenceItem } from './queries';

export const DETAIL_TABS = ['preview', 'details', 'links', 'custody'] as const;
export type DetailTab = (typeof DETAIL_TABS)[number];

interface Props {
  id: string;
  readOnly: boolean;
  tab: DetailTab;
  onTab: (tab: DetailTab) => void;
  onClose: () => void;
}

/** One item beside the table: its preview, metadata and facts, links, and chain of custody. */
export function EvidenceDetailPanel({ id, readOnly, tab, onTab, onClose }: Props) {
  const { t } = useTranslation();
  const item = useEvidenceItem(id);

  return (
    <Box
      data-testid="evidence-detail"
      w="46%"
      miw={520}
      maw={760}
      style={{
        display: 'flex',
        flexDirection: 'column',
        borderLeft: '1px solid var(--mantine-color-gray-3)',
        minHeight: 0,
      }}
    >
      {item.isPending && <Loader size="sm" m="md" />}
      {item.isError && (
        <Alert color="red" variant="light" m="md">
          {t(`errors.${item.error instanceof ApiError ? item.error.code : 'INTERNAL'}`)}
        </Alert>
      )}
      {item.data && (
        <>
          <Group gap="xs" px="md" py={8} wrap="nowrap" justify="space-between" style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
            <Group gap="xs" wrap="nowrap" miw={0}>
              <Text ff="monospace" fw={700} size="sm" data-testid="evidence-detail-exhibit">
                {item.data.exhibit}
              </Text>
              <Title order={2} fz="sm" fw={600} lineClamp={1} title={item.data.title}>
                {item.data.title}
              </Title>
              {grade(item.data) && (
                <Badge color="gray" variant="outline" ff="monospace">
                  {grade(item.data)}
                </Badge>
              )}
            </Group>
            <Tooltip label={t('evidence.detail.close')}>
              <ActionIcon aria-label={t('evidence.detail.close')} data-testid="evidence-detail-close" onClick={onClose}>
                <IconX size={16} />
              </ActionIcon>
            </Tooltip>
          </Group>
          <Tabs
            value={tab}
            onChange={(next) => {
              const found = DETAIL_TABS.find((name) => name === next);
              if (found) onTab(found);
            }}
            flex={1}
            mih={0}
            style={{ display: 'flex', flexDirection: 'column' }}
          >
            <Tabs.List px="xs">
              {DETAIL_TABS.map((name) => (
                <Tabs.Tab key={name} value={name} fz="xs" data-testid={`evidence-tab-${name}`}>
                  {t(`evidence.detail.tabs.${name}`)}
                  {name === 'links' && item.data.links.length > 0 && ` (${item.data.links.length})`}
                  {name === 'custody' && ` (${item.data.custody.count})`}
                </Tabs.Tab>
              ))}
            </Tabs.List>
            <ScrollArea flex={1} mih={0} type="auto" offsetScrollbars>
              <Box p="md">
                <Tabs.Panel value="preview">
                  <Preview item={item.data} />
                </Tabs.Panel>
                <Tabs.Panel value="details">
                  <Stack gap="md">
                    <Facts item={item.data} />
                    {/* Remounted per item so a half-typed edit never carries over to another item. */}
                    <MetadataForm key={item.data.id} item={item.data} readOnly={readOnly} />
                  </Stack>
                </Tabs.Panel>
                <Tabs.Panel value="links">
                  <LinksSection item={item.data} readOnly={readOnly} />
                </Tabs.Panel>
                <Tabs.Panel value="custody">
                  <CustodyLog events={item.data.custodyLog} />
                </Tabs.Panel>
              </Box>
            </ScrollArea>
          </Tabs>
        </>
      )}
    </Box>
  );
}
