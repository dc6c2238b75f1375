import {
  cessationClause,
  cessationDeadlines,
  cessationNoticeOverdue,
  cessationStatus,
  judgeCessationFiling,
  judgeCessationStep,
  toShanghaiDate,
  type CessationClause,
  type CessationStep,
} from '@ranre/domain';
import type { Actor } from '../../../core/actor.ts';
import type { AppContext } from '../../../core/context.ts';
import { appError, forbidden, notFound } from '../../../core/errors.ts';
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { appendAudit } from '../../platform/audit/audit.repository.ts';
import { fieldError } from '../../service/workorders/order-write.ts';
import { findEnterprise } from '../../service/workorders/related.repository.ts';
import * as repo from './cessations.repository.ts';
import type { TCessationInput, TDecisionInput } from './cessations.schemas.ts';

// G-6.2.14: a pipeline gas company ceasing or suspending business applies to the gas authority 90 working days
// ahead, and tells its customers, with the arrangements for their supply, once the authority agrees.
// G-9.3.2: an appliance installation and repair company tells its customers in advance and arranges what it still
// owes them (open orders, warranties in force). The filing keeps what it was filed with (the deadlines from the
// working calendar, what was open); approval or refusal, the customers' notice and a withdrawal are appended steps.
// The customers are told by SMS through the outbox; the regulator sees every filing and decides the pipeline ones.

type ListRow = Awaited<ReturnType<typeof repo.listCessations>>[number];
type StepRows = Awaited<ReturnType<typeof repo.stepsOf>>;

function view(row: ListRow, steps: StepRows, today: string) {
  const { c } = row;
  const own = steps.filter((s) => s.s.cessationId === c.id);
  const clause = c.clause as CessationClause;
  const status = cessationStatus(
    clause,
    own.map((s) => s.s.step as CessationStep),
  );
  const notifyBy = String(c.notifyBy).slice(0, 10);
  return {
    id: c.id,
    enterpriseId: c.enterpriseId,
    enterpriseName: row.enterpriseName,
    clause,
    service: c.service,
    ceasesOn: String(c.ceasesOn).slice(0, 10),
    applyBy: c.applyBy ? String(c.applyBy).slice(0, 10) : null,
    notifyBy,
    reason: c.reason,
    arrangements: c.arrangements,
    successor: c.successor,
    successorPhone: c.successorPhone,
    openOrders: c.openOrders,
    openWarranties: c.openWarranties,
    customers: c.customers,
    filedBy: row.filedBy ?? '',
    filedAt: c.filedAt.toISOString(),
    status,
    noticeOverdue: cessationNoticeOverdue(status, notifyBy, today),
    steps: own.map((s) => ({
      step: s.s.step as CessationStep,
      note: s.s.note,
      notices: s.s.notices,
      by: s.by ?? '',
      at: s.s.at.toISOString(),
    })),
  };
}

export class CessationService {
  constructor(private readonly ctx: AppContext) {}

  private get db() {
    return this.ctx.database.db;
  }

  async list(actor: Actor) {
    if (actor.role !== 'regulator' && actor.role !== 'enterprise_admin') throw forbidden();
    const rows = await repo.listCessations(this.db, actor.role === 'regulator' ? null : actor.enterpriseId);
    const steps = await repo.stepsOf(
      this.db,
      rows.map((r) => r.c.id),
    );
    const today = toShanghaiDate(this.ctx.now());
    return { items: rows.map((r) => view(r, steps, today)) };
  }

  private async one(db: Db, id: string) {
    const [row] = await repo.listCessations(db, null, id);
    if (!row) throw notFound('cessation');
    return view(row, await repo.stepsOf(db, [id]), toShanghaiDate(this.ctx.now()));
  }

  private async clauseOf(enterpriseId: string): Promise<CessationClause> {
    const enterprise = await findEnterprise(this.db, enterpriseId);
    const clause = enterprise ? cessationClause(enterprise.kind) : null;
    if (!clause) {
      throw appError('CESSATION_NO_CLAUSE', {
        zh: '停业、歇业的申报只适用于管道燃气企业（G-6.2.14）和燃气具安装维修企业（G-9.3.2）',
        en: 'Filing a cessation applies to pipeline gas (G-6.2.14) and appliance companies (G-9.3.2)',
      });
    }
    return clause;
  }

  /** The deadlines and what is open, before filing. */
  async preview(actor: Actor, ceasesOn: string) {
    if (actor.role !== 'enterprise_admin') throw forbidden();
    const clause = await this.clauseOf(actor.enterpriseId);
    const today = toShanghaiDate(this.ctx.now());
    const deadlines = cessationDeadlines(clause, ceasesOn, await this.ctx.calendar.current());
    return { clause, today, ...deadlines, ...(await repo.openCounts(this.db, actor.enterpriseId, today)) };
  }

