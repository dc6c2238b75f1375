import { describe, expect, it } from 'vitest';
import {
  addYearsToDate,
  checkFillScan,
  cylinderDates,
  judgeFill,
  residueExcessG,
  type CylinderFacts,
} from './index.ts';

const OURS = 'e1';
const good: CylinderFacts = {
  enterpriseId: OURS,
  nextInspectionOn: '2027-03-01',
  scrapDueOn: '2035-03-01',
  lastInspectedOn: '2023-03-01',
  lastTreatedOn: '2023-03-02',
  scrappedOn: null,
};
const TODAY = '2026-12-05';

describe('fill scan check (G-7.1.6, G-7.1.2, G-7.1.5, G-7.1.9)', () => {
  it('G-7.1.6 a registered, inspected and treated cylinder of the company may be filled', () => {
    expect(checkFillScan(good, OURS, TODAY)).toEqual({ ok: true });
  });
  it('G-7.1.5 an unregistered code is refused', () => {
    expect(checkFillScan(null, OURS, TODAY)).toMatchObject({ ok: false, reason: 'unregistered' });
  });
  it('G-7.1.2 another company’s cylinder is refused', () => {
    expect(checkFillScan(good, 'e2', TODAY)).toMatchObject({ ok: false, reason: 'other_company' });
  });
  it('G-7.1.6 a cylinder past its inspection date is refused; on the date itself it may still be filled', () => {
    const r = checkFillScan({ ...good, nextInspectionOn: '2026-12-04' }, OURS, TODAY);
    expect(r).toMatchObject({ ok: false, reason: 'inspection_overdue' });
    expect(!r.ok && r.message.zh).toContain('2026-12-04');
    expect(checkFillScan({ ...good, nextInspectionOn: TODAY }, OURS, TODAY).ok).toBe(true);
  });
  it('G-7.1.15 a scrapped cylinder, or one at the end of its design life, is refused', () => {
    expect(checkFillScan({ ...good, scrappedOn: '2026-01-01' }, OURS, TODAY)).toMatchObject({
      reason: 'scrapped',
    });
    expect(checkFillScan({ ...good, scrapDueOn: TODAY }, OURS, TODAY)).toMatchObject({
      reason: 'past_design_life',
    });
  });
  it('G-7.1.9 a cylinder never treated, or not treated since its last inspection, is refused', () => {
    expect(checkFillScan({ ...good, lastTreatedOn: null }, OURS, TODAY)).toMatchObject({
      reason: 'not_treated',
    });
    expect(checkFillScan({ ...good, lastTreatedOn: '2023-02-28' }, OURS, TODAY)).toMatchObject({
      reason: 'not_treated',
    });
  });
});

describe('after the fill (G-7.1.6)', () => {
  const rated = { ratedFillG: 14_500, toleranceG: 500 };
  it('G-7.1.6 a net weight within the tolerance and no leak passes; outside or leaking is held', () => {
    expect(judgeFill({ ...rated, netWeightG: 14_950, leakFree: true })).toMatchObject({ outcome: 'pass' });
    expect(judgeFill({ ...rated, netWeightG: 15_001, leakFree: true })).toMatchObject({
      outcome: 'hold',
      weightOk: false,
      deviationG: 501,
    });
    expect(judgeFill({ ...rated, netWeightG: 14_500, leakFree: false })).toMatchObject({
      outcome: 'hold',
      weightOk: true,
    });
  });
});

describe('dates and residue (G-7.1.4, G-7.1.14)', () => {
  it('G-7.1.4 next inspection 4 years after the last one, never after the 15-year scrap date', () => {
    expect(cylinderDates({ manufacturedOn: '2016-02-29', lastInspectedOn: null })).toEqual({
      nextInspectionOn: '2020-02-29',
      scrapDueOn: '2031-02-28',
    });
    expect(cylinderDates({ manufacturedOn: '2016-05-01', lastInspectedOn: '2028-06-01' })).toEqual({
      nextInspectionOn: '2031-05-01',
      scrapDueOn: '2031-05-01',
    });
    expect(addYearsToDate('2024-02-29', 1)).toBe('2025-02-28');
  });
  it('G-7.1.14 residue up to 3 % of the fill is not compensated; above it the excess is', () => {
    expect(residueExcessG(435, 14_500)).toBe(0);
    expect(residueExcessG(436, 14_500)).toBe(1);
  });
});

