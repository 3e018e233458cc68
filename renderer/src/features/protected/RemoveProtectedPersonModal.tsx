import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ProtectedPerson } from '../../../../shared/contract';
import { invoke } from '../../api/client';
import { notifySuccess } from '../../ui/notify';
import { RemoveWithReasonModal } from '../../ui/RemoveWithReasonModal';
import { refreshAfterProtectedChange } from './queries';

export function RemoveProtectedPersonModal({ person, onClose }: { person: ProtectedPerson; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return (
    <RemoveWithReasonModal
      title={t('protected.removeTitle', { pseudonym: person.pseudonym })}
      body={t('protected.removeBody')}
      reasonLabel={t('protected.removeReason')}
      confirmLabel={t('protected.removeConfirm')}
      testId="protected"
      remove={(reason) => invoke('protected.delete', reason ? { id: person.id, reason } : { id: person.id })}
      refresh={() => refreshAfterProtectedChange(queryClient, person.caseId)}
      onRemoved={() => notifySuccess((t) => t('protected.removed', { pseudonym: person.pseudonym }))}
      onClose={onClose}
    />
  );
}
