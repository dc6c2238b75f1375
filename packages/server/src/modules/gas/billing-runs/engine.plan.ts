import {
  addDays,
  cyclePeriod,
  DomainError,
  estimateReading,
  gasCustomerClassOf,
  noticeCycleOf,
  noticeProblems,
  paymentDueDate,
  periodPricer,
  tierYearOf,
  type DateString,
  type NoticeCycle,
  type PaymentDue,
  type PaymentNotice,
  type PeriodPricer,
  type PriceLine,
  type PriceSchedule,
  type PriceSplitMethod,
  type NoticeMeterSegment,
  type ReadingKind,
  type ReadingPoint,
  type WorkCalendar,
} from '@ranre/domain';
import { removedUsage } from './engine.exchange.ts';
import type { AccountRow } from './engine.repository.ts';
import type { BillDraft, NoticeDraft, ReadingDraft } from './engine.writer.ts';

// What one account's bill for a period is, from the rows the batch loaded: pure apart from the ids it mints.
// Skips carry a reason code the run's summary counts (and the screen explains).

export type SkipReason =
  | 'inactive'
  | 'no_meter'
  | 'prepaid_meter'
  | 'prepaid_contract'
  | 'not_in_cycle'
  | 'no_price'
  | 'meter_in_verification'
  | 'no_reading'
  | 'register_decreased'
  | 'already_billed'
  | 'notice_incomplete'
  | 'exchange_after_estimate';

export const SKIP_REASONS: Record<SkipReason, { zh: string; en: string }> = {
  inactive: { zh: '账户已停用或销户', en: 'account suspended or closed' },
  no_meter: { zh: '无在用燃气表', en: 'no gas meter in service' },
  prepaid_meter: { zh: '预付费表（由表计扣费，不发缴费通知）', en: 'prepaid meter (billed by the meter)' },
  prepaid_contract: {
    zh: '合同约定预付费或按次购气，购气时结算，不发缴费通知（G-6.2.3）',
    en: 'the contract is prepaid or per purchase: settled at purchase, no payment notice (G-6.2.3)',
  },
  not_in_cycle: {
    zh: '本月不是合同结算周期末（G-6.2.3）',
    en: 'the contract cycle does not close this month (G-6.2.3)',
  },
  no_price: { zh: '该用户类别无生效价格表', en: 'no price schedule in force for the customer class' },
  meter_in_verification: {
    zh: '表计检定中且无约定计量读数（G-6.2.11）',
    en: 'meter in verification without a reading by the agreed method (G-6.2.11)',
  },
  no_reading: {
    zh: '无读数且近一年无实抄月份，无法估抄（G-6.2.5）',
    en: 'no reading and no actual month in the past year to estimate from (G-6.2.5)',
  },
  register_decreased: {
    zh: '读数小于上期读数，需人工核查',
    en: 'register below the previous one; check by hand',
  },
  already_billed: { zh: '本期已出账', en: 'already billed for the period' },
  notice_incomplete: { zh: '缴费通知缺少必备内容（G-6.2.7）', en: 'payment notice lacks a field (G-6.2.7)' },
  exchange_after_estimate: {
    zh: '本期换表或拆表，旧表上期为估抄，需人工结算（G-6.2.2、G-6.2.5）',
    en: 'a meter exchanged or removed after an estimated month: settle by hand (G-6.2.2, G-6.2.5)',
  },
};

/** The enterprise's part of every notice (G-6.2.7): who, where, when, how, and the three phones. */
export type NoticeBase = Pick<
  PaymentNotice,
  'company' | 'payWhere' | 'payWhen' | 'payHow' | 'queryPhone' | 'complaintPhone' | 'supervisionPhone'
>;

export interface PlanContext {
  enterpriseId: string;
  period: string;
  /** First and last day of the run's month. */
  monthFrom: DateString;
  to: DateString;
  issuedOn: DateString;
  calendar: WorkCalendar;
  schedulesByClass: Map<string, PriceSchedule[]>;
  tierYearStartMonth: number;
  noticeBase: NoticeBase;
  runId: string | null;
  actorId: string | null;
  newId: () => string;
  dueCache: Map<number, PaymentDue>;
  pricers: Map<string, PeriodPricer>;
  ranges: Map<NoticeCycle, CycleRange | null>;
}

