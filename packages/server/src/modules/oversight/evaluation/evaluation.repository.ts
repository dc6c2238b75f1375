import {
  DEFAULT_ANSWER_THRESHOLD_SECONDS,
  EVALUATION_DEFINITIONS_VERSION,
  INDICATORS,
  type IndicatorDefinition,
} from '@ranre/domain';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { vehicleFillMembership } from './evaluation.vehicle-gas.ts';

// The counted records of every indicator, as SQL over stored outcomes. Each family (clocks, room temperature,
// return visits) is one "membership" query whose rows are the records in an indicator's denominator, each marked
// whether it is in the numerator too. The figures are aggregates of the same rows and the drill-down pages them,
// so a figure and its list cannot disagree; closing a period copies the rows into evaluation_records.

const rowsOf = <T>(r: unknown) => (r as { rows: T[] }).rows;

export interface Window {
  start: Date;
  end: Date;
  /** Enterprise to count for; null for all. */
  enterpriseId: string | null;
}

export type Family =
  | 'clock'
  | 'room_temperature'
  | 'return_visit'
  | 'pressure_check'
  | 'call'
  | 'window_wait'
  | 'survey'
  | 'cylinder_fill'
  | 'vehicle_fill'
  | 'outage';

/** Orders that ended without the service: their clocks stop, but no indicator counts them (catalogue ENDED). */
const ENDED_EVENTS = sql`('referred', 'refused', 'cancelled')`;

const between = (column: SQL, w: Window) =>
  sql`${column} >= ${w.start.toISOString()}::timestamptz and ${column} < ${w.end.toISOString()}::timestamptz`;
const scoped = (column: SQL, w: Window) =>
  w.enterpriseId ? sql`and ${column} = ${w.enterpriseId}::uuid` : sql``;

function clockMembership(w: Window, defs: readonly IndicatorDefinition[]): SQL | null {
  const refs = clockRefs(defs);
  if (refs.length === 0) return null;
  return sql`
    select x.indicator, o.enterprise_id, o.id::text as ref_id, o.id as order_id, o.order_no as ref_no,
      o.item_code as item, c.state as outcome, o.received_at as at,
      case when x.num = 'met' then c.state = 'met' else c.stopped_at is not null end as in_numerator
    from (values ${sql.join(refs, sql`, `)}) as x(indicator, item_code, clock, num, den, reasonable_only)
    join work_orders o on o.item_code = x.item_code and ${between(sql`o.received_at`, w)} ${scoped(sql`o.enterprise_id`, w)}
    -- Each order's clock by its key (a lateral lookup, so the planner never reads every clock of every order).
    cross join lateral (select c.state, c.stopped_at from work_order_clocks c
      where c.order_id = o.id and c.name = x.clock limit 1) c
    where c.state <> 'not_started'
      and (x.den = 'started' or c.state in ('met', 'breached'))
      -- H-10.4.1, H-10.5.4, H-10.5.5: a complaint judged unreasonable is not counted (unjudged ones are).
      and not (x.reasonable_only and exists (
        select 1 from complaints k where k.order_id = o.id and k.reasonable = false))
      and not exists (select 1 from work_order_events e where e.order_id = o.id and e.type in ${ENDED_EVENTS})`;
}

/**
 * The first `upTo` records of one clock indicator for one enterprise, in drill-down order (issue 14: the first
 * page of a season at 5,000,000 orders). Each (item, clock) of the indicator is read from its orders' index in
 * received order and stops once it has enough; the complaint and ending checks are lookups per order, so nothing
 * reads every complaint or every order of the season. The same rows as `clockMembership` for that enterprise.
 */
