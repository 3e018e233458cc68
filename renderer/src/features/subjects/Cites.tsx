import { ActionIcon, Badge, Group, MultiSelect, Popover, Text } from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
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

export interface EvidenceOption {
  value: string;
  label: string;
}

interface PickerProps {
  /** The fact row's cited evidence ids, as the form holds them. */
  value: string[];
  onChange: (ids: string[]) => void;
  exhibits: Record<string, string>;
  /** The case's evidence items: "E-3 · title". */
  options: EvidenceOption[];
  readOnly: boolean;
  /** Prefix for test ids: `${testId}-cite` (the button) and `${testId}-evidence` (the picker). */
  testId: string;
}

/**
 * The chips of what a fact cites and, unless read-only, a button opening a picker of the case's
 * evidence items. The picker stays inside the editor's own DOM (no portal), so the drawer's focus
 * trap and click-outside handling leave it alone.
 */
export function CitePicker({ value, onChange, exhibits, options, readOnly, testId }: PickerProps) {
  const { t } = useTranslation();
  // A cited item of another case (cited elsewhere) is kept, and shown by its exhibit.
  const known = new Set(options.map((o) => o.value));
  const data = [...options, ...value.filter((id) => !known.has(id)).map((id) => ({ value: id, label: exhibits[id] ?? id }))];
  return (
    <Group gap={4} wrap="nowrap" mt={4}>
      <Cites ids={value} exhibits={exhibits} />
      {!readOnly && (
        <Popover position="bottom-end" shadow="md" withinPortal={false} trapFocus>
          <Popover.Target>
            <ActionIcon
              size="sm"
              variant="subtle"
              data-testid={`${testId}-cite`}
              aria-label={t('subjectForm.cite')}
              title={t('subjectForm.cite')}
            >
              <IconPaperclip size={14} />
            </ActionIcon>
          </Popover.Target>
          <Popover.Dropdown>
            <MultiSelect
              data-testid={`${testId}-evidence`}
              label={t('subjectForm.citeLabel')}
              placeholder={options.length ? t('subjectForm.citePlaceholder') : undefined}
              nothingFoundMessage={t('subjectForm.citeNone')}
              data={data}
              value={value}
              onChange={onChange}
              searchable
              clearable
              w={380}
              comboboxProps={{ withinPortal: false }}
            />
          </Popover.Dropdown>
        </Popover>
      )}
    </Group>
  );
}
