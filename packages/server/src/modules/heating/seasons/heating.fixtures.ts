import { customers, meters, payments, premises } from '../../../db/schema.ts';
import { orderWorld, type OrderWorld } from '../../service/workorders/testing.ts';
import { expect } from 'vitest';

// The heating test world: the order world plus heating accounts with premises (one metered non-resident, one
// without a heated area), a heat meter and helpers for seasons and prices.

type Verb = 'GET' | 'POST' | 'PATCH' | 'PUT';

export interface HeatingWorld extends Omit<OrderWorld, 'call'> {
  call(who: string, method: Verb, url: string, payload?: object): ReturnType<OrderWorld['call']>;
  acc: { resident: string; metered: string; noArea: string; suspended: string };
  meterId: string;
  json(who: string, method: Verb, url: string, payload?: object, status?: number): Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  season(over?: Record<string, unknown>): Promise<{ id: string; version: number; period: string }>;
  pay(customerId: string, billId: string, amountFen: number, at: string): Promise<void>;
}

export async function heatingWorld(): Promise<HeatingWorld> {
  const w = await orderWorld();
  const heat = w.world.heat.id;
  const more = await w.t.database.db
    .insert(customers)
    .values([
      {
        enterpriseId: heat,
        accountNo: 'RL0002',
        kind: 'heating_non_resident',
        name: '华光商贸',
        phone: '13905330004',
      },
      {
        enterpriseId: heat,
        accountNo: 'RL0003',
        kind: 'heating_resident',
        name: '钱晓东',
        phone: '13905330005',
      },
      {
        enterpriseId: heat,
        accountNo: 'RL0004',
        kind: 'heating_resident',
        name: '孙立华',
        phone: '13905330006',
      },
    ])
    .returning({ id: customers.id });
  const acc = {
    resident: w.customers.heat,
    metered: more[0]!.id,
    noArea: more[1]!.id,
    suspended: more[2]!.id,
  };
  const place = (customerId: string, area: string | null) => ({
    enterpriseId: heat,
    customerId,
    district: '张店区',
    address: `张店区金晶大道 ${customerId.slice(-4)} 号`,
    heatedAreaM2: area,
  });
  await w.t.database.db
    .insert(premises)
    .values([
      place(acc.resident, '89.57'),
      place(acc.metered, '1000.00'),
      place(acc.noArea, null),
      place(acc.suspended, '100.00'),
    ]);
  const [meter] = await w.t.database.db
    .insert(meters)
    .values({ enterpriseId: heat, customerId: acc.metered, sector: 'heat', serialNo: 'HM-0001' })
    .returning();
  let paySeq = 0;
  const json: HeatingWorld['json'] = async (who, method, url, payload, status) => {
    const res = await w.call(who, method as 'GET', url, payload);
    if (status !== undefined) expect(res.statusCode, res.body).toBe(status);
    return res.json();
  };
  return {
    ...w,
    call: (who, method, url, payload) => w.call(who, method as 'GET', url, payload),
    acc,
    meterId: meter!.id,
    json,
    season: async (over = {}) =>
      json(
        'heat_admin',
        'POST',
        '/heating/seasons',
        { area: '张店城区', districts: ['张店区'], startsOn: '2026-11-15', endsOn: '2027-03-15', ...over },
        201,
      ),
    pay: async (customerId, billId, amountFen, at) => {
      paySeq += 1;
      await w.t.database.db.insert(payments).values({
        enterpriseId: heat,
        customerId,
        sector: 'heating',
        channel: 'counter',
        amountFen,
        idempotencyKey: `test-${paySeq}`,
        receiptNo: `R${paySeq}`,
        billId,
        receivedAt: new Date(at),
      });
    },
  };
}

export const AREA_PRICE = { method: 'area', fenPerM2PerSeason: 2500 } as const;
export const TWO_PART_PRICE = { method: 'two_part', baseFenPerM2: 750, fenPerKwh: 28 } as const;