/** G-6.2.4: the bill says how the usage was shared at a price change. */
const SPLIT_NOTE: Record<PriceSplitMethod, string> = {
  none: '',
  reading: '调价日有抄表读数，调价前后用量按读数分段计费（G-6.2.4）',
  prorated: '调价日无抄表读数，调价前后用量按天数比例分摊（G-6.2.4）',
  reading_and_prorated: '调价日有读数的按读数分段，其余按天数比例分摊（G-6.2.4）',
};

type CycleRange = { from: DateString; to: DateString; tierYear: DateString };

export type Plan =
  | { skip: SkipReason; detail?: string }
  | { bill: BillDraft; notice: NoticeDraft; reading: ReadingDraft | null; priced: PriceLine[] };

/** G-6.2.6: the due date depends only on the notice day and the contract's days, so it is reckoned once per run. */
function dueDateOf(ctx: PlanContext, days: number | null): PaymentDue {
  const key = days ?? 0;
  let due = ctx.dueCache.get(key);
  if (!due) {
    due = paymentDueDate(ctx.issuedOn, days ?? undefined, ctx.calendar);
    ctx.dueCache.set(key, due);
  }
  return due;
}

/** G-6.2.3: the cycle's period in this run (and its tier year), reckoned once per cycle. */
function rangeOf(ctx: PlanContext, cycle: NoticeCycle): CycleRange | null {
  if (!ctx.ranges.has(cycle)) {
    const r = cyclePeriod(ctx.period, cycle);
    ctx.ranges.set(cycle, r && { ...r, tierYear: tierYearOf(r.from, ctx.tierYearStartMonth) });
  }
  return ctx.ranges.get(cycle) ?? null;
}

/** G-6.2.4: the period is cut at price changes and tier years once per class and cycle, not once per account. */
function pricerOf(
  ctx: PlanContext,
  cls: string,
  range: { from: DateString; to: DateString },
  schedules: PriceSchedule[],
): PeriodPricer {
  const key = `${cls}|${range.from}|${range.to}`;
  let pricer = ctx.pricers.get(key);
  if (!pricer) {
    pricer = periodPricer({
      periodStart: range.from,
      periodEnd: range.to,
      schedules,
      tierYearStartMonth: ctx.tierYearStartMonth,
    });
    ctx.pricers.set(key, pricer);
  }
  return pricer;
}

/** What every notice of the run shares (G-6.2.7 company, where, when, how, phones; G-6.2.6 explanations by days). */
export function noticeShared(ctx: PlanContext): { base: NoticeBase; explanations: Record<string, unknown> } {
  const explanations: Record<string, unknown> = {};
  for (const due of ctx.dueCache.values()) explanations[String(due.days)] = due.explanation;
  return { base: ctx.noticeBase, explanations };
}

export function schedulesFor(ctx: PlanContext, kind: string): PriceSchedule[] {
  const cls = gasCustomerClassOf(kind);
  return (cls && ctx.schedulesByClass.get(cls)) ?? [];
}

const compact = (period: string) => period.replace('-', '');
export const regularBillNo = (period: string, accountNo: string) => `G${compact(period)}-${accountNo}`;
export const noticeNoOf = (period: string, accountNo: string) => `N${compact(period)}-${accountNo}`;

/**
 * Plans one account. `history` holds the meter's readings of the past 13 months when the period has no reading
 * (the estimate's basis). A settled estimate above the actual register moves the opening register down to the actual
 * one (the correction document for the old bill is written by the caller), so no litre is billed twice.
 */
