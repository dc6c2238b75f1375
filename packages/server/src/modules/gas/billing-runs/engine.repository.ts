import type { PriceSchedule, ReadingKind, ReadingPoint } from '@ranre/domain';
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';

// Set-wise SQL for the billing engine: one query loads a batch of accounts with everything a bill needs (meter,
// contract cycle, address, the reading closing the period, the opening reading, the tier year's usage so far, an
// existing bill); one statement writes the batch's bills, their charge entries and notices. Values travel as one
// JSON parameter (jsonb_to_recordset), the same on PGlite and on a server. Numbers are cast to float8 so both
// drivers return JS numbers; dates to text.

export interface AccountRow {
  customerId: string;
  accountNo: string;
  name: string;
  kind: string;
  status: string;
  meterId: string | null;
  meterSerial: string | null;
  meterStatus: string | null;
  prepaid: boolean | null;
  initialReading: number | null;
  settlementCycle: string | null;
  settlementMethod: string | null;
  paymentDays: number | null;
  address: string | null;
  existingBillId: string | null;
  end: { readOn: string; kind: ReadingKind; register: number } | null;
  opening: { readOn: string; kind: ReadingKind; register: number } | null;
  tierUsed: number;
  /** Meters taken out inside the cycle (exchange, removal, off-line verification, G-6.2.2): their part of it. */
  removedMeters: RemovedMeter[];
}

/** A meter removed inside the cycle: its register at the cycle's start (or install) and its final register. */
export interface RemovedMeter {
  serialNo: string;
  removedOn: string;
  open: { readOn: string; kind: ReadingKind; register: number } | null;
  final: number | null;
}

const rowsOf = (r: unknown) => (r as { rows: Record<string, unknown>[] }).rows;
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const reading = (on: unknown, kind: unknown, register: unknown) =>
  on === null || on === undefined
    ? null
    : { readOn: String(on), kind: String(kind) as ReadingKind, register: Number(register) };

/**
 * One batch of accounts after `afterId` in id order (keyset pagination), or exactly `onlyCustomerId`. The cycle's
 * first day follows the contract (G-6.2.3: 1, 2, 3 or 12 months ending with the run's month).
 */
