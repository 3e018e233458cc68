import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/client';

/** Retrying cannot fix a refused request; only a service that did not answer is worth one more try. */
const shouldRetry = (failureCount: number, error: Error) =>
  failureCount < 1 && error instanceof ApiError && error.code === 'WORKSPACE_UNAVAILABLE';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: shouldRetry, refetchOnWindowFocus: false, staleTime: 10_000 },
    mutations: { retry: false },
  },
});
