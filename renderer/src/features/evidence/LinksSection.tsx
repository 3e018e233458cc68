import { ActionIcon, Badge, Button, Group, SegmentedControl, Select, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { IconLink, IconUnlink } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvidenceDetail, EvidenceLink, LinkTarget } from '../../../../shared/contract';
import { CONDUCT_CATEGORIES } from '../../../../shared/domain/conduct-categories';
import { invoke } from '../../api/client';
import { isValidationError } from '../../forms/fieldErrors';
import { FieldIssueText } from '../../forms/FieldIssueText';
import { useLanguage } from '../../i18n/useLanguage';
import { notifyFailure, notifySuccess } from '../../ui/notify';
import { useAllegations } from '../allegations/queries';
import { subjectKeys, useCaseSubjects } from '../subjects/queries';
import { evidenceKeys, refreshAfterEvidenceChange } from './queries';

type Stance = EvidenceLink['stance'];

/** The picker's value for a target: "allegation:<id>" or "subject:<id>". */
const targetKey = (target: LinkTarget) => `${target.type}:${target.id}`;
function parseTargetKey(key: string): LinkTarget | null {
  const [type, id] = key.split(':');
  return (type === 'allegation' || type === 'subject') && id ? { type, id } : null;
}

export function StanceBadge({ stance }: { stance: Stance }) {
  const { t } = useTranslation();
  return (
    <Badge
      data-stance={stance}
      color={stance === 'supporting' ? 'teal' : 'red'}
      variant={stance === 'supporting' ? 'light' : 'filled'}
    >
      {t(`evidence.links.${stance}`)}
    </Badge>
  );
}

