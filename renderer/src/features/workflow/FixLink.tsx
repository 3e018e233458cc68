import { Anchor } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { GateItem } from '../../../../shared/contract';
import { AllegationForm } from '../allegations/AllegationForm';
import { useAllegations } from '../allegations/queries';
import { SubjectEditor } from '../subjects/SubjectEditor';
import { useCaseSubjects } from '../subjects/queries';
import { workflowKey } from './queries';

/**
 * Where a missing item is fixed. An allegation or a subject opens its own editor right here (the
 * same dialogs as on their tabs); the rest go to the tab that holds them, naming the record in
 * `?focus=` for a tab that can bring it into view.
 */
export function FixLink({ caseId, item, readOnly, onNavigate }: { caseId: string; item: GateItem; readOnly: boolean; onNavigate: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const { place, id } = item.fix;
  const inPlace = id !== null && (place === 'allegations' || place === 'subjects');
  const go = () => {
    if (inPlace) return setEditing(true);
    onNavigate();
    void navigate(`/cases/${caseId}/${place}${id ? `?focus=${encodeURIComponent(id)}` : ''}`);
  };
  return (
    <>
      <Anchor component="button" type="button" size="xs" onClick={go} data-testid="gate-fix" data-place={place} style={{ whiteSpace: 'nowrap' }}>
        {t(`workflow.fix.${place}`)}
      </Anchor>
      {editing && id && place === 'allegations' && <EditAllegation caseId={caseId} id={id} readOnly={readOnly} onClose={() => setEditing(false)} />}
      {editing && id && place === 'subjects' && <EditSubject caseId={caseId} id={id} readOnly={readOnly} onClose={() => setEditing(false)} />}
    </>
  );
}

/** After an edit in place, the gate is evaluated again. */
function useRefreshGate(caseId: string) {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: workflowKey(caseId) });
}

function EditAllegation({ caseId, id, readOnly, onClose }: { caseId: string; id: string; readOnly: boolean; onClose: () => void }) {
  const allegations = useAllegations(caseId);
  const refresh = useRefreshGate(caseId);
  const allegation = allegations.data?.find((a) => a.id === id);
  if (!allegation) return null;
  return (
    <AllegationForm
      caseId={caseId}
      allegation={allegation}
      readOnly={readOnly}
      onClose={() => {
        refresh();
        onClose();
      }}
    />
  );
}

function EditSubject({ caseId, id, readOnly, onClose }: { caseId: string; id: string; readOnly: boolean; onClose: () => void }) {
  const subjects = useCaseSubjects(caseId);
  const allegations = useAllegations(caseId);
  const refresh = useRefreshGate(caseId);
  const linked = subjects.data?.find((s) => s.subject.id === id);
  if (!linked || !allegations.data) return null;
  return (
    <SubjectEditor
      caseId={caseId}
      linked={linked}
      allegations={allegations.data}
      readOnly={readOnly}
      onClose={() => {
        refresh();
        onClose();
      }}
    />
  );
}
