import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREA_PRICE, heatingWorld, TWO_PART_PRICE, type HeatingWorld } from './heating.fixtures.ts';

let w: HeatingWorld;
beforeAll(async () => {
  w = await heatingWorld();
  w.at('2026-10-20 09:00');
});
afterAll(() => w.close());

describe('heating seasons and prices', () => {
  it('H-5.2: a season is data per enterprise area; legal heating days come from its dates', async () => {
    const s = await w.season();
    expect(s).toMatchObject({
      period: '2026-2027',
      legalHeatingDays: 120,
      paymentDueOn: '2026-11-15',
      flags: [],
    });
    const other = await w.season({
      area: '文昌湖',
      districts: ['文昌湖省级旅游度假区'],
      startsOn: '2026-11-10',
      endsOn: '2027-03-20',
    });
    expect(other).toMatchObject({ legalHeatingDays: 130 });
    // The same area and period twice is a duplicate, not a 500.
    const dup = await w.call('heat_admin', 'POST', '/heating/seasons', {
      area: '张店城区',
      startsOn: '2026-11-15',
      endsOn: '2027-03-15',
    });
    expect(dup.statusCode, dup.body).toBe(409);
  });

  it('H-5.2: bad dates and unknown fields are refused with a code, nothing written', async () => {
    const before = (await w.json('heat_admin', 'GET', '/heating/seasons')).seasons.length;
    const backwards = await w.call('heat_admin', 'POST', '/heating/seasons', {
      area: 'X',
      startsOn: '2027-03-15',
      endsOn: '2026-11-15',
    });
    expect(backwards.statusCode).toBe(422);
    expect(backwards.json().code).toBe('HEATING_SEASON_INVALID');
    const extra = await w.call('heat_admin', 'POST', '/heating/seasons', {
      area: 'X',
      startsOn: '2026-11-15',
      endsOn: '2027-03-15',
      hack: 1,
    });
    expect(extra.statusCode).toBe(400);
    const bad = await w.call('heat_admin', 'POST', '/heating/seasons', {
      area: 'X',
      startsOn: '2026-11-31',
      endsOn: '2027-03-15',
    });
    expect(bad.statusCode).toBe(400);
    expect((await w.json('heat_admin', 'GET', '/heating/seasons')).seasons.length).toBe(before);
  });

  it('H-5.2.2: an actual start later or end earlier than the season is flagged', async () => {
    const s = (await w.json('heat_admin', 'GET', '/heating/seasons')).seasons.find(
      (x: { area: string }) => x.area === '张店城区',
    );
    const late = await w.json(
      'heat_admin',
      'PATCH',
      `/heating/seasons/${s.id}`,
      { version: s.version, actualStartOn: '2026-11-17' },
      200,
    );
    expect(late.flags).toEqual([{ code: 'late_start', days: 2, on: '2026-11-17' }]);
    const stale = await w.call('heat_admin', 'PATCH', `/heating/seasons/${s.id}`, {
      version: s.version,
      actualStartOn: '2026-11-15',
    });
    expect(stale.statusCode).toBe(409);
    const fixed = await w.json(
      'heat_admin',
      'PATCH',
      `/heating/seasons/${s.id}`,
      { version: late.version, actualStartOn: '2026-11-15' },
      200,
    );
    expect(fixed.flags).toEqual([]);
  });

  it('H-7.2.1: prices per customer class with effective dates; the two-part base part is capped at 30 % of the area price', async () => {
    await w.json(
      'heat_admin',
      'POST',
      '/heating/prices',
      { customerClass: 'heating_resident', effectiveFrom: '2026-10-01', heating: AREA_PRICE },
      201,
    );
    await w.json(
      'heat_admin',
      'POST',
      '/heating/prices',
      {
        customerClass: 'heating_non_resident',
        effectiveFrom: '2026-10-01',
        heating: { method: 'area', fenPerM2PerSeason: 3200 },
      },
      201,
    );
    await w.json(
      'heat_admin',
      'POST',
      '/heating/prices',
      { customerClass: 'heating_non_resident', effectiveFrom: '2026-10-01', heating: TWO_PART_PRICE },
      201,
    );
    const tooHigh = await w.call('heat_admin', 'POST', '/heating/prices', {
      customerClass: 'heating_resident',
      effectiveFrom: '2026-10-02',
      heating: { method: 'two_part', baseFenPerM2: 751, fenPerKwh: 28 },
    });
    expect(tooHigh.statusCode).toBe(422);
    expect(tooHigh.json().code).toBe('HEATING_BASE_PART_TOO_HIGH');
    const fractional = await w.call('heat_admin', 'POST', '/heating/prices', {
      customerClass: 'heating_resident',
      effectiveFrom: '2026-10-03',
      heating: { method: 'area', fenPerM2PerSeason: 25.5 },
    });
    expect(fractional.statusCode).toBe(400);
    const { prices } = await w.json('heat_admin', 'GET', '/heating/seasons');
    expect(prices.every((p: { sector: string }) => p.sector === 'heating')).toBe(true);
  });

  it('H-7.2.2: the rules are data with an effective date; out-of-range values are refused', async () => {
    const rules = (await w.json('heat_admin', 'GET', '/heating/seasons')).demoRules;
    await w.json('heat_admin', 'PUT', '/heating/rules', { effectiveFrom: '2026-10-01', rules }, 200);
    const bad = await w.call('heat_admin', 'PUT', '/heating/rules', {
      effectiveFrom: '2026-10-01',
      rules: { ...rules, earlyPayment: { ...rules.earlyPayment, rewardBps: 20_000 } },
    });
    expect(bad.statusCode).toBe(400);
  });

  it('enterprise scoping: the gas company cannot write heating data nor see the heating seasons', async () => {
    const gas = await w.call('gas_admin', 'POST', '/heating/seasons', {
      area: 'G',
      startsOn: '2026-11-15',
      endsOn: '2027-03-15',
    });
    expect(gas.statusCode).toBe(422);
    expect(gas.json().code).toBe('HEATING_ENTERPRISE_REQUIRED');
    expect((await w.json('gas_admin', 'GET', '/heating/seasons')).seasons).toEqual([]);
    const s = (await w.json('heat_admin', 'GET', '/heating/seasons')).seasons[0];
    expect(
      (await w.call('gas_admin', 'PATCH', `/heating/seasons/${s.id}`, { version: s.version })).statusCode,
    ).toBe(422);
    expect(
      (
        await w.call('heat_agent', 'POST', '/heating/seasons', {
          area: 'A',
          startsOn: '2026-11-15',
          endsOn: '2027-03-15',
        })
      ).statusCode,
    ).toBe(403);
    const all = await w.json('reg', 'GET', '/heating/seasons');
    expect(all.seasons.length).toBeGreaterThanOrEqual(2);
  });
});
