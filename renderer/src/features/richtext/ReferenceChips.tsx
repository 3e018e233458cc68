import { Tooltip } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, invoke } from '../../api/client';
import { evidenceKeys } from '../evidence/queries';
import { useRichTextEnv } from './env';

const isGone = (error: unknown) => error instanceof ApiError && error.code === 'NOT_FOUND';

/**
 * An exhibit reference as it reads now: "Exhibit E-12" from the item's current record (so it follows
 * renumbering), opening the item on click. An item that no longer exists shows as a broken reference.
 */
export function ExhibitReferenceChip({ itemId, labelAtInsert }: { itemId: string; labelAtInsert: string }) {
  const { t } = useTranslation();
  const env = useRichTextEnv();
  const item = useQuery({
    queryKey: evidenceKeys.detail(itemId),
    queryFn: () => invoke('evidence.get', { id: itemId }),
    retry: (count, error) => !isGone(error) && count < 2,
  });
  const gone = item.isError && isGone(item.error);
  const exhibit = item.data?.exhibit ?? labelAtInsert;
  const label = gone ? t('richtext.exhibitGone', { exhibit: labelAtInsert || '?' }) : t('richtext.exhibit', { exhibit });
  return (
    <Tooltip label={gone ? t('richtext.exhibitGoneHint') : (item.data?.title ?? label)} openDelay={300} withinPortal>
      <button
        type="button"
        className={gone ? 'cb-rt-ref cb-rt-ref-broken' : 'cb-rt-ref'}
        data-testid="exhibit-ref"
        data-item-id={itemId}
        data-broken={gone || undefined}
        onClick={() => !gone && env.openExhibit(itemId)}
      >
        {label}
      </button>
    </Tooltip>
  );
}

/** A subject mention as it reads now (the subject's current name); a subject that no longer exists shows as broken. */
export function SubjectMentionChip({ subjectId, nameAtInsert }: { subjectId: string; nameAtInsert: string }) {
  const { t } = useTranslation();
  const env = useRichTextEnv();
  const subject = useQuery({
    queryKey: ['subjects', 'detail', subjectId],
    queryFn: () => invoke('subjects.get', { id: subjectId }),
    retry: (count, error) => !isGone(error) && count < 2,
  });
  const gone = subject.isError && isGone(subject.error);
  const name = subject.data?.displayName ?? nameAtInsert;
  return (
    <Tooltip label={gone ? t('richtext.subjectGoneHint') : (subject.data?.reference ?? name)} openDelay={300} withinPortal>
      <button
        type="button"
        className={gone ? 'cb-rt-mention cb-rt-ref-broken' : 'cb-rt-mention'}
        data-testid="subject-mention"
        data-subject-id={subjectId}
        data-broken={gone || undefined}
        onClick={() => !gone && env.openSubject(subjectId)}
      >
        {gone ? t('richtext.subjectGone', { name: nameAtInsert || '?' }) : name}
      </button>
    </Tooltip>
  );
}
