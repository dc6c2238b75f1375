import type { MessageKey, Translate } from '../../i18n/index.tsx';
import type { QuotaRow } from './api.ts';

/** The label of a quota value: floor "middle" reads 中层, network "middle" reads 中部. */
export function valueLabel(t: Translate, row: Pick<QuotaRow, 'dimension' | 'value'>): string {
  if (row.dimension === 'floorBand' && row.value === 'middle') return t('q.v.floorMiddle');
  return t(`q.v.${row.value}` as MessageKey);
}
