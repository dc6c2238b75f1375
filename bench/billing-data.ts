// The billing benchmarks' data: an enterprise with one residential price schedule, and n pipeline accounts with
// premises, a monthly contract, a meter and two actual readings (end of October and November 2026) each, set-wise.
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../packages/server/src/config.ts';
import type { Database } from '../packages/server/src/db/client.ts';
import { enterprises, priceSchedules } from '../packages/server/src/db/schema.ts';
import type { AppContext } from '../packages/server/src/core/context.ts';
import { CalendarService } from '../packages/server/src/modules/platform/calendar/calendar.service.ts';

export const NOW = new Date('2026-12-01T02:00:00Z');
export const POINT = { name: '张店营业厅', address: '张店区华光路 1 号', hours: '8:30–17:30' };
const sec = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e9;
const log = (m: string) => console.log(m);

/** Accounts, premises, contracts, meters and two readings each, set-wise. */
const GENERATE = [
  `insert into customers (enterprise_id, account_no, kind, name)
   select $1, 'GB' || lpad(i::text, 8, '0'), 'pipeline_urban_resident', '用户' || i from generate_series(1, $2::int) i`,
  `insert into premises (enterprise_id, customer_id, district, address)
   select $1, id, '张店区', '张店区华光路 ' || account_no || ' 号' from customers where enterprise_id = $1`,
  `insert into contracts (enterprise_id, customer_id, contract_no, sector, signed_on, valid_from, settlement_cycle, terms)
   select $1, id, 'HT' || account_no, 'gas', '2024-01-01', '2024-01-01', 'monthly',
     '{"settlementCycle":"monthly","settlementMethod":"postpaid_reading"}' from customers where enterprise_id = $1`,
  `insert into meters (enterprise_id, customer_id, sector, serial_no, installed_on)
   select $1, id, 'gas', 'M' || account_no, '2024-01-01' from customers where enterprise_id = $1`,
  `insert into meter_readings (enterprise_id, customer_id, meter_id, read_on, kind, register, usage)
   select $1, customer_id, id, d.read_on, 'actual',
     (hashtext(serial_no) & 65535) * 100 + case when d.read_on = '2026-11-30' then 5000 + (hashtext(serial_no) & 32767) else 0 end,
     0
   from meters, (values ('2026-10-31'::date), ('2026-11-30'::date)) d(read_on) where enterprise_id = $1`,
];

export async function generate(
  run: (text: string, values?: unknown[]) => Promise<unknown>,
  enterpriseId: string,
  n: number,
) {
  const t0 = process.hrtime.bigint();
  await run(GENERATE[0]!, [enterpriseId, n]);
  for (const text of GENERATE.slice(1)) await run(text, [enterpriseId]);
  await run('analyze');
  log(
    `  generated ${n.toLocaleString()} accounts with meters, contracts and 2 readings each in ${sec(t0).toFixed(1)} s`,
  );
}

export async function setUp(database: Database): Promise<string> {
  const [e] = await database.db
    .insert(enterprises)
    .values({
      name: '基准测试燃气公司',
      kind: 'pipeline_gas',
      creditCode: `BENCH${randomBytes(3).toString('hex')}`,
      hotline: '0533-96777',
      supervisionPhone: '12345',
      servicePoints: [POINT],
    })
    .returning();
  await database.db.insert(priceSchedules).values({
    enterpriseId: e!.id,
    sector: 'gas',
    customerClass: 'residential',
    effectiveFrom: '2025-01-01',
    tiers: [
      { upTo: 400_000, price: 326 },
      { upTo: 600_000, price: 391 },
      { upTo: null, price: 489 },
    ],
    demo: true,
  });
  return e!.id;
}

export function appContext(database: Database): AppContext {
  const config = loadConfig({ JOBS: 'off', SEED: 'off', DATA_DIR: '/tmp/ranre-bench-unused' });
  const now = () => NOW;
  return { config, database, now, calendar: new CalendarService(database, now) };
}
