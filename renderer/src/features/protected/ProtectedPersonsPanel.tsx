import { ActionIcon, Alert, Badge, Box, Button, Group, Loader, Stack, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconEye, IconEyeOff, IconPencil, IconPlus, IconShieldLock, IconTrash, IconUserShield } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProtectedPerson, RevealedPerson } from '../../../../shared/contract';
import { ApiError, invoke } from '../../api/client';
import { notifyFailure } from '../../ui/notify';
import { PlaceholderPanel } from '../../ui/PlaceholderPanel';
import { useAllegations } from '../allegations/queries';
import { caseKeys } from '../cases/queries';
import { ProtectedPersonForm } from './ProtectedPersonForm';
import { useProtectedPersons } from './queries';
import { RemoveProtectedPersonModal } from './RemoveProtectedPersonModal';

type Dialog =
  | { kind: 'form'; person: RevealedPerson | null; pseudonym?: string }
  | { kind: 'remove'; person: ProtectedPerson }
  | null;

const IDENTITY_FIELDS = ['fullName', 'otherNames', 'contact', 'notes'] as const;

/** One revealed identity, shown under its row until hidden (or the panel is left). */
function IdentityRow({ person }: { person: RevealedPerson }) {
  const { t } = useTranslation();
  return (
    <Table.Tr data-testid="protected-identity" data-pseudonym={person.pseudonym}>
      <Table.Td colSpan={5} style={{ borderLeft: '3px solid var(--mantine-color-orange-5)' }}>
        <Box component="dl" m={0} style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 16, rowGap: 4 }}>
            {IDENTITY_FIELDS.map((field) => (
              <Fragment key={field}>
                <Text component="dt" size="sm" c="dimmed">
                  {t(`protected.fields.${field}`)}
                </Text>
                <Text component="dd" size="sm" m={0} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-field={field}>
                  {person.identity[field] || '—'}
                </Text>
              </Fragment>
            ))}
        </Box>
      </Table.Td>
    </Table.Tr>
  );
}

/**
 * Victims, witnesses and sources of a case: pseudonyms and roles, with each real identity shown
 * only on an explicit Reveal (recorded in the case history) and forgotten when hidden or when the
 * panel is left. Mount it only while its tab is shown.
 */
