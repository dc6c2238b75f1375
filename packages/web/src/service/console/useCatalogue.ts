import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Query } from '../../api/contract.ts';
import { workOrders, type CatalogueItem } from '../../api/workorders.ts';
import { useUser } from '../../platform/auth/AuthContext.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { pick } from '../orders/labels.ts';

type OfferingKind = NonNullable<Query<'/api/catalogue'>['enterpriseKind']>;
/** The kinds of enterprise that offer services (the regulator offers none: it sees every item). */
const OFFERING: OfferingKind[] = [
  'pipeline_gas',
  'bottled_gas',
  'vehicle_gas',
  'appliance',
  'heating',
  'heating_reseller',
];

/** The items the signed-in user's enterprise offers (its sector), and their names by code. */
export function useCatalogue() {
  const user = useUser();
  const { lang } = useI18n();
  const kind = OFFERING.find((k) => k === user.enterpriseKind);
  const data = useQuery({
    queryKey: ['catalogue', 'kind', kind ?? ''],
    queryFn: () => workOrders.catalogue({ enterpriseKind: kind }),
  });
  const items = useMemo(() => data.data?.items ?? [], [data.data]);
  const byCode = useMemo(() => new Map<string, CatalogueItem>(items.map((i) => [i.code, i])), [items]);
  const itemName = (code: string) => pick(byCode.get(code)?.name, lang) || code;
  const reload = () => void data.refetch();
  return { items, byCode, itemName, error: data.error, loading: data.isFetching, reload };
}
