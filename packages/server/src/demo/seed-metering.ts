import { demoExchange } from './seed-metering-exchange.ts';
import { addDays, gasCustomerClassOf, toShanghaiDate } from '@ranre/domain';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { prng } from './seed-customers-data.ts';
import { offlineVerification, seedPrices } from './seed-metering-extras.ts';
import { householdScale, planReadings, readDates } from './seed-metering-plan.ts';
import { customers, enterprises, meterEvents, meterReadings, meters, premises, users } from '../db/schema.ts';

export { DEMO_PRICE_LABEL_TEXT } from './seed-metering-extras.ts';

// Demo metering for the pipeline-gas companies (issue 4): a meter per account, a year of monthly readings with
// estimates, confirmed high readings and settlements, and demo price schedules with two changes inside the year
// and annual tiers some households cross. Every price is labelled demo: Zibo's own figures are not in the standard.

export interface MeteringSeedResult {
  enterprises: {
    enterpriseId: string;
    meters: number;
    readings: number;
    estimated: number;
    /** The price schedules by class, oldest first. */
    schedules: { id: string; customerClass: string; effectiveFrom: string }[];
    /** Read dates of the year, oldest first (the 20th of each month); the first is the opening reading. */
    readDates: string[];
    /** Billing months the readings cover, e.g. '2025-12' … '2026-11'. */
    periods: string[];
    /** Accounts whose 2026 tier-year usage crosses the first / second threshold. */
    tierCrossings: { first: number; second: number };
  }[];
}

