import { Badge, Group, Loader, Modal, ScrollArea, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../api/client';
import { evidenceKeys } from '../evidence/queries';
import { subjectKeys } from '../subjects/queries';

export type PickerKind = 'exhibit' | 'subject';

export interface PickedReference {
  id: string;
  /** The exhibit ("E-12") or the subject's name, as it reads now. */
  label: string;
}

interface Option extends PickedReference {
  detail: string;
}

/** The case's evidence, searched by the evidence service itself (exhibit, title, text of the files). */
function useExhibitOptions(caseId: string, search: string, enabled: boolean) {
  return useQuery({
    queryKey: [...evidenceKeys.list(caseId, search), 'picker'],
    queryFn: () => invoke('evidence.list', { caseId, search, limit: 50 }),
    select: (page): Option[] => page.items.map((item) => ({ id: item.id, label: item.exhibit, detail: item.title })),
    enabled,
    placeholderData: (previous) => previous,
  });
}

/** The case's subjects, filtered here by any of their names or aliases (a case has tens, not thousands). */
function useSubjectOptions(caseId: string, search: string, enabled: boolean) {
  return useQuery({
    queryKey: subjectKeys.forCase(caseId),
    queryFn: () => invoke('subjects.listForCase', { caseId }),
    select: (rows): Option[] => {
      const needle = search.toLowerCase();
      return rows
        .filter(({ subject }) =>
          !needle ||
          subject.reference.toLowerCase() === needle ||
          [...subject.names, ...subject.aliases].some((n) => n.value.toLowerCase().includes(needle)),
        )
        .map(({ subject }) => ({ id: subject.id, label: subject.displayName, detail: subject.reference }));
    },
    enabled,
  });
}

/**
 * Search and pick what to insert: an exhibit of the case (by its exhibit, title or words in the
 * file) or one of its subjects. Arrow keys move, Enter inserts, Escape goes back to the text.
 */
export function ReferencePicker({
  kind,
  caseId,
  onPick,
  onClose,
}: {
  kind: PickerKind | null;
  caseId: string;
  onPick: (kind: PickerKind, picked: PickedReference) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [search] = useDebouncedValue(text.trim(), 150);
  const [active, setActive] = useState(0);
  const exhibits = useExhibitOptions(caseId, search, kind === 'exhibit');
  const subjects = useSubjectOptions(caseId, search, kind === 'subject');
  const query = kind === 'subject' ? subjects : exhibits;
  const options = query.data ?? [];
  const current = Math.min(active, Math.max(0, options.length - 1));

  const close = () => {
    setText('');
    setActive(0);
    onClose();
  };
  const pick = (option: Option | undefined) => {
    if (!option || !kind) return;
    setText('');
    setActive(0);
    onPick(kind, { id: option.id, label: option.label });
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') setActive((i) => Math.min(i + 1, options.length - 1));
    else if (event.key === 'ArrowUp') setActive((i) => Math.max(i - 1, 0));
    else if (event.key === 'Enter') pick(options[current]);
    else return;
    event.preventDefault();
  };

  return (
    <Modal
      opened={kind !== null}
      onClose={close}
      title={kind === 'subject' ? t('richtext.picker.subjectTitle') : t('richtext.picker.exhibitTitle')}
      size="md"
      data-testid="reference-picker"
    >
      <Stack gap="xs">
        <TextInput
          data-autofocus
          data-testid="reference-search"
          aria-label={t('richtext.picker.search')}
          placeholder={kind === 'subject' ? t('richtext.picker.subjectPlaceholder') : t('richtext.picker.exhibitPlaceholder')}
          leftSection={query.isFetching ? <Loader size={12} /> : <IconSearch size={14} />}
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
        <ScrollArea.Autosize mah={320} type="auto">
          <Stack gap={2} role="listbox" aria-label={t('richtext.picker.results')}>
            {options.map((option, i) => (
              <UnstyledButton
                key={option.id}
                role="option"
                aria-selected={i === current}
                data-testid="reference-option"
                onMouseEnter={() => setActive(i)}
                onClick={() => pick(option)}
                px="xs"
                py={6}
                style={{ borderRadius: 4, background: i === current ? 'var(--mantine-color-slate-0)' : undefined }}
              >
                <Group gap="sm" wrap="nowrap">
                  <Badge variant="outline" color="gray" ff={kind === 'exhibit' ? 'monospace' : undefined} style={{ flexShrink: 0 }}>
                    {kind === 'exhibit' ? option.label : option.detail}
                  </Badge>
                  <Text size="sm" truncate>
                    {kind === 'exhibit' ? option.detail : option.label}
                  </Text>
                </Group>
              </UnstyledButton>
            ))}
            {!query.isPending && options.length === 0 && (
              <Text size="sm" c="dimmed" px="xs" py={6}>
                {search ? t('richtext.picker.noMatch') : kind === 'subject' ? t('richtext.picker.noSubjects') : t('richtext.picker.noExhibits')}
              </Text>
            )}
          </Stack>
        </ScrollArea.Autosize>
        <Text size="xs" c="dimmed">
          {t('richtext.picker.hint')}
        </Text>
      </Stack>
    </Modal>
  );
}
