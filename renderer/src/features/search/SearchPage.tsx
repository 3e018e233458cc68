import { Anchor, Badge, Center, Chip, Group, Loader, Paper, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { SEARCH_KINDS, type SearchHit, type SearchKind } from '../../../../shared/contract/channels/search';
import { CONDUCT_CATEGORIES } from '../../../../shared/domain/conduct-categories';
import { invoke } from '../../api/client';
import { currentLanguage } from '../../i18n';
import { MarkedSnippet } from './MarkedSnippet';

/** Where a hit opens: its case, on the tab that holds it. */
function hitLink(hit: SearchHit): string | null {
  if (!hit.caseId) return null;
  const tab = { case: 'overview', allegation: 'allegations', subject: 'subjects', evidence: 'evidence', finding: 'findings' }[hit.kind];
  // A finding opens on the allegation or subject it is about.
  return `/cases/${hit.caseId}/${tab}${hit.kind === 'finding' ? `?finding=${hit.id}` : ''}`;
}

function hitTitle(hit: SearchHit): string {
  // A finding on an allegation is titled by the allegation's conduct category code, like the allegation.
  if (hit.kind !== 'allegation' && hit.kind !== 'finding') return hit.title;
  const category = CONDUCT_CATEGORIES.find((c) => c.code === hit.title);
  return category ? category[currentLanguage()] : hit.title;
}

export function SearchPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const text = params.get('q') ?? '';
  const kinds = (params.get('kinds')?.split(',').filter(Boolean) ?? []) as SearchKind[];
  const results = useQuery({
    queryKey: ['search', text, kinds],
    queryFn: () => invoke('search.query', { text, kinds, limit: 20 }),
    enabled: text.trim().length > 0,
  });

  const setKinds = (next: string[]) => {
    const copy = new URLSearchParams(params);
    if (next.length) copy.set('kinds', next.join(','));
    else copy.delete('kinds');
    setParams(copy, { replace: true });
  };

  return (
    <Stack gap="sm" p="md" flex={1} mih={0}>
      <Group justify="space-between">
        <Title order={4}>{t('search.resultsFor', { text })}</Title>
        <Chip.Group multiple value={kinds} onChange={setKinds}>
          <Group gap={6} data-testid="search-kinds">
            {SEARCH_KINDS.map((kind) => (
              <Chip key={kind} value={kind} size="xs">
                {t(`search.kinds.${kind}`)}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      </Group>
      {results.isPending && text ? (
        <Center p="xl">
          <Loader size="sm" />
        </Center>
      ) : null}
      <ScrollArea flex={1}>
        <Stack gap="md">
          {results.data?.groups.map((group) => (
            <Paper key={group.kind} withBorder p="sm" data-testid={`search-group-${group.kind}`}>
              <Group gap="xs" mb={6}>
                <Text fw={600} size="sm">
                  {t(`search.kinds.${group.kind}`)}
                </Text>
                <Badge size="xs" variant="light" color="gray">
                  {group.capped
                    ? t('search.capped', { total: group.total })
                    : group.total > group.hits.length
                      ? t('search.shownOf', { shown: group.hits.length, total: group.total })
                      : group.total}
                </Badge>
              </Group>
              {group.hits.length === 0 ? (
                <Text size="xs" c="dimmed">
                  {t('search.none')}
                </Text>
              ) : (
                <Stack gap={6}>
                  {group.hits.map((hit) => {
                    const to = hitLink(hit);
                    return (
                      <div key={hit.id} data-testid="search-hit" data-kind={hit.kind}>
                        <Group gap={6} wrap="nowrap">
                          {hit.caseReference ? (
                            <Text ff="monospace" size="xs" c="dimmed">
                              {hit.caseReference}
                            </Text>
                          ) : null}
                          {hit.reference && hit.reference !== hit.caseReference ? (
                            <Text ff="monospace" size="xs" fw={600}>
                              {hit.reference}
                            </Text>
                          ) : null}
                          {to ? (
                            <Anchor component={Link} to={to} size="sm">
                              {hitTitle(hit)}
                            </Anchor>
                          ) : (
                            <Text size="sm">{hitTitle(hit)}</Text>
                          )}
                        </Group>
                        <Text size="xs" c="dark.3" className="search-snippet">
                          <MarkedSnippet text={hit.snippet} />
                        </Text>
                      </div>
                    );
                  })}
                </Stack>
              )}
            </Paper>
          ))}
        </Stack>
      </ScrollArea>
    </Stack>
  );
}