export async function loadAccounts(
  tx: Db,
  q: {
    enterpriseId: string;
    period: string;
    monthFrom: string;
    to: string;
    tierYearStart: string;
    afterId: string | null;
    /** The last id of the run's shard (inclusive); none for the last shard. */
    upTo?: string | null;
    limit: number;
    onlyCustomerId?: string;
  },
): Promise<AccountRow[]> {
  const after = q.afterId ? sql`id > ${q.afterId}::uuid` : sql`true`;
  const upTo = q.upTo ? sql`id <= ${q.upTo}::uuid` : sql`true`;
  const filter = q.onlyCustomerId ? sql`id = ${q.onlyCustomerId}::uuid` : sql`${after} and ${upTo}`;
  const result = await tx.execute(sql`
    with c as (
      select id, account_no, name, kind, status from customers
      where enterprise_id = ${q.enterpriseId}::uuid and kind like 'pipeline%' and ${filter}
      order by id limit ${q.limit}
    )
    select c.id, c.account_no, c.name, c.kind, c.status,
      m.id as meter_id, m.serial_no as meter_serial, m.status as meter_status, m.prepaid, m.initial_reading::float8 as initial_reading,
      ct.settlement_cycle, ct.terms->>'settlementMethod' as settlement_method,
      (ct.terms->>'paymentDays')::int as payment_days,
      p.address, ex.id as existing_bill_id,
      e.read_on::text as end_on, e.kind as end_kind, e.register::float8 as end_register,
      coalesce(o.read_on, o1.read_on)::text as open_on, coalesce(o.kind, o1.kind) as open_kind,
      coalesce(o.register, o1.register)::float8 as open_register,
      tu.used::float8 as tier_used, rx.list as removed_meters
    from c
    left join lateral (
      -- The meter in service is the account's meter; one away for verification counts only when none is
      -- (a spare's row may be older than the meter it stands in for, so creation time cannot decide).
      select id, serial_no, status, prepaid, initial_reading from meters
      where customer_id = c.id and sector = 'gas' and status <> 'removed'
      order by status = 'in_service' desc, created_at desc limit 1
    ) m on true
    left join lateral (
      select settlement_cycle, terms from contracts
      where customer_id = c.id and sector = 'gas' order by valid_from desc limit 1
    ) ct on true
    left join lateral (
      select (${q.monthFrom}::date - make_interval(months => case ct.settlement_cycle
        when 'bimonthly' then 1 when 'quarterly' then 2 when 'annual' then 11 else 0 end))::date as f
    ) cy on true
    left join lateral (
      select address from premises where customer_id = c.id order by created_at limit 1
    ) p on true
    left join lateral (
      select id from bills where customer_id = c.id and sector = 'gas' and period = ${q.period}
        and kind in ('regular', 'season') limit 1
    ) ex on true
    left join lateral (
      select read_on, kind, register from meter_readings
      where meter_id = m.id and read_on >= cy.f and read_on <= ${q.to}::date order by read_on desc limit 1
    ) e on true
    left join lateral (
      select read_on, kind, register from meter_readings
      where meter_id = m.id and read_on < cy.f order by read_on desc limit 1
    ) o on true
    -- No reading before the cycle (a meter installed or first read inside it): the bill runs from the first reading
    -- in the cycle before the end reading, never from an assumed zero.
    left join lateral (
      select read_on, kind, register from meter_readings
      where o.read_on is null and meter_id = m.id and read_on >= cy.f and read_on < e.read_on
      order by read_on limit 1
    ) o1 on true
    left join lateral (
      select coalesce(sum(volume), 0) as used from bills
      where customer_id = c.id and sector = 'gas' and period_from >= ${q.tierYearStart}::date
        and period_from < cy.f
    ) tu on true
    -- G-6.2.2: a meter exchanged or removed inside the cycle, or sent to off-line verification with a spare in its
    -- place, still owes its usage up to its last register.
    left join lateral (
      select jsonb_agg(jsonb_build_object('serialNo', rm.serial_no,
        'removedOn', coalesce(rm.removed_on, f.read_on)::text, 'final', f.register,
        'openOn', coalesce(po.read_on, pi.read_on)::text, 'openKind', coalesce(po.kind, pi.kind),
        'open', coalesce(po.register, pi.register)) order by coalesce(rm.removed_on, f.read_on)) as list
      from meters rm
      left join lateral (
        select read_on, register from meter_readings
        where meter_id = rm.id and read_on <= coalesce(rm.removed_on, ${q.to}::date)
        order by read_on desc limit 1
      ) f on true
      left join lateral (
        select read_on, kind, register from meter_readings where meter_id = rm.id and read_on < cy.f
        order by read_on desc limit 1
      ) po on true
      left join lateral (
        select read_on, kind, register from meter_readings
        where po.read_on is null and meter_id = rm.id and read_on >= cy.f order by read_on limit 1
      ) pi on true
      where rm.customer_id = c.id and rm.sector = 'gas' and rm.id is distinct from m.id
        and ((rm.status = 'removed' and rm.removed_on >= cy.f and rm.removed_on <= ${q.to}::date)
          or (rm.status = 'in_verification' and f.read_on >= cy.f))
    ) rx on true
    order by c.id`);
  return rowsOf(result).map((r) => ({
    customerId: String(r.id),
    accountNo: String(r.account_no),
    name: String(r.name),
    kind: String(r.kind),
    status: String(r.status),
    meterId: (r.meter_id as string | null) ?? null,
    meterSerial: (r.meter_serial as string | null) ?? null,
    meterStatus: (r.meter_status as string | null) ?? null,
    prepaid: (r.prepaid as boolean | null) ?? null,
    initialReading: num(r.initial_reading),
    settlementCycle: (r.settlement_cycle as string | null) ?? null,
    settlementMethod: (r.settlement_method as string | null) ?? null,
    paymentDays: num(r.payment_days),
    address: (r.address as string | null) ?? null,
    existingBillId: (r.existing_bill_id as string | null) ?? null,
    end: reading(r.end_on, r.end_kind, r.end_register),
    opening: reading(r.open_on, r.open_kind, r.open_register),
    tierUsed: Number(r.tier_used ?? 0),
    removedMeters: ((r.removed_meters as Record<string, unknown>[] | null) ?? []).map((m) => ({
      serialNo: String(m.serialNo),
      removedOn: String(m.removedOn),
      open: reading(m.openOn, m.openKind, m.open),
      final: num(m.final),
    })),
  }));
}

/** Readings of these meters in (since, to], oldest first: the history an estimate rests on (G-6.2.5). */
export async function loadReadingHistory(
  tx: Db,
  meterIds: string[],
  since: string,
  to: string,
): Promise<Map<string, ReadingPoint[]>> {
  const out = new Map<string, ReadingPoint[]>();
  if (meterIds.length === 0) return out;
  const result = await tx.execute(sql`
    select meter_id, read_on::text as read_on, kind, register::float8 as register, usage::float8 as usage
    from meter_readings
    where meter_id in (select value::uuid from jsonb_array_elements_text(${JSON.stringify(meterIds)}::jsonb))
      and read_on > ${since}::date and read_on <= ${to}::date
    order by meter_id, read_on`);
  for (const r of rowsOf(result)) {
    const id = String(r.meter_id);
    const list = out.get(id) ?? [];
    list.push({
      readOn: String(r.read_on),
      kind: String(r.kind) as ReadingKind,
      register: Number(r.register),
      usage: Number(r.usage),
    });
    out.set(id, list);
  }
  return out;
}

