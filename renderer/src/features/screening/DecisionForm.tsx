import { Button, Group, Stack, Textarea } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScreeningCandidate } from '../../../../shared/contract/channels/screening';
import { invoke } from '../../api/client';
import { fieldErrors, isValidationError } from '../../forms/fieldErrors';
import { OtherIssues } from '../../forms/OtherIssues';
import { notifyFailure, notifySuccess } from '../../ui/notify';
import { refreshAfterScreening } from './queries';

interface Props {
  candidate: ScreeningCandidate;
  /** The case whose history records the decision. */
  caseId: string | null;
  onDone?: () => void;
  onCancel?: () => void;
}

/** Confirm (the same person) or reject (someone else), with a note the case history keeps. */
export function DecisionForm({ candidate, caseId, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [note, setNote] = useState(candidate.note);
  const decide = useMutation({
    mutationFn: (decision: 'confirmed' | 'rejected') =>
      invoke('screening.decide', { candidateId: candidate.id, decision, note, ...(caseId ? { caseId } : {}) }),
    onSuccess: (saved) => {
      refreshAfterScreening(queryClient);
      notifySuccess((t) => t(saved.decision === 'confirmed' ? 'screening.decision.confirmedToast' : 'screening.decision.rejectedToast', { name: saved.seen.name }));
      onDone?.();
    },
    onError: (error) => {
      if (!isValidationError(error)) notifyFailure(error);
    },
  });
  const errors = isValidationError(decide.error) ? fieldErrors(decide.error.fields, (path) => path === 'note') : null;
  return (
    <Stack gap={6} data-testid="candidate-decide">
      <Textarea
        data-testid="candidate-note"
        label={t('screening.decision.note')}
        description={t('screening.decision.noteHint')}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        autosize
        minRows={1}
        maxRows={5}
        size="xs"
        error={errors?.byField['note']}
      />
      {errors && errors.other.length > 0 && <OtherIssues issues={errors.other} />}
      <Group gap="xs">
        <Button
          color="red"
          leftSection={<IconCheck size={14} />}
          loading={decide.isPending && decide.variables === 'confirmed'}
          disabled={decide.isPending}
          onClick={() => decide.mutate('confirmed')}
          data-testid="candidate-confirm"
        >
          {t('screening.decision.confirm')}
        </Button>
        <Button
          variant="default"
          leftSection={<IconX size={14} />}
          loading={decide.isPending && decide.variables === 'rejected'}
          disabled={decide.isPending}
          onClick={() => decide.mutate('rejected')}
          data-testid="candidate-reject"
        >
          {t('screening.decision.reject')}
        </Button>
        {onCancel && (
          <Button variant="subtle" onClick={onCancel}>
            {t('form.cancel')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
