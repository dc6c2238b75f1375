// One cache for the whole app (TanStack Query): reads are keyed by resource, writes invalidate the keys they change.
import { QueryClient } from '@tanstack/react-query';

export const queryClient = new QueryClient({
  defaultOptions: {
    // As the pages behaved before: an error shows at once with its retry button, and switching windows refetches
    // nothing behind an agent's back while a caller is on the line.
    queries: { retry: false, refetchOnWindowFocus: false },
  },
});

/** Query keys per resource: a prefix invalidates every read under it (`['billing-runs']` covers one run too). */
export const keys = {
  billingRuns: ['billing-runs'] as const,
  billingRun: (id: string) => ['billing-runs', id] as const,
};
