import { randomUUID } from 'node:crypto';
import {
  applyLedgerEvent,
  CUSTOMER_KINDS,
  EMPTY_LEDGER,
  isCustomerKind,
  toShanghaiDate,
  type LedgerEvent,
} from '@ranre/domain';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { customers, ledgerEntries, notifications } from '../../../db/schema.ts';
import type { Actor } from '../../../core/actor.ts';
import type { AppContext } from '../../../core/context.ts';
import { appError, forbidden, notFound } from '../../../core/errors.ts';
import { enterpriseScope } from '../../../core/scope.ts';
import { appendAudit } from '../../platform/audit/audit.repository.ts';
import { arrearsOf, dateOf } from './arrears.ts';
import * as repo from './ledger.repository.ts';
import type { TAdjustmentInput, TArrearsQuery, TStatement, TStatementQuery } from './ledger.schemas.ts';

export type CustomerRef = { id: string; enterpriseId: string; accountNo: string; name: string; kind: string };

/** The columns of a CustomerRef, for selects that find the customer another way (by account number, say). */
export const customerRefColumns = {
  id: customers.id,
  enterpriseId: customers.enterpriseId,
  accountNo: customers.accountNo,
  name: customers.name,
  kind: customers.kind,
};

/** The account, if the caller may see it; another enterprise's account answers as not found. */
export async function visibleCustomer(
  db: Db,
  actor: Actor,
  id: string,
  forUpdate = false,
): Promise<CustomerRef> {
  const q = db.select(customerRefColumns).from(customers).where(eq(customers.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  if (!row || (actor.role !== 'regulator' && row.enterpriseId !== actor.enterpriseId))
    throw notFound('customer');
  return row;
}

/** The ledger sector of an account, from its customer kind. */
export const sectorOfKind = (kind: string): 'gas' | 'heating' =>
  isCustomerKind(kind) ? CUSTOMER_KINDS[kind].sector : 'gas';

export class LedgerService {
  constructor(private readonly ctx: AppContext) {}

  private get db() {
    return this.ctx.database.db;
  }

  private today() {
    return toShanghaiDate(this.ctx.now());
  }

  /** The account statement: opening balance, entries with running balance, closing balance, arrears today. */
  async statement(actor: Actor, id: string, q: TStatementQuery): Promise<TStatement> {
    const customer = await visibleCustomer(this.db, actor, id);
    const sector = q.sector ?? sectorOfKind(customer.kind);
    const today = this.today();
    const to = q.to ?? today;
    if (q.from && q.from > to) {
      throw appError(
        'BAD_REQUEST',
        { zh: '起始日期晚于截止日期', en: '`from` is after `to`' },
        { from: q.from, to },
      );
    }
    const opening = q.from ? await repo.balanceOf(this.db, id, sector, { before: q.from }) : 0;
    const rows = await repo.entriesOf(this.db, id, sector, q.from, to);
    let running = opening;
    let state = EMPTY_LEDGER;
    const entries = rows.map(({ entry: e, ...bill }) => {
      state = applyLedgerEvent(state, toEvent(e));
      const signedFen = e.kind === 'payment' ? -e.amountFen : e.amountFen;
      running += signedFen;
      return {
        id: e.id,
        bookedOn: dateOf(e.bookedOn),
        kind: e.kind as 'charge' | 'payment' | 'adjustment',
        amountFen: e.amountFen,
        signedFen,
        runningBalanceFen: running,
        refType: e.refType,
        refId: e.refId,
        reason: e.reason,
        billNo: bill.billNo,
        period: bill.period,
        noticeNo: bill.noticeNo,
        dueDate: bill.dueDate ? dateOf(bill.dueDate) : null,
      };
    });
    const [acct] = await arrearsOf(this.db, { customerIds: [id], sector }, today);
    const items = (acct?.charges ?? [])
      .filter((c) => c.outstandingFen > 0)
      .map((c) => {
        const d = acct!.debits.get(c.ref)!;
        return {
          entryId: d.entryId,
          billId: d.billId,
          billNo: d.billNo,
          period: d.period,
          noticeId: d.noticeId,
          noticeNo: d.noticeNo,
          dueDate: c.dueDate,
          amountFen: c.amountFen,
          outstandingFen: c.outstandingFen,
          daysOverdue: c.daysOverdue,
          overdue: c.overdue,
        };
      });
    return {
      customer: { id: customer.id, accountNo: customer.accountNo, name: customer.name, kind: customer.kind },
      sector,
      from: q.from ?? null,
      to,
      openingBalanceFen: opening,
      entries,
      closingBalanceFen: running,
      totals: {
        chargesFen: state.chargesFen,
        paymentsFen: state.paymentsFen,
        adjustmentsFen: state.adjustmentsFen,
      },
      arrears: {
        balanceFen: acct?.balanceFen ?? 0,
        outstandingFen: acct?.outstandingFen ?? 0,
        overdueFen: acct?.overdueFen ?? 0,
        maxDaysOverdue: acct?.maxDaysOverdue ?? 0,
        oldestDueDate: acct?.oldestDueDate ?? null,
        items,
      },
    };
  }

  /** Accounts in arrears for collection (G-6.2.9), scoped to the caller's enterprise. */
  async arrears(actor: Actor, q: TArrearsQuery) {
    const enterpriseId = enterpriseScope(actor, q.enterpriseId);
    const all = await arrearsOf(this.db, { enterpriseId, sector: q.sector }, this.today());
    const overdue = all.filter((a) => a.overdueFen > 0 && a.maxDaysOverdue >= (q.minDays ?? 1));
    const sorters: Record<
      TArrearsQuery['sort'],
      (a: (typeof overdue)[number], b: (typeof overdue)[number]) => number
    > = {
      overdue: (a, b) => b.overdueFen - a.overdueFen,
      days: (a, b) => b.maxDaysOverdue - a.maxDaysOverdue,
      balance: (a, b) => b.balanceFen - a.balanceFen,
      account: () => 0,
    };
    const people = new Map(
      (
        await repo.customersByIds(
          this.db,
          overdue.map((a) => a.customerId),
        )
      ).map((c) => [c.id, c]),
    );
    overdue.sort((a, b) =>
      q.sort === 'account'
        ? (people.get(a.customerId)?.accountNo ?? '').localeCompare(people.get(b.customerId)?.accountNo ?? '')
        : sorters[q.sort](a, b) || a.customerId.localeCompare(b.customerId),
    );
    const page = overdue.slice(q.offset, q.offset + q.limit);
    const reminders = await this.lastReminders(page.map((a) => a.customerId));
    return {
      items: page.map((a) => {
        const c = people.get(a.customerId)!;
        return {
          customerId: a.customerId,
          enterpriseId: c.enterpriseId,
          accountNo: c.accountNo,
          name: c.name,
          sector: a.sector,
          balanceFen: a.balanceFen,
          overdueFen: a.overdueFen,
          overdueNotices: a.charges.filter((x) => x.overdue).length,
          maxDaysOverdue: a.maxDaysOverdue,
          oldestDueDate: a.oldestDueDate,
          lastPaymentOn: a.lastPaymentOn,
          lastReminderAt: reminders.get(a.customerId) ?? null,
        };
      }),
      total: overdue.length,
      totalOverdueFen: overdue.reduce((s, a) => s + a.overdueFen, 0),
    };
  }

  private async lastReminders(ids: string[]) {
    if (ids.length === 0) return new Map<string, string>();
    const rows = await this.db
      .select({ customerId: notifications.customerId, at: sql<string>`max(${notifications.createdAt})` })
      .from(notifications)
      .where(and(inArray(notifications.customerId, ids), eq(notifications.kind, 'overdue_reminder')))
      .groupBy(notifications.customerId);
    return new Map(rows.map((r) => [r.customerId!, new Date(r.at).toISOString()]));
  }

  /** A manual adjustment (billing clerk or admin): signed, with a reason, audited in the same transaction. */
  async adjust(actor: Actor, id: string, input: TAdjustmentInput) {
    if (actor.role === 'regulator') throw forbidden();
    return this.db.transaction(async (tx) => {
      const customer = await visibleCustomer(tx, actor, id, true);
      const sector = input.sector ?? sectorOfKind(customer.kind);
      const refId = input.idempotencyKey ? `${customer.enterpriseId}:${input.idempotencyKey}` : randomUUID();
      if (input.idempotencyKey) {
        const [prior] = await tx
          .select()
          .from(ledgerEntries)
          .where(and(eq(ledgerEntries.refType, 'manual'), eq(ledgerEntries.refId, refId)));
        if (prior) {
          if (
            prior.customerId !== id ||
            prior.amountFen !== input.amountFen ||
            prior.reason !== input.reason
          ) {
            throw idempotencyConflict(input.idempotencyKey);
          }
          return { ...view(prior), balanceFen: await repo.balanceOf(tx, id, prior.sector) };
        }
      }
      // The domain refuses a reason-less or fractional adjustment before anything is written.
      applyLedgerEvent(EMPTY_LEDGER, {
        kind: 'adjustment',
        amountFen: input.amountFen,
        ref: refId,
        reason: input.reason,
      });
      const row = await repo.insertLedgerEntry(tx, {
        enterpriseId: customer.enterpriseId,
        customerId: id,
        sector,
        kind: 'adjustment',
        amountFen: input.amountFen,
        refType: 'manual',
        refId,
        reason: input.reason,
        bookedOn: this.today(),
        createdBy: actor.id,
        createdAt: this.ctx.now(),
      });
      const balanceFen = await repo.balanceOf(tx, id, sector);
      await appendAudit(tx, {
        actor,
        enterpriseId: customer.enterpriseId,
        action: 'ledger.adjust',
        entity: 'customer',
        entityId: id,
        after: { entryId: row.id, sector, amountFen: input.amountFen, reason: input.reason, balanceFen },
      });
      return { ...view(row), balanceFen };
    });
  }
}

const view = (r: repo.LedgerRow) => ({
  id: r.id,
  customerId: r.customerId,
  sector: r.sector,
  amountFen: r.amountFen,
  reason: r.reason,
  bookedOn: dateOf(r.bookedOn),
});

export function toEvent(e: repo.LedgerRow): LedgerEvent {
  const ref = `${e.refType}:${e.refId}`;
  if (e.kind === 'adjustment')
    return { kind: 'adjustment', amountFen: e.amountFen, ref, reason: e.reason || e.refType };
  return { kind: e.kind as 'charge' | 'payment', amountFen: e.amountFen, ref };
}

export const idempotencyConflict = (key: string) =>
  appError(
    'CONFLICT',
    {
      zh: `幂等键「${key}」已用于另一笔不同内容的提交，请勿重复使用。`,
      en: `Idempotency key "${key}" was already used for a different submission.`,
    },
    { reason: 'IDEMPOTENCY_KEY_REUSED', idempotencyKey: key },
  );