function clockFirstRecords(
  w: Window & { enterpriseId: string },
  def: IndicatorDefinition,
  upTo: number,
  numeratorOnly: boolean,
): SQL {
  if (def.source.kind !== 'clock') throw new Error(`${def.id} is not a clock indicator`);
  const { clocks, numerator, denominator, reasonableOnly } = def.source;
  const inNumerator = numerator === 'met' ? sql`c.state = 'met'` : sql`c.stopped_at is not null`;
  const parts = clocks.map(
    (ref) => sql`(
      select ${def.id}::text as indicator, o.enterprise_id, o.id::text as ref_id, o.id as order_id,
        o.order_no as ref_no, o.item_code as item, c.state as outcome, o.received_at as at,
        ${inNumerator} as in_numerator
      from work_orders o
      cross join lateral (select c.state, c.stopped_at,
          exists (select 1 from complaints k where k.order_id = o.id and k.reasonable = false) as unreasonable,
          exists (select 1 from work_order_events e where e.order_id = o.id and e.type in ${ENDED_EVENTS}) as ended
        from work_order_clocks c where c.order_id = o.id and c.name = ${ref.clock} limit 1) c
      where o.enterprise_id = ${w.enterpriseId}::uuid and o.item_code = ${ref.itemCode}
        and ${between(sql`o.received_at`, w)}
        and c.state <> 'not_started' and not c.ended
        ${denominator === 'started' ? sql`` : sql`and c.state in ('met', 'breached')`}
        ${reasonableOnly ? sql`and not c.unreasonable` : sql``}
        ${numeratorOnly ? sql`and ${inNumerator}` : sql``}
      order by o.received_at, o.id::text limit ${upTo})`,
  );
  return sql.join(parts, sql` union all `);
}

/** The clock indicators' references: (indicator, item, clock, numerator, denominator, reasonable only). */
function clockRefs(defs: readonly IndicatorDefinition[]): SQL[] {
  return defs.flatMap((d) =>
    d.source.kind === 'clock'
      ? d.source.clocks.map(
          (c) =>
            sql`(${d.id}, ${c.itemCode}, ${c.clock}, ${d.source.kind === 'clock' ? d.source.numerator : ''}, ${
              d.source.kind === 'clock' ? d.source.denominator : ''
            }, ${d.source.kind === 'clock' && d.source.reasonableOnly === true}::boolean)`,
        )
      : [],
  );
}

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
/** Whether an instant is a midnight in Shanghai, where the per-day counts can stand in for the orders. */
const isShanghaiMidnight = (d: Date) => (d.getTime() + SHANGHAI_OFFSET_MS) % 86_400_000 === 0;

/**
 * The clock family's figures in one pass (issue 14's performance): the period's clocks grouped by enterprise, item,
 * clock, state, stopped and judged unreasonable — a few hundred groups however many orders — and only the groups
 * spread over the indicators that count them. The groups come from the per-day counts the triggers of migration
 * 0054 keep (`rolled`), or, for a window that does not fall on Shanghai midnights, from the orders themselves.
 * Either gives the same rows as `clockMembership` (the drill-down), which a test holds equal.
 */
export function clockCounts(
  w: Window,
  defs: readonly IndicatorDefinition[],
  source: 'rolled' | 'orders' = 'rolled',
): SQL | null {
  const refs = clockRefs(defs);
  if (refs.length === 0) return null;
  const groups =
    source === 'rolled' && isShanghaiMidnight(w.start) && isShanghaiMidnight(w.end)
      ? rolledClockGroups(w)
      : orderClockGroups(w, defs);
  return sql`
    select x.indicator, g.enterprise_id,
      sum(g.n) filter (where case when x.num = 'met' then g.state = 'met' else g.stopped end)::bigint as numerator,
      sum(g.n)::bigint as denominator
    from (${groups}) g
    join (values ${sql.join(refs, sql`, `)}) as x(indicator, item_code, clock, num, den, reasonable_only)
      on x.item_code = g.item_code and x.clock = g.name
    where (x.den = 'started' or g.state in ('met', 'breached')) and not (x.reasonable_only and g.unreasonable)
    group by x.indicator, g.enterprise_id`;
}

