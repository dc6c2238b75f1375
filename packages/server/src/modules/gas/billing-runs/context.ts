import {
  domainError,
  noticeProblems,
  parseBillingMonth,
  toShanghaiDate,
  type DateString,
  type PaymentNotice,
} from '@ranre/domain';
import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { enterprises } from '../../../db/schema.ts';
import type { AppContext } from '../../../core/context.ts';
import { notFound } from '../../../core/errors.ts';
import type { NoticeBase, PlanContext } from './engine.plan.ts';
import { loadSchedules } from './engine.repository.ts';
import { uuidv7 } from '../../../db/ids.ts';

/** How a customer can pay (G-6.2.7 "how"): the channels the payments module takes, in the notice's language. */
export const PAY_HOW = '营业厅现金或银行卡、银行代扣、微信、支付宝';

type EnterpriseRow = typeof enterprises.$inferSelect;

/** The enterprise's part of every notice: name, service points (where and when), phones (G-6.2.7). */
export function noticeBaseOf(e: EnterpriseRow): NoticeBase {
  // Only the points that take payments are places to pay (a 24 h repair duty room is not); older records have no
  // flag and count as taking payments.
  const points = (e.servicePoints ?? []).filter((p) => p.takesPayments !== false);
  return {
    company: e.name,
    payWhere: points.map((p) => `${p.name}（${p.address}）`).join('；'),
    payWhen: points.map((p) => `${p.name} ${p.hours}`).join('；'),
    payHow: points.length > 0 ? PAY_HOW : '',
    queryPhone: e.hotline,
    complaintPhone: e.hotline,
    supervisionPhone: e.supervisionPhone,
  };
}

/**
 * G-6.2.7: a notice that would lack one of the enterprise's fields is refused before anything is billed; the 422
 * lists every missing field (e.g. no service point, so no "where" and "when", or no supervision phone).
 */
export function assertNoticeBaseComplete(base: NoticeBase): void {
  const probe: PaymentNotice = {
    ...base,
    accountNumber: '-',
    accountName: '-',
    address: '-',
    startReading: 0,
    endReading: 0,
    volume: 0,
    prices: [1],
    amountDueFen: 0,
    payDeadline: '2000-01-01',
  };
  const problems = noticeProblems(probe);
  if (problems.length > 0) {
    throw domainError(
      'BILLING_NOTICE_INCOMPLETE',
      `缴费通知不完整，请先在企业信息中补齐：${problems.map((p) => p.message.zh).join('')}`,
      `Payment notices would be incomplete; complete the enterprise's data first: ${problems.map((p) => p.message.en).join(' ')}`,
      { fields: problems.map((p) => p.field), problems },
    );
  }
}

export async function loadEnterprise(db: Db, enterpriseId: string): Promise<EnterpriseRow> {
  const [e] = await db.select().from(enterprises).where(eq(enterprises.id, enterpriseId));
  if (!e) throw notFound('enterprise');
  return e;
}

/** Everything a batch needs that does not change during a run. */
export async function buildPlanContext(
  app: AppContext,
  q: { enterpriseId: string; period: string; runId: string | null; actorId: string | null },
): Promise<PlanContext> {
  const month = parseBillingMonth(q.period);
  const db = app.database.db;
  const enterprise = await loadEnterprise(db, q.enterpriseId);
  const noticeBase = noticeBaseOf(enterprise);
  assertNoticeBaseComplete(noticeBase);
  const { byClass, tierYearStartMonth } = await loadSchedules(db, q.enterpriseId);
  return {
    enterpriseId: q.enterpriseId,
    period: q.period,
    monthFrom: month.from,
    to: month.to,
    issuedOn: toShanghaiDate(app.now()) as DateString,
    calendar: await app.calendar.current(),
    schedulesByClass: byClass,
    tierYearStartMonth,
    noticeBase,
    runId: q.runId,
    actorId: q.actorId,
    newId: () => uuidv7(),
    dueCache: new Map(),
    pricers: new Map(),
    ranges: new Map(),
  };
}
