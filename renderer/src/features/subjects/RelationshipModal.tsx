import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelInput, ChannelOutput, Relationship } from '../../../../shared/contract';
import { RELATIONSHIP_KINDS, type RelationshipKind } from '../../../../shared/domain/subjects';
import { invoke } from '../../api/client';
import { fieldErrors, isValidationError, type FieldErrors } from '../../forms/fieldErrors';
import { OtherIssues } from '../../forms/OtherIssues';
import { notifyFailure, notifySuccess } from '../../ui/notify';
import { FuzzyDateInput, type FuzzyDateValues } from '../allegations/FuzzyDateInput';
import { refreshAfterSubjectChange } from './queries';

interface Values {
  fromId: string | null;
  kind: RelationshipKind;
  toId: string | null;
  period: FuzzyDateValues;
  note: string;
}

const PATHS = [/^fromId$/, /^toId$/, /^kind$/, /^period(\.(precision|value|from|to))?$/, /^note$/];

const EMPTY: Values = { fromId: null, kind: 'commands', toId: null, period: { precision: 'unknown', value: '', from: '', to: '' }, note: '' };

function valuesOf(r: Relationship): Values {
  const p = r.period;
  const period: FuzzyDateValues =
    p.precision === 'unknown'
      ? { precision: 'unknown', value: '', from: '', to: '' }
      : p.precision === 'range'
        ? { precision: 'range', value: '', from: p.from, to: p.to }
        : { precision: p.precision, value: p.value, from: '', to: '' };
  return { fromId: r.fromId, kind: r.kind, toId: r.toId, period, note: r.note };
}

/** A directed relationship between two subjects: "A commands B". New, or (given one) edited in place. */
export function RelationshipModal({
  caseId,
  subjects,
  relationship = null,
  onClose,
}: {
  caseId: string;
  subjects: ChannelOutput<'subjects.relationships'>['subjects'];
  /** The relationship to edit; null for a new one. */
  relationship?: Relationship | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: relationship ? valuesOf(relationship) : EMPTY,
  });
  const [otherIssues, setOtherIssues] = useState<FieldErrors['other']>([]);
  const options = subjects.map((s) => ({ value: s.id, label: `${s.reference} ${s.displayName}` }));

  const save = useMutation({
    mutationFn: ({ period: p, ...v }: Values) => {
      const fields: ChannelInput<'subjects.createRelationship'> = {
        ...v,
        // An empty choice is sent as it is: the server's "required" is what the user sees.
        fromId: v.fromId as string,
        toId: v.toId as string,
        period:
          p.precision === 'unknown'
            ? { precision: 'unknown' }
            : p.precision === 'range'
              ? { precision: 'range', from: p.from, to: p.to }
              : { precision: p.precision, value: p.value },
        // Citations are not edited here: an edit keeps the ones the relationship has.
        evidenceIds: relationship?.evidenceIds ?? [],
      };
      return relationship
        ? invoke('subjects.updateRelationship', { ...fields, id: relationship.id })
        : invoke('subjects.createRelationship', fields);
    },
    onSuccess: () => {
      refreshAfterSubjectChange(queryClient, caseId);
      notifySuccess((t) => t('subjects.relationshipSaved'));
      onClose();
    },
    onError: (error) => {
      if (!isValidationError(error)) return notifyFailure(error);
      const { byField, other } = fieldErrors(error.fields, (path) => PATHS.some((re) => re.test(path)));
      form.setErrors(byField);
      setOtherIssues(other);
    },
  });

  return (
    <Modal
      opened
      onClose={onClose}
      title={t(relationship ? 'relationshipForm.editTitle' : 'relationshipForm.title')}
      size={720}
      closeOnClickOutside={false}
    >
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          setOtherIssues([]);
          save.mutate(values);
        })}
      >
        <Stack gap="sm">
          <Group gap="xs" align="flex-start" wrap="nowrap" grow>
            <Select
              data-testid="relationship-from"
              // A new relationship starts at its subject; an edit at the note, without opening a list over the form.
              data-autofocus={relationship ? undefined : true}
              label={t('relationshipForm.from')}
              data={options}
              searchable
              {...form.getInputProps('fromId')}
            />
            <Select
              data-testid="relationship-kind"
              label={t('relationshipForm.kind')}
              data={RELATIONSHIP_KINDS.map((k) => ({ value: k, label: t(`relationshipKinds.${k}`) }))}
              allowDeselect={false}
              {...form.getInputProps('kind')}
            />
            <Select
              data-testid="relationship-to"
              label={t('relationshipForm.to')}
              data={options}
              searchable
              {...form.getInputProps('toId')}
            />
          </Group>
          <FuzzyDateInput form={form} label={t('relationshipForm.period')} testId="relationship" width={160} disabled={false} />
          <TextInput
            data-testid="relationship-note"
            data-autofocus={relationship ? true : undefined}
            label={t('relationshipForm.note')}
            placeholder={t('relationshipForm.notePlaceholder')}
            {...form.getInputProps('note')}
          />
          <OtherIssues issues={otherIssues} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" size="sm" onClick={onClose}>
              {t('form.cancel')}
            </Button>
            <Button type="submit" size="sm" data-testid="relationship-submit" loading={save.isPending}>
              {t(relationship ? 'relationshipForm.submitUpdate' : 'relationshipForm.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