/** The groups from the per-day counts: the folded days plus the deltas not folded yet, read in one snapshot. */
function rolledClockGroups(w: Window): SQL {
  const days = sql`day >= (${w.start.toISOString()}::timestamptz at time zone 'Asia/Shanghai')::date
    and day < (${w.end.toISOString()}::timestamptz at time zone 'Asia/Shanghai')::date
    and state <> 'not_started' ${scoped(sql`enterprise_id`, w)}`;
  const columns = sql`enterprise_id, item_code, clock, state, stopped, unreasonable, n`;
  return sql`
    select enterprise_id, item_code, clock as name, state, stopped, unreasonable, sum(n) as n
    from (select ${columns} from evaluation_clock_days where ${days}
      union all select ${columns} from evaluation_clock_deltas where ${days}) r
    group by 1, 2, 3, 4, 5, 6
    having sum(n) <> 0`;
}

/** The groups counted from the period's orders and their clocks. */
function orderClockGroups(w: Window, defs: readonly IndicatorDefinition[]): SQL {
  const used = defs.flatMap((d) => (d.source.kind === 'clock' ? d.source.clocks : []));
  const list = (xs: string[]) =>
    sql.join(
      [...new Set(xs)].map((x) => sql`${x}`),
      sql`, `,
    );
  const clocks = list(used.map((c) => c.clock));
  return sql`
      select o.enterprise_id, o.item_code, c.name, c.state, c.stopped_at is not null as stopped,
        exists (select 1 from complaints k where k.order_id = o.id and k.reasonable = false) as unreasonable,
        count(*) as n
      from work_orders o
      ${
        w.enterpriseId
          ? // One enterprise: its orders' clocks by their key (OFFSET 0 keeps the lookup per order, no clock scan).
            sql`cross join lateral (select c.name, c.state, c.stopped_at from work_order_clocks c
                where c.order_id = o.id and c.name in (${clocks}) offset 0) c`
          : // Every enterprise: a good share of all clocks, read in one pass and joined.
            sql`join work_order_clocks c on c.order_id = o.id and c.name in (${clocks})`
      }
      where o.item_code in (${list(used.map((c) => c.itemCode))})
        and ${between(sql`o.received_at`, w)} ${scoped(sql`o.enterprise_id`, w)}
        and c.state <> 'not_started'
        and not exists (select 1 from work_order_events e where e.order_id = o.id and e.type in ${ENDED_EVENTS})
      group by 1, 2, 3, 4, 5, 6`;
}

/**
 * Folds up to `limit` of the oldest deltas into the per-day counts, in one statement (a second server doing the
 * same waits on the rows and then finds them gone). Returns how many were folded.
 */
export async function foldClockDeltas(db: Db, limit = 50_000): Promise<number> {
  const res = await db.execute(sql`
    with moved as (
      delete from evaluation_clock_deltas where id in (
        select id from evaluation_clock_deltas order by id limit ${limit})
      returning day, enterprise_id, item_code, clock, state, stopped, unreasonable, n
    ), folded as (
      insert into evaluation_clock_days as d (day, enterprise_id, item_code, clock, state, stopped, unreasonable, n)
      select day, enterprise_id, item_code, clock, state, stopped, unreasonable, sum(n) from moved
      group by 1, 2, 3, 4, 5, 6, 7
      on conflict (day, enterprise_id, item_code, clock, state, stopped, unreasonable)
        do update set n = d.n + excluded.n
      returning 1
    )
    select (select count(*) from moved)::int as moved, (select count(*) from folded)::int as folded`);
  return rowsOf<{ moved: number }>(res)[0]!.moved;
}

