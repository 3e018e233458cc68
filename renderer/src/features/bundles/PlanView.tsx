import { Alert, Badge, Button, Group, List, Paper, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BundlePlan } from '../../../../shared/contract/channels/bundles';
import { formatDateTime } from '../../i18n/format';
import { useLanguage } from '../../i18n/useLanguage';
import { changeTitle, fieldLabel, readable, tableLabel } from './planText';
import { SenderStanding } from './SenderStanding';

export type Choice = 'local' | 'incoming';
export type Choices = Record<string, Record<string, Choice>>;

function Value({ text }: { text: string }) {
  const { t } = useTranslation();
  const shown = readable(text);
  return shown.trim() === '' ? (
    <Text span size="xs" c="dimmed" fs="italic">
      {t('bundles.import.empty')}
    </Text>
  ) : (
    <Text span size="xs" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
      {shown}
    </Text>
  );
}

/**
 * What an import will do, before anything is written: who sent it and how far to trust that, what
 * it holds, the new records (counted by kind), the updates, and each conflict field by field with a
 * choice between the two versions. Unchosen fields keep this workspace's value.
 */
export function PlanView({
  plan,
  choices,
  onChoose,
  onTrusted,
}: {
  plan: BundlePlan;
  choices: Choices;
  onChoose: (id: string, field: string, side: Choice) => void;
  onTrusted: (standing: BundlePlan['standing']) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const fresh = plan.changes.filter((c) => c.kind === 'new');
  const updates = plan.changes.filter((c) => c.kind === 'update');
  const conflicts = plan.changes.filter((c) => c.kind === 'conflict');
  const newByTable = new Map<string, number>();
  for (const c of fresh) newByTable.set(c.table, (newByTable.get(c.table) ?? 0) + 1);
  const inc = plan.includes;
  const theirName = plan.sender.name;

  return (
    <Stack gap="sm" data-testid="bundle-plan">
      <SenderStanding plan={plan} onTrusted={onTrusted} />
      <Paper withBorder p="xs">
        <Group gap="xs">
          <Text size="sm" fw={600} ff="monospace">
            {plan.case.reference}
          </Text>
          <Text size="sm" fw={600}>
            {plan.case.title}
          </Text>
          <Badge size="sm" color={plan.case.isNew ? 'blue' : 'gray'} data-testid="bundle-case-new" data-new={plan.case.isNew}>
            {t(plan.case.isNew ? 'bundles.import.newCase' : 'bundles.import.existingCase')}
          </Badge>
        </Group>
        <Text size="xs" c="dimmed">
          {t('bundles.import.made', { at: formatDateTime(plan.createdAt, language) })}
          {' · '}
          {inc.wholeCase
            ? t('bundles.import.wholeCase')
            : t('bundles.import.partCase', { allegations: inc.allegations, subjects: inc.subjects, evidence: inc.evidenceItems })}
        </Text>
        <Text size="xs" c="dimmed" data-testid="bundle-protected" data-included={plan.protectedIdentitiesIncluded}>
          {t(plan.protectedIdentitiesIncluded ? 'bundles.import.protectedIncluded' : 'bundles.import.protectedWithheld')}
        </Text>
        <Text size="xs" c="dimmed">
          {inc.evidenceFiles ? t('bundles.import.files', { count: plan.evidence.carried, held: plan.evidence.alreadyHeld }) : t('bundles.import.noFiles')}
          {' · '}
          {t('bundles.import.custody', { items: plan.custody.items })}
        </Text>
      </Paper>

      <Alert color={conflicts.length ? 'orange' : 'blue'} data-testid="bundle-counts" data-conflicts={plan.counts.conflicts}>
        <Text size="sm">
          {t('bundles.import.counts', { new: plan.counts.new, updated: plan.counts.updated, conflicts: plan.counts.conflicts })}
        </Text>
        {plan.counts.keptLocal > 0 && (
          <Text size="xs" c="dimmed">
            {t('bundles.import.keptLocal', { count: plan.counts.keptLocal })}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {t('bundles.import.nothingYet')}
        </Text>
      </Alert>
      {plan.custody.diverged.length > 0 && <Alert color="yellow">{t('bundles.import.diverged', { items: plan.custody.diverged.join(', ') })}</Alert>}

      {fresh.length > 0 && (
        <Stack gap={2} data-testid="bundle-new">
          <Text size="sm" fw={600}>
            {t('bundles.import.newTitle')}
          </Text>
          <Text size="xs">
            {[...newByTable].map(([table, count]) => t('bundles.import.countOf', { what: tableLabel(t, table), count })).join('、 ')}
          </Text>
        </Stack>
      )}
      {updates.length > 0 && (
        <Stack gap={2}>
          <Text size="sm" fw={600}>
            {t('bundles.import.updates', { name: theirName })}
          </Text>
          <List size="xs" spacing={2}>
            {updates.map((c) => (
              <List.Item key={c.id} data-testid="bundle-update" data-label={c.label}>
                {changeTitle(t, c)}: {c.fields.map((f) => fieldLabel(t, f.field)).join('、 ')}
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
      {conflicts.length > 0 && (
        <Stack gap="xs">
          <Text size="sm" fw={600}>
            {t('bundles.import.conflictsTitle')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('bundles.import.conflictsHint', { name: theirName })}
          </Text>
        </Stack>
      )}
      {conflicts.map((c) => (
        <Paper key={c.id} withBorder p="xs" data-testid="bundle-conflict" data-label={c.label}>
          <Group justify="space-between" mb={4}>
            <Text size="sm" fw={600}>
              {t('bundles.import.conflict', { label: changeTitle(t, c) })}
            </Text>
            <Group gap={4}>
              <Button size="compact-xs" variant="subtle" data-testid="conflict-all-local" onClick={() => c.fields.forEach((f) => onChoose(c.id, f.field, 'local'))}>
                {t('bundles.import.allYours')}
              </Button>
              <Button size="compact-xs" variant="subtle" data-testid="conflict-all-incoming" onClick={() => c.fields.forEach((f) => onChoose(c.id, f.field, 'incoming'))}>
                {t('bundles.import.allTheirs', { name: theirName })}
              </Button>
            </Group>
          </Group>
          <Table withRowBorders fz="xs" layout="fixed" verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={110}>{t('bundles.import.field')}</Table.Th>
                <Table.Th>{t('bundles.import.yours')}</Table.Th>
                <Table.Th>{t('bundles.import.theirs', { name: theirName })}</Table.Th>
                <Table.Th w={200}>{t('bundles.import.keep')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {c.fields.map((f) => {
                const side = choices[c.id]?.[f.field] ?? 'local';
                return (
                  <Table.Tr key={f.field} data-testid="conflict-field" data-field={f.field} data-choice={side}>
                    <Table.Td fw={600}>{fieldLabel(t, f.field)}</Table.Td>
                    <Table.Td bg={side === 'local' ? 'teal.0' : undefined}>
                      <Value text={f.local} />
                    </Table.Td>
                    <Table.Td bg={side === 'incoming' ? 'teal.0' : undefined}>
                      <Value text={f.incoming} />
                    </Table.Td>
                    <Table.Td>
                      <SegmentedControl
                        size="xs"
                        fullWidth
                        data-testid="conflict-choice"
                        value={side}
                        onChange={(v) => onChoose(c.id, f.field, v as Choice)}
                        data={[
                          { value: 'local', label: t('bundles.import.keepYours') },
                          { value: 'incoming', label: t('bundles.import.takeTheirs') },
                        ]}
                      />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Paper>
      ))}
    </Stack>
  );
}