async function insertBatches<T>(rows: T[], size: number, write: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

/** Call inside the demo seed's transaction, after the customers. Returns what it made for the billing seed. */
export async function seedMetering(tx: Db, now: Date): Promise<MeteringSeedResult> {
  const today = toShanghaiDate(now);
  const gasCompanies = await tx
    .select({ id: enterprises.id })
    .from(enterprises)
    .where(eq(enterprises.kind, 'pipeline_gas'));
  const result: MeteringSeedResult = { enterprises: [] };
  for (const [ordinal, e] of gasCompanies.entries()) {
    result.enterprises.push(await seedEnterprise(tx, e.id, ordinal, today, now));
  }
  return result;
}

async function seedEnterprise(tx: Db, enterpriseId: string, ordinal: number, today: string, now: Date) {
  const r = prng(0x6a5 * 100 + ordinal);
  const [clerk] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.enterpriseId, enterpriseId), eq(users.role, 'billing_clerk')))
    .limit(1);
  const firstPremises = new Map(
    (
      await tx
        .selectDistinctOn([premises.customerId], { customerId: premises.customerId, id: premises.id })
        .from(premises)
        .where(eq(premises.enterpriseId, enterpriseId))
        .orderBy(premises.customerId, premises.createdAt, premises.id)
    ).map((p) => [p.customerId, p.id]),
  );
  const accounts = (
    await tx
      .select({ id: customers.id, kind: customers.kind })
      .from(customers)
      .where(eq(customers.enterpriseId, enterpriseId))
      .orderBy(customers.accountNo)
  )
    .filter((a) => gasCustomerClassOf(a.kind) !== null && firstPremises.has(a.id))
    .map((a) => ({ ...a, premisesId: firstPremises.get(a.id)! }));

  const schedules = await seedPrices(tx, enterpriseId, today, now);
  const dates = readDates(today, 13);
  const prefix = `ZB${ordinal + 1}`;
  const plans = accounts.map((a, i) => {
    const resident = a.kind !== 'pipeline_non_resident';
    const installedOn = addDays(dates[0]!, -r.int(300, 3400));
    const remote = r.chance(0.3);
    const prepaid = i % 20 === 7;
    const nonResVerified = addDays(today, -r.int(1, 729));
    return {
      account: a,
      resident,
      remote,
      meter: {
        enterpriseId,
        customerId: a.id,
        premisesId: a.premisesId,
        sector: 'gas',
        serialNo: `${prefix}${String(i + 1).padStart(6, '0')}`,
        model: resident
          ? prepaid
            ? 'G2.5 IC卡智能膜式表'
            : remote
              ? 'G2.5 物联网远传膜式表'
              : 'G2.5 膜式燃气表'
          : 'G16 工商业膜式燃气表',
        manufacturer: r.pick(['示范仪表（演示）', '鲁中计量（演示）']),
        status: 'in_service',
        installedOn,
        initialReading: 0,
        // Household membrane meters: verified once, replaced within 10 years; commercial ones: re-verified (demo 2 y).
        verifiedOn: resident ? installedOn : nonResVerified,
        nextVerificationDue: resident
          ? i % 40 === 11
            ? addDays(today, r.int(3, 28))
            : null
          : addDays(nonResVerified, 730),
        replaceBy: resident
          ? i % 25 === 3
            ? addDays(today, r.int(5, 28))
            : addDays(installedOn, 3650)
          : null,
        remoteReading: remote,
        prepaid,
        lowBalanceAlarmFen: prepaid ? 2000 : null,
        overdraftLimitFen: prepaid && i % 40 === 27 ? 3000 : null,
        prepaidBalanceFen: prepaid ? r.int(500, 30000) : 0,
        createdAt: now,
        updatedAt: now,
      },
      readings: planReadings({
        r,
        resident,
        scale: householdScale(r, resident),
        dates,
        openingRegister: r.int(500, 20_000) * 1000,
        remote,
        missRate: 0.08,
      }),
    };
  });
  if (plans.length === 0) {
    return {
      enterpriseId,
      meters: 0,
      readings: 0,
      estimated: 0,
      schedules,
      readDates: dates,
      periods: [],
      tierCrossings: { first: 0, second: 0 },
    };
  }
  const made = await tx
    .insert(meters)
    .values(plans.map((p) => p.meter))
    .returning({ id: meters.id, serialNo: meters.serialNo });
  const idOf = new Map(made.map((m) => [m.serialNo, m.id]));
  const events = plans.map((p) => ({
    enterpriseId,
    meterId: idOf.get(p.meter.serialNo)!,
    customerId: p.account.id,
    kind: 'install',
    on: p.meter.installedOn,
    reading: 0,
    payload: { customerId: p.account.id, note: '演示数据 / demo' },
    createdAt: now,
  }));
  await insertBatches(events, 1000, (chunk) => tx.insert(meterEvents).values(chunk));
  const readingRows = plans.flatMap((p) =>
    p.readings.map((x) => ({
      enterpriseId,
      customerId: p.account.id,
      meterId: idOf.get(p.meter.serialNo)!,
      readOn: x.readOn,
      kind: x.kind,
      register: x.register,
      usage: x.usage,
      estimateBasis: x.estimateBasis,
      checks: x.checks,
      note: x.note,
      enteredBy: x.kind === 'estimated' || x.kind === 'remote' ? null : (clerk?.id ?? null),
      createdAt: now,
    })),
  );
  await insertBatches(readingRows, 1000, (chunk) => tx.insert(meterReadings).values(chunk));
  const spare = await offlineVerification(
    tx,
    enterpriseId,
    plans,
    idOf,
    prefix,
    today,
    clerk?.id ?? null,
    now,
  );

  const exchanged = await demoExchange(tx, enterpriseId, plans, idOf, prefix, clerk?.id ?? null, now);

  const tierYear = `${today.slice(0, 4)}-01-01`;
  const yearUse = plans.map((p) =>
    p.readings.filter((x) => x.readOn >= tierYear).reduce((s, x) => s + Math.max(0, x.usage), 0),
  );
  return {
    enterpriseId,
    meters: made.length + spare + exchanged,
    readings: readingRows.length + 2 * spare + 2 * exchanged,
    estimated: readingRows.filter((x) => x.kind === 'estimated').length,
    schedules,
    readDates: dates,
    periods: dates.slice(1).map((d) => d.slice(0, 7)),
    tierCrossings: {
      first: yearUse.filter((v, i) => plans[i]!.resident && v > 400_000).length,
      second: yearUse.filter((v, i) => plans[i]!.resident && v > 600_000).length,
    },
  };
}