/** H-10.5.3 as the quality dashboard counts it: each household's latest pass/fail reading; analysis only never. */
function roomTemperatureMembership(w: Window, def: IndicatorDefinition): SQL {
  return sql`
    select ${def.id}::text as indicator, h.enterprise_id, h.id::text as ref_id, h.work_order_id as order_id,
      p.address as ref_no, 'room_temperature'::text as item, h.outcome, h.measured_at as at,
      h.outcome = 'pass' as in_numerator
    from (
      select distinct on (m.premises_id) m.id, m.enterprise_id, m.premises_id, m.work_order_id, m.outcome, m.measured_at
      from temperature_measurements m
      where m.outcome in ('pass', 'fail') and ${between(sql`m.measured_at`, w)} ${scoped(sql`m.enterprise_id`, w)}
      order by m.premises_id, m.measured_at desc, m.id
    ) h join premises p on p.id = h.premises_id`;
}

function returnVisitMembership(w: Window, def: IndicatorDefinition): SQL {
  return sql`
    select ${def.id}::text as indicator, o.enterprise_id, e.id::text as ref_id, o.id as order_id, o.order_no as ref_no,
      o.item_code as item, e.payload->>'satisfaction' as outcome, e.at,
      e.payload->>'satisfaction' in ('satisfied', 'basically_satisfied') as in_numerator
    from work_order_events e join work_orders o on o.id = e.order_id
    where e.type = 'return_visited' and ${between(sql`e.at`, w)} ${scoped(sql`e.enterprise_id`, w)}`;
}

/** G-12.4.2.1: every inlet pressure check of the period, passing ones in the numerator. */
function pressureCheckMembership(w: Window, def: IndicatorDefinition): SQL {
  return sql`
    select ${def.id}::text as indicator, k.enterprise_id, k.id::text as ref_id, null::uuid as order_id,
      c.account_no as ref_no, k.position as item, k.measured_pa::text as outcome, k.checked_at as at,
      k.passed as in_numerator
    from pressure_checks k join customers c on c.id = k.customer_id
    where ${between(sql`k.checked_at`, w)} ${scoped(sql`k.enterprise_id`, w)}`;
}

/**
 * G-12.4.1.1, H-3.13: every call rung in the period; in the numerator when answered within the enterprise's
 * threshold in force at the ring (the default while it has set none).
 */
function callMembership(w: Window, def: IndicatorDefinition): SQL {
  return sql`
    select ${def.id}::text as indicator, c.enterprise_id, c.id::text as ref_id, null::uuid as order_id,
      c.external_id as ref_no, c.line as item,
      case when c.answered_at is null then 'abandoned'
        when c.answered_at <= c.rang_at + make_interval(secs => t.seconds) then 'answered_in_time'
        else 'answered_late' end as outcome,
      c.rang_at as at,
      coalesce(c.answered_at <= c.rang_at + make_interval(secs => t.seconds), false) as in_numerator,
      null::bigint as amount
    from call_records c
    cross join lateral (
      select coalesce((select h.seconds from call_answer_thresholds h
        where h.enterprise_id = c.enterprise_id and h.effective_from <= c.rang_at
        order by h.effective_from desc, h.set_at desc limit 1), ${DEFAULT_ANSWER_THRESHOLD_SECONDS}::int) as seconds
    ) t
    where ${between(sql`c.rang_at`, w)} ${scoped(sql`c.enterprise_id`, w)}`;
}

/** G-12.4.1.2: each sampled wait in the period; the figure sums the waits (seconds) over the people sampled. */
function windowWaitMembership(w: Window, def: IndicatorDefinition): SQL {
  return sql`
    select ${def.id}::text as indicator, s.enterprise_id, s.id::text as ref_id, null::uuid as order_id,
      s.service_point as ref_no, 'window_wait'::text as item, 'sampled'::text as outcome,
      s.arrived_at as at, true as in_numerator, s.wait_seconds::bigint as amount
    from window_wait_samples s
    where ${between(sql`s.arrived_at`, w)} ${scoped(sql`s.enterprise_id`, w)}`;
}

