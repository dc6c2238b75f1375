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
  notices: ['notices'] as const,
  noticeList: (q: object) => ['notices', 'list', q] as const,
  notice: (id: string) => ['notices', 'detail', id] as const,
  noticeBoard: (sector: string) => ['notices', 'board', sector] as const,
  customerNotices: (customerId: string) => ['notices', 'customer', customerId] as const,
  noticeCommunities: ['notices', 'communities'] as const,
  bills: ['bills'] as const,
  billList: (q: object) => ['bills', 'list', q] as const,
  bill: (id: string) => ['bills', 'detail', id] as const,
  customers: ['customers'] as const,
  customerSearch: (q: object) => ['customers', 'search', q] as const,
  customer: (id: string) => ['customers', 'detail', id] as const,
  enterpriseNames: ['enterprises', 'names'] as const,
  calendar: ['calendar'] as const,
  calendarYear: (year: number) => ['calendar', 'year', year] as const,
};