/**
 * G-6.2.4: the readings of these meters taken on the given days (the day a new price starts and the day before),
 * which split a period's usage at the price change. Estimates are left out: they measure nothing.
 */
export async function loadReadingsOn(
  tx: Db,
  meterIds: string[],
  days: string[],
): Promise<Map<string, { readOn: string; register: number }[]>> {
  const out = new Map<string, { readOn: string; register: number }[]>();
  if (meterIds.length === 0 || days.length === 0) return out;
  const result = await tx.execute(sql`
    select meter_id, read_on::text as read_on, register::float8 as register
    from meter_readings
    where meter_id in (select value::uuid from jsonb_array_elements_text(${JSON.stringify(meterIds)}::jsonb))
      and read_on in (select value::date from jsonb_array_elements_text(${JSON.stringify(days)}::jsonb))
      and kind <> 'estimated'
    order by meter_id, read_on`);
  for (const r of rowsOf(result)) {
    const id = String(r.meter_id);
    const list = out.get(id) ?? [];
    list.push({ readOn: String(r.read_on), register: Number(r.register) });
    out.set(id, list);
  }
  return out;
}

export interface EstimatedBillRow {
  id: string;
  customerId: string;
  billNo: string;
  period: string;
  periodFrom: string;
  periodTo: string;
  startRegister: number;
  endRegister: number;
  volume: number;
  amountFen: number;
  lines: Record<string, unknown>[];
}

/** Regular bills built on an estimate that no correction has settled yet (G-6.2.5). */
export async function loadUnsettledEstimatedBills(
  tx: Db,
  customerIds: string[],
): Promise<EstimatedBillRow[]> {
  if (customerIds.length === 0) return [];
  const result = await tx.execute(sql`
    select b.id, b.customer_id, b.bill_no, b.period, b.period_from::text as period_from,
      b.period_to::text as period_to, b.start_register::float8 as start_register,
      b.end_register::float8 as end_register, b.volume::float8 as volume, b.amount_fen, b.lines
    from bills b
    where b.customer_id in (select value::uuid from jsonb_array_elements_text(${JSON.stringify(customerIds)}::jsonb))
      and b.sector = 'gas' and b.kind = 'regular' and b.estimated
      and not exists (select 1 from bills c where c.corrects_bill_id = b.id)
    order by b.customer_id, b.period_from`);
  return rowsOf(result).map((r) => ({
    id: String(r.id),
    customerId: String(r.customer_id),
    billNo: String(r.bill_no),
    period: String(r.period),
    periodFrom: String(r.period_from),
    periodTo: String(r.period_to),
    startRegister: Number(r.start_register),
    endRegister: Number(r.end_register),
    volume: Number(r.volume),
    amountFen: Number(r.amount_fen),
    lines: (r.lines as Record<string, unknown>[]) ?? [],
  }));
}

/** The tier year's usage billed before `before` for one account (corrections included, they are signed). */
export async function tierUsedBefore(
  tx: Db,
  customerId: string,
  tierYearStart: string,
  before: string,
): Promise<number> {
  const result = await tx.execute(sql`
    select coalesce(sum(volume), 0)::float8 as used from bills
    where customer_id = ${customerId}::uuid and sector = 'gas' and period_from >= ${tierYearStart}::date
      and period_from < ${before}::date`);
  return Number(rowsOf(result)[0]?.used ?? 0);
}

/** Gas price schedules of the enterprise by customer class, as the domain's PriceSchedule. */
export async function loadSchedules(
  tx: Db,
  enterpriseId: string,
): Promise<{ byClass: Map<string, PriceSchedule[]>; tierYearStartMonth: number }> {
  const result = await tx.execute(sql`
    select id, customer_class, effective_from::text as effective_from, label, tiers, tier_year_start_month
    from price_schedules where enterprise_id = ${enterpriseId}::uuid and sector = 'gas'
    order by effective_from`);
  const byClass = new Map<string, PriceSchedule[]>();
  const months = new Map<number, number>();
  for (const r of rowsOf(result)) {
    const cls = String(r.customer_class);
    const list = byClass.get(cls) ?? [];
    list.push({
      id: String(r.id),
      customerClass: cls,
      effectiveFrom: String(r.effective_from),
      label: String(r.label ?? ''),
      tiers: r.tiers as PriceSchedule['tiers'],
    });
    byClass.set(cls, list);
    const m = Number(r.tier_year_start_month);
    months.set(m, (months.get(m) ?? 0) + 1);
  }
  // One tier year per enterprise in practice; the most common first month wins if schedules disagree.
  const tierYearStartMonth = [...months.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 1;
  return { byClass, tierYearStartMonth };
}
