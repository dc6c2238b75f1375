import { addDays, oneYearBefore, tierYearOf, type DateString } from '@ranre/domain';
import type { Db } from '../../../db/client.ts';
import { buildCorrection } from '../bills/correction.ts';
import { noticeShared, planAccount, schedulesFor, type PlanContext, type SkipReason } from './engine.plan.ts';
import {
  loadAccounts,
  loadReadingHistory,
  loadReadingsOn,
  loadUnsettledEstimatedBills,
  tierUsedBefore,
  type AccountRow,
} from './engine.repository.ts';
import {
  insertBills,
  insertEstimatedReadings,
  type BillDraft,
  type NoticeDraft,
  type ReadingDraft,
} from './engine.writer.ts';

// One batch of the billing engine inside the caller's transaction: load the accounts set-wise, plan each in memory
// with the domain rules (cycle, estimate cap, price split, tiers, notice fields, due date), settle estimates
// (correction documents), then write everything with one statement per kind.

export interface BatchOutcome {
  processed: number;
  billed: number;
  estimated: number;
  corrected: number;
  skipped: number;
  reasons: Partial<Record<SkipReason, number>>;
  samples: { customerId: string; accountNo: string; reason: SkipReason; detail?: string }[];
  lastId: string | null;
  billIds: string[];
}

/** A batch loaded and planned, not yet written: what `writeBatch` needs. */
export interface PreparedBatch {
  afterId: string | null;
  outcome: BatchOutcome;
  bills: BillDraft[];
  corrections: BillDraft[];
  notices: NoticeDraft[];
  readings: ReadingDraft[];
}

/** Loads and plans one batch; reads only, so it may run on another connection while the previous batch is written. */
export async function prepareBatch(
  db: Db,
  ctx: PlanContext,
  q: { afterId: string | null; upTo?: string | null; limit: number; onlyCustomerId?: string },
): Promise<PreparedBatch> {
  const tierYearStart = tierYearOf(ctx.monthFrom, ctx.tierYearStartMonth);
  const accounts = await loadAccounts(db, {
    enterpriseId: ctx.enterpriseId,
    period: ctx.period,
    monthFrom: ctx.monthFrom,
    to: ctx.to,
    tierYearStart,
    afterId: q.afterId,
    upTo: q.upTo ?? null,
    limit: q.limit,
    ...(q.onlyCustomerId ? { onlyCustomerId: q.onlyCustomerId } : {}),
  });
  const outcome: BatchOutcome = {
    processed: accounts.length,
    billed: 0,
    estimated: 0,
    corrected: 0,
    skipped: 0,
    reasons: {},
    samples: [],
    lastId: accounts.at(-1)?.customerId ?? null,
    billIds: [],
  };
  const needHistory = accounts.filter((a) => !a.end && a.meterId && !a.existingBillId).map((a) => a.meterId!);
  const history = await loadReadingHistory(db, needHistory, addDays(oneYearBefore(ctx.to), -31), ctx.to);
  // G-6.2.4: readings at a price change inside the longest cycle (a year) split the usage there.
  const splitDays = priceChangeDays(ctx, oneYearBefore(ctx.to));
  const needSplit = accounts
    .filter((a) => a.meterId && !a.existingBillId && a.removedMeters.length === 0)
    .map((a) => a.meterId!);
  const atChanges = await loadReadingsOn(db, splitDays.length > 0 ? needSplit : [], splitDays);

  const prepared: PreparedBatch = {
    afterId: q.afterId,
    outcome,
    bills: [],
    corrections: [],
    notices: [],
    readings: [],
  };
  const settling: AccountRow[] = [];
  for (const row of accounts) {
    const plan = planAccount(
      row,
      ctx,
      row.meterId ? history.get(row.meterId) : undefined,
      row.meterId ? atChanges.get(row.meterId) : undefined,
    );
    if ('skip' in plan) {
      skip(outcome, plan.skip, { customerId: row.customerId, accountNo: row.accountNo }, plan.detail);
      continue;
    }
    prepared.bills.push(plan.bill);
    prepared.notices.push(plan.notice);
    if (plan.reading) prepared.readings.push(plan.reading);
    if (row.opening?.kind === 'estimated' && row.end && row.end.kind !== 'estimated') settling.push(row);
  }
  prepared.corrections = await settleEstimates(db, ctx, settling);
  return prepared;
}

