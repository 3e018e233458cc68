import { Checkbox, Chip, Group, Input, SegmentedControl, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  CLASSIFICATIONS,
  DOCUMENT_LANGUAGES,
  MEASURES,
  STANDARDS_OF_PROOF,
  type Classification,
  type DocumentLanguage,
  type Measure,
  type StandardOfProof,
} from '../../../../shared/contract/channels/documents';
import type { CaseSubject } from '../../../../shared/contract/channels/subjects';
import type { ProposalChoices } from './proposalForm';

interface Props {
  caseId: string;
  /** The measure whose draft is shown: its minister is the default addressee. */
  shown: Measure | undefined;
  subjects: readonly CaseSubject[];
  value: ProposalChoices;
  onChange(next: ProposalChoices): void;
  disabled: boolean;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The choices a proposal is made from: measures, subjects, language, and what the case data does not say. */
export function ProposalForm({ subjects, value, onChange, disabled, shown }: Props) {
  const { t } = useTranslation();
  const set = <K extends keyof ProposalChoices>(key: K, next: ProposalChoices[K]) => onChange({ ...value, [key]: next });
  const dateError = (v: string) => (v.trim() !== '' && !DAY.test(v.trim()) ? t('fieldIssues.invalid_date') : null);
  return (
    <Stack gap="sm">
      <Input.Wrapper label={t('proposals.measures')}>
        <Chip.Group multiple value={value.measures} onChange={(v) => set('measures', MEASURES.filter((m) => v.includes(m)))}>
          <Group gap="xs" mt={4}>
            {MEASURES.map((m) => (
              <Chip key={m} value={m} size="sm" disabled={disabled} data-testid={`proposal-measure-${m}`}>
                {t(`proposals.measure.${m}`)}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      </Input.Wrapper>
      <Checkbox.Group label={t('proposals.subjects')} value={value.subjectIds} onChange={(ids) => set('subjectIds', subjects.map((s) => s.subject.id).filter((id) => ids.includes(id)))}>
        <Stack gap={4} mt={4}>
          {subjects.map((s) => (
            <Checkbox
              key={s.subject.id}
              value={s.subject.id}
              size="sm"
              disabled={disabled}
              label={`${s.subject.reference} ${s.subject.displayName}`}
              data-testid={`proposal-subject-${s.subject.reference}`}
            />
          ))}
        </Stack>
      </Checkbox.Group>
      <Input.Wrapper label={t('proposals.language')}>
        <SegmentedControl
          fullWidth
          size="xs"
          mt={4}
          disabled={disabled}
          value={value.language}
          onChange={(v) => set('language', v as DocumentLanguage)}
          data={DOCUMENT_LANGUAGES.map((l) => ({ value: l, label: t(`proposals.languages.${l}`) }))}
          data-testid="proposal-language"
        />
      </Input.Wrapper>
      <Select
        size="sm"
        label={t('proposals.classification')}
        allowDeselect={false}
        disabled={disabled}
        value={value.classification}
        onChange={(v) => v && set('classification', v as Classification)}
        data={CLASSIFICATIONS.map((c) => ({ value: c, label: t(`proposals.classifications.${c}`) }))}
      />
      <TextInput
        size="sm"
        label={t('proposals.addressee')}
        placeholder={t(`proposals.addresseeDefault.${shown ?? 'asset_freeze'}`)}
        disabled={disabled}
        value={value.addressee}
        maxLength={300}
        onChange={(e) => set('addressee', e.currentTarget.value)}
      />
      <TextInput
        size="sm"
        label={t('proposals.reviewer')}
        description={t('proposals.reviewerHint')}
        disabled={disabled}
        value={value.reviewer}
        maxLength={300}
        onChange={(e) => set('reviewer', e.currentTarget.value)}
      />
      <Select
        size="sm"
        label={t('proposals.standard')}
        allowDeselect={false}
        disabled={disabled}
        value={value.standard}
        onChange={(v) => v && set('standard', v as StandardOfProof)}
        data={STANDARDS_OF_PROOF.map((s) => ({ value: s, label: t(`proposals.standards.${s}`) }))}
      />
      <Group grow gap="xs" align="flex-start">
        <TextInput
          size="sm"
          label={t('proposals.proposedDate')}
          description={t('proposals.proposedDateHint')}
          placeholder="YYYY-MM-DD"
          disabled={disabled}
          value={value.proposedDate}
          error={dateError(value.proposedDate)}
          onChange={(e) => set('proposedDate', e.currentTarget.value)}
        />
        <TextInput
          size="sm"
          label={t('proposals.reviewDate')}
          description={t('proposals.reviewDateHint')}
          placeholder="YYYY-MM-DD"
          disabled={disabled}
          value={value.reviewDate}
          error={dateError(value.reviewDate)}
          onChange={(e) => set('reviewDate', e.currentTarget.value)}
        />
      </Group>
      <Textarea
        size="sm"
        label={t('proposals.scopeNote')}
        autosize
        minRows={2}
        maxRows={6}
        maxLength={5000}
        disabled={disabled}
        value={value.scopeNote}
        onChange={(e) => set('scopeNote', e.currentTarget.value)}
      />
    </Stack>
  );
}

