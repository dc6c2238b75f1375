import { eq } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import {
  contracts,
  customers,
  enterprises,
  meterReadings,
  meters,
  premises,
  priceSchedules,
} from '../../../db/schema.ts';

// Billing test data written straight to the tables (the meter and reading screens are another module's):
// pipeline accounts with a meter, a contract, readings and the enterprise's price schedules.

export const SERVICE_POINTS = [
  { name: '张店营业厅', address: '张店区华光路 1 号', hours: '周一至周日 8:30–17:30' },
];

export async function completeEnterprise(database: Database, enterpriseId: string) {
  await database.db
    .update(enterprises)
    .set({ servicePoints: SERVICE_POINTS })
    .where(eq(enterprises.id, enterpriseId));
}

/** Residential tiers (litres a year) with a price change on `changeOn`. */
export async function addSchedules(
  database: Database,
  enterpriseId: string,
  changeOn = '2026-11-16',
  tierYearStartMonth = 1,
) {
  const tiers = (p: number[]) => [
    { upTo: 400_000, price: p[0]! },
    { upTo: 600_000, price: p[1]! },
    { upTo: null, price: p[2]! },
  ];
  await database.db.insert(priceSchedules).values([
    {
      enterpriseId,
      sector: 'gas',
      customerClass: 'residential',
      effectiveFrom: '2025-01-01',
      tiers: tiers([300, 360, 450]),
      tierYearStartMonth,
      demo: true,
    },
    {
      enterpriseId,
      sector: 'gas',
      customerClass: 'residential',
      effectiveFrom: changeOn,
      tiers: tiers([330, 396, 495]),
      tierYearStartMonth,
      demo: true,
    },
  ]);
}

let seq = 0;
export interface AccountSpec {
  readings?: { readOn: string; register: number; kind?: string }[];
  cycle?: string;
  method?: string;
  paymentDays?: number;
  prepaid?: boolean;
  noMeter?: boolean;
  meterStatus?: string;
  address?: string;
  kind?: string;
}

export async function addAccount(database: Database, enterpriseId: string, spec: AccountSpec = {}) {
  const { db } = database;
  seq += 1;
  const accountNo = `B${String(seq).padStart(7, '0')}`;
  const [c] = await db
    .insert(customers)
    .values({ enterpriseId, accountNo, kind: spec.kind ?? 'pipeline_urban_resident', name: `用户${seq}` })
    .returning();
  const [p] = await db
    .insert(premises)
    .values({
      enterpriseId,
      customerId: c!.id,
      district: '张店区',
      address: spec.address ?? `张店区华光路${seq}号`,
    })
    .returning();
  await db.insert(contracts).values({
    enterpriseId,
    customerId: c!.id,
    premisesId: p!.id,
    contractNo: `HT${accountNo}`,
    sector: 'gas',
    signedOn: '2024-01-01',
    validFrom: '2024-01-01',
    settlementCycle: spec.cycle ?? 'monthly',
    terms: {
      settlementCycle: spec.cycle ?? 'monthly',
      settlementMethod: spec.method ?? 'postpaid_reading',
      ...(spec.paymentDays ? { paymentDays: spec.paymentDays } : {}),
    },
  });
  if (spec.noMeter) return { customer: c!, meter: null };
  const [m] = await db
    .insert(meters)
    .values({
      enterpriseId,
      customerId: c!.id,
      premisesId: p!.id,
      sector: 'gas',
      serialNo: `M${accountNo}`,
      prepaid: spec.prepaid ?? false,
      status: spec.meterStatus ?? 'in_service',
      installedOn: '2024-01-01',
    })
    .returning();
  let previous = 0;
  const rows = (spec.readings ?? []).map((r) => {
    const row = {
      enterpriseId,
      customerId: c!.id,
      meterId: m!.id,
      readOn: r.readOn,
      kind: r.kind ?? 'actual',
      register: r.register,
      usage: r.register - previous,
    };
    previous = r.register;
    return row;
  });
  if (rows.length > 0) await db.insert(meterReadings).values(rows);
  return { customer: c!, meter: m! };
}

/** Month ends from `from` (YYYY-MM) for `n` months. */
export function monthEnds(from: string, n: number): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  for (let i = 0; i < n; i++) {
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    out.push(`${y}-${String(m).padStart(2, '0')}-${String(last).padStart(2, '0')}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}
