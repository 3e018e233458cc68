import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { ApiError } from '../../api/client';
import { APP_STATUS_KEY } from '../../app/useAppStatus';

/**
 * The workspace can be locked from elsewhere (another browser tab on the host, the idle timer of
 * another window): the first query refused with WORKSPACE_NOT_UNLOCKED makes this window read the
 * status again, so it shows the unlock screen instead of error messages.
 */
export function useLockedElsewhere(): void {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      queryClient.getQueryCache().subscribe((event) => {
        const error = event.query.state.error;
        if (event.type === 'updated' && error instanceof ApiError && error.code === 'WORKSPACE_NOT_UNLOCKED') {
          void queryClient.invalidateQueries({ queryKey: APP_STATUS_KEY });
        }
      }),
    [queryClient],
  );
}
