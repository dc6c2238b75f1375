import {
  INDICATORS,
  assessMeasurement,
  shanghaiMidnightUtc,
  toShanghaiDate,
  type DateString,
  type RoomReading,
} from '@ranre/domain';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { temperatureMeasurements } from '../db/schema.ts';
import { CONDITIONS, PROTOCOL } from './seed-quality.ts';

// Issue 14 demo: "every indicator a value for every demo enterprise, some met and some missed, over at least three
// periods". The other seeds give the recent days; this one gives each demo enterprise, in each of its evaluation
// months, a few records of every indicator family the enterprise kind is rated on that the other seeds leave empty:
// work orders with their clocks (and return visits), hotline calls, window waits, survey answers, inlet-pressure
// checks and room-temperature measurements. Gas-side companies are shown over the last three full months, heating
// companies over the last full winter (December to February, inside every heating season). Whether a month is
// met or missed follows the enterprise's and the month's place, so each indicator has both. Dates come from `now`.

const rowsOf = <T>(r: unknown) => (r as { rows: T[] }).rows;
const HEATING_KINDS = ['heating', 'heating_reseller'];

const monthKey = (y: number, m: number) => {
  const i = y * 12 + (m - 1);
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
};

/** The months each kind is shown over: gas-side the three full months before `now`; heating the last full winter. */
export function evaluationMonths(now: Date, kind: string): string[] {
  const [y, m] = toShanghaiDate(now).split('-').map(Number) as [number, number];
  if (HEATING_KINDS.includes(kind)) {
    const year = m >= 3 ? y : y - 1;
    return [monthKey(year - 1, 12), monthKey(year, 1), monthKey(year, 2)];
  }
  return [monthKey(y, m - 3), monthKey(y, m - 2), monthKey(y, m - 1)];
}

/** The instant of day `day` of month `month` (yyyy-mm), `hour` o'clock Shanghai. */
const at = (month: string, day: number, hour: number, minutes = 0) =>
  new Date(
    shanghaiMidnightUtc(`${month}-${String(day).padStart(2, '0')}` as DateString).getTime() +
      (hour * 60 + minutes) * 60_000,
  );