/** H-3.14, G-12.4.5: each respondent surveyed in the period; satisfied and basically satisfied are satisfied. */
function surveyMembership(w: Window, def: IndicatorDefinition): SQL {
  return sql`
    select ${def.id}::text as indicator, s.enterprise_id, s.id::text as ref_id, null::uuid as order_id,
      s.surveyor || case when s.respondent = '' then '' else ' · ' || s.respondent end as ref_no,
      s.source as item, s.grade as outcome, s.surveyed_at as at,
      s.grade in ('satisfied', 'basically_satisfied') as in_numerator, null::bigint as amount
    from satisfaction_responses s
    where ${between(sql`s.surveyed_at`, w)} ${scoped(sql`s.enterprise_id`, w)}`;
}

/**
 * The membership query of one family, or null when none of `defs` belongs to it. Every family's rows carry an
 * `amount`: null for a rate (the numerator counts rows), the value summed for an average.
 */
/** G-12.4.3.1, G-12.4.3.2: each check after filling in the period (cylinder_fills, one per fill). */
function cylinderFillMembership(w: Window, defs: readonly IndicatorDefinition[]): SQL {
  const refs = defs.map(
    (d) => sql`(${d.id}, ${d.source.kind === 'cylinder_fill' ? d.source.numerator : ''})`,
  );
  return sql`
    select x.indicator, f.enterprise_id, f.id::text as ref_id, null::uuid as order_id, c.code as ref_no,
      'cylinder_fill'::text as item,
      case when x.num = 'leak_free' then (case when f.leak_free then 'pass' else 'fail' end) else f.outcome end
        as outcome,
      f.filled_at as at,
      case when x.num = 'leak_free' then f.leak_free else f.outcome = 'pass' end as in_numerator
    from (values ${sql.join(refs, sql`, `)}) as x(indicator, num)
    cross join cylinder_fills f join cylinders c on c.id = f.cylinder_id
    where ${between(sql`f.filled_at`, w)} ${scoped(sql`f.enterprise_id`, w)}`;
}

/**
 * H-10.5.1: the interruptions the company caused that overlap the period, each its minutes inside the period times
 * the heated area cut off (`amount`, m²·min, as `outageExposure` in the domain); and one base row per enterprise
 * whose `den_amount` is T × st: the period's minutes of its heating seasons (Shanghai dates, the first start to the
 * day after the last end of each season) times the heated area of its premises (`seasonExposure`).
 */
function outageMembership(w: Window, def: IndicatorDefinition): SQL {
  const start = sql`${w.start.toISOString()}::timestamptz`;
  const end = sql`${w.end.toISOString()}::timestamptz`;
  const minutes = (from: SQL, to: SQL) =>
    sql`greatest(0, extract(epoch from (least(${to}, ${end}) - greatest(${from}, ${start}))) / 60)`;
  return sql`
    select ${def.id}::text as indicator, o.enterprise_id, o.id::text as ref_id, null::uuid as order_id,
      (select string_agg(c, '、') from jsonb_array_elements_text(o.communities) c) as ref_no,
      'heating_outage'::text as item, case when o.restored_at is null then 'ongoing' else 'restored' end as outcome,
      o.started_at as at, true as in_numerator,
      round(${minutes(sql`o.started_at`, sql`coalesce(o.restored_at, ${end})`)} * o.heated_area_m2)::bigint as amount,
      0::bigint as den_amount
    from heating_outages o
    where o.company_caused and o.started_at < ${end} and coalesce(o.restored_at, ${end}) > ${start}
      ${scoped(sql`o.enterprise_id`, w)}
    union all
    select ${def.id}::text, s.enterprise_id, 'season:' || s.enterprise_id::text, null::uuid, s.periods,
      'heating_season_base'::text, 'season_base'::text, ${start}, false, null::bigint, s.minutes * a.area
    from (
      select x.enterprise_id, round(sum(${minutes(sql`x.first_day`, sql`x.after_last`)}))::bigint as minutes,
        string_agg(x.period, '、' order by x.period) as periods
      from (
        select h.enterprise_id, h.period,
          min(h.starts_on)::timestamp at time zone 'Asia/Shanghai' as first_day,
          (max(h.ends_on) + 1)::timestamp at time zone 'Asia/Shanghai' as after_last
        from heating_seasons h where true ${scoped(sql`h.enterprise_id`, w)}
        group by h.enterprise_id, h.period
      ) x
      where x.first_day < ${end} and x.after_last > ${start}
      group by x.enterprise_id
    ) s
    join (
      select p.enterprise_id, round(sum(p.heated_area_m2))::bigint as area from premises p
      where p.heated_area_m2 is not null ${scoped(sql`p.enterprise_id`, w)} group by p.enterprise_id
    ) a on a.enterprise_id = s.enterprise_id
    where s.minutes > 0 and a.area > 0`;
}

