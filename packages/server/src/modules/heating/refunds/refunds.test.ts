import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { heatingWorld, type HeatingWorld } from '../seasons/heating.fixtures.ts';

let w: HeatingWorld;
let last: string;

beforeAll(async () => {
  w = await heatingWorld();
  w.at('2026-03-20 09:00');
  last = (await w.season({ startsOn: '2025-11-15', endsOn: '2026-03-15' })).id;
});
afterAll(() => w.close());

const refund = (over: Record<string, unknown> = {}) => ({
  customerId: w.acc.resident,
  seasonId: last,
  cause: 'low_temperature',
  reason: '12 月室温连续 5 日低于 18℃，企业设施原因',
  amountFen: 9_330,
  committedOn: '2026-04-30',
  method: 'pay',
  ...over,
});

describe('H-5.5.2 / H-7.2.5 heating refunds', () => {
  it('H-5.5.2: the committed date may not be later than two months after the season ends', async () => {
    const late = await w.call(
      'heat_admin',
      'POST',
      '/heating/refunds',
      refund({ committedOn: '2026-05-16' }),
    );
    expect(late.statusCode).toBe(422);
    expect(late.json().code).toBe('HEATING_REFUND_COMMITTED_TOO_LATE');
    const ok = await w.json(
      'heat_admin',
      'POST',
      '/heating/refunds',
      refund({ committedOn: '2026-05-15' }),
      201,
    );
    expect(ok).toMatchObject({ latestOn: '2026-05-15', status: 'pending', committedOn: '2026-05-15' });
  });

  it('H-5.5.2: a pending refund past its committed date is listed overdue', async () => {
    w.at('2026-05-10 09:00');
    let list = await w.json('heat_admin', 'GET', '/heating/refunds');
    expect(list[0]).toMatchObject({ overdue: false, daysLeft: 5 });
    w.at('2026-05-16 09:00');
    list = await w.json('heat_admin', 'GET', '/heating/refunds');
    expect(list[0]).toMatchObject({ overdue: true });
  });

  it('H-7.2.5: a refund is paid, or offset against the next season as a ledger credit', async () => {
    w.at('2026-04-01 09:00');
    const pay = await w.json('heat_admin', 'POST', '/heating/refunds', refund(), 201);
    const paid = await w.json(
      'heat_admin',
      'POST',
      `/heating/refunds/${pay.id}/settle`,
      { version: pay.version, method: 'pay' },
      200,
    );
    expect(paid).toMatchObject({ status: 'paid', settledOn: '2026-04-01' });
    const again = await w.call('heat_admin', 'POST', `/heating/refunds/${pay.id}/settle`, {
      version: paid.version,
      method: 'pay',
    });
    expect(again.json().code).toBe('HEATING_REFUND_SETTLED');

    const off = await w.json(
      'heat_admin',
      'POST',
      '/heating/refunds',
      refund({ method: 'offset', amountFen: 5_000 }),
      201,
    );
    // No next season yet: nothing to offset against, and nothing is written.
    const early = await w.call('heat_admin', 'POST', `/heating/refunds/${off.id}/settle`, {
      version: off.version,
      method: 'offset',
    });
    expect(early.json().code).toBe('HEATING_NEXT_SEASON_MISSING');
    expect(
      await w.count(`select count(*)::int as n from ledger_entries where ref_type = 'heating_refund'`),
    ).toBe(0);
    const next = await w.season();
    const done = await w.json(
      'heat_admin',
      'POST',
      `/heating/refunds/${off.id}/settle`,
      { version: off.version, method: 'offset' },
      200,
    );
    expect(done).toMatchObject({ status: 'offset', offsetSeasonId: next.id });
    expect(
      await w.count(
        `select count(*)::int as n from ledger_entries where ref_type = 'heating_refund' and kind = 'adjustment' and amount_fen = -5000`,
      ),
    ).toBe(1);
  });

  it('enterprise scoping and bad input on refunds', async () => {
    expect(
      (await w.call('heat_admin', 'POST', '/heating/refunds', refund({ amountFen: 0 }))).statusCode,
    ).toBe(400);
    expect(
      (await w.call('heat_admin', 'POST', '/heating/refunds', refund({ amountFen: 12.5 }))).statusCode,
    ).toBe(400);
    expect(
      (await w.call('heat_admin', 'POST', '/heating/refunds', refund({ customerId: w.customers.gas })))
        .statusCode,
    ).toBe(404);
    expect((await w.call('gas_admin', 'POST', '/heating/refunds', refund())).statusCode).toBe(422);
    expect(await w.json('gas_admin', 'GET', '/heating/refunds')).toEqual([]);
    const one = (await w.json('heat_admin', 'GET', '/heating/refunds'))[0];
    expect(
      (await w.call('gas_admin', 'POST', `/heating/refunds/${one.id}/settle`, { version: 1, method: 'pay' }))
        .statusCode,
    ).toBe(422);
    expect((await w.json('reg', 'GET', '/heating/refunds')).length).toBe(3);
  });
});
