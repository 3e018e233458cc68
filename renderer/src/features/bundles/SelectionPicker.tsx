import { MultiSelect, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CONDUCT_CATEGORIES } from '../../../../shared/domain/conduct-categories';
import type { BundleSelection } from '../../../../shared/contract/channels/bundles';
import { useLanguage } from '../../i18n/useLanguage';
import { useAllegations } from '../allegations/queries';
import { useEvidenceChoices } from '../evidence/queries';
import { useCaseSubjects } from '../subjects/queries';

export const EMPTY_SELECTION: BundleSelection = { allegationIds: [], subjectIds: [], evidenceIds: [] };

export const selectionSize = (s: BundleSelection) => s.allegationIds.length + s.subjectIds.length + s.evidenceIds.length;

/** Part of a case to send: chosen allegations, subjects and evidence items, by their references. */
export function SelectionPicker({ caseId, value, onChange }: { caseId: string; value: BundleSelection; onChange: (s: BundleSelection) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const allegations = useAllegations(caseId);
  const subjects = useCaseSubjects(caseId);
  const evidence = useEvidenceChoices(caseId);
  const category = (code: string) => CONDUCT_CATEGORIES.find((c) => c.code === code)?.[language] ?? code;

  return (
    <Stack gap="xs" data-testid="share-selection">
      <Text size="xs" c="dimmed">
        {t('bundles.share.partHint')}
      </Text>
      <MultiSelect
        data-testid="share-pick-allegations"
        label={t('bundles.share.pickAllegations')}
        data={(allegations.data ?? []).map((a) => ({ value: a.id, label: `${a.reference} · ${category(a.category)}${a.place ? ` · ${a.place}` : ''}` }))}
        value={value.allegationIds}
        onChange={(allegationIds) => onChange({ ...value, allegationIds })}
        searchable
        clearable
      />
      <MultiSelect
        data-testid="share-pick-subjects"
        label={t('bundles.share.pickSubjects')}
        data={(subjects.data ?? []).map((s) => ({ value: s.subject.id, label: `${s.subject.reference} · ${s.subject.displayName}` }))}
        value={value.subjectIds}
        onChange={(subjectIds) => onChange({ ...value, subjectIds })}
        searchable
        clearable
      />
      <MultiSelect
        data-testid="share-pick-evidence"
        label={t('bundles.share.pickEvidence')}
        data={(evidence.data ?? []).map((e) => ({ value: e.id, label: `${e.exhibit} · ${e.title}` }))}
        value={value.evidenceIds}
        onChange={(evidenceIds) => onChange({ ...value, evidenceIds })}
        searchable
        clearable
      />
    </Stack>
  );
}