describe('life events (G-7.1.5, G-7.1.9, G-7.1.15)', () => {
  const c = { state: 'full' as const, manufacturedOn: '2020-01-10' };
  it('G-7.1.9 a passed inspection moves the next date and needs a new treatment before the next fill', async () => {
    const { applyLifeEvent } = await import('./index.ts');
    const r = applyLifeEvent({ ...c, state: 'returned' }, { type: 'inspected', on: '2024-01-05' });
    expect(r).toEqual({
      ok: true,
      patch: { state: 'in_stock', lastInspectedOn: '2024-01-05', nextInspectionOn: '2028-01-05' },
    });
    const after = {
      ...good,
      lastInspectedOn: '2024-01-05',
      lastTreatedOn: '2023-12-01',
      nextInspectionOn: '2028-01-05',
    };
    expect(checkFillScan(after, OURS, '2024-02-01')).toMatchObject({ reason: 'not_treated' });
  });
  it('G-7.1.15 a scrapped cylinder only goes on to its disposal', async () => {
    const { applyLifeEvent } = await import('./index.ts');
    const scrapped = { ...c, state: 'scrapped' as const };
    expect(applyLifeEvent(scrapped, { type: 'dispatched', on: '2026-01-01' }).ok).toBe(false);
    expect(applyLifeEvent(scrapped, { type: 'disposed', on: '2026-01-02' })).toMatchObject({
      ok: true,
      patch: { state: 'disposed' },
    });
    expect(applyLifeEvent({ ...c, state: 'disposed' }, { type: 'treated', on: '2026-01-03' }).ok).toBe(false);
  });
});

describe('delivery and residue (G-7.2.1, G-7.2.2, G-7.1.14, G-12.4.3.3)', () => {
  const facts = {
    full: { enterpriseId: OURS, state: 'full' as const },
    empty: null,
    emptyScanned: false,
    sameCode: false,
    installed: true,
    leakChecked: true,
    ignitionTested: true,
    declinedAdvice: null,
    signed: true,
  };
  it('G-7.2.2 installed needs the leak check, ignition test and signature; declined needs the advice', async () => {
    const { checkDelivery } = await import('./index.ts');
    expect(checkDelivery(facts, OURS)).toEqual({ ok: true });
    expect(checkDelivery({ ...facts, ignitionTested: false }, OURS)).toMatchObject({ field: 'leakChecked' });
    expect(checkDelivery({ ...facts, signed: false }, OURS)).toMatchObject({ field: 'signature' });
    const declined = { ...facts, installed: false, leakChecked: false, ignitionTested: false, signed: false };
    expect(checkDelivery(declined, OURS)).toMatchObject({ field: 'declinedAdvice' });
    expect(checkDelivery({ ...declined, declinedAdvice: '已告知用肥皂水检漏' }, OURS)).toEqual({ ok: true });
    expect(checkDelivery({ ...facts, full: { enterpriseId: OURS, state: 'held' } }, OURS)).toMatchObject({
      field: 'fullCode',
    });
  });
  it('G-7.2.1 a delivery more than 30 minutes after the agreed time is late', async () => {
    const { deliveredOnTime } = await import('./index.ts');
    const agreed = new Date('2026-12-05T02:00:00Z');
    expect(deliveredOnTime(agreed, new Date('2026-12-05T02:30:00Z'))).toBe(true);
    expect(deliveredOnTime(agreed, new Date('2026-12-05T02:30:01Z'))).toBe(false);
    expect(deliveredOnTime(null, new Date('2026-12-05T09:00:00Z'))).toBe(true);
  });
  it('G-7.1.14 the residue above 3 % is refunded at the receipt’s price per kilogram', async () => {
    const { residueCompensation } = await import('./index.ts');
    expect(residueCompensation({ residueG: 935, fillG: 14_500, amountFen: 11_000 })).toEqual({
      limitG: 435,
      excessG: 500,
      priceFenPerKg: 759,
      refundFen: 380,
    });
    expect(residueCompensation({ residueG: 435, fillG: 14_500, amountFen: 11_000 }).refundFen).toBe(0);
  });
  it('G-12.4.3.3, G-12.4.3.4 a bottled-gas company’s burner faults count in its repair response and timeliness', async () => {
    const { INDICATORS } = await import('../evaluation/indicators.ts');
    for (const id of ['gas_repair_response', 'gas_repair_timeliness']) {
      const source = INDICATORS.find((i) => i.id === id)!.source;
      expect(source.kind === 'clock' && source.clocks.map((c) => c.itemCode)).toContain(
        'bottled_burner_fault',
      );
    }
  });
});
