import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meteringWorld, type MeteringWorld } from '../meters/testing.ts';
import { gasCustomerClassOf, schedulesFor } from './prices.service.ts';

let w: MeteringWorld;
beforeAll(async () => {
  w = await meteringWorld();
}, 60_000);
afterAll(() => w.t.close());

const tiers = [
  { upTo: 400_000, price: 336 },
  { upTo: 600_000, price: 403 },
  { upTo: null, price: 504 },
];
const schedule = (over: Record<string, unknown> = {}) => ({
  customerClass: 'residential',
  effectiveFrom: '2026-12-16',
  label: '居民阶梯气价（演示）',
  demo: true,
  tiers,
  basis: '演示文号（虚构）',
  ...over,
});

describe('gas price schedules (G-6.2.4)', () => {
  it('G-6.2.4: a new schedule is published with annual tiers as data, and every customer of its class is told once', async () => {
    const resident = await w.customer();
    await w.customer({ kind: 'pipeline_rural_resident' });
    const organisation = await w.customer({ kind: 'pipeline_non_resident', idCard: null, name: '华光饭店' });
    const res = await w.call(w.cookies.admin, 'POST', '/prices', schedule());
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      status: 'scheduled',
      demo: true,
      notified: 2,
      announcedOn: '2026-11-26',
    });
    const sent = (
      await w.t.database.executeSql(
        `select customer_id, kind, body from notifications where ref_id = '${res.body.id}'`,
      )
    ).rows;
    expect(sent.map((n) => n.customer_id)).toContain(resident);
    expect(sent.map((n) => n.customer_id)).not.toContain(organisation);
    expect(String(sent[0]!.body)).toContain('2026-12-16');
    expect(String(sent[0]!.body)).toContain('演示价格，非淄博实价');
    expect(String(sent[0]!.body)).toContain('G-6.2.4');
  });

  it('G-6.2.4: a schedule in force is never edited — a new one may not start in the past; the same day twice is a duplicate', async () => {
    const before = await w.count('select count(*)::int as n from price_schedules');
    const past = await w.call(w.cookies.admin, 'POST', '/prices', schedule({ effectiveFrom: '2026-11-01' }));
    expect(past.status).toBe(422);
    expect(past.body.code).toBe('PRICE_SCHEDULE_RETROACTIVE');
    const twice = await w.call(w.cookies.admin, 'POST', '/prices', schedule());
    expect(twice.status).toBe(409);
    expect(await w.count('select count(*)::int as n from price_schedules')).toBe(before);
  });

  it('G-6.2.4: tiers are checked (ascending thresholds, only the last open); bad input is 4xx and writes nothing', async () => {
    const before = await w.count('select count(*)::int as n from notifications');
    const descending = await w.call(
      w.cookies.admin,
      'POST',
      '/prices',
      schedule({
        effectiveFrom: '2027-01-01',
        tiers: [
          { upTo: 600_000, price: 3 },
          { upTo: 400_000, price: 4 },
          { upTo: null, price: 5 },
        ],
      }),
    );
    expect(descending.status).toBe(422);
    expect(descending.body.code).toBe('PRICE_SCHEDULE_INVALID');
    const closed = await w.call(
      w.cookies.admin,
      'POST',
      '/prices',
      schedule({ effectiveFrom: '2027-01-01', tiers: [{ upTo: 1000, price: 3 }] }),
    );
    expect(closed.status).toBe(422);
    expect((await w.call(w.cookies.admin, 'POST', '/prices', schedule({ price: 3 }))).status).toBe(400);
    expect(
      (await w.call(w.cookies.admin, 'POST', '/prices', schedule({ customerClass: 'vip' }))).status,
    ).toBe(400);
    expect(await w.count('select count(*)::int as n from notifications')).toBe(before);
  });

  it('G-6.2.4: the list shows each schedule’s span and status; the billing helper gets the domain schedules of a class', async () => {
    const later = await w.call(
      w.cookies.admin,
      'POST',
      '/prices',
      schedule({ effectiveFrom: '2027-03-01', notifyCustomers: false }),
    );
    expect(later.body).toMatchObject({ notified: 0, announcedOn: null });
    const list = await w.call(w.cookies.clerk, 'GET', '/prices?customerClass=residential');
    expect(list.status).toBe(200);
    expect(
      list.body.items.map((s: { effectiveFrom: string; effectiveTo: string | null; status: string }) => [
        s.effectiveFrom,
        s.effectiveTo,
        s.status,
      ]),
    ).toEqual([
      ['2026-12-16', '2027-02-28', 'scheduled'],
      ['2027-03-01', null, 'scheduled'],
    ]);
    const domain = await schedulesFor(w.t.database.db, w.world.gas.id, 'residential');
    expect(domain.map((d) => [d.customerClass, d.effectiveFrom, d.tiers])).toEqual([
      ['residential', '2026-12-16', tiers],
      ['residential', '2027-03-01', tiers],
    ]);
    expect(gasCustomerClassOf('pipeline_rural_resident')).toBe('residential');
  });

  it('only the admin publishes; another enterprise does not see the schedules; the regulator reads them', async () => {
    expect(
      (await w.call(w.cookies.clerk, 'POST', '/prices', schedule({ effectiveFrom: '2027-02-01' }))).status,
    ).toBe(403);
    expect((await w.call(w.cookies.other, 'GET', '/prices')).body.items).toEqual([]);
    expect((await w.call(w.cookies.reg, 'GET', '/prices')).body.items.length).toBeGreaterThan(0);
  });
});
