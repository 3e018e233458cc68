import { Alert, Box, Button, Center, Group, Loader, Text, Title } from '@mantine/core';
import { IconRadar } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { CoordinationMatrix, caseScreeningPath } from './CoordinationMatrix';
import { ListsStatus } from './ListsStatus';
import { useMatrix, useRunScreening } from './queries';

/** The coordination matrix of every subject in the workspace, for the overview across cases. */
export function WorkspaceMatrixPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const matrix = useMatrix(null);
  const run = useRunScreening();
  let body;
  if (matrix.isPending) {
    body = (
      <Center p="xl">
        <Loader size="sm" />
      </Center>
    );
  } else if (matrix.isError) {
    body = (
      <Alert color="red" variant="light" m="md">
        {t(`errors.${matrix.error instanceof ApiError ? matrix.error.code : 'INTERNAL'}`, { max: '' })}
      </Alert>
    );
  } else {
    body = (
      <CoordinationMatrix
        matrix={matrix.data}
        showCases
        // The subject's first case (by reference): its Screening tab, at the subject's candidates.
        onOpen={(row) => {
          const first = row.cases[0];
          if (first) void navigate(caseScreeningPath(first.id, row.subject.id));
        }}
      />
    );
  }
  return (
    <Box flex={1} mih={0} style={{ display: 'flex', flexDirection: 'column' }} data-testid="workspace-matrix">
      <Group px="md" py={8} gap="sm" justify="space-between" wrap="nowrap" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Group gap="md" wrap="nowrap" miw={0}>
          <Title order={4} style={{ whiteSpace: 'nowrap' }}>
            {t('screening.matrix.title')}
          </Title>
          <ListsStatus />
        </Group>
        <Group gap="xs" wrap="nowrap">
          <Text size="xs" c="dimmed" visibleFrom="lg">
            {t('screening.run.workspaceHint')}
          </Text>
          <Button leftSection={<IconRadar size={14} />} loading={run.isPending} onClick={() => run.mutate({ scope: 'workspace' })} data-testid="screening-run-workspace">
            {t('screening.run.workspace')}
          </Button>
        </Group>
      </Group>
      {body}
    </Box>
  );
}
