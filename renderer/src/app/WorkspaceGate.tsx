import { Center, Loader, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { IdentityPrompt } from '../features/identity/IdentityPrompt';
import { CreateWorkspace } from '../features/workspace-lock/CreateWorkspace';
import { UnlockScreen } from '../features/workspace-lock/UnlockScreen';
import { useAppStatus } from './useAppStatus';
import { WorkspaceError } from './WorkspaceError';

/** Shows the workbench only once the workspace is open; otherwise says calmly why it is not. */
export function WorkspaceGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const status = useAppStatus();

  if (status.isPending) {
    return (
      <Center flex={1}>
        <Stack align="center" gap="xs">
          <Loader size="sm" />
          <Text size="sm" c="dimmed">
            {t('app.loading')}
          </Text>
        </Stack>
      </Center>
    );
  }
  if (status.isError) {
    const code = status.error instanceof ApiError ? status.error.code : 'WORKSPACE_UNAVAILABLE';
    return <WorkspaceError code={code} onRetry={() => void status.refetch()} retrying={status.isFetching} />;
  }
  const { workspace } = status.data;
  if (workspace.state === 'unavailable') {
    return <WorkspaceError code={workspace.code} onRetry={() => void status.refetch()} retrying={status.isFetching} />;
  }
  if (workspace.state === 'new') return <CreateWorkspace />;
  if (workspace.state === 'locked') return <UnlockScreen />;
  if (!status.data.identity) return <IdentityPrompt />;
  return children;
}
