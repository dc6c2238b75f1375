import {
  assertBillingMonthEnded,
  domainError,
  maskAddress,
  maskName,
  tierYearOf,
  type DateString,
} from '@ranre/domain';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Actor } from '../../../core/actor.ts';
import type { AppContext } from '../../../core/context.ts';
import { appError, forbidden, notFound } from '../../../core/errors.ts';
import { enterpriseScope } from '../../../core/scope.ts';
import { appendAudit } from '../../platform/audit/audit.repository.ts';
import { buildPlanContext } from '../billing-runs/context.ts';
import { billBatch } from '../billing-runs/engine.ts';
import { SKIP_REASONS, schedulesFor } from '../billing-runs/engine.plan.ts';
import { tierUsedBefore } from '../billing-runs/engine.repository.ts';
import { insertBills } from '../billing-runs/engine.writer.ts';
import * as repo from './bills.repository.ts';
import type { TBill, TBillQuery } from './bills.schemas.ts';
import { buildCorrection } from './correction.ts';
import { renderNoticePdf } from './notice-pdf.ts';

type Listed = NonNullable<Awaited<ReturnType<typeof repo.findBill>>>;

export function toBill(r: { bill: repo.BillRow; accountNo: string; customerName: string }): TBill {
  const b = r.bill;
  return {
    id: b.id,
    enterpriseId: b.enterpriseId,
    customerId: b.customerId,
    accountNo: r.accountNo,
    customerName: r.customerName,
    sector: b.sector,
    period: b.period,
    billNo: b.billNo,
    kind: b.kind,
    correctsBillId: b.correctsBillId,
    periodFrom: b.periodFrom,
    periodTo: b.periodTo,
    startRegister: b.startRegister,
    endRegister: b.endRegister,
    volume: b.volume,
    estimated: b.estimated,
    amountFen: b.amountFen,
    runId: b.runId,
    note: b.note,
    issuedOn: b.issuedOn,
    createdAt: b.createdAt.toISOString(),
  };
}

const isRegulator = (actor: Actor) => actor.role === 'regulator';

/** What the regulator sees of a bill: the figures whole, the household's name masked (PIPL: minimum necessary). */
function masked(actor: Actor, bill: TBill): TBill {
  return isRegulator(actor) ? { ...bill, customerName: maskName(bill.customerName) } : bill;
}

function maskedFields(fields: Record<string, unknown>): Record<string, unknown> {
  const out = { ...fields };
  if (typeof out.accountName === 'string') out.accountName = maskName(out.accountName);
  if (typeof out.address === 'string') out.address = maskAddress(out.address);
  return out;
}

export class BillService {
  constructor(private readonly ctx: AppContext) {}

  async list(actor: Actor, q: TBillQuery) {
    const scope = enterpriseScope(actor, q.enterpriseId);
    // The regulator finds a bill by its number or account, never a household by name (PIPL: minimum necessary).
    const byName = !isRegulator(actor);
    const { rows, total } = await repo.listBills(this.ctx.database.db, { ...q, enterpriseId: scope, byName });
    return { items: rows.map((r) => masked(actor, toBill(r))), total };
  }

  /** The regulator's look at the household behind a bill, for a case it names; recorded in the audit trail. */
  async reveal(actor: Actor, id: string, reason: string) {
    const row = await this.load(actor, id);
    return this.ctx.database.db.transaction(async (tx) => {
      const notice = await repo.noticeOfBill(tx, id);
      const fields = notice?.fields ?? {};
      await appendAudit(tx, {
        actor,
        enterpriseId: row.bill.enterpriseId,
        action: 'bill.reveal',
        entity: 'bill',
        entityId: id,
        after: { reason, billNo: row.bill.billNo, fields: ['customerName', 'accountName', 'address'] },
      });
      return {
        customerName: row.customerName,
        accountName: typeof fields.accountName === 'string' ? fields.accountName : row.customerName,
        address: typeof fields.address === 'string' ? fields.address : '',
      };
    });
  }

  private async load(actor: Actor, id: string): Promise<Listed> {
    const row = await repo.findBill(this.ctx.database.db, id);
    const scope = enterpriseScope(actor);
    if (!row || (scope && scope !== row.bill.enterpriseId)) throw notFound('bill');
    return row;
  }

  async detail(actor: Actor, id: string) {
    const row = await this.load(actor, id);
    const { db } = this.ctx.database;
    const notice = await repo.noticeOfBill(db, id);
    const corrections = await repo.correctionsOf(db, id);
    const corrected = row.bill.correctsBillId ? await repo.findBill(db, row.bill.correctsBillId) : null;
    const extra = { accountNo: row.accountNo, customerName: row.customerName };
    const hide = isRegulator(actor);
    return {
      ...masked(actor, toBill(row)),
      identityMasked: hide,
      lines: row.bill.lines,
      notice: notice && {
        id: notice.id,
        billId: notice.billId,
        noticeNo: notice.noticeNo,
        issuedOn: notice.issuedOn,
        dueDate: notice.dueDate,
        fields: hide ? maskedFields(notice.fields) : notice.fields,
      },
      corrections: corrections.map((c) => ({
        ...masked(actor, toBill({ bill: c, ...extra })),
        lines: c.lines,
      })),
      corrects: corrected ? masked(actor, toBill(corrected)) : null,
      netAmountFen: row.bill.amountFen + corrections.reduce((s, c) => s + c.amountFen, 0),
    };
  }