export async function seedEvaluation(tx: Db, now: Date): Promise<number> {
  const companies = rowsOf<{ id: string; kind: string; user_id: string | null }>(
    await tx.execute(sql`
      select e.id, e.kind,
        -- A company without staff logins of its own records through the first demo account (the entry is the demo's).
        coalesce((select u.id from users u where u.enterprise_id = e.id order by u.created_at limit 1),
          (select u.id from users u order by u.created_at limit 1)) as user_id
      from enterprises e where e.kind <> 'regulator' order by e.created_at, e.name`),
  );
  let made = 0;
  for (const [ei, c] of companies.entries()) {
    if (!c.user_id) continue;
    const rated = INDICATORS.filter((d) => (d.appliesTo as readonly string[]).includes(c.kind));
    const families = new Set(rated.map((d) => d.source.kind));
    for (const [mi, month] of evaluationMonths(now, c.kind).entries()) {
      // One month in three of each company misses (a late or unfinished order, a long wait, an unhappy answer).
      const missed = (ei + mi) % 3 === 0;
      const tag = `${month.replace('-', '')}`;
      const has = async (q: ReturnType<typeof sql>) =>
        Number(rowsOf<{ n: number }>(await tx.execute(q))[0]!.n) > 0;
      const start = at(month, 1, 0).toISOString();
      const end = new Date(at(month, 28, 0).getTime() + 4 * 86_400_000).toISOString();
      // Work orders with their clocks: for each clock indicator, four orders of its first item (met, or one late
      // and one still open in a missed month); the first indicator's orders get return visits.
      let visited = false;
      for (const [di, d] of rated.entries()) {
        if (d.source.kind !== 'clock') continue;
        const ref = d.source.clocks[0]!;
        const states = missed ? ['met', 'met', 'breached', 'running'] : ['met', 'met', 'met', 'met'];
        for (const [k, state] of states.entries()) {
          const received = at(month, 3 + di, 9 + k * 2);
          const orderNo = `EV${tag}-${String(di).padStart(2, '0')}${k}`;
          const order = rowsOf<{ id: string }>(
            await tx.execute(sql`
              insert into work_orders (enterprise_id, order_no, item_code, channel, caller_name, address, description,
                state, is_complaint, received_at, created_by, created_at, updated_at)
              values (${c.id}::uuid, ${orderNo}, ${ref.itemCode}, 'phone', '考核演示', '演示地址', '考核演示工单',
                ${state === 'running' ? 'in_progress' : 'closed'}, ${/complaint/.test(ref.itemCode)},
                ${received.toISOString()}::timestamptz, ${c.user_id}::uuid, ${received.toISOString()}::timestamptz,
                ${received.toISOString()}::timestamptz)
              on conflict (enterprise_id, order_no) do nothing returning id`),
          )[0];
          if (!order) continue;
          made += 1;
          const stopped =
            state === 'running'
              ? null
              : new Date(received.getTime() + (state === 'met' ? 1 : 30) * 3_600_000);
          await tx.execute(sql`
            insert into work_order_events (order_id, enterprise_id, type, at, actor_id, actor_name, actor_role)
            values (${order.id}::uuid, ${c.id}::uuid, 'created', ${received.toISOString()}::timestamptz,
              ${c.user_id}::uuid, '考核演示', 'agent')`);
          await tx.execute(sql`
            insert into work_order_clocks (order_id, name, enterprise_id, clause, state, started_at, due_at,
              stopped_at, breached_at, evaluated_at)
            values (${order.id}::uuid, ${ref.clock}, ${c.id}::uuid, ${d.clauses[0] ?? ''}, ${state},
              ${received.toISOString()}::timestamptz, ${new Date(received.getTime() + 24 * 3_600_000).toISOString()}::timestamptz,
              ${stopped?.toISOString() ?? null}::timestamptz,
              ${state === 'breached' ? new Date(received.getTime() + 24 * 3_600_000).toISOString() : null}::timestamptz,
              ${(stopped ?? received).toISOString()}::timestamptz)
            on conflict do nothing`);
          if (!visited && stopped && families.has('return_visit')) {
            const satisfaction =
              missed && k === 1 ? 'dissatisfied' : k === 0 ? 'satisfied' : 'basically_satisfied';
            await tx.execute(sql`
              insert into work_order_events (order_id, enterprise_id, type, at, actor_id, actor_name, actor_role, payload)
              values (${order.id}::uuid, ${c.id}::uuid, 'return_visited',
                ${new Date(stopped.getTime() + 24 * 3_600_000).toISOString()}::timestamptz, ${c.user_id}::uuid,
                '考核演示', 'agent', ${JSON.stringify({ satisfaction, note: '' })}::jsonb)`);
          }
        }
        visited = true;
      }
      // Hotline calls (G-12.4.1.1, H-3.13) where the calls seed has none this month.
      if (
        families.has('call') &&
        !(await has(sql`select count(*)::int as n from call_records where enterprise_id = ${c.id}::uuid
          and rang_at >= ${start}::timestamptz and rang_at < ${end}::timestamptz`))
      ) {
        for (let i = 0; i < 8; i++) {
          const rang = at(month, 5 + i, 10);
          const answered =
            missed && i === 0 ? null : new Date(rang.getTime() + (missed && i === 1 ? 40 : 6) * 1000);
          await tx.execute(sql`
            insert into call_records (enterprise_id, external_id, line, agent, rang_at, answered_at, ended_at, source,
              created_by, created_at)
            values (${c.id}::uuid, ${`EV-${tag}-${i}`}, '0533-96000', '1001', ${rang.toISOString()}::timestamptz,
              ${answered?.toISOString() ?? null}::timestamptz, ${new Date(rang.getTime() + 180_000).toISOString()}::timestamptz,
              'import', ${c.user_id}::uuid, ${rang.toISOString()}::timestamptz)
            on conflict do nothing`);
        }
      }
      // Window waits (G-12.4.1.2): 15 minutes is the line; a missed month waits 20.
      if (
        families.has('window_wait') &&
        !(await has(sql`select count(*)::int as n from window_wait_samples where enterprise_id = ${c.id}::uuid
          and arrived_at >= ${start}::timestamptz and arrived_at < ${end}::timestamptz`))
      ) {
        for (let i = 0; i < 5; i++) {
          const arrived = at(month, 6 + i, 9, 30);
          await tx.execute(sql`
            insert into window_wait_samples (enterprise_id, service_point, arrived_at, wait_seconds, note, created_by,
              created_at)
            values (${c.id}::uuid, '营业厅', ${arrived.toISOString()}::timestamptz, ${(missed ? 20 : 8) * 60 + i * 30},
              '考核演示抽样', ${c.user_id}::uuid, ${arrived.toISOString()}::timestamptz)`);
        }
      }
      // Sample survey answers (G-12.4.5, H-3.14).
      if (
        families.has('survey') &&
        !(await has(sql`select count(*)::int as n from satisfaction_responses where enterprise_id = ${c.id}::uuid
          and surveyed_at >= ${start}::timestamptz and surveyed_at < ${end}::timestamptz`))
      ) {
        for (let i = 0; i < 6; i++) {
          const grade = missed && i < 2 ? 'dissatisfied' : i % 2 === 0 ? 'satisfied' : 'basically_satisfied';
          const surveyed = at(month, 12, 9 + i);
          await tx.execute(sql`
            insert into satisfaction_responses (enterprise_id, source, surveyor, surveyed_at, respondent, grade, factors,
              created_by, created_at)
            values (${c.id}::uuid, 'sample', '考核演示调查员', ${surveyed.toISOString()}::timestamptz, ${`用户${i + 1}`},
              ${grade}, '{}'::jsonb, ${c.user_id}::uuid, ${surveyed.toISOString()}::timestamptz)`);
        }
      }
      // Inlet pressure checks (G-12.4.2.1) at the company's customers, from a station and draw of its own.
      if (
        families.has('pressure_check') &&
        !(await has(sql`select count(*)::int as n from pressure_checks where enterprise_id = ${c.id}::uuid
          and checked_at >= ${start}::timestamptz and checked_at < ${end}::timestamptz`))
      ) {
        const station = rowsOf<{ id: string }>(
          await tx.execute(sql`
            insert into pressure_stations (enterprise_id, name, gas_type, near_communities, far_communities, created_by,
              created_at)
            values (${c.id}::uuid, '考核演示调压站', 'natural_gas', '[]'::jsonb, '[]'::jsonb, ${c.user_id}::uuid,
              ${start}::timestamptz)
            on conflict (enterprise_id, name) do update set name = excluded.name returning id`),
        )[0]!;
        const drawAt = at(month, 14, 9);
        const draw = rowsOf<{ id: string }>(
          await tx.execute(sql`
            insert into pressure_draws (enterprise_id, station_id, seed, per_side, near, far, candidates, drawn_at,
              created_by)
            values (${c.id}::uuid, ${station.id}::uuid, ${`EV-${tag}`}, 2, '[]'::jsonb, '[]'::jsonb, 0,
              ${drawAt.toISOString()}::timestamptz, ${c.user_id}::uuid) returning id`),
        )[0]!;
        const customers = rowsOf<{ id: string }>(
          await tx.execute(
            sql`select id from customers where enterprise_id = ${c.id}::uuid order by id limit 4`,
          ),
        );
        for (const [i, cu] of customers.entries()) {
          const measured = missed && i === 0 ? 1200 : 2000 + i * 50;
          await tx.execute(sql`
            insert into pressure_checks (enterprise_id, station_id, draw_id, customer_id, position, gas_type,
              measured_pa, min_pa, max_pa, passed, checked_at, created_by, created_at)
            values (${c.id}::uuid, ${station.id}::uuid, ${draw.id}::uuid, ${cu.id}::uuid, ${i % 2 ? 'far' : 'near'},
              'natural_gas', ${measured}, 1500, 3000, ${measured >= 1500 && measured <= 3000},
              ${new Date(drawAt.getTime() + (i + 1) * 3_600_000).toISOString()}::timestamptz, ${c.user_id}::uuid,
              ${drawAt.toISOString()}::timestamptz)`);
        }
      }
      // Room temperatures (H-10.5.3): a measurement at some of the company's heated homes, assessed as recorded;
      // a missed month has a cold home.
      if (
        families.has('room_temperature') &&
        !(await has(sql`select count(*)::int as n from temperature_measurements where enterprise_id = ${c.id}::uuid
          and outcome in ('pass', 'fail') and measured_at >= ${start}::timestamptz and measured_at < ${end}::timestamptz`))
      ) {
        const homes = rowsOf<{ id: string; customer_id: string; rate: string | null }>(
          await tx.execute(sql`select id, customer_id, unit_heat_use_rate::text as rate from premises
            where enterprise_id = ${c.id}::uuid and heated_area_m2 is not null order by id limit 5`),
        );
        for (const [i, h] of homes.entries()) {
          const cold = missed && i === 0;
          const readings: RoomReading[] = [
            { room: 'living_room', label: '客厅', tenths: cold ? 160 : 192 },
            { room: 'bedroom', label: '主卧', tenths: cold ? 158 : 188 },
          ];
          const rate = Number(h.rate ?? 100);
          const result = assessMeasurement({
            readings,
            unitHeatUseRate: rate,
            conditions: CONDITIONS,
            protocol: PROTOCOL,
          });
          await tx.insert(temperatureMeasurements).values({
            enterpriseId: c.id,
            premisesId: h.id,
            customerId: h.customer_id,
            measuredAt: at(month, 15 + i, 10),
            protocol: PROTOCOL,
            conditions: CONDITIONS,
            readings,
            unitHeatUseRate: String(rate),
            band: result.band,
            requiredTenths: result.requiredTenths ?? null,
            minDecisiveTenths: Math.min(...readings.map((r) => r.tenths)),
            outcome: result.outcome,
            reasons: result.reasons,
            note: '考核演示测温',
            measuredBy: c.user_id,
          });
        }
      }
    }
  }
  return made;
}