export function planAccount(
  row: AccountRow,
  ctx: PlanContext,
  history: ReadingPoint[] | undefined,
  atChanges?: readonly { readOn: string; register: number }[],
): Plan {
  if (row.existingBillId) return { skip: 'already_billed' };
  if (row.status !== 'active') return { skip: 'inactive' };
  const removed = removedUsage(row);
  if ('skip' in removed) return removed;
  if (!row.meterId && removed.segments.length === 0) return { skip: 'no_meter' };
  // The meter decides: a prepaid meter draws its own balance (G-6.2.2); a contract's method is not the meter.
  if (row.prepaid) return { skip: 'prepaid_meter' };
  const cycle = noticeCycleOf(row.settlementCycle);
  const range = cycle ? rangeOf(ctx, cycle) : null;
  if (!range) return { skip: cycle ? 'not_in_cycle' : 'prepaid_contract' };
  const schedules = schedulesFor(ctx, row.kind);
  if (!schedules.some((s) => s.effectiveFrom <= range.from)) return { skip: 'no_price' };

  const current = row.meterId ? currentMeterUsage(row, ctx, history) : lastRemoved(removed.segments);
  if ('skip' in current) return current;
  const { end, reading, startRegister } = current;
  // G-6.2.2: the meters taken out in the period add their own usage; the notice lists each meter's readings.
  const volume = current.volume + removed.volume;
  const meters =
    removed.segments.length === 0
      ? undefined
      : row.meterId
        ? [
            ...removed.segments,
            {
              serialNo: row.meterSerial ?? '',
              startReading: startRegister,
              endReading: end.register,
              volume: current.volume,
            },
          ]
        : removed.segments;

  const tierYear = range.tierYear;
  const priced = pricerOf(
    ctx,
    gasCustomerClassOf(row.kind) ?? '',
    range,
    schedules,
  )(
    volume,
    { [tierYear]: row.tierUsed },
    removed.segments.length === 0
      ? usedBeforeChanges(schedules, range, atChanges, startRegister, current.volume)
      : undefined,
  );
  const due = dueDateOf(ctx, row.paymentDays);
  // The enterprise's part of the notice is the same on every notice: the writer stores it once, as a template.
  // (Plain literals, not spreads: a million notices a run, and a spread object is several times slower to build.)
  const estimated = end.kind === 'estimated';
  const own: NoticeOwn = {
    accountNumber: row.accountNo,
    accountName: row.name,
    address: row.address ?? '',
    startReading: startRegister,
    endReading: end.register,
    volume,
    prices: distinctPrices(priced.lines),
    amountDueFen: priced.amount,
    payDeadline: due.lastDay,
    periodFrom: range.from,
    periodTo: range.to,
    estimated,
    readingKind: end.kind,
    dueDays: due.days,
    dueSource: due.source,
    priceChanged: priced.priceChanged,
    priceSplit: priced.split,
  };
  if (meters) own.meters = meters;
  const problems = noticeProblems(withBase(ctx.noticeBase, own));
  if (problems.length > 0)
    return { skip: 'notice_incomplete', detail: problems.map((p) => p.field).join(',') };

  const billId = ctx.newId();
  const bill: BillDraft = {
    id: billId,
    enterpriseId: ctx.enterpriseId,
    customerId: row.customerId,
    period: ctx.period,
    billNo: regularBillNo(ctx.period, row.accountNo),
    kind: 'regular',
    correctsBillId: null,
    periodFrom: range.from,
    periodTo: range.to,
    startRegister,
    endRegister: end.register,
    volume,
    estimated,
    amountFen: priced.amount,
    lines: priced.lines as unknown as Record<string, unknown>[],
    runId: ctx.runId,
    note: [
      estimated ? '估抄（G-6.2.5），下次实抄多退少补' : '',
      SPLIT_NOTE[priced.split],
      ...removed.segments.map(
        (m) => `表 ${m.serialNo} 于 ${m.removedOn} 换下或拆除，止码计入本期（G-6.2.2）`,
      ),
    ]
      .filter(Boolean)
      .join('；'),
    issuedOn: ctx.issuedOn,
    createdBy: ctx.actorId,
  };
  const notice: NoticeDraft = {
    id: ctx.newId(),
    enterpriseId: ctx.enterpriseId,
    billId,
    noticeNo: noticeNoOf(ctx.period, row.accountNo),
    dueDate: due.lastDay,
    fields: own,
  };
  return { bill, notice, reading, priced: priced.lines };
}

/**
 * The account's own part of a notice as stored (G-6.2.7 fields, and the period, reading kind and G-6.2.6 due-date
 * facts the notice explains); the rest is the enterprise's (NoticeBase, stored once as a template).
 */
type NoticeOwn = Omit<PaymentNotice, keyof NoticeBase> &
  Required<Pick<PaymentNotice, 'accountNumber' | 'accountName' | 'address' | 'prices' | 'payDeadline'>> & {
    startReading: number;
    endReading: number;
    volume: number;
    amountDueFen: number;
    periodFrom: DateString;
    periodTo: DateString;
    estimated: boolean;
    readingKind: ReadingKind;
    dueDays: number;
    dueSource: PaymentDue['source'];
    priceChanged: boolean;
    /** G-6.2.4: how the usage was shared at a price change (by a reading there, or prorated by days). */
    priceSplit: PriceSplitMethod;
  };

