import { and, asc, eq, gte, inArray, lte } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { heatMeterDisputes, meterReadings, meters } from '../../../db/schema.ts';

// Reads for the metered settlement of two-part heating accounts (H-7.2.1).

/** The period of the settlement bills of a season: one per account, kept unique by bills_regular_uq. */
export const meteredPeriod = (seasonPeriod: string) => `${seasonPeriod}-metered`;

/** Heat-meter readings (register in Wh) of the customers, read within the dates, oldest first. */
export async function heatReadings(
  db: Db,
  enterpriseId: string,
  customerIds: string[],
  from: string,
  to: string,
) {
  if (customerIds.length === 0) return [];
  return db
    .select({
      customerId: meterReadings.customerId,
      meterId: meterReadings.meterId,
      readOn: meterReadings.readOn,
      register: meterReadings.register,
      kind: meterReadings.kind,
    })
    .from(meterReadings)
    .innerJoin(meters, eq(meters.id, meterReadings.meterId))
    .where(
      and(
        eq(meterReadings.enterpriseId, enterpriseId),
        eq(meters.sector, 'heat'),
        inArray(meterReadings.customerId, customerIds),
        gte(meterReadings.readOn, from),
        lte(meterReadings.readOn, to),
      ),
    )
    .orderBy(asc(meterReadings.readOn));
}

/** Accounts whose heat meter this season was found faulty (H-7.2.4.3): they are billed by area instead. */
export async function areaBilledInSeason(db: Db, seasonId: string): Promise<Set<string>> {
  const rows = await db
    .select({ customerId: heatMeterDisputes.customerId })
    .from(heatMeterDisputes)
    .where(and(eq(heatMeterDisputes.seasonId, seasonId), eq(heatMeterDisputes.billing, 'area')));
  return new Set(rows.map((r) => r.customerId));
}
