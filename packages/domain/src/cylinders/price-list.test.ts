import { describe, expect, it } from 'vitest';
import {
  cylinderPriceListProblem,
  priceListInForce,
  priceListStatus,
  quoteBottledOrder,
} from './price-list.ts';

// The bottled-gas price list as published data (G-7.2.1 self-service orders, G-7.1.7 receipts of what was charged).

const A = {
  id: 'a',
  effectiveFrom: '2026-09-01',
  items: [{ model: 'YSP35.5', fillG: 14_500, priceFen: 11_000 }],
  deliveryFeeFen: 0,
};
const B = { ...A, id: 'b', effectiveFrom: '2026-12-10', deliveryFeeFen: 500 };

describe('bottled-gas price list', () => {
  it('G-7.2.1 the list in force is the latest that has started; a later one is scheduled, an earlier superseded', () => {
    expect(priceListInForce([B, A], '2026-12-09')).toBe(A);
    expect(priceListInForce([B, A], '2026-12-10')).toBe(B);
    expect(priceListInForce([B, A], '2026-08-31')).toBeNull();
    expect(priceListStatus([A, B], B, '2026-12-09')).toBe('scheduled');
    expect(priceListStatus([A, B], A, '2026-12-10')).toBe('superseded');
  });

  it('G-7.2.1 an order is priced on the list: price × quantity + the delivery fee', () => {
    const q = quoteBottledOrder(B, 'YSP35.5', 3);
    expect(q).toMatchObject({
      ok: true,
      quote: { unitPriceFen: 11_000, deliveryFeeFen: 500, totalFen: 33_500 },
    });
    expect(quoteBottledOrder(B, 'YSP118', 1)).toMatchObject({ ok: false, code: 'BOTTLED_MODEL_NOT_LISTED' });
    expect(quoteBottledOrder(B, 'YSP35.5', 6)).toMatchObject({ ok: false, code: 'BOTTLED_QUANTITY_INVALID' });
    expect(quoteBottledOrder(null, 'YSP35.5', 1)).toMatchObject({
      ok: false,
      code: 'BOTTLED_PRICE_LIST_MISSING',
    });
  });

  it('G-7.2.1 a list is never retroactive and names each model once', () => {
    const ok = { items: A.items, deliveryFeeFen: 0, effectiveFrom: '2026-12-01', today: '2026-12-01' };
    expect(cylinderPriceListProblem(ok)).toBeNull();
    expect(cylinderPriceListProblem({ ...ok, effectiveFrom: '2026-11-30' })?.field).toBe('effectiveFrom');
    expect(cylinderPriceListProblem({ ...ok, items: [...A.items, ...A.items] })?.field).toBe('items');
    expect(cylinderPriceListProblem({ ...ok, items: [] })?.field).toBe('items');
  });
});
