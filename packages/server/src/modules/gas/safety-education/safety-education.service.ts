import { safetyEducationCoverage, toShanghaiDate } from '@ranre/domain';
import type { Actor } from '../../../core/actor.ts';
import type { AppContext } from '../../../core/context.ts';
import { appError, notFound } from '../../../core/errors.ts';
import { appendAudit } from '../../platform/audit/audit.repository.ts';
import * as repo from './safety-education.repository.ts';
import type { TSafetyEducationInput } from './safety-education.schemas.ts';

// G-5.10.1, G-5.10.6: who got the safety handbook and what was explained to them, recorded each time (at
// connection, at an inspection, at a delivery, at a counter), and what is still missing for the customer.

export class SafetyEducationService {
  constructor(private readonly ctx: AppContext) {}

  async of(actor: Actor, customerId: string) {
    await this.visible(actor, customerId);
    const rows = await repo.recordsOf(this.ctx.database.db, customerId);
    const records = rows.map(({ r, givenBy }) => ({
      id: r.id,
      occasion: r.occasion,
      handbookGiven: r.handbookGiven,
      topics: r.topics,
      givenOn: String(r.givenOn).slice(0, 10),
      note: r.note,
      givenBy: givenBy ?? '',
      createdAt: r.createdAt.toISOString(),
    }));
    return { records, coverage: safetyEducationCoverage(records) };
  }

  async record(actor: Actor, customerId: string, input: TSafetyEducationInput) {
    const enterpriseId = await this.visible(actor, customerId);
    if (actor.role === 'regulator') throw notFound('customer');
    const now = this.ctx.now();
    if (input.givenOn > toShanghaiDate(now)) {
      throw appError(
        'VALIDATION_FAILED',
        { zh: '宣传日期不能晚于今天', en: 'The date cannot be after today' },
        { field: 'givenOn' },
      );
    }
    if (!input.handbookGiven && input.topics.length === 0) {
      throw appError(
        'VALIDATION_FAILED',
        { zh: '请勾选发放手册或讲解的内容', en: 'Tick the handbook or the items explained' },
        { field: 'topics' },
      );
    }
    await this.ctx.database.db.transaction(async (tx) => {
      const row = await repo.insertRecord(tx, {
        ...input,
        topics: [...new Set(input.topics)],
        enterpriseId,
        customerId,
        createdBy: actor.id,
        createdAt: now,
      });
      await appendAudit(tx, {
        actor,
        enterpriseId,
        action: 'safety_education.create',
        entity: 'safety_education',
        entityId: row.id,
        after: {
          customerId,
          occasion: input.occasion,
          handbookGiven: input.handbookGiven,
          topics: input.topics,
        },
      });
    });
    return this.of(actor, customerId);
  }

  /** The customer's enterprise, if the actor may see it; another enterprise's customer answers as not found. */
  private async visible(actor: Actor, customerId: string): Promise<string> {
    const enterpriseId = await repo.customerEnterprise(this.ctx.database.db, customerId);
    if (!enterpriseId || (actor.role !== 'regulator' && actor.enterpriseId !== enterpriseId)) {
      throw notFound('customer');
    }
    return enterpriseId;
  }
}
