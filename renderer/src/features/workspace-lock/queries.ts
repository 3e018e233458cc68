import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { invoke } from '../../api/client';
import { APP_STATUS_KEY } from '../../app/useAppStatus';

export const SECURITY_KEY = ['workspace.security'] as const;

export function useWorkspaceSecurity(enabled = true) {
  return useQuery({ queryKey: SECURITY_KEY, queryFn: () => invoke('workspace.security', {}), enabled, staleTime: Infinity });
}

/**
 * Locks: the main side closes the database and forgets the key; here the status is read again (the
 * gate then shows the unlock screen and unmounts every page) and then every cached answer is dropped,
 * so nothing read from the workspace stays in memory.
 */
export async function lockWorkspace(queryClient: QueryClient): Promise<void> {
  await invoke('workspace.lock', {});
  await queryClient.refetchQueries({ queryKey: APP_STATUS_KEY });
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== APP_STATUS_KEY[0] });
}

/** After unlocking or creating: the status says ready, and the gate shows the workbench. */
export function useReopened() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: APP_STATUS_KEY });
}
