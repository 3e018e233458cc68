import { Alert, Anchor, Badge, Box, Center, Loader, Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { AllegationsPanel } from '../allegations/AllegationsPanel';
import { EvidencePanel } from '../evidence/EvidencePanel';
import { FindingsPanel } from '../findings/FindingsPanel';
import { ScreeningPanel } from '../screening/ScreeningPanel';
import { SubjectsPanel } from '../subjects/SubjectsPanel';
import { ReviewPanel } from '../workflow/ReviewPanel';
import { ProposalsPanel } from '../proposals/ProposalsPanel';
import { ProtectedPersonsPanel } from '../protected/ProtectedPersonsPanel';
import { CaseHeader } from './CaseHeader';
import { CaseOverview } from './CaseOverview';
import { ClosedBanner } from './ClosedBanner';
import { DemoBanner } from './DemoBanner';
import { useCase } from './queries';

const TABS = ['overview', 'allegations', 'protected', 'subjects', 'evidence', 'screening', 'findings', 'proposals', 'review'] as const;
type Tab = (typeof TABS)[number];

export function CaseWorkspace() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const params = useParams();
  const id = params.id ?? '';
  const tab: Tab = TABS.find((name) => name === params.tab) ?? 'overview';
  const detail = useCase(id);

  if (detail.isPending) {
    return (
      <Center flex={1}>
        <Loader size="sm" />
      </Center>
    );
  }
  if (detail.isError) {
    const code = detail.error instanceof ApiError ? detail.error.code : 'INTERNAL';
    return (
      <Box p="md">
        <Alert color="red" variant="light" title={t('workspace.notFound')}>
          {t(`errors.${code}`)}{' '}
          <Anchor component={Link} to="/" size="sm">
            {t('workspace.back')}
          </Anchor>
        </Alert>
      </Box>
    );
  }

  const caseDetail = detail.data;
  const readOnly = caseDetail.status === 'closed';
  return (
    <Box flex={1} mih={0} style={{ display: 'flex', flexDirection: 'column' }}>
      <CaseHeader detail={caseDetail} />
      {caseDetail.demo && <DemoBanner />}
      {readOnly && <ClosedBanner detail={caseDetail} />}
      <Tabs
        value={tab}
        onChange={(next) => next && void navigate(`/cases/${id}/${next}`, { replace: true })}
        flex={1}
        mih={0}
        style={{ display: 'flex', flexDirection: 'column' }}
      >
        <Tabs.List px="sm">
          {TABS.map((name) => (
            <Tabs.Tab
              key={name}
              value={name}
              data-testid={`tab-${name}`}
              fz="sm"
              rightSection={
                name === 'allegations' && caseDetail.allegationCount > 0 ? (
                  <Badge size="xs" variant="light" color="gray">
                    {caseDetail.allegationCount}
                  </Badge>
                ) : undefined
              }
            >
              {t(`workspace.tabs.${name}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Box flex={1} mih={0} style={{ overflow: 'auto' }}>
          <Tabs.Panel value="overview">
            <CaseOverview detail={caseDetail} />
          </Tabs.Panel>
          <Tabs.Panel value="allegations">
            <AllegationsPanel caseId={id} readOnly={readOnly} />
          </Tabs.Panel>
          <Tabs.Panel value="protected">
            {/* Mounted only while shown: revealed identities are forgotten on leaving the tab. */}
            {tab === 'protected' && <ProtectedPersonsPanel caseId={id} readOnly={readOnly} />}
          </Tabs.Panel>
          <Tabs.Panel value="subjects">
            <SubjectsPanel caseId={id} readOnly={readOnly} />
          </Tabs.Panel>
          <Tabs.Panel value="evidence" h="100%">
            <EvidencePanel caseId={id} readOnly={readOnly} />
          </Tabs.Panel>
          <Tabs.Panel value="screening" h="100%">
            <ScreeningPanel caseId={id} readOnly={readOnly} />
          </Tabs.Panel>
          <Tabs.Panel value="findings" h="100%">
            <FindingsPanel caseId={id} readOnly={readOnly} />
          </Tabs.Panel>
          <Tabs.Panel value="review">
            <ReviewPanel caseId={id} readOnly={readOnly} />
          </Tabs.Panel>
          <Tabs.Panel value="proposals" h="100%">
            <ProposalsPanel caseId={id} readOnly={readOnly} />
          </Tabs.Panel>
        </Box>
      </Tabs>
    </Box>
  );
}
