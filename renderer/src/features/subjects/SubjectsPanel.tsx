import { ActionIcon, Alert, Badge, Button, Group, Loader, Modal, Stack, Table, Text, TextInput, Title, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconDownload, IconLink, IconPencil, IconPlus, IconTrash, IconUserSearch } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseSubject, Relationship } from '../../../../shared/contract';
import { NAME_SCRIPTS } from '../../../../shared/domain/subjects';
import { ApiError, invoke } from '../../api/client';
import { countryName, formatFuzzyDate } from '../../i18n/format';
import { useLanguage } from '../../i18n/useLanguage';
import { notifyFailure, notifySuccess } from '../../ui/notify';
import { PlaceholderPanel } from '../../ui/PlaceholderPanel';
import { useAllegations } from '../allegations/queries';
import { AddExistingSubjectModal } from './AddExistingSubjectModal';
import { refreshAfterSubjectChange, useCaseRelationships, useCaseSubjects } from './queries';
import { RelationshipModal } from './RelationshipModal';
import { SubjectEditor } from './SubjectEditor';
import { SubjectGraph } from './SubjectGraph';

type Dialog =
  | { kind: 'editor'; linked: CaseSubject | null }
  | { kind: 'existing' }
  | { kind: 'remove'; linked: CaseSubject }
  | { kind: 'relationship'; relationship: Relationship | null }
  | null;

