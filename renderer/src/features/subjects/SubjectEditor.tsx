import {
  ActionIcon,
  Button,
  Checkbox,
  Divider,
  Drawer,
  Group,
  Input,
  MultiSelect,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Allegation, CaseSubject } from '../../../../shared/contract';
import { CONDUCT_CATEGORIES } from '../../../../shared/domain/conduct-categories';
import {
  ALIAS_STRENGTHS,
  DOCUMENT_TYPES,
  NAME_SCRIPTS,
  SUBJECT_ROLES,
  SUBJECT_TYPES,
} from '../../../../shared/domain/subjects';
import { invoke } from '../../api/client';
import { fieldErrors, isValidationError, type FieldErrors } from '../../forms/fieldErrors';
import { OtherIssues } from '../../forms/OtherIssues';
import { useLanguage } from '../../i18n/useLanguage';
import { notifyFailure, notifySuccess } from '../../ui/notify';
import { FuzzyDateInput } from '../allegations/FuzzyDateInput';
import { useCountryOptions } from '../cases/useCountryOptions';
import { CitePicker } from './Cites';
import { useEvidenceChoices } from '../evidence/queries';
import { refreshAfterSubjectChange } from './queries';
import {
  emptySubjectValues,
  isSubjectFormPath,
  newRow,
  subjectValues,
  toRoles,
  toSubjectInput,
  type SubjectFormValues,
} from './subjectForm';

interface Props {
  caseId: string;
  /** The subject to edit, or null for a new one. */
  linked: CaseSubject | null;
  allegations: Allegation[];
  readOnly: boolean;
  onClose: () => void;
}

type ListName = 'names' | 'aliases' | 'birthDates' | 'birthPlaces' | 'documents' | 'positions' | 'addresses' | 'roles';

