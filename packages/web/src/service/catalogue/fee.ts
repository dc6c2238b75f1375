import type { CatalogueItem } from '../../api/workorders.ts';
import type { Lang, Translate } from '../../i18n/index.tsx';
import { pick } from '../orders/labels.ts';

/** Money is kept in integer fen (CODE_STYLE); shown in yuan. */
export function feeText(fee: CatalogueItem['fee'], t: Translate, lang: Lang): string {
  const note = fee.note ? pick(fee.note, lang) : '';
  const head =
    fee.kind === 'free'
      ? t('cat.free')
      : fee.kind === 'amount'
        ? t('cat.amount', { yuan: ((fee.fen ?? 0) / 100).toFixed(2) })
        : t('cat.priceList');
  return note ? t('wo.kv', { k: head, v: note }) : head;
}
