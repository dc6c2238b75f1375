import { useMemo } from 'react';
import { workOrders, type CatalogueItem } from '../api/workorders.ts';
import { useUser } from '../auth/AuthContext.tsx';
import { useAsync } from '../common/useAsync.ts';
import { useI18n } from '../i18n/index.tsx';
import { pick } from '../orders/labels.ts';

/** The items the signed-in user's enterprise offers (its sector), and their names by code. */
export function useCatalogue() {
  const user = useUser();
  const { lang } = useI18n();
  const kind = user.enterpriseKind ?? undefined;
  const data = useAsync(() => workOrders.catalogue({ enterpriseKind: kind }), [kind]);
  const items = useMemo(() => data.data?.items ?? [], [data.data]);
  const byCode = useMemo(() => new Map<string, CatalogueItem>(items.map((i) => [i.code, i])), [items]);
  const itemName = (code: string) => pick(byCode.get(code)?.name, lang) || code;
  return { items, byCode, itemName, error: data.error, loading: data.loading, reload: data.reload };
}
