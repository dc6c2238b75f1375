// The regulator's lists mix every enterprise's rows; without the company's name two rows of two companies look like
// one row twice. One cached read of /api/enterprises names them, for the regulator only.
import { useQuery } from '@tanstack/react-query';
import { http, ok } from '../api/client.ts';
import type { MessageKey } from '../i18n/index.tsx';
import { keys } from './query.ts';

/** Enterprise id → name, loaded only when `enabled` (the regulator); empty otherwise. */
export function useEnterpriseNames(enabled: boolean): Map<string, string> {
  const q = useQuery({
    queryKey: keys.enterpriseNames,
    enabled,
    staleTime: 5 * 60_000,
    queryFn: () => ok(http.GET('/api/enterprises')),
  });
  return new Map((q.data?.items ?? []).map((e) => [e.id, e.name]));
}

/** The 企业 column, placed first in a regulator's table; none for anyone else. */
export function enterpriseColumn<T extends { enterpriseId: string }>(
  t: (k: MessageKey) => string,
  names: Map<string, string>,
  enabled: boolean,
) {
  if (!enabled) return [];
  return [
    {
      title: t('common.enterprise'),
      key: 'enterprise',
      className: 'nowrap',
      render: (_: unknown, row: T) => names.get(row.enterpriseId) ?? '—',
    },
  ];
}