  async noticePdf(actor: Actor, id: string): Promise<{ fileName: string; body: Buffer }> {
    const row = await this.load(actor, id);
    const notice = await repo.noticeOfBill(this.ctx.database.db, id);
    if (!notice) throw notFound('payment notice');
    const body = await renderNoticePdf({
      noticeNo: notice.noticeNo,
      billNo: row.bill.billNo,
      issuedOn: notice.issuedOn,
      dueDate: notice.dueDate,
      fields: isRegulator(actor) ? maskedFields(notice.fields) : notice.fields,
      lines: row.bill.lines,
    });
    return { fileName: `${notice.noticeNo}.pdf`, body };
  }

  /** Bills one account for one month, exactly as the run would (G-6.2.3–G-6.2.7); refusals name their reason. */
  async issue(actor: Actor, input: { customerId: string; period: string }) {
    const enterpriseId = writable(actor);
    // A month not yet over has no end reading: billing it would issue an estimate before its time.
    assertBillingMonthEnded(input.period, this.ctx.now());
    const plan = await buildPlanContext(this.ctx, {
      enterpriseId,
      period: input.period,
      runId: null,
      actorId: actor.id,
    });
    const out = await this.ctx.database.db.transaction(async (tx) => {
      const res = await billBatch(tx, plan, { afterId: null, limit: 1, onlyCustomerId: input.customerId });
      if (res.processed === 0) throw notFound('customer');
      const [skip] = res.samples;
      if (skip) {
        if (skip.reason === 'notice_incomplete') {
          throw domainError(
            'BILLING_NOTICE_INCOMPLETE',
            `缴费通知缺少必备内容（G-6.2.7）：${skip.detail ?? ''}`,
            `The payment notice lacks required fields (G-6.2.7): ${skip.detail ?? ''}`,
            { fields: (skip.detail ?? '').split(',') },
          );
        }
        const label = SKIP_REASONS[skip.reason];
        throw domainError(
          `BILLING_${skip.reason.toUpperCase()}`,
          `不能出账：${label.zh}`,
          `Cannot bill: ${label.en}`,
          skip,
        );
      }
      const billId = res.billIds[0]!;
      await appendAudit(tx, {
        actor,
        enterpriseId,
        action: 'bill.issue',
        entity: 'bill',
        entityId: billId,
        after: { period: input.period, customerId: input.customerId, corrected: res.corrected },
      });
      return billId;
    });
    return this.detail(actor, out);
  }

  /** A correction document for a regular bill (never an edit): reverses its lines and bills the corrected volume. */
  async correct(actor: Actor, id: string, input: { reason: string; endRegister: number }) {
    const row = await this.load(actor, id);
    const enterpriseId = writable(actor);
    if (row.bill.enterpriseId !== enterpriseId) throw forbidden();
    const bill = row.bill;
    if (bill.kind !== 'regular') {
      throw appError('BILLING_CORRECT_REGULAR_ONLY', {
        zh: '只能更正正常账单，更正单本身不能再更正。',
        en: 'Only a regular bill can be corrected; a correction is not corrected itself.',
      });
    }
    const plan = await buildPlanContext(this.ctx, {
      enterpriseId,
      period: bill.period,
      runId: null,
      actorId: actor.id,
    });
    const { db } = this.ctx.database;
    const newId = await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${'bill:' + id}))`);
      const previous = await repo.correctionsOf(tx, id);
      const last = previous.at(-1);
      const net = {
        endRegister: last?.endRegister ?? bill.endRegister ?? 0,
        volume: bill.volume + previous.reduce((s, c) => s + c.volume, 0),
        amountFen: bill.amountFen + previous.reduce((s, c) => s + c.amountFen, 0),
        lines: last ? last.lines.filter((l) => l.role === 'rebill') : bill.lines,
      };
      const start = bill.startRegister ?? 0;
      if (input.endRegister < start || input.endRegister === net.endRegister) {
        throw appError(
          'BILLING_CORRECTION_INVALID',
          {
            zh: `更正后的截止读数须不小于起始读数 ${start}，且与现读数 ${net.endRegister} 不同。`,
            en: `The corrected end register must be at least the start register ${start} and differ from ${net.endRegister}.`,
          },
          { field: 'endRegister' },
        );
      }
      const draft = buildCorrection({
        bill: { ...bill, ...net, startRegister: start },
        correctedEnd: input.endRegister,
        schedules: schedulesFor(plan, (await customerKind(tx, bill.customerId)) ?? ''),
        tierYearStartMonth: plan.tierYearStartMonth,
        tierUsedBefore: await tierUsedBefore(
          tx,
          bill.customerId,
          tierYearOf(bill.periodFrom as DateString, plan.tierYearStartMonth),
          bill.periodFrom,
        ),
        sequence: previous.length + 1,
        reason: input.reason,
        issuedOn: plan.issuedOn,
        runId: null,
        actorId: actor.id,
        id: randomUUID(),
      });
      const written = await insertBills(tx, [draft], []);
      if (!written.has(draft.id)) {
        throw appError('CONFLICT', {
          zh: '该账单正在被更正，请刷新。',
          en: 'This bill is being corrected; reload.',
        });
      }
      await appendAudit(tx, {
        actor,
        enterpriseId,
        action: 'bill.correct',
        entity: 'bill',
        entityId: draft.id,
        after: { corrects: id, reason: input.reason, amountFen: draft.amountFen, volume: draft.volume },
      });
      return draft.id;
    });
    return this.detail(actor, newId);
  }
}

function writable(actor: Actor): string {
  if (actor.role !== 'enterprise_admin' && actor.role !== 'billing_clerk') throw forbidden();
  return actor.enterpriseId;
}

async function customerKind(tx: Parameters<typeof tierUsedBefore>[0], customerId: string) {
  const res = (await tx.execute(
    sql`select kind from customers where id = ${customerId}::uuid`,
  )) as unknown as {
    rows: { kind: string }[];
  };
  return res.rows[0]?.kind;
}