/** Adds or edits a subject and its roles in this case. Mount it only while open. */
export function SubjectEditor({ caseId, linked, allegations, readOnly, onClose }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const countries = useCountryOptions();
  const form = useForm<SubjectFormValues>({
    mode: 'controlled',
    initialValues: linked ? subjectValues(linked) : emptySubjectValues(),
  });
  const [otherIssues, setOtherIssues] = useState<FieldErrors['other']>([]);
  // Once created, later saves update: a failed role change must not create the subject twice.
  const [savedId, setSavedId] = useState<string | null>(linked?.subject.id ?? null);
  const evidence = useEvidenceChoices(caseId);
  const evidenceOptions = (evidence.data ?? []).map((e) => ({ value: e.id, label: `${e.exhibit} · ${e.title}` }));
  // What the server resolved for saved citations, and the case's items for ones just chosen.
  const exhibits: Record<string, string> = {
    ...Object.fromEntries((evidence.data ?? []).map((e) => [e.id, e.exhibit])),
    ...linked?.subject.exhibits,
  };

  const save = useMutation({
    mutationFn: async (values: SubjectFormValues) => {
      const input = toSubjectInput(values);
      const subject = savedId
        ? await invoke('subjects.update', { ...input, id: savedId })
        : await invoke('subjects.create', { ...input, caseId });
      setSavedId(subject.id);
      await invoke('subjects.setRoles', { caseId, subjectId: subject.id, roles: toRoles(values) });
      return subject;
    },
    onSuccess: (saved) => {
      refreshAfterSubjectChange(queryClient, caseId);
      notifySuccess((t) => t(linked ? 'subjects.updated' : 'subjects.created', { reference: saved.reference }));
      onClose();
    },
    onError: (error) => {
      refreshAfterSubjectChange(queryClient, caseId);
      if (!isValidationError(error)) return notifyFailure(error);
      const { byField, other } = fieldErrors(error.fields, isSubjectFormPath);
      // Nationalities are one MultiSelect: an issue with any of them is shown under it.
      for (const [path, message] of Object.entries(byField)) {
        if (/^nationalities\.\d+/.test(path)) byField['nationalities'] ??= message;
      }
      form.setErrors(byField);
      setOtherIssues(other);
    },
  });

  const scripts = NAME_SCRIPTS.map((s) => ({ value: s.code, label: s[language] }));
  const allegationOptions = allegations.map((a) => ({
    value: a.id,
    label: `${a.reference} · ${CONDUCT_CATEGORIES.find((c) => c.code === a.category)?.[language] ?? a.category}`,
  }));
  const title = !linked
    ? t('subjectForm.addTitle')
    : t(readOnly ? 'subjectForm.viewTitle' : 'subjectForm.editTitle', { reference: linked.subject.reference });

  const cite = (list: Exclude<ListName, 'roles'>, index: number, ids: string[], testId: string) => (
    <CitePicker
      value={ids}
      onChange={(next) => form.setFieldValue(`${list}.${index}.evidenceIds`, next)}
      exhibits={exhibits}
      options={evidenceOptions}
      readOnly={readOnly}
      testId={testId}
    />
  );

  const removeButton = (list: ListName, index: number) =>
    !readOnly && (
      <ActionIcon
        mt={4}
        data-testid={`subject-${list}-remove-${index}`}
        aria-label={t('subjectForm.remove', { n: index + 1 })}
        onClick={() => form.removeListItem(list, index)}
      >
        <IconTrash size={14} />
      </ActionIcon>
    );

  const section = (
    list: ListName,
    label: string,
    addLabel: string,
    add: () => SubjectFormValues[ListName][number],
    rows: ReactNode,
    hint?: string,
  ) => (
    <Input.Wrapper
      label={<Title order={6}>{label}</Title>}
      description={hint}
      error={form.errors[list]}
      data-testid={`subject-section-${list}`}
    >
      <Stack gap={6} mt={6}>
        {form.values[list].length === 0 && (
          <Text size="sm" c="dimmed">
            {t('subjectForm.none')}
          </Text>
        )}
        {rows}
        {!readOnly && (
          <div>
            <Button
              data-testid={`subject-${list}-add`}
              variant="subtle"
              size="compact-sm"
              leftSection={<IconPlus size={14} />}
              onClick={() => form.insertListItem(list, add())}
            >
              {addLabel}
            </Button>
          </div>
        )}
      </Stack>
    </Input.Wrapper>
  );

  return (
    <Drawer opened onClose={onClose} title={<Title order={4}>{title}</Title>} position="right" size={960} closeOnClickOutside={false}>
      <form
        noValidate
        data-testid="subject-form"
        onSubmit={form.onSubmit((values) => {
          setOtherIssues([]);
          save.mutate(values);
        })}
      >
        <Stack gap="md">
          <Input.Wrapper label={t('subjectForm.type')} error={form.errors['type']}>
            <div>
              <SegmentedControl
                data-testid="subject-type"
                mt={4}
                size="sm"
                disabled={readOnly}
                data={SUBJECT_TYPES.map((type) => ({ value: type, label: t(`subjectTypes.${type}`) }))}
                {...form.getInputProps('type')}
              />
            </div>
          </Input.Wrapper>

          {section(
            'names',
            t('subjectForm.names'),
            t('subjectForm.addName'),
            () => newRow.names(),
            form.values.names.map((name, i) => (
              <Group key={name.key} gap="xs" align="flex-start" wrap="nowrap">
                <Select
                  data-testid={`subject-name-script-${i}`}
                  aria-label={t('subjectForm.script')}
                  data={scripts}
                  allowDeselect={false}
                  disabled={readOnly}
                  w={190}
                  {...form.getInputProps(`names.${i}.script`)}
                />
                <TextInput
                  data-testid={`subject-name-${i}`}
                  aria-label={t('subjectForm.name')}
                  data-autofocus={i === 0 || undefined}
                  lang={NAME_SCRIPTS.find((s) => s.code === name.script)?.lang}
                  disabled={readOnly}
                  flex={1}
                  {...form.getInputProps(`names.${i}.value`)}
                />
                <Checkbox
                  data-testid={`subject-name-primary-${i}`}
                  mt={8}
                  label={t('subjectForm.primary')}
                  title={t('subjectForm.primaryOf')}
                  disabled={readOnly}
                  {...form.getInputProps(`names.${i}.primary`, { type: 'checkbox' })}
                />
                {cite('names', i, name.evidenceIds, `subject-name-${i}`)}
                {removeButton('names', i)}
              </Group>
            )),
            t('subjectForm.namesHint'),
          )}

          {section(
            'aliases',
            t('subjectForm.aliases'),
            t('subjectForm.addAlias'),
            newRow.aliases,
            form.values.aliases.map((alias, i) => (
              <Group key={alias.key} gap="xs" align="flex-start" wrap="nowrap">
                <Select
                  data-testid={`subject-alias-script-${i}`}
                  aria-label={t('subjectForm.script')}
                  data={scripts}
                  allowDeselect={false}
                  disabled={readOnly}
                  w={190}
                  {...form.getInputProps(`aliases.${i}.script`)}
                />
                <TextInput
                  data-testid={`subject-alias-${i}`}
                  aria-label={t('subjectForm.name')}
                  disabled={readOnly}
                  flex={1}
                  {...form.getInputProps(`aliases.${i}.value`)}
                />
                <SegmentedControl
                  data-testid={`subject-alias-strength-${i}`}
                  aria-label={t('subjectForm.strength')}
                  size="xs"
                  mt={4}
                  disabled={readOnly}
                  data={ALIAS_STRENGTHS.map((s) => ({ value: s, label: t(`aliasStrength.${s}`) }))}
                  {...form.getInputProps(`aliases.${i}.strength`)}
                />
                {cite('aliases', i, alias.evidenceIds, `subject-alias-${i}`)}
                {removeButton('aliases', i)}
              </Group>
            )),
            t('subjectForm.aliasesHint'),
          )}

          {section(
            'birthDates',
            t('subjectForm.birthDates'),
            t('subjectForm.addBirthDate'),
            newRow.birthDates,
            form.values.birthDates.map((b, i) => (
              <Group key={b.key} gap="xs" align="flex-end" wrap="nowrap">
                <FuzzyDateInput
                  form={form}
                  path={`birthDates.${i}.date`}
                  label={t('subjectForm.birthDate', { n: i + 1 })}
                  testId={`subject-dob-${i}`}
                  width={150}
                  disabled={readOnly}
                />
                <TextInput
                  data-testid={`subject-dob-source-${i}`}
                  label={t('subjectForm.sourceText')}
                  disabled={readOnly}
                  flex={1}
                  {...form.getInputProps(`birthDates.${i}.sourceText`)}
                />
                {cite('birthDates', i, b.evidenceIds, `subject-dob-${i}`)}
                {removeButton('birthDates', i)}
              </Group>
            )),
            t('subjectForm.birthDatesHint'),
          )}

          {section(
            'birthPlaces',
            t('subjectForm.birthPlaces'),
            t('subjectForm.addBirthPlace'),
            newRow.birthPlaces,
            form.values.birthPlaces.map((b, i) => (
              <Group key={b.key} gap="xs" align="flex-start" wrap="nowrap">
                <TextInput
                  data-testid={`subject-birthplace-${i}`}
                  aria-label={t('subjectForm.place')}
                  placeholder={t('subjectForm.place')}
                  disabled={readOnly}
                  flex={1}
                  {...form.getInputProps(`birthPlaces.${i}.place`)}
                />
                <Select
                  aria-label={t('subjectForm.country')}
                  placeholder={t('subjectForm.country')}
                  data={countries}
                  searchable
                  clearable
                  disabled={readOnly}
                  w={240}
                  {...form.getInputProps(`birthPlaces.${i}.country`)}
                />
                {cite('birthPlaces', i, b.evidenceIds, `subject-birthplace-${i}`)}
                {removeButton('birthPlaces', i)}
              </Group>
            )),
          )}

          <MultiSelect
            data-testid="subject-nationalities"
            label={<Title order={6}>{t('subjectForm.nationalities')}</Title>}
            placeholder={form.values.nationalities.length ? undefined : t('subjectForm.nationalitiesPlaceholder')}
            data={countries}
            searchable
            clearable
            disabled={readOnly}
            {...form.getInputProps('nationalities')}
          />

          {section(
            'documents',
            t('subjectForm.documents'),
            t('subjectForm.addDocument'),
            newRow.documents,
            form.values.documents.map((d, i) => (
              <Group key={d.key} gap="xs" align="flex-start" wrap="nowrap">
                <Select
                  data-testid={`subject-document-type-${i}`}
                  aria-label={t('subjectForm.documentType')}
                  data={DOCUMENT_TYPES.map((type) => ({ value: type, label: t(`documentTypes.${type}`) }))}
                  allowDeselect={false}
                  disabled={readOnly}
                  w={150}
                  {...form.getInputProps(`documents.${i}.type`)}
                />
                <TextInput
                  data-testid={`subject-document-number-${i}`}
                  aria-label={t('subjectForm.number')}
                  placeholder={t('subjectForm.number')}
                  ff="monospace"
                  disabled={readOnly}
                  w={180}
                  {...form.getInputProps(`documents.${i}.number`)}
                />
                <Select
                  data-testid={`subject-document-country-${i}`}
                  aria-label={t('subjectForm.issuer')}
                  placeholder={t('subjectForm.issuer')}
                  data={countries}
                  searchable
                  clearable
                  disabled={readOnly}
                  w={200}
                  {...form.getInputProps(`documents.${i}.country`)}
                />
                <TextInput
                  aria-label={t('subjectForm.note')}
                  placeholder={t('subjectForm.note')}
                  disabled={readOnly}
                  flex={1}
                  {...form.getInputProps(`documents.${i}.note`)}
                />
                {cite('documents', i, d.evidenceIds, `subject-document-${i}`)}
                {removeButton('documents', i)}
              </Group>
            )),
          )}

          {section(
            'positions',
            t('subjectForm.positions'),
            t('subjectForm.addPosition'),
            newRow.positions,
            form.values.positions.map((p, i) => (
              <Stack key={p.key} gap={4}>
                <Group gap="xs" align="flex-start" wrap="nowrap">
                  <TextInput
                    data-testid={`subject-position-${i}`}
                    aria-label={t('subjectForm.positionTitle')}
                    placeholder={t('subjectForm.positionTitle')}
                    disabled={readOnly}
                    flex={1}
                    {...form.getInputProps(`positions.${i}.title`)}
                  />
                  <TextInput
                    aria-label={t('subjectForm.organization')}
                    placeholder={t('subjectForm.organization')}
                    disabled={readOnly}
                    flex={1}
                    {...form.getInputProps(`positions.${i}.organization`)}
                  />
                  {cite('positions', i, p.evidenceIds, `subject-position-${i}`)}
                  {removeButton('positions', i)}
                </Group>
                <FuzzyDateInput
                  form={form}
                  path={`positions.${i}.period`}
                  label={t('subjectForm.period', { n: i + 1 })}
                  testId={`subject-position-${i}`}
                  width={150}
                  disabled={readOnly}
                />
              </Stack>
            )),
          )}

          {section(
            'addresses',
            t('subjectForm.addresses'),
            t('subjectForm.addAddress'),
            newRow.addresses,
            form.values.addresses.map((a, i) => (
              <Group key={a.key} gap="xs" align="flex-start" wrap="nowrap">
                <TextInput
                  data-testid={`subject-address-${i}`}
                  aria-label={t('subjectForm.address')}
                  placeholder={t('subjectForm.address')}
                  disabled={readOnly}
                  flex={1}
                  {...form.getInputProps(`addresses.${i}.address`)}
                />
                <Select
                  aria-label={t('subjectForm.country')}
                  placeholder={t('subjectForm.country')}
                  data={countries}
                  searchable
                  clearable
                  disabled={readOnly}
                  w={240}
                  {...form.getInputProps(`addresses.${i}.country`)}
                />
                {cite('addresses', i, a.evidenceIds, `subject-address-${i}`)}
                {removeButton('addresses', i)}
              </Group>
            )),
          )}

          <Textarea
            data-testid="subject-notes"
            label={<Title order={6}>{t('subjectForm.notes')}</Title>}
            autosize
            minRows={2}
            maxRows={10}
            disabled={readOnly}
            {...form.getInputProps('notes')}
          />

          <Divider />
          {allegations.length === 0 ? (
            <Input.Wrapper label={<Title order={6}>{t('subjectForm.roles')}</Title>}>
              <Text size="sm" c="dimmed">
                {t('subjectForm.noAllegations')}
              </Text>
            </Input.Wrapper>
          ) : (
            section(
              'roles',
              t('subjectForm.roles'),
              t('subjectForm.addRole'),
              newRow.roles,
              form.values.roles.map((r, i) => (
                <Group key={r.key} gap="xs" align="flex-start" wrap="nowrap">
                  <Select
                    data-testid={`subject-role-allegation-${i}`}
                    aria-label={t('subjectForm.allegation')}
                    placeholder={t('subjectForm.allegation')}
                    data={allegationOptions}
                    disabled={readOnly}
                    flex={1}
                    {...form.getInputProps(`roles.${i}.allegationId`)}
                  />
                  <Select
                    data-testid={`subject-role-${i}`}
                    aria-label={t('subjectForm.role')}
                    placeholder={t('subjectForm.role')}
                    data={SUBJECT_ROLES.map((role) => ({ value: role, label: t(`subjectRoles.${role}`) }))}
                    disabled={readOnly}
                    w={240}
                    {...form.getInputProps(`roles.${i}.role`)}
                  />
                  {removeButton('roles', i)}
                </Group>
              )),
              t('subjectForm.rolesHint'),
            )
          )}

          <OtherIssues issues={otherIssues} />
          <Group
            justify="flex-end"
            gap="xs"
            pos="sticky"
            bottom={0}
            py="xs"
            style={{ background: 'var(--mantine-color-body)', borderTop: '1px solid var(--mantine-color-default-border)' }}
          >
            <Button variant="default" size="sm" onClick={onClose}>
              {t(readOnly ? 'form.close' : 'form.cancel')}
            </Button>
            {!readOnly && (
              <Button type="submit" size="sm" data-testid="subject-save" loading={save.isPending}>
                {t(linked ? 'subjectForm.submitUpdate' : 'subjectForm.submitCreate')}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Drawer>
  );
}