/** The membership query of one family, or null when none of `defs` belongs to it. */
export function membership(
  family: Family,
  w: Window,
  defs: readonly IndicatorDefinition[] = INDICATORS,
): SQL | null {
  const mine = defs.filter((d) => d.source.kind === family);
  if (mine.length === 0) return null;
  if (family === 'outage')
    return sql.join(
      mine.map((d) => outageMembership(w, d)),
      sql` union all `,
    );
  const rows = familyRows(family, w, mine);
  // Every other family's denominator is its count of rows (den_amount null).
  return rows && sql`select f.*, null::bigint as den_amount from (${rows}) f`;
}

function familyRows(family: Family, w: Window, mine: readonly IndicatorDefinition[]): SQL | null {
  if (family === 'clock') return rates(clockMembership(w, mine)!);
  if (family === 'cylinder_fill') return rates(cylinderFillMembership(w, mine));
  const own = OWN_AMOUNT[family];
  if (own)
    return sql.join(
      mine.map((d) => own(w, d)),
      sql` union all `,
    );
  const rated = RATED[family]!;
  return rates(
    sql.join(
      mine.map((d) => rated(w, d)),
      sql` union all `,
    ),
  );
}

type Membership = (w: Window, def: IndicatorDefinition) => SQL;
/** Families whose rows carry their own amount (averages, or rates that say so). */
const OWN_AMOUNT: Partial<Record<Family, Membership>> = {
  call: callMembership,
  survey: surveyMembership,
  window_wait: windowWaitMembership,
};
/** Rate families: the rows in the numerator are counted. */
const RATED: Partial<Record<Family, Membership>> = {
  room_temperature: roomTemperatureMembership,
  return_visit: returnVisitMembership,
  pressure_check: pressureCheckMembership,
  vehicle_fill: vehicleFillMembership,
};
const rates = (q: SQL) => sql`select q.*, null::bigint as amount from (${q}) q`;

/** A figure's numerator: the rows in it for a rate, the sum of the amounts for an average or an amount ratio. */
const NUMERATOR = sql`coalesce(sum(r.amount) filter (where r.in_numerator), count(*) filter (where r.in_numerator))`;
/** A figure's denominator: its rows, or the sum of their den_amount for an amount ratio (H-10.5.1). */
const DENOMINATOR = sql`coalesce(sum(r.den_amount), count(*))`;

export const FAMILIES: readonly Family[] = [
  'clock',
  'room_temperature',
  'return_visit',
  'pressure_check',
  'call',
  'window_wait',
  'survey',
  'cylinder_fill',
  'vehicle_fill',
  'outage',
];

export interface CountRow {
  indicator: string;
  enterprise_id: string;
  numerator: number;
  denominator: number;
}

/** Live counts: one aggregate query per family over every enterprise in scope (the clocks' grouped first). */
export async function liveCounts(db: Db, w: Window): Promise<CountRow[]> {
  const out: CountRow[] = [];
  for (const family of FAMILIES) {
    const fast = family === 'clock' ? clockCounts(w, INDICATORS) : null;
    const m = fast ? null : membership(family, w);
    if (!fast && !m) continue;
    const res = await db.execute(
      fast ??
        sql`
      select r.indicator, r.enterprise_id, ${NUMERATOR}::bigint as numerator,
        ${DENOMINATOR}::bigint as denominator
      from (${m}) r group by r.indicator, r.enterprise_id`,
    );
    out.push(
      ...rowsOf<CountRow>(res).map((r) => ({
        ...r,
        numerator: Number(r.numerator),
        denominator: Number(r.denominator),
      })),
    );
  }
  return out;
}

