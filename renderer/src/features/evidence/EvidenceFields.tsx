import { Grid, Select, TagsInput, Text, Textarea, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { INFORMATION_CREDIBILITY, SOURCE_RELIABILITY } from '../../../../shared/contract';
import { useLanguage } from '../../i18n/useLanguage';
import type { EvidenceFormValues } from './evidenceForm';
import { localTime, utcFromInput } from './format';

interface Props {
  form: UseFormReturnType<EvidenceFormValues>;
  disabled: boolean;
  /** Testimony has its statement in the description: a taller box. */
  testimony?: boolean;
}

/** The investigator's fields of an item; shared by the item's details and the testimony form. */
export function EvidenceFields({ form, disabled, testimony = false }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const iso = utcFromInput(form.values.obtainedAt);
  const local = iso ? localTime(iso, language) : null;

  return (
    <Grid gap="sm">
      <Grid.Col span={12}>
        <TextInput
          data-testid="evidence-title-input"
          label={t('evidence.form.title')}
          withAsterisk={!disabled}
          disabled={disabled}
          {...form.getInputProps('title')}
        />
      </Grid.Col>
      <Grid.Col span={12}>
        <Textarea
          data-testid="evidence-description-input"
          label={t(testimony ? 'evidence.form.statement' : 'evidence.form.description')}
          autosize
          minRows={testimony ? 5 : 2}
          maxRows={14}
          disabled={disabled}
          {...form.getInputProps('description')}
        />
      </Grid.Col>
      <Grid.Col span={6}>
        <TextInput
          data-testid="evidence-obtained-at"
          label={t('evidence.form.obtainedAt')}
          placeholder="YYYY-MM-DD HH:MM"
          rightSection={
            <Text size="xs" c="dimmed">
              UTC
            </Text>
          }
          rightSectionWidth={40}
          description={local ? t('evidence.form.localTime', { time: local }) : t('evidence.form.obtainedAtHint')}
          disabled={disabled}
          {...form.getInputProps('obtainedAt')}
        />
      </Grid.Col>
      <Grid.Col span={6}>
        <TextInput
          data-testid="evidence-obtained-how"
          label={t('evidence.form.obtainedHow')}
          placeholder={t('evidence.form.obtainedHowPlaceholder')}
          disabled={disabled}
          {...form.getInputProps('obtainedHow')}
        />
      </Grid.Col>
      <Grid.Col span={6}>
        <TextInput
          data-testid="evidence-source"
          label={t('evidence.form.source')}
          placeholder={t('evidence.form.sourcePlaceholder')}
          disabled={disabled}
          {...form.getInputProps('source')}
        />
      </Grid.Col>
      <Grid.Col span={6}>
        <TextInput
          data-testid="evidence-collected-by"
          label={t('evidence.form.collectedBy')}
          disabled={disabled}
          {...form.getInputProps('collectedBy')}
        />
      </Grid.Col>
      <Grid.Col span={6}>
        <Select
          data-testid="evidence-reliability"
          label={t('evidence.form.sourceReliability')}
          placeholder={t('evidence.form.notGraded')}
          clearable
          disabled={disabled}
          data={SOURCE_RELIABILITY.map((r) => ({ value: r, label: `${r} — ${t(`evidence.reliability.${r}`)}` }))}
          {...form.getInputProps('sourceReliability')}
        />
      </Grid.Col>
      <Grid.Col span={6}>
        <Select
          data-testid="evidence-credibility"
          label={t('evidence.form.informationCredibility')}
          placeholder={t('evidence.form.notGraded')}
          clearable
          disabled={disabled}
          data={INFORMATION_CREDIBILITY.map((c) => ({ value: String(c), label: `${c} — ${t(`evidence.credibility.${c}`)}` }))}
          {...form.getInputProps('informationCredibility')}
        />
      </Grid.Col>
      <Grid.Col span={12}>
        <TagsInput
          data-testid="evidence-tags"
          label={t('evidence.form.tags')}
          placeholder={disabled ? undefined : t('evidence.form.tagsPlaceholder')}
          disabled={disabled}
          size="sm"
          clearable
          {...form.getInputProps('tags')}
        />
      </Grid.Col>
      <Grid.Col span={12}>
        <Textarea
          data-testid="evidence-notes"
          label={t('evidence.form.notes')}
          autosize
          minRows={2}
          maxRows={12}
          disabled={disabled}
          {...form.getInputProps('notes')}
        />
      </Grid.Col>
    </Grid>
  );
}
