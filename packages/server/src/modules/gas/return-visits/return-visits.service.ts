import { returnVisitProblem, returnVisitSchedule, toShanghaiDate } from '@ranre/domain';
import type { Actor } from '../../../core/actor.ts';
import type { AppContext } from '../../../core/context.ts';
import { appError, notFound } from '../../../core/errors.ts';
import { appendAudit } from '../../platform/audit/audit.repository.ts';
import { fieldError } from '../../service/workorders/order-write.ts';
import * as repo from './return-visits.repository.ts';
import type { TVisitInput } from './return-visits.schemas.ts';

// G-9.3.1: after an installation, the company visits the customer on a schedule (domain/appliances/return-visits.ts)
// and guides safe use; a visit is recorded with every point of advice given and the customer's answers.

export class ReturnVisitService {
  constructor(private readonly ctx: AppContext) {}

  async list(actor: Actor, onlyDue: boolean, orderId?: string) {
    const db = this.ctx.database.db;
    const today = toShanghaiDate(this.ctx.now());
    const done = await repo.installations(db, actor.enterpriseId, orderId);
    const visits = await repo.visitsOf(
      db,
      done.map((o) => o.id),
    );
    const items = done.map((o) => {
      const mine = visits.filter((v) => v.v.workOrderId === o.id);
      const recorded = mine.map((v) => String(v.v.dueOn).slice(0, 10));
      return {
        workOrderId: o.id,
        orderNo: o.order_no,
        customerName: o.caller_name,
        customerPhone: o.caller_phone,
        address: o.address,
        completedOn: o.completed_on,
        visits: returnVisitSchedule(o.completed_on, recorded, today).map((s) => {
          const v = mine.find((x) => String(x.v.dueOn).slice(0, 10) === s.dueOn);
          return {
            ...s,
            channel: v?.v.channel ?? null,
            advice: v?.v.advice ?? [],
            answers: v?.v.answers ?? null,
            visitedAt: v ? v.v.visitedAt.toISOString() : null,
            visitedBy: v ? (v.by ?? '') : null,
          };
        }),
      };
    });
    return { items: onlyDue ? items.filter((i) => i.visits.some((v) => v.state === 'due')) : items };
  }

  async record(actor: Actor, orderId: string, input: TVisitInput) {
    const problem = returnVisitProblem(input.advice, input.answers);
    if (problem) fieldError('RETURN_VISIT_INCOMPLETE', 'advice', problem, { clause: 'G-9.3.1' });
    const current = (await this.list(actor, false, orderId)).items[0];
    if (!current) throw notFound('completed installation');
    const slot = current.visits.find((v) => v.dueOn === input.dueOn);
    if (!slot) {
      fieldError('RETURN_VISIT_NOT_SCHEDULED', 'dueOn', {
        zh: `${input.dueOn} 不是这次安装的回访日期（${current.visits.map((v) => v.dueOn).join('、')}）`,
        en: `${input.dueOn} is not a return visit date of this installation (${current.visits.map((v) => v.dueOn).join(', ')})`,
      });
    }
    const now = this.ctx.now();
    await this.ctx.database.db.transaction(async (tx) => {
      const row = await repo.insertVisit(tx, {
        enterpriseId: actor.enterpriseId,
        workOrderId: orderId,
        dueOn: input.dueOn,
        channel: input.channel,
        advice: input.advice,
        answers: input.answers,
        visitedAt: now,
        createdBy: actor.id,
      });
      if (!row) {
        throw appError('RETURN_VISIT_RECORDED', {
          zh: `${input.dueOn} 的回访已记录`,
          en: `The return visit of ${input.dueOn} is already recorded`,
        });
      }
      await appendAudit(tx, {
        actor,
        enterpriseId: actor.enterpriseId,
        action: 'appliance_return_visit.create',
        entity: 'work_order',
        entityId: orderId,
        after: { dueOn: input.dueOn, channel: input.channel },
      });
    });
    return (await this.list(actor, false, orderId)).items[0]!;
  }
}
