import { addDays, daysBetween, type GasCustomerClass } from '@ranre/domain';
import { inArray, sql } from 'drizzle-orm';
import { notifyClass } from '../modules/gas/prices/prices.repository.ts';
import { priceChangeText } from '../modules/gas/prices/prices.service.ts';
import type { Db } from '../db/client.ts';
import { meterEvents, meterReadings, meters, priceSchedules } from '../db/schema.ts';

// The metering demo's price schedules (G-6.2.4) and its meter away at verification with a spare (G-6.2.2).

export const DEMO_PRICE_LABEL_TEXT = '演示价格，非淄博实价';

type Tiers = { upTo: number | null; price: number }[];
const residential = (p: [number, number, number]): Tiers => [
  { upTo: 400_000, price: p[0] },
  { upTo: 600_000, price: p[1] },
  { upTo: null, price: p[2] },
];
/** Demo prices (fen/m³) before the year, at the first change (mid-month) and at the second. */
export const DEMO_PRICES: Record<GasCustomerClass, Tiers[]> = {
  residential: [residential([326, 391, 489]), residential([336, 403, 504]), residential([331, 397, 496])],
  non_residential: [[{ upTo: null, price: 380 }], [{ upTo: null, price: 395 }], [{ upTo: null, price: 388 }]],
};

export const monthStart = (today: string, back: number) => {
  const n = Number(today.slice(0, 4)) * 12 + Number(today.slice(5, 7)) - 1 - back;
  return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}-01`;
};

/** G-6.2.4: three schedules per class — before the year, a mid-month change and a first-of-month change — told. */
export async function seedPrices(tx: Db, enterpriseId: string, today: string, now: Date) {
  const starts = [monthStart(today, 16), addDays(monthStart(today, 10), 15), monthStart(today, 4)];
  const out: { id: string; customerClass: string; effectiveFrom: string }[] = [];
  for (const customerClass of ['residential', 'non_residential'] as const) {
    for (const [i, effectiveFrom] of starts.entries()) {
      const tiers = DEMO_PRICES[customerClass][i]!;
      const announcedOn = addDays(effectiveFrom, -20);
      const basis = `演示文号 淄发改价格〔${effectiveFrom.slice(0, 4)}〕${10 + i} 号（虚构）`;
      const [row] = await tx
        .insert(priceSchedules)
        .values({
          enterpriseId,
          sector: 'gas',
          customerClass,
          effectiveFrom,
          label: `${DEMO_PRICE_LABEL_TEXT} ${effectiveFrom}`,
          demo: true,
          tiers,
          basis,
          announcedOn,
          createdAt: now,
        })
        .returning({ id: priceSchedules.id });
      out.push({ id: row!.id, customerClass, effectiveFrom });
      if (i === 0) continue;
      await notifyClass(tx, {
        enterpriseId,
        scheduleId: row!.id,
        customerClass,
        ...priceChangeText({ customerClass, effectiveFrom, tiers, basis, demo: true }),
      });
      await tx.execute(sql`update notifications set status = 'sent', attempts = 1,
        sent_at = ${new Date(now.getTime() - daysBetween(announcedOn, today) * 86_400_000)}
        where ref_type = 'price_schedule' and ref_id = ${row!.id}`);
    }
  }
  return out;
}

/** An actual reading entered by the demo's billing clerk (meter events: verification, exchange). */
export function actualReading(
  who: { enterpriseId: string; customerId: string; clerkId: string | null; now: Date },
  meterId: string,
  readOn: string,
  register: number,
  usage: number,
  note: string,
) {
  return {
    enterpriseId: who.enterpriseId,
    customerId: who.customerId,
    meterId,
    readOn,
    kind: 'actual',
    register,
    usage,
    note,
    enteredBy: who.clerkId,
    createdAt: who.now,
  };
}

/** G-6.2.2: one meter away for off-line verification, with a spare meter installed meanwhile. */
export async function offlineVerification(
  tx: Db,
  enterpriseId: string,
  plans: {
    account: { id: string; premisesId: string };
    resident: boolean;
    remote: boolean;
    meter: { serialNo: string; prepaid: boolean };
    readings: { readOn: string; register: number; kind: string }[];
  }[],
  idOf: Map<string, string>,
  prefix: string,
  today: string,
  clerkId: string | null,
  now: Date,
) {
  const p = plans.find(
    (x, i) =>
      i >= 10 && x.resident && !x.remote && !x.meter.prepaid && x.readings.at(-1)?.kind !== 'estimated',
  );
  if (!p) return 0;
  const meterId = idOf.get(p.meter.serialNo)!;
  const last = p.readings.at(-1)!;
  const on = addDays(today, -2) > last.readOn ? addDays(today, -2) : addDays(last.readOn, 1);
  const register = last.register + 3_250;
  const [spare] = await tx
    .insert(meters)
    .values({
      enterpriseId,
      customerId: p.account.id,
      premisesId: p.account.premisesId,
      sector: 'gas',
      serialNo: `${prefix}SP0001`,
      model: 'G2.5 膜式燃气表（备用表）',
      manufacturer: '示范仪表（演示）',
      status: 'in_service',
      installedOn: on,
      verifiedOn: addDays(today, -200),
      replaceBy: addDays(today, 3450),
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: meters.id, serialNo: meters.serialNo });
  await tx
    .update(meters)
    .set({ status: 'in_verification' })
    .where(inArray(meters.id, [meterId]));
  const reading = (id: string, reg: number, usage: number, note: string) =>
    actualReading({ enterpriseId, customerId: p.account.id, clerkId, now }, id, on, reg, usage, note);
  await tx
    .insert(meterReadings)
    .values([
      reading(meterId, register, register - last.register, '送检拆表读数 / sent to verification'),
      reading(spare!.id, 0, 0, '备用表安装 / spare installed'),
    ]);
  await tx.insert(meterEvents).values([
    {
      enterpriseId,
      meterId,
      customerId: p.account.id,
      kind: 'send_to_verification',
      on,
      reading: register,
      payload: {
        spareMeterId: spare!.id,
        spareSerialNo: spare!.serialNo,
        agreedMethod: null,
        note: '周期检定（演示）',
      },
      actorId: clerkId,
      createdAt: now,
    },
    {
      enterpriseId,
      meterId: spare!.id,
      customerId: p.account.id,
      kind: 'install',
      on,
      reading: 0,
      payload: { customerId: p.account.id, spareFor: p.meter.serialNo, note: '' },
      actorId: clerkId,
      createdAt: now,
    },
  ]);
  return 1;
}