/** What the item supports or contradicts: allegations (A-n) and the case's subjects (S-n), each with a stance. */
export function LinksSection({ item, readOnly }: { item: EvidenceDetail; readOnly: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const allegations = useAllegations(item.caseId);
  const subjects = useCaseSubjects(item.caseId);
  const [target, setTarget] = useState<string | null>(null);
  const [stance, setStance] = useState<Stance>('supporting');
  const [note, setNote] = useState('');

  const done = (saved: EvidenceDetail) => {
    queryClient.setQueryData(evidenceKeys.detail(saved.id), saved);
    refreshAfterEvidenceChange(queryClient, saved.caseId, saved.id);
    void queryClient.invalidateQueries({ queryKey: subjectKeys.all });
  };
  const link = useMutation({
    mutationFn: (input: { target: LinkTarget; stance: Stance; note: string }) =>
      invoke('evidence.link', { itemId: item.id, ...input }),
    onSuccess: (saved) => {
      done(saved);
      setTarget(null);
      setNote('');
      notifySuccess((t) => t('evidence.links.added', { exhibit: saved.exhibit }));
    },
    onError: (error) => !isValidationError(error) && notifyFailure(error),
  });
  const unlink = useMutation({
    mutationFn: (target: LinkTarget) => invoke('evidence.unlink', { itemId: item.id, target }),
    onSuccess: (saved) => {
      done(saved);
      notifySuccess((t) => t('evidence.links.removed', { exhibit: saved.exhibit }));
    },
    onError: notifyFailure,
  });

  const categoryLabel = (code: string) => CONDUCT_CATEGORIES.find((c) => c.code === code)?.[language] ?? code;
  const subjectOf = (id: string) => subjects.data?.find((s) => s.subject.id === id)?.subject;
  const options = [
    {
      group: t('evidence.links.allegations'),
      items: (allegations.data ?? []).map((a) => ({
        value: targetKey({ type: 'allegation', id: a.id }),
        label: `${a.reference} · ${categoryLabel(a.category)}${a.place ? ` · ${a.place}` : ''}`,
      })),
    },
    {
      group: t('evidence.links.subjects'),
      items: (subjects.data ?? []).map(({ subject: s }) => ({
        value: targetKey({ type: 'subject', id: s.id }),
        label: `${s.reference} · ${s.displayName}`,
      })),
    },
  ].filter((g) => g.items.length > 0);
  /** A-n for an allegation; S-n for a subject (the service names subjects by their display name). */
  const referenceOf = (l: EvidenceLink) =>
    l.target.type === 'subject' ? (subjectOf(l.target.id)?.reference ?? null) : l.targetReference;
  const describe = (l: EvidenceLink) => {
    if (l.target.type === 'allegation') {
      const a = allegations.data?.find((x) => x.id === l.target.id);
      return a ? categoryLabel(a.category) : '';
    }
    return subjectOf(l.target.id)?.displayName ?? l.targetReference ?? t('evidence.links.subject');
  };
  const issue = isValidationError(link.error) ? link.error.fields : undefined;

  return (
    <Stack gap="sm">
      {item.links.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('evidence.links.none')}
        </Text>
      ) : (
        <Table layout="fixed" data-testid="evidence-links">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={110}>{t('evidence.links.target')}</Table.Th>
              <Table.Th>{t('evidence.links.what')}</Table.Th>
              <Table.Th w={110}>{t('evidence.links.stance')}</Table.Th>
              {!readOnly && <Table.Th w={40} />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {item.links.map((l) => (
              <Table.Tr
                key={targetKey(l.target)}
                data-testid="evidence-link-row"
                data-target-type={l.target.type}
                data-stance={l.stance}
              >
                <Table.Td ff="monospace" fz="xs" fw={600}>
                  {referenceOf(l) ?? '—'}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" truncate="end" title={describe(l)}>
                    {describe(l)}
                  </Text>
                  {l.note && (
                    <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                      {l.note}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <StanceBadge stance={l.stance} />
                </Table.Td>
                {!readOnly && (
                  <Table.Td>
                    <Tooltip label={t('evidence.links.remove', { reference: referenceOf(l) ?? describe(l) })}>
                      <ActionIcon
                        data-testid="evidence-link-remove"
                        aria-label={t('evidence.links.remove', { reference: referenceOf(l) ?? describe(l) })}
                        color="red"
                        loading={unlink.isPending && unlink.variables.id === l.target.id}
                        onClick={() => unlink.mutate(l.target)}
                      >
                        <IconUnlink size={15} />
                      </ActionIcon>
                    </Tooltip>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {!readOnly && (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            const chosen = target ? parseTargetKey(target) : null;
            if (chosen) link.mutate({ target: chosen, stance, note });
          }}
        >
          <Stack gap={6} p="xs" bg="gray.0" style={{ borderRadius: 4 }}>
            <Text size="xs" fw={600}>
              {t('evidence.links.addTitle')}
            </Text>
            <Group gap="xs" align="flex-end" wrap="nowrap">
              <Select
                data-testid="evidence-link-target"
                aria-label={t('evidence.links.target')}
                placeholder={t('evidence.links.targetPlaceholder')}
                nothingFoundMessage={t('evidence.links.noAllegations')}
                searchable
                data={options}
                value={target}
                onChange={setTarget}
                flex={1}
                size="xs"
              />
              <SegmentedControl
                data-testid="evidence-link-stance"
                aria-label={t('evidence.links.stance')}
                value={stance}
                onChange={(v) => setStance(v === 'contradicting' ? 'contradicting' : 'supporting')}
                data={[
                  { value: 'supporting', label: t('evidence.links.supporting') },
                  { value: 'contradicting', label: t('evidence.links.contradicting') },
                ]}
                color={stance === 'contradicting' ? 'red' : 'teal'}
              />
            </Group>
            <Group gap="xs" align="flex-start" wrap="nowrap">
              <TextInput
                data-testid="evidence-link-note"
                aria-label={t('evidence.links.note')}
                placeholder={t('evidence.links.note')}
                value={note}
                onChange={(e) => setNote(e.currentTarget.value)}
                error={issue?.['note'] && <FieldIssueText issue={issue['note']} />}
                flex={1}
                size="xs"
              />
              <Button
                type="submit"
                data-testid="evidence-link-add"
                leftSection={<IconLink size={14} />}
                disabled={!target}
                loading={link.isPending}
              >
                {t('evidence.links.add')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
