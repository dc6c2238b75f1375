import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meteringWorld, type MeteringWorld } from '../meters/testing.ts';
import { estimateAndRecord } from './readings.service.ts';

let w: MeteringWorld;
beforeAll(async () => {
  w = await meteringWorld();
}, 60_000);
afterAll(() => w.t.close());

// m³ per month closing on the 20th, Dec 2025 … Oct 2026: a household on gas heating.
const YEAR = [40, 50, 45, 30, 18, 12, 10, 9, 9, 11, 20];
const DATES = [
  '2025-12-20',
  ...Array.from({ length: 10 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}-20`),
];

async function household() {
  const customerId = await w.customer();
  const meterId = await w.meter(customerId);
  let register = 1_000_000;
  for (const [i, readOn] of DATES.entries()) {
    register += YEAR[i]! * 1000;
    const res = await w.call(w.cookies.clerk, 'POST', '/readings', {
      meterId,
      readOn,
      kind: 'actual',
      register,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  }
  return { customerId, meterId, register };
}

describe('readings (G-6.2.3, G-6.2.5)', () => {
  it('G-6.2.3: readings on the monthly cycle record the register and the usage since the last one', async () => {
    const { customerId, register } = await household();
    const list = await w.call(w.cookies.agent, 'GET', `/readings?customerId=${customerId}`);
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(12);
    expect(list.body.items[0]).toMatchObject({
      readOn: '2026-10-20',
      register,
      usage: 20_000,
      kind: 'actual',
    });
  });

  it('G-6.2.5: a reading above 2× the highest actual month asks for confirmation; nothing is written until confirmed with a note', async () => {
    const { meterId, register } = await household();
    const rows = await w.count(`select count(*)::int as n from meter_readings where meter_id = '${meterId}'`);
    const entry = { meterId, readOn: '2026-11-20', kind: 'actual', register: register + 150_000 };
    const first = await w.call(w.cookies.clerk, 'POST', '/readings', entry);
    expect(first.status).toBe(422);
    expect(first.body.code).toBe('READING_NEEDS_CONFIRMATION');
    expect(first.body.details.flags.map((f: { code: string }) => f.code)).toEqual(['HIGH']);
    expect(first.body.messages.zh).toContain('50.000 m³');
    const noNote = await w.call(w.cookies.clerk, 'POST', '/readings', { ...entry, confirm: true });
    expect(noNote.body.code).toBe('READING_NEEDS_CONFIRMATION');
    expect(await w.count(`select count(*)::int as n from meter_readings where meter_id = '${meterId}'`)).toBe(
      rows,
    );
    const ok = await w.call(w.cookies.clerk, 'POST', '/readings', {
      ...entry,
      confirm: true,
      note: '入户核实，新装壁挂炉',
    });
    expect(ok.status).toBe(201);
    expect(ok.body.reading.usage).toBe(150_000);
    expect(ok.body.reading.checks.map((c: { code: string }) => c.code)).toEqual(['HIGH', 'CONFIRMED']);
    expect(ok.body.reading.note).toBe('入户核实，新装壁挂炉');
  });

  it('G-6.2.5: a register running backwards, a future date or a date before the last reading is refused', async () => {
    const { meterId, register } = await household();
    const back = await w.call(w.cookies.clerk, 'POST', '/readings', {
      meterId,
      readOn: '2026-11-20',
      kind: 'actual',
      register: register - 5000,
    });
    expect(back.body.code).toBe('READING_REGISTER_REGRESSED');
    const future = await w.call(w.cookies.clerk, 'POST', '/readings', {
      meterId,
      readOn: '2026-11-27',
      kind: 'actual',
      register,
    });
    expect(future.body.code).toBe('READING_IN_FUTURE');
    const early = await w.call(w.cookies.clerk, 'POST', '/readings', {
      meterId,
      readOn: '2026-10-01',
      kind: 'actual',
      register,
    });
    expect(early.body.code).toBe('READING_DATE_NOT_AFTER_PREVIOUS');
    expect([back.status, future.status, early.status]).toEqual([422, 422, 422]);
  });

  it('G-6.2.5: the estimate preview says why — same month last year or the recent mean, capped by the highest actual month', async () => {
    const { meterId } = await household();
    const res = await w.call(
      w.cookies.agent,
      'GET',
      `/readings/estimate?meterId=${meterId}&periodEnd=2026-11-20`,
    );
    expect(res.status).toBe(200);
    // No November a year ago inside the history → the mean of the latest 3 actual months (9, 11, 20 → 13.333 m³).
    expect(res.body).toMatchObject({
      usage: 13_333,
      basis: { capped: false, cap: { volume: 50_000 }, clause: 'G-6.2.5' },
    });
    expect(res.body.basis.reason.zh).toContain('最近 3 个实抄月平均');
  });

  it('G-6.2.5: estimateAndRecord records an estimate never above the highest actual month, once; the next actual settles it (多退少补)', async () => {
    const { customerId, meterId, register } = await household();
    const db = w.t.database.db;
    const first = await db.transaction((tx) =>
      estimateAndRecord(tx, customerId, meterId, '2026-11-20', { method: { kind: 'fixed', volume: 80_000 } }),
    );
    expect(first.created).toBe(true);
    expect(first.reading).toMatchObject({ kind: 'estimated', usage: 50_000, register: register + 50_000 });
    expect(first.reading.estimateBasis).toMatchObject({
      capped: true,
      uncappedVolume: 80_000,
      clause: 'G-6.2.5',
    });
    const again = await db.transaction((tx) => estimateAndRecord(tx, customerId, meterId, '2026-11-20'));
    expect(again).toMatchObject({ created: false, reading: { id: first.reading.id } });
    // The actual register on 11-25 is 30 m³ below the estimate: refund (多退), not a regression.
    const actual = await w.call(w.cookies.clerk, 'POST', '/readings', {
      meterId,
      readOn: '2026-11-25',
      kind: 'actual',
      register: register + 20_000,
    });
    expect(actual.status, JSON.stringify(actual.body)).toBe(201);
    expect(actual.body.settlement).toMatchObject({ volumeDifference: -30_000, direction: 'refund' });
    expect(actual.body.reading.usage).toBe(-30_000);
  });

  it('G-6.2.5: a reader’s route lists meters with their last reading; bulk entry saves good rows and reports each bad one', async () => {
    const a = await household();
    const b = await household();
    const route = await w.call(w.cookies.clerk, 'GET', '/readings/route?community=华光社区');
    expect(route.status).toBe(200);
    expect(route.body.areas.length).toBeGreaterThan(0);
    expect(route.body.items.find((m: { meterId: string }) => m.meterId === a.meterId)).toMatchObject({
      lastReadOn: '2026-10-20',
      lastRegister: a.register,
    });
    const res = await w.call(w.cookies.clerk, 'POST', '/readings/bulk', {
      rows: [
        { meterId: a.meterId, readOn: '2026-11-20', kind: 'actual', register: a.register + 19_000 },
        { meterId: b.meterId, readOn: '2026-11-20', kind: 'actual', register: b.register - 1 },
        { meterId: b.meterId, readOn: '2026-11-21', kind: 'customer', register: b.register + 500_000 },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ saved: 1, failed: 2 });
    expect(res.body.rows.map((r: { ok: boolean; code: string | null }) => [r.ok, r.code])).toEqual([
      [true, null],
      [false, 'READING_REGISTER_REGRESSED'],
      [false, 'READING_NEEDS_CONFIRMATION'],
    ]);
    expect(res.body.rows[2].flags[0].code).toBe('HIGH');
  });

  it('another enterprise cannot see or enter readings (404); agents read only; bad input 400 and nothing written', async () => {
    const { customerId, meterId, register } = await household();
    const entry = { meterId, readOn: '2026-11-20', kind: 'actual', register: register + 20_000 };
    expect((await w.call(w.cookies.other, 'POST', '/readings', entry)).status).toBe(404);
    expect((await w.call(w.cookies.other, 'GET', `/readings?customerId=${customerId}`)).status).toBe(404);
    expect(
      (await w.call(w.cookies.other, 'GET', `/readings/estimate?meterId=${meterId}&periodEnd=2026-11-20`))
        .status,
    ).toBe(404);
    expect((await w.call(w.cookies.agent, 'POST', '/readings', entry)).status).toBe(403);
    const before = await w.count('select count(*)::int as n from meter_readings');
    expect((await w.call(w.cookies.clerk, 'POST', '/readings', { ...entry, kind: 'estimated' })).status).toBe(
      400,
    );
    expect((await w.call(w.cookies.clerk, 'POST', '/readings', { ...entry, register: 1.5 })).status).toBe(
      400,
    );
    expect((await w.call(w.cookies.clerk, 'POST', '/readings', { ...entry, extra: 1 })).status).toBe(400);
    expect(await w.count('select count(*)::int as n from meter_readings')).toBe(before);
    expect((await w.call(w.cookies.reg, 'GET', `/readings?customerId=${customerId}`)).status).toBe(200);
  });
});
