import { and, eq, inArray } from 'drizzle-orm';
import { addDays } from '@ranre/domain';
import type { Db } from '../db/client.ts';
import { actualReading } from './seed-metering-extras.ts';
import { contracts, meterEvents, meterReadings, meters } from '../db/schema.ts';

// G-6.2.2 in the demo: one household meter exchanged early in the month before the last reading (a month the demo
// has billed), so that bill and its notice show both meters' readings: the old one up to its final register, the new
// one from zero. The later readings move to the new meter, rebased on its zero.

interface Plan {
  account: { id: string; premisesId: string };
  resident: boolean;
  remote: boolean;
  meter: { serialNo: string; prepaid: boolean };
  readings: { readOn: string; register: number; kind: string }[];
}

export async function demoExchange(
  tx: Db,
  enterpriseId: string,
  plans: Plan[],
  idOf: Map<string, string>,
  prefix: string,
  clerkId: string | null,
  now: Date,
): Promise<number> {
  // An account billed on readings every one or two months (many demo gas contracts are prepaid or per purchase).
  const monthly = new Set(
    (
      await tx
        .select({ customerId: contracts.customerId })
        .from(contracts)
        .where(
          and(
            eq(contracts.enterpriseId, enterpriseId),
            eq(contracts.sector, 'gas'),
            inArray(contracts.settlementCycle, ['monthly', 'bimonthly']),
          ),
        )
    ).map((c) => c.customerId),
  );
  const p = plans.find(
    (x, i) =>
      i >= 10 &&
      monthly.has(x.account.id) &&
      !x.remote &&
      !x.meter.prepaid &&
      x.readings.length >= 4 &&
      x.readings.slice(-4).every((r) => r.kind === 'actual') &&
      x.readings.at(-2)!.register - x.readings.at(-3)!.register >= 2_000,
  );
  if (!p) return 0;
  const oldId = idOf.get(p.meter.serialNo)!;
  const [before, next] = p.readings.slice(-3) as [Plan['readings'][0], Plan['readings'][0]];
  const moved = p.readings.slice(-2);
  // The 20th is reading day: the exchange falls on the 2nd of the next month, inside that month's billing period.
  const on = addDays(before.readOn as never, 12);
  const final = before.register + Math.floor((next.register - before.register) * 0.4);
  for (const r of moved) {
    await tx
      .delete(meterReadings)
      .where(and(eq(meterReadings.meterId, oldId), eq(meterReadings.readOn, r.readOn)));
  }
  await tx
    .update(meters)
    .set({ status: 'removed', removedOn: on, updatedAt: now })
    .where(eq(meters.id, oldId));
  const [fresh] = await tx
    .insert(meters)
    .values({
      enterpriseId,
      customerId: p.account.id,
      premisesId: p.account.premisesId,
      sector: 'gas',
      serialNo: `${prefix}EX0001`,
      model: 'G2.5 膜式燃气表（更换）',
      manufacturer: '示范仪表（演示）',
      status: 'in_service',
      installedOn: on,
      initialReading: 0,
      verifiedOn: on,
      replaceBy: addDays(on as never, 3650),
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: meters.id, serialNo: meters.serialNo });
  const reading = (meterId: string, readOn: string, register: number, usage: number, note: string) =>
    actualReading(
      { enterpriseId, customerId: p.account.id, clerkId, now },
      meterId,
      readOn,
      register,
      usage,
      note,
    );
  await tx
    .insert(meterReadings)
    .values([
      reading(oldId, on, final, final - before.register, '换表：旧表止码 / exchange: final register'),
      reading(fresh!.id, on, 0, 0, '换表：新表安装 / exchange: new meter installed'),
      ...moved.map((r, i) =>
        reading(
          fresh!.id,
          r.readOn,
          r.register - final,
          i === 0 ? r.register - final : r.register - moved[i - 1]!.register,
          '抄表 / meter reading',
        ),
      ),
    ]);
  await tx.insert(meterEvents).values([
    {
      enterpriseId,
      meterId: oldId,
      customerId: p.account.id,
      kind: 'exchange',
      on,
      reading: final,
      payload: { reason: '到期轮换（演示）', note: '', newMeterId: fresh!.id, newSerialNo: fresh!.serialNo },
      actorId: clerkId,
      createdAt: now,
    },
    {
      enterpriseId,
      meterId: fresh!.id,
      customerId: p.account.id,
      kind: 'install',
      on,
      reading: 0,
      payload: { customerId: p.account.id, replaces: p.meter.serialNo, note: '' },
      actorId: clerkId,
      createdAt: now,
    },
  ]);
  return 1;
}
