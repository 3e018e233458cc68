import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Allegation } from '../../../../shared/contract';
import { invoke } from '../../api/client';
import { notifySuccess } from '../../ui/notify';
import { RemoveWithReasonModal } from '../../ui/RemoveWithReasonModal';
import { refreshAfterAllegationChange } from './queries';

export function RemoveAllegationModal({ allegation, onClose }: { allegation: Allegation; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return (
    <RemoveWithReasonModal
      title={t('allegations.removeTitle', { reference: allegation.reference })}
      body={t('allegations.removeBody')}
      reasonLabel={t('allegations.removeReason')}
      confirmLabel={t('allegations.removeConfirm')}
      testId="allegation"
      remove={(reason) => invoke('allegations.delete', reason ? { id: allegation.id, reason } : { id: allegation.id })}
      refresh={() => refreshAfterAllegationChange(queryClient, allegation.caseId)}
      onRemoved={() => notifySuccess((t) => t('allegations.removed', { reference: allegation.reference }))}
      onClose={onClose}
    />
  );
}