function withBase(base: NoticeBase, own: NoticeOwn): PaymentNotice {
  return {
    company: base.company,
    payWhere: base.payWhere,
    payWhen: base.payWhen,
    payHow: base.payHow,
    queryPhone: base.queryPhone,
    complaintPhone: base.complaintPhone,
    supervisionPhone: base.supervisionPhone,
    accountNumber: own.accountNumber,
    accountName: own.accountName,
    address: own.address,
    startReading: own.startReading,
    endReading: own.endReading,
    volume: own.volume,
    prices: own.prices,
    amountDueFen: own.amountDueFen,
    payDeadline: own.payDeadline,
    ...(own.meters ? { meters: own.meters } : {}),
  };
}

function distinctPrices(lines: readonly PriceLine[]): number[] {
  const out: number[] = [];
  for (const l of lines) if (!out.includes(l.price)) out.push(l.price);
  return out;
}

/**
 * G-6.2.4: for each price change inside the period, the litres used up to it as a reading on the day before the new
 * price (preferred: it closes the old price's last day) or on its first day measured them. A reading that does not
 * lie between the period's opening and closing registers says nothing reliable and is left out (prorated instead).
 */
function usedBeforeChanges(
  schedules: readonly PriceSchedule[],
  range: { from: DateString; to: DateString },
  atChanges: readonly { readOn: string; register: number }[] | undefined,
  startRegister: number,
  volume: number,
): Record<DateString, number> | undefined {
  if (!atChanges || atChanges.length === 0) return undefined;
  const out: Record<DateString, number> = {};
  for (const s of schedules) {
    if (s.effectiveFrom <= range.from || s.effectiveFrom > range.to) continue;
    const on =
      atChanges.find((r) => r.readOn === addDays(s.effectiveFrom, -1)) ??
      atChanges.find((r) => r.readOn === s.effectiveFrom);
    const used = on ? on.register - startRegister : -1;
    if (used >= 0 && used <= volume) out[s.effectiveFrom] = used;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

type Usage = {
  end: { readOn: string; kind: ReadingKind; register: number };
  reading: ReadingDraft | null;
  startRegister: number;
  volume: number;
};

/** The meter in service: its end reading (or an estimate, G-6.2.5) and opening register. */
function currentMeterUsage(
  row: AccountRow,
  ctx: PlanContext,
  history: ReadingPoint[] | undefined,
): Usage | { skip: SkipReason; detail?: string } {
  let end = row.end;
  let reading: ReadingDraft | null = null;
  const openingRegister = row.opening?.register ?? row.initialReading ?? 0;
  if (!end) {
    if (row.meterStatus === 'in_verification') return { skip: 'meter_in_verification' };
    try {
      const est = estimateReading({ readings: history ?? [], periodEnd: ctx.to });
      end = { readOn: ctx.to, kind: 'estimated', register: est.register };
      reading = {
        enterpriseId: ctx.enterpriseId,
        customerId: row.customerId,
        meterId: row.meterId!,
        readOn: ctx.to,
        register: est.register,
        usage: est.usage,
        estimateBasis: est.basis as unknown as Record<string, unknown>,
      };
    } catch (err) {
      if (err instanceof DomainError) return { skip: 'no_reading', detail: err.code };
      throw err;
    }
  }
  // 多退少补 (G-6.2.5): after an estimate above the actual register, the new bill starts at the actual register.
  const startRegister =
    row.opening?.kind === 'estimated' && end.kind !== 'estimated'
      ? Math.min(openingRegister, end.register)
      : openingRegister;
  const volume = end.register - startRegister;
  if (volume < 0) return { skip: 'register_decreased' };
  return { end, reading, startRegister, volume };
}

/** No meter in service any more (removed, G-6.2.10): the bill closes on the last removed meter's final register. */
function lastRemoved(segments: NoticeMeterSegment[]): Usage {
  const last = segments.at(-1)!;
  return {
    end: { readOn: last.removedOn ?? '', kind: 'actual', register: last.endReading },
    reading: null,
    startRegister: last.startReading,
    volume: 0,
  };
}