export async function storedCounts(db: Db, period: string, enterpriseId: string | null): Promise<CountRow[]> {
  const res = await db.execute(sql`
    select indicator, enterprise_id, numerator, denominator from evaluation_figures
    where period = ${period} ${enterpriseId ? sql`and enterprise_id = ${enterpriseId}::uuid` : sql``}`);
  return rowsOf<CountRow>(res).map((r) => ({
    ...r,
    numerator: Number(r.numerator),
    denominator: Number(r.denominator),
  }));
}

export interface RecordRow {
  ref_id: string;
  order_id: string | null;
  ref_no: string;
  item: string;
  outcome: string;
  at: string | Date;
  in_numerator: boolean;
  amount: string | number | null;
  den_amount: string | number | null;
}

export interface Page {
  limit: number;
  offset: number;
  numeratorOnly: boolean;
}

/** One page of a figure's records and their total, live or from a closed period. */
export async function records(
  db: Db,
  source:
    { live: Window; def: IndicatorDefinition } | { closed: string; indicator: string; enterpriseId: string },
  enterpriseId: string,
  page: Page,
) {
  if ('live' in source && source.def.source.kind === 'clock') {
    return clockRecords(db, { ...source.live, enterpriseId }, source.def, page);
  }
  let from: SQL;
  if ('live' in source) {
    from = membership(source.def.source.kind, { ...source.live, enterpriseId }, [source.def])!;
  } else {
    from = sql`select indicator, enterprise_id, ref_id, order_id, ref_no, item, outcome, at, in_numerator, amount,
        den_amount from evaluation_records where period = ${source.closed} and indicator = ${source.indicator}
        and enterprise_id = ${enterpriseId}::uuid`;
  }
  const where = page.numeratorOnly ? sql`where r.in_numerator` : sql``;
  const total = await db.execute(sql`
    select count(*)::int as n, sum(r.amount)::text as amount, sum(r.den_amount)::text as den
    from (${from}) r ${where}`);
  const rows = await db.execute(sql`
    select r.ref_id, r.order_id, r.ref_no, r.item, r.outcome, r.at, r.in_numerator, r.amount, r.den_amount
    from (${from}) r ${where}
    order by r.at, r.ref_id limit ${page.limit} offset ${page.offset}`);
  const sums = rowsOf<{ n: number; amount: string | null; den: string | null }>(total)[0]!;
  return {
    total: Number(sums.n),
    amountSum: sums.amount === null ? null : Number(sums.amount),
    denAmountSum: sums.den === null ? null : Number(sums.den),
    rows: rowsOf<RecordRow>(rows),
  };
}

/** A live clock indicator's page: the total is its figure (the per-day counts), the rows the first records. */
async function clockRecords(
  db: Db,
  w: Window & { enterpriseId: string },
  def: IndicatorDefinition,
  page: Page,
) {
  const counted = rowsOf<CountRow>(await db.execute(clockCounts(w, [def])!))[0];
  const total = Number((page.numeratorOnly ? counted?.numerator : counted?.denominator) ?? 0);
  const first = clockFirstRecords(w, def, page.offset + page.limit, page.numeratorOnly);
  const rows = await db.execute(sql`
    select r.ref_id, r.order_id, r.ref_no, r.item, r.outcome, r.at, r.in_numerator, null::bigint as amount,
      null::bigint as den_amount
    from (${first}) r order by r.at, r.ref_id limit ${page.limit} offset ${page.offset}`);
  return { total, amountSum: null, denAmountSum: null, rows: rowsOf<RecordRow>(rows) };
}

