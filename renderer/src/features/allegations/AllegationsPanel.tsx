import { Alert, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconListDetails, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Allegation } from '../../../../shared/contract';
import { ApiError } from '../../api/client';
import { PlaceholderPanel } from '../../ui/PlaceholderPanel';
import { AllegationForm } from './AllegationForm';
import { AllegationTable } from './AllegationTable';
import { useAllegations } from './queries';
import { RemoveAllegationModal } from './RemoveAllegationModal';

/** Which dialog is open: the form (for a new or an existing allegation) or the removal question. */
type Dialog = { kind: 'form'; allegation: Allegation | null } | { kind: 'remove'; allegation: Allegation } | null;

export function AllegationsPanel({ caseId, readOnly }: { caseId: string; readOnly: boolean }) {
  const { t } = useTranslation();
  const allegations = useAllegations(caseId);
  const [dialog, setDialog] = useState<Dialog>(null);
  // Never replaces a dialog already open: Ctrl+N inside a form must not discard what is typed.
  const add = () => !readOnly && setDialog((open) => open ?? { kind: 'form', allegation: null });
  useHotkeys([['mod+N', add, { preventDefault: true }]], []);

  if (allegations.isPending) return <Loader size="sm" m="md" />;
  if (allegations.isError) {
    const code = allegations.error instanceof ApiError ? allegations.error.code : 'INTERNAL';
    return (
      <Alert color="red" variant="light" m="md">
        {t(`errors.${code}`)}
      </Alert>
    );
  }

  const rows = allegations.data;
  return (
    <Stack gap="sm" p="md">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('allegations.count', { count: rows.length })}
        </Text>
        {!readOnly && (
          <Button data-testid="add-allegation" leftSection={<IconPlus size={14} />} onClick={add}>
            {t('allegations.add')}
          </Button>
        )}
      </Group>
      {rows.length === 0 ? (
        <PlaceholderPanel
          icon={<IconListDetails size={28} stroke={1.4} />}
          title={t('allegations.empty.title')}
          description={t(readOnly ? 'allegations.closedEmpty' : 'allegations.empty.description')}
        />
      ) : (
        <AllegationTable
          allegations={rows}
          readOnly={readOnly}
          onEdit={(allegation) => setDialog({ kind: 'form', allegation })}
          onRemove={(allegation) => setDialog({ kind: 'remove', allegation })}
        />
      )}
      {dialog?.kind === 'form' && (
        <AllegationForm caseId={caseId} allegation={dialog.allegation} readOnly={readOnly} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'remove' && <RemoveAllegationModal allegation={dialog.allegation} onClose={() => setDialog(null)} />}
    </Stack>
  );
}