/** Writes a prepared batch in the caller's transaction and counts what was written. */
export async function writeBatch(tx: Db, ctx: PlanContext, p: PreparedBatch): Promise<BatchOutcome> {
  const out = p.outcome;
  await insertEstimatedReadings(tx, p.readings);
  const written = await insertBills(tx, [...p.bills, ...p.corrections], p.notices, noticeShared(ctx));
  for (const b of p.bills) {
    if (!written.has(b.id)) {
      // Written meanwhile by another run or request: the constraint kept it to one.
      out.skipped++;
      out.reasons.already_billed = (out.reasons.already_billed ?? 0) + 1;
      continue;
    }
    out.billed++;
    out.billIds.push(b.id);
    if (b.estimated) out.estimated++;
  }
  out.corrected = p.corrections.filter((c) => written.has(c.id)).length;
  return out;
}

/** Loads, plans and writes one batch inside the caller's transaction. */
export async function billBatch(
  tx: Db,
  ctx: PlanContext,
  q: { afterId: string | null; limit: number; onlyCustomerId?: string },
): Promise<BatchOutcome> {
  return writeBatch(tx, ctx, await prepareBatch(tx, ctx, q));
}

/** The days a new price starts after `since` up to the run's last day, and the day before each. */
function priceChangeDays(ctx: PlanContext, since: DateString): string[] {
  const days = new Set<string>();
  for (const list of ctx.schedulesByClass.values())
    for (const s of list)
      if (s.effectiveFrom > since && s.effectiveFrom <= ctx.to) {
        days.add(s.effectiveFrom);
        days.add(addDays(s.effectiveFrom, -1));
      }
  return [...days].sort();
}

function skip(
  out: BatchOutcome,
  reason: SkipReason,
  who: { customerId: string; accountNo: string },
  detail?: string,
) {
  out.skipped++;
  out.reasons[reason] = (out.reasons[reason] ?? 0) + 1;
  out.samples.push(detail ? { ...who, reason, detail } : { ...who, reason });
}

/**
 * G-6.2.5 多退少补: for accounts whose period closes on an actual reading after estimates, each unsettled estimated
 * bill that ends above the actual register gets a correction document down to the actual register.
 */
async function settleEstimates(tx: Db, ctx: PlanContext, rows: AccountRow[]): Promise<BillDraft[]> {
  if (rows.length === 0) return [];
  const byCustomer = new Map(rows.map((r) => [r.customerId, r]));
  const open = await loadUnsettledEstimatedBills(tx, [...byCustomer.keys()]);
  const drafts: BillDraft[] = [];
  for (const bill of open) {
    const row = byCustomer.get(bill.customerId)!;
    const actual = row.end!.register;
    if (bill.endRegister <= actual) continue;
    const start = tierYearOf(bill.periodFrom as DateString, ctx.tierYearStartMonth);
    drafts.push(
      buildCorrection({
        bill: { ...bill, enterpriseId: ctx.enterpriseId },
        correctedEnd: actual,
        schedules: schedulesFor(ctx, row.kind),
        tierYearStartMonth: ctx.tierYearStartMonth,
        tierUsedBefore: await tierUsedBefore(tx, bill.customerId, start, bill.periodFrom),
        sequence: 1,
        reason: `G-6.2.5 估抄高于 ${row.end!.readOn} 实抄读数，更正（多退少补）/ estimate above the actual reading: corrected`,
        issuedOn: ctx.issuedOn,
        runId: ctx.runId,
        actorId: ctx.actorId,
        id: ctx.newId(),
      }),
    );
  }
  return drafts;
}