export function ProtectedPersonsPanel({ caseId, readOnly }: { caseId: string; readOnly: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const persons = useProtectedPersons(caseId);
  const allegations = useAllegations(caseId);
  const [revealed, setRevealed] = useState<Record<string, RevealedPerson>>({});
  const [dialog, setDialog] = useState<Dialog>(null);

  const reveal = useMutation({
    mutationFn: (id: string) => invoke('protected.reveal', { id }),
    onSuccess: (person) => {
      setRevealed((shown) => ({ ...shown, [person.id]: person }));
      void queryClient.invalidateQueries({ queryKey: caseKeys.detail(caseId) }); // the history has a new line
    },
    onError: notifyFailure,
  });
  const hide = (id: string) =>
    setRevealed((shown) => {
      const { [id]: _hidden, ...rest } = shown;
      return rest;
    });
  const edit = (person: ProtectedPerson) => {
    const shown = revealed[person.id];
    if (shown) return setDialog({ kind: 'form', person: shown });
    // Editing shows the identity, so it is a reveal too (and recorded as one).
    reveal.mutate(person.id, { onSuccess: (full) => setDialog({ kind: 'form', person: full }) });
  };

  if (persons.isPending) return <Loader size="sm" m="md" />;
  if (persons.isError) {
    const code = persons.error instanceof ApiError ? persons.error.code : 'INTERNAL';
    return (
      <Alert color="red" variant="light" m="md">
        {t(`errors.${code}`)}
      </Alert>
    );
  }

  const rows = persons.data;
  const recorded = new Set(rows.map((p) => p.pseudonym));
  const unrecorded = [...new Set((allegations.data ?? []).flatMap((a) => a.victims.map((v) => v.pseudonym)))].filter((p) => !recorded.has(p)).sort();

  return (
    <Stack gap="sm" p="md" data-testid="protected-panel">
      <Alert variant="light" color="gray" icon={<IconShieldLock size={16} />} p="xs">
        {t('protected.intro')}
      </Alert>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('protected.count', { count: rows.length })}
        </Text>
        {!readOnly && (
          <Button data-testid="add-protected" leftSection={<IconPlus size={14} />} onClick={() => setDialog({ kind: 'form', person: null })}>
            {t('protected.add')}
          </Button>
        )}
      </Group>
      {rows.length === 0 ? (
        <PlaceholderPanel
          icon={<IconUserShield size={28} stroke={1.4} />}
          title={t('protected.empty.title')}
          description={t(readOnly ? 'protected.empty.closed' : 'protected.empty.description')}
        />
      ) : (
        <Table layout="fixed" data-testid="protected-table" miw={720}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={160}>{t('protected.columns.pseudonym')}</Table.Th>
              <Table.Th w={120}>{t('protected.columns.role')}</Table.Th>
              <Table.Th>{t('protected.columns.namedIn')}</Table.Th>
              <Table.Th w={150}>{t('protected.columns.identity')}</Table.Th>
              <Table.Th w={200}>
                <VisuallyHidden>{t('protected.columns.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((p) => {
              const shown = revealed[p.id];
              return (
                <Fragment key={p.id}>
                  <Table.Tr data-testid="protected-row" data-pseudonym={p.pseudonym}>
                    <Table.Td ff="monospace" fw={600}>
                      {p.pseudonym}
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color="gray" size="sm">
                        {t(`protected.roles.${p.role}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td ff="monospace" fz="xs">
                      {p.allegations.join(', ') || '—'}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c={p.identityRecorded ? undefined : 'dimmed'}>
                        {t(p.identityRecorded ? 'protected.identityRecorded' : 'protected.identityMissing')}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        {shown ? (
                          <Button size="xs" variant="default" data-testid="protected-hide" leftSection={<IconEyeOff size={14} />} onClick={() => hide(p.id)}>
                            {t('protected.hide')}
                          </Button>
                        ) : (
                          <Button
                            size="xs"
                            variant="light"
                            color="orange"
                            data-testid="protected-reveal"
                            leftSection={<IconEye size={14} />}
                            loading={reveal.isPending && reveal.variables === p.id}
                            onClick={() => reveal.mutate(p.id)}
                          >
                            {t('protected.reveal')}
                          </Button>
                        )}
                        {!readOnly && (
                          <>
                            <Tooltip label={t('protected.edit')}>
                              <ActionIcon variant="subtle" aria-label={t('protected.edit')} data-testid="protected-edit" onClick={() => edit(p)}>
                                <IconPencil size={16} />
                              </ActionIcon>
                            </Tooltip>
                            <Tooltip label={t('protected.remove')}>
                              <ActionIcon
                                variant="subtle"
                                color="red"
                                aria-label={t('protected.remove')}
                                data-testid="protected-remove"
                                onClick={() => setDialog({ kind: 'remove', person: p })}
                              >
                                <IconTrash size={16} />
                              </ActionIcon>
                            </Tooltip>
                          </>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                  {shown && <IdentityRow person={shown} />}
                </Fragment>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {unrecorded.length > 0 && (
        <Group gap="xs" data-testid="protected-unrecorded">
          <Text size="sm" c="dimmed">
            {t('protected.unrecorded')}
          </Text>
          {unrecorded.map((pseudonym) =>
            readOnly ? (
              <Badge key={pseudonym} variant="outline" color="gray" ff="monospace">
                {pseudonym}
              </Badge>
            ) : (
              <Button
                key={pseudonym}
                size="compact-xs"
                variant="outline"
                leftSection={<IconPlus size={12} />}
                onClick={() => setDialog({ kind: 'form', person: null, pseudonym })}
              >
                {pseudonym}
              </Button>
            ),
          )}
        </Group>
      )}
      {dialog?.kind === 'form' && (
        <ProtectedPersonForm
          caseId={caseId}
          person={dialog.person}
          {...(dialog.pseudonym ? { pseudonym: dialog.pseudonym } : {})}
          onClose={() => {
            // What was edited is shown again only on a new reveal.
            if (dialog.person) hide(dialog.person.id);
            setDialog(null);
          }}
        />
      )}
      {dialog?.kind === 'remove' && <RemoveProtectedPersonModal person={dialog.person} onClose={() => setDialog(null)} />}
    </Stack>
  );
}