/** Downloads text as a file through a Blob URL (the CSP allows blob:). */
function download(fileName: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/x-ndjson' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function SubjectsPanel({ caseId, readOnly }: { caseId: string; readOnly: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const subjects = useCaseSubjects(caseId);
  const relationships = useCaseRelationships(caseId);
  const allegations = useAllegations(caseId);
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<Dialog>(null);

  const exportFtm = useMutation({
    mutationFn: (id: string) => invoke('subjects.exportFtm', { id }),
    onSuccess: (out) => {
      download(out.fileName, out.text);
      notifySuccess((t) => t('subjects.exported', { count: out.entityCount, file: out.fileName }));
    },
    onError: notifyFailure,
  });
  const removeRelationship = useMutation({
    mutationFn: (id: string) => invoke('subjects.deleteRelationship', { id }),
    onSuccess: () => {
      refreshAfterSubjectChange(queryClient, caseId);
      notifySuccess((t) => t('subjects.relationshipRemoved'));
    },
    onError: notifyFailure,
  });

  if (subjects.isPending) return <Loader size="sm" m="md" />;
  if (subjects.isError) {
    const code = subjects.error instanceof ApiError ? subjects.error.code : 'INTERNAL';
    return (
      <Alert color="red" variant="light" m="md">
        {t(`errors.${code}`)}
      </Alert>
    );
  }

  const rows = subjects.data;
  const scriptOf = (code: string) => NAME_SCRIPTS.find((s) => s.code === code);
  const dates = (s: CaseSubject['subject']) =>
    s.birthDates
      .map((b) =>
        formatFuzzyDate(b.date, language, { unknown: t('fuzzyDate.unknown'), range: (from, to) => t('fuzzyDate.range', { from, to }) }),
      )
      .join(' / ');
  const graph = relationships.data;
  const nameOf = (id: string) => {
    const s = graph?.subjects.find((x) => x.id === id);
    return s ? `${s.reference} ${s.displayName}` : id;
  };

  return (
    <Stack gap="sm" p="md">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('subjects.count', { count: rows.length })}
        </Text>
        {!readOnly && (
          <Group gap="xs">
            <Button variant="default" data-testid="subject-add-existing" leftSection={<IconUserSearch size={14} />} onClick={() => setDialog({ kind: 'existing' })}>
              {t('subjects.addExisting')}
            </Button>
            <Button data-testid="subject-add" leftSection={<IconPlus size={14} />} onClick={() => setDialog({ kind: 'editor', linked: null })}>
              {t('subjects.add')}
            </Button>
          </Group>
        )}
      </Group>

      {rows.length === 0 ? (
        <PlaceholderPanel
          icon={<IconUserSearch size={28} stroke={1.4} />}
          title={t('subjects.empty.title')}
          description={t(readOnly ? 'subjects.closedEmpty' : 'subjects.empty.description')}
        />
      ) : (
        <Table layout="fixed" highlightOnHover data-testid="subject-table" miw={980} verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={56}>{t('subjects.columns.reference')}</Table.Th>
              <Table.Th>{t('subjects.columns.names')}</Table.Th>
              <Table.Th w={96}>{t('subjects.columns.type')}</Table.Th>
              <Table.Th w={170}>{t('subjects.columns.born')}</Table.Th>
              <Table.Th w={110}>{t('subjects.columns.nationality')}</Table.Th>
              <Table.Th w="24%">{t('subjects.columns.roles')}</Table.Th>
              <Table.Th w={104}>
                <VisuallyHidden>{t('subjects.columns.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((linked) => {
              const s = linked.subject;
              const primaries = s.names.filter((n) => n.primary);
              return (
                <Table.Tr
                  key={s.id}
                  data-testid="subject-row"
                  data-reference={s.reference}
                  style={{ cursor: 'pointer', verticalAlign: 'top' }}
                  onClick={() => setDialog({ kind: 'editor', linked })}
                >
                  <Table.Td ff="monospace" fz="xs" fw={600}>
                    {s.reference}
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={2}>
                      {primaries.map((n, i) => (
                        <Group key={n.id} gap={6} wrap="nowrap">
                          <Badge size="xs" variant="light" color="gray" w={132} style={{ flexShrink: 0 }} title={scriptOf(n.script)?.[language]}>
                            {scriptOf(n.script)?.[language]}
                          </Badge>
                          <Text size="sm" fw={i === 0 ? 600 : 400} lang={scriptOf(n.script)?.lang} truncate="end" title={n.value}>
                            {n.value}
                          </Text>
                        </Group>
                      ))}
                      {s.aliases.length > 0 && (
                        <Text size="xs" c="dimmed" truncate="end">
                          {s.aliases.map((a) => (a.strength === 'weak' ? `(${a.value})` : a.value)).join(' · ')}
                        </Text>
                      )}
                      {linked.otherCases.length > 0 && (
                        <Text size="xs" c="dimmed">
                          {t('subjects.alsoIn', { cases: linked.otherCases.join(', ') })}
                        </Text>
                      )}
                    </Stack>
                  </Table.Td>
                  <Table.Td fz="sm">{t(`subjectTypes.${s.type}`)}</Table.Td>
                  <Table.Td fz="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {dates(s) || '—'}
                  </Table.Td>
                  <Table.Td fz="sm">{s.nationalities.map((n) => countryName(n.country, language)).join(', ') || '—'}</Table.Td>
                  <Table.Td>
                    {linked.roles.length === 0 ? (
                      <Text size="xs" c="dimmed">
                        {t('subjects.noRoles')}
                      </Text>
                    ) : (
                      <Group gap={4}>
                        {linked.roles.map((r) => (
                          <Badge key={`${r.allegationId}-${r.role}`} size="sm" variant="light" data-testid="subject-role-badge">
                            {r.allegationReference} · {t(`subjectRoles.${r.role}`)}
                          </Badge>
                        ))}
                      </Group>
                    )}
                  </Table.Td>
                  <Table.Td onClick={(e) => e.stopPropagation()}>
                    <Group gap={2} wrap="nowrap" justify="flex-end">
                      <Tooltip label={t('subjects.edit', { name: s.displayName })}>
                        <ActionIcon aria-label={t('subjects.edit', { name: s.displayName })} onClick={() => setDialog({ kind: 'editor', linked })}>
                          <IconPencil size={14} />
                        </ActionIcon>
                      </Tooltip>
                      <Tooltip label={t('subjects.exportFtm', { name: s.displayName })}>
                        <ActionIcon
                          data-testid="subject-export-ftm"
                          aria-label={t('subjects.exportFtm', { name: s.displayName })}
                          onClick={() => exportFtm.mutate(s.id)}
                        >
                          <IconDownload size={14} />
                        </ActionIcon>
                      </Tooltip>
                      {!readOnly && (
                        <Tooltip label={t('subjects.remove', { name: s.displayName })}>
                          <ActionIcon
                            color="red"
                            data-testid="subject-remove"
                            aria-label={t('subjects.remove', { name: s.displayName })}
                            onClick={() => setDialog({ kind: 'remove', linked })}
                          >
                            <IconTrash size={14} />
                          </ActionIcon>
                        </Tooltip>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}

      {rows.length > 0 && (
        <Stack gap="xs" mt="md">
          <Group justify="space-between">
            <Title order={5}>{t('subjects.relationships')}</Title>
            {!readOnly && (
              <Button
                variant="default"
                size="compact-sm"
                data-testid="relationship-add"
                leftSection={<IconLink size={14} />}
                onClick={() => setDialog({ kind: 'relationship', relationship: null })}
              >
                {t('subjects.relationshipAdd')}
              </Button>
            )}
          </Group>
          <Stack gap="sm">
            <Stack gap={4}>
              {graph && graph.relationships.length === 0 && (
                <Text size="sm" c="dimmed">
                  {t('subjects.relationshipsEmpty')}
                </Text>
              )}
              {graph?.relationships.map((r) => (
                <Group key={r.id} gap={6} wrap="nowrap" data-testid="relationship-row">
                  <Text size="sm" fw={500}>
                    {nameOf(r.fromId)}
                  </Text>
                  <Badge size="sm" variant="outline">
                    {t(`relationshipKinds.${r.kind}`)}
                  </Badge>
                  <Text size="sm" fw={500}>
                    {nameOf(r.toId)}
                  </Text>
                  {r.period.precision !== 'unknown' && (
                    <Text size="xs" c="dimmed">
                      {formatFuzzyDate(r.period, language, {
                        unknown: '',
                        range: (from, to) => t('fuzzyDate.range', { from, to }),
                      })}
                    </Text>
                  )}
                  {r.note && (
                    <Text size="xs" c="dimmed" truncate="end">
                      {r.note}
                    </Text>
                  )}
                  {!readOnly && (
                    <ActionIcon
                      size="sm"
                      data-testid="relationship-edit"
                      aria-label={t('subjects.relationshipEdit')}
                      title={t('subjects.relationshipEdit')}
                      onClick={() => setDialog({ kind: 'relationship', relationship: r })}
                    >
                      <IconPencil size={12} />
                    </ActionIcon>
                  )}
                  {!readOnly && (
                    <ActionIcon
                      size="sm"
                      data-testid="relationship-remove"
                      aria-label={t('subjects.relationshipRemove')}
                      title={t('subjects.relationshipRemove')}
                      loading={removeRelationship.isPending && removeRelationship.variables === r.id}
                      onClick={() => removeRelationship.mutate(r.id)}
                    >
                      <IconTrash size={12} />
                    </ActionIcon>
                  )}
                </Group>
              ))}
            </Stack>
            {graph && <SubjectGraph data={graph} />}
          </Stack>
        </Stack>
      )}

      {dialog?.kind === 'editor' && (
        <SubjectEditor
          caseId={caseId}
          linked={dialog.linked}
          allegations={allegations.data ?? []}
          readOnly={readOnly}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'existing' && (
        <AddExistingSubjectModal caseId={caseId} inCase={new Set(rows.map((r) => r.subject.id))} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'relationship' && graph && (
        <RelationshipModal
          caseId={caseId}
          subjects={graph.subjects}
          relationship={dialog.relationship}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'remove' && <RemoveSubjectModal caseId={caseId} linked={dialog.linked} onClose={() => setDialog(null)} />}
    </Stack>
  );
}

function RemoveSubjectModal({ caseId, linked, onClose }: { caseId: string; linked: CaseSubject; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const remove = useMutation({
    mutationFn: () =>
      invoke('subjects.removeFromCase', { caseId, subjectId: linked.subject.id, reason: reason.trim() ? reason : undefined }),
    onSuccess: () => {
      refreshAfterSubjectChange(queryClient, caseId);
      notifySuccess((t) => t('subjects.removed', { reference: linked.subject.reference }));
      onClose();
    },
    onError: notifyFailure,
  });
  return (
    <Modal opened onClose={onClose} title={t('subjects.removeTitle', { name: linked.subject.displayName })}>
      <Stack gap="sm">
        <Text size="sm">{t('subjects.removeBody')}</Text>
        <TextInput data-autofocus label={t('subjects.removeReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" size="sm" onClick={onClose}>
            {t('form.cancel')}
          </Button>
          <Button color="red" size="sm" data-testid="subject-remove-confirm" loading={remove.isPending} onClick={() => remove.mutate()}>
            {t('subjects.removeConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
