import { Alert, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { IconUnlink } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import {
  FINDING_OUTCOMES,
  type Finding,
  type FindingOutcome,
  type FindingSection,
  type FindingTarget,
} from '../../../../shared/contract/channels/findings';
import { invoke } from '../../api/client';
import { RichTextEditor } from '../richtext/RichTextEditor';
import { acquireSaver } from './documentSaver';
import { findingKeys, findingOf, storeSavedFinding } from './queries';
import { SaveIndicator } from './SaveIndicator';

const OUTCOME_COLORS: Record<FindingOutcome, string> = { met: 'teal', not_met: 'red', undetermined: 'gray' };

interface Props {
  caseId: string;
  target: FindingTarget;
  section: FindingSection;
  stored: Finding | undefined;
  readOnly: boolean;
  title: string;
  placeholder: string;
  testId: string;
}

/**
 * One finding (outcome and reasoning) or statement of reasons: its editor, saved as it is typed.
 * Mounted per document (keyed by it); what is typed is held by the document's saver, which outlives
 * this component, so a save under way completes after the user has moved on.
 */
export function FindingDocument({ caseId, target, section, stored, readOnly, title, placeholder, testId }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const onSaved = useCallback((finding: Finding) => storeSavedFinding(queryClient, finding), [queryClient]);
  const [saver] = useState(() => acquireSaver({ caseId, target, section }, stored, onSaved));
  const status = useSyncExternalStore(saver.subscribe, saver.getStatus);
  const [outcome, setOutcome] = useState(saver.outcome);
  // Leaving the document (another one chosen, another tab, another case) saves what is pending.
  useEffect(() => () => void saver.flush(), [saver]);
  const onChange = useCallback((json: unknown) => saver.edit({ body: json }), [saver]);
  const onBlur = useCallback(() => void saver.flush(), [saver]);

  const latestStored = async () => {
    // What is stored now, never the cached list: the point is to see what someone else saved.
    const list = await queryClient.fetchQuery({
      queryKey: findingKeys.list(caseId),
      queryFn: () => invoke('findings.list', { caseId }),
      staleTime: 0,
    });
    return findingOf(list, target.type, target.id, section);
  };
  const loadSaved = async () => {
    const latest = await latestStored();
    saver.reset(latest);
    setOutcome(saver.outcome);
  };
  const keepMine = async () => {
    const latest = await latestStored();
    await saver.overwrite(latest?.revision ?? 0);
  };

  const brokenCount = stored?.broken.itemIds.length ?? 0;
  return (
    <Stack gap="xs" data-testid={testId}>
      <Group justify="space-between" align="center" wrap="nowrap" gap="sm">
        <Group gap="sm" wrap="nowrap">
          <Title order={4} fz="sm">
            {title}
          </Title>
          {section === 'finding' && (
            <SegmentedControl
              data-testid={`${testId}-outcome`}
              aria-label={t('findings.outcomeLabel')}
              value={outcome ?? 'undetermined'}
              disabled={readOnly}
              color={OUTCOME_COLORS[outcome ?? 'undetermined']}
              onChange={(value) => {
                const next = value as FindingOutcome;
                setOutcome(next);
                saver.edit({ outcome: next });
                void saver.flush();
              }}
              data={FINDING_OUTCOMES.map((o) => ({ value: o, label: t(`findings.outcome.${o}`) }))}
            />
          )}
        </Group>
        {/* Nothing to report for a text never written; "Saved" would claim what did not happen. */}
        {!readOnly && !(saver.revision === 0 && status.state === 'saved') && (
          <SaveIndicator status={status} onRetry={() => void saver.retry()} onLoadSaved={() => void loadSaved()} onKeepMine={() => void keepMine()} />
        )}
      </Group>
      {brokenCount > 0 && (
        <Alert color="red" variant="light" icon={<IconUnlink size={16} />} py={6} data-testid={`${testId}-broken`}>
          <Text size="xs">{t('findings.broken', { count: brokenCount })}</Text>
        </Alert>
      )}
      <RichTextEditor
        key={saver.generation}
        initialJson={saver.body}
        readOnly={readOnly}
        onChange={onChange}
        onBlur={onBlur}
        label={title}
        placeholder={placeholder}
        testId={`${testId}-editor`}
      />
    </Stack>
  );
}
