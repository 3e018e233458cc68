import { useTranslation } from 'react-i18next';
import type { FieldIssue } from '../../../shared/contract';

/**
 * A field issue rendered where it is shown, so that switching language re-translates errors that
 * are already on screen.
 */
export function FieldIssueText({ issue }: { issue: FieldIssue }) {
  const { t } = useTranslation();
  return <>{t(`fieldIssues.${issue.code}`, { max: issue.max ?? '', min: issue.min ?? '' })}</>;
}