export async function periodRow(db: Db, period: string) {
  const res = await db.execute(sql`select * from evaluation_periods where period = ${period}`);
  return rowsOf<{
    period: string;
    state: 'closed' | 'open';
    definitions_version: string;
    definitions: IndicatorDefinition[];
    closed_at: string | Date;
    closed_by: string;
    reopened_at: string | Date | null;
    reopen_reason: string | null;
    version: number;
  }>(res)[0];
}

/** Closing: the period row, then every family's records copied and counted, all in the caller's transaction. */
export async function storeClosed(
  tx: Db,
  input: { period: string; window: Window; actorId: string; now: Date },
): Promise<number> {
  const { period, window, actorId, now } = input;
  await tx.execute(sql`
    insert into evaluation_periods (period, state, definitions_version, definitions, closed_at, closed_by)
    values (${period}, 'closed', ${EVALUATION_DEFINITIONS_VERSION}, ${JSON.stringify(INDICATORS)}::jsonb, ${now.toISOString()}::timestamptz, ${actorId}::uuid)
    on conflict (period) do update set state = 'closed', definitions_version = excluded.definitions_version,
      definitions = excluded.definitions, closed_at = excluded.closed_at, closed_by = excluded.closed_by,
      version = evaluation_periods.version + 1`);
  await tx.execute(sql`delete from evaluation_figures where period = ${period}`);
  await tx.execute(sql`delete from evaluation_records where period = ${period}`);
  for (const family of FAMILIES) {
    const m = membership(family, window);
    if (!m) continue;
    await tx.execute(sql`
      insert into evaluation_records (period, enterprise_id, indicator, ref_id, order_id, ref_no, item, outcome, at, in_numerator, amount, den_amount)
      select ${period}, r.enterprise_id, r.indicator, r.ref_id, r.order_id, coalesce(r.ref_no, ''), r.item,
        coalesce(r.outcome, ''), r.at, r.in_numerator, r.amount, r.den_amount
      from (${m}) r`);
  }
  const res = await tx.execute(sql`
    insert into evaluation_figures (period, enterprise_id, indicator, numerator, denominator)
    select r.period, r.enterprise_id, r.indicator, ${NUMERATOR}, ${DENOMINATOR}
    from evaluation_records r where r.period = ${period} group by r.period, r.enterprise_id, r.indicator
    returning 1`);
  return rowsOf(res).length;
}

export async function markReopened(
  tx: Db,
  period: string,
  input: { actorId: string; reason: string; now: Date },
) {
  await tx.execute(sql`
    update evaluation_periods set state = 'open', reopened_at = ${input.now.toISOString()}::timestamptz,
      reopened_by = ${input.actorId}::uuid, reopen_reason = ${input.reason}, version = version + 1
    where period = ${period}`);
}

export async function seasonsOf(db: Db, period: string) {
  const res = await db.execute(sql`
    select starts_on::text as "startsOn", ends_on::text as "endsOn" from heating_seasons where period = ${period}`);
  return rowsOf<{ startsOn: string; endsOn: string }>(res);
}

export async function enterprisesOf(
  db: Db,
  kinds: readonly string[],
  enterpriseId: string | null,
  district?: string,
) {
  const res = await db.execute(sql`
    select id, name, kind, district from enterprises
    where kind in (${sql.join(
      kinds.map((k) => sql`${k}`),
      sql`, `,
    )}) ${enterpriseId ? sql`and id = ${enterpriseId}::uuid` : sql``}
      ${district ? sql`and district = ${district}` : sql``}
    order by name, id`);
  return rowsOf<{ id: string; name: string; kind: string; district: string }>(res);
}

/** The districts of the enterprises in scope, for the cockpit's filter. */
export async function districtsOf(db: Db, enterpriseId: string | null) {
  const res = await db.execute(sql`
    select distinct district from enterprises
    where kind <> 'regulator' and district <> '' ${enterpriseId ? sql`and id = ${enterpriseId}::uuid` : sql``}
    order by district`);
  return rowsOf<{ district: string }>(res).map((r) => r.district);
}