  async file(actor: Actor, input: TCessationInput) {
    if (actor.role !== 'enterprise_admin') throw forbidden();
    const clause = await this.clauseOf(actor.enterpriseId);
    const now = this.ctx.now();
    const today = toShanghaiDate(now);
    const deadlines = cessationDeadlines(clause, input.ceasesOn, await this.ctx.calendar.current());
    const id = await this.db.transaction(async (tx) => {
      // One open filing at a time: the enterprise row is locked while the check and the insert run.
      await tx.execute(sqlLockEnterprise(actor.enterpriseId));
      if (await repo.openCessationOf(tx, actor.enterpriseId)) {
        fieldError('CESSATION_OPEN', 'ceasesOn', {
          zh: '已有一份停业申报在办理中；如需改期，请先撤回',
          en: 'A cessation is already filed; withdraw it first to change the date',
        });
      }
      const counts = await repo.openCounts(tx, actor.enterpriseId, today);
      const refusal = judgeCessationFiling({
        clause,
        deadlines,
        today,
        successor: input.successor,
        ...counts,
      });
      if (refusal) fieldError(refusal.code, refusal.field, refusal.messages, { clause, ...deadlines });
      const row = await repo.insertCessation(tx, {
        enterpriseId: actor.enterpriseId,
        clause,
        ...input,
        ...deadlines,
        ...counts,
        filedBy: actor.id,
        filedAt: now,
      });
      await appendAudit(tx, {
        actor,
        enterpriseId: actor.enterpriseId,
        action: 'business_cessation.create',
        entity: 'business_cessation',
        entityId: row.id,
        after: { clause, ceasesOn: input.ceasesOn, ...deadlines, ...counts },
      });
      return row.id;
    });
    return this.one(this.db, id);
  }

  /** G-6.2.14: the gas authority agrees or refuses. */
  async decide(actor: Actor, id: string, input: TDecisionInput) {
    if (actor.role !== 'regulator') throw forbidden();
    if (input.decision === 'rejected' && input.note.length < 2) {
      fieldError('REASON_REQUIRED', 'note', {
        zh: '不同意停业须写明理由',
        en: 'A refusal gives its reason',
      });
    }
    return this.step(actor, id, input.decision, input.note);
  }

  async withdraw(actor: Actor, id: string) {
    if (actor.role !== 'enterprise_admin') throw forbidden();
    return this.step(actor, id, 'withdrawn', '');
  }

  /** The customers are told: one SMS per phone through the outbox, with the date and the arrangements. */
  async notify(actor: Actor, id: string) {
    if (actor.role !== 'enterprise_admin') throw forbidden();
    return this.step(actor, id, 'customers_notified', '');
  }

  private async step(actor: Actor, id: string, step: CessationStep, note: string) {
    const now = this.ctx.now();
    const today = toShanghaiDate(now);
    await this.db.transaction(async (tx) => {
      const c = await repo.lockCessation(tx, id);
      if (!c || (actor.role !== 'regulator' && c.enterpriseId !== actor.enterpriseId))
        throw notFound('cessation');
      const clause = c.clause as CessationClause;
      const done = (await repo.stepsOf(tx, [id])).map((s) => s.s.step as CessationStep);
      const ceasesOn = String(c.ceasesOn).slice(0, 10);
      const refusal = judgeCessationStep(clause, done, step, today, ceasesOn);
      if (refusal) fieldError(refusal.code, refusal.field, refusal.messages, { clause, step });
      let notices = 0;
      if (step === 'customers_notified') {
        const enterprise = await findEnterprise(tx, c.enterpriseId);
        const what = c.service ? `停止“${c.service}”服务` : '停业';
        const whatEn = c.service ? `stops “${c.service}”` : 'ceases business';
        const takeover = c.successor
          ? `未完成的工单和在保期内的保修由${c.successor}${c.successorPhone ? `（${c.successorPhone}）` : ''}承接。`
          : '';
        const takeoverEn = c.successor
          ? ` Open orders and warranties are taken over by ${c.successor}${c.successorPhone ? ` (${c.successorPhone})` : ''}.`
          : '';
        // A pipeline company tells every customer: the messages go into the outbox a thousand rows per statement.
        const messages = (await repo.recipients(tx, c.enterpriseId, clause, today)).map((r) => ({
          enterpriseId: c.enterpriseId,
          customerId: r.customerId,
          channel: 'sms' as const,
          kind: 'business_cessation',
          recipient: r.phone,
          subject: `${enterprise?.name ?? ''}${what}告知`,
          body: `【${enterprise?.name ?? ''}】尊敬的${r.name}：本公司自 ${ceasesOn} 起${what}。${c.arrangements}${takeover}咨询电话 ${enterprise?.hotline ?? ''}。`,
          bodyEn: `${enterprise?.name ?? ''} ${whatEn} from ${ceasesOn}. ${c.arrangements}${takeoverEn} Hotline ${enterprise?.hotline ?? ''}.`,
          refType: 'business_cessation',
          refId: c.id,
          dedupeKey: `business_cessation:${c.id}:${r.phone}`,
        }));
        for (let i = 0; i < messages.length; i += 1000) {
          notices += await repo.queueNotices(tx, messages.slice(i, i + 1000));
        }
      }
      const row = await repo.insertStep(tx, {
        cessationId: id,
        step,
        note,
        notices,
        byUser: actor.id,
        at: now,
      });
      if (!row)
        fieldError('CESSATION_STEP_DONE', 'step', { zh: '该步骤已完成', en: 'This step is already done' });
      await appendAudit(tx, {
        actor,
        enterpriseId: c.enterpriseId,
        action: `business_cessation.${step}`,
        entity: 'business_cessation',
        entityId: id,
        after: { step, note, notices },
      });
    });
    return this.one(this.db, id);
  }
}

function sqlLockEnterprise(enterpriseId: string) {
  return sql`select id from enterprises where id = ${enterpriseId} for update`;
}
