import { refundDates, refundOverdue, toShanghaiDate } from '@ranre/domain';
import { eq } from 'drizzle-orm';
import { heatingRefunds, ledgerEntries } from '../../../db/schema.ts';
import type { Actor } from '../../../core/actor.ts';
import type { AppContext } from '../../../core/context.ts';
import { appError } from '../../../core/errors.ts';
import { enterpriseScope } from '../../../core/scope.ts';
import { appendAudit } from '../../platform/audit/audit.repository.ts';
import { versionConflict } from '../../platform/enterprises/enterprises.service.ts';
import { customerWithArea } from '../disputes/disputes.repository.ts';
import { assertHeatingWriter, ownRow } from '../seasons/heating-access.ts';
import * as seasons from '../seasons/seasons.repository.ts';
import * as repo from './refunds.repository.ts';
import type { TRefundInput, TRefundSettle } from './refunds.schemas.ts';

const REFUND = { zh: '退费', en: 'refund' };

export class HeatingRefundService {
  constructor(private readonly ctx: AppContext) {}

  private get db() {
    return this.ctx.database.db;
  }

  /** Refunds with their H-5.5.2 dates: due (the committed date), latest lawful day, days left, overdue. */
  async list(actor: Actor, q: { enterpriseId?: string; status?: repo.RefundRow['status'] }) {
    const today = toShanghaiDate(this.ctx.now());
    const rows = await repo.listRefunds(this.db, {
      enterpriseId: enterpriseScope(actor, q.enterpriseId),
      status: q.status,
    });
    return rows.map(({ r, ...x }) => {
      const settled = r.status !== 'pending';
      const daysLeft = Math.round((Date.parse(r.committedOn) - Date.parse(today)) / 86_400_000);
      return {
        ...r,
        ...x,
        dueOn: r.committedOn,
        daysLeft,
        overdue: refundOverdue(r.committedOn, today, settled),
        settledLate: settled && r.settledOn !== null && r.settledOn > r.committedOn,
      };
    });
  }

  /** H-5.5.2: a refund is registered with a committed date no later than two months after the season ends. */
  async create(actor: Actor, input: TRefundInput) {
    assertHeatingWriter(actor);
    const season = ownRow(actor, await seasons.seasonById(this.db, input.seasonId), '供热期 / season');
    const customer = ownRow(actor, await customerWithArea(this.db, input.customerId), '客户 / customer');
    const dates = refundDates(season.endsOn, input.committedOn, await this.ctx.calendar.current());
    return this.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(heatingRefunds)
        .values({
          enterpriseId: actor.enterpriseId,
          customerId: customer.id,
          seasonId: season.id,
          refundNo: await repo.nextRefundNo(tx, actor.enterpriseId, season.period),
          cause: input.cause,
          reason: input.reason,
          amountFen: input.amountFen,
          committedOn: input.committedOn,
          latestOn: dates.latest,
          method: input.method,
          createdBy: actor.id,
        })
        .returning();
      await appendAudit(tx, {
        actor,
        enterpriseId: actor.enterpriseId,
        action: 'heating_refund.create',
        entity: 'heating_refund',
        entityId: row!.id,
        after: row,
      });
      return row!;
    });
  }

  /**
   * H-7.2.5: the refund is paid to the customer, or offset against the next season — a ledger credit (adjustment
   * < 0, ref 'heating_refund') on the account, named after the next season of the same area, which must exist.
   */
  async settle(actor: Actor, id: string, input: TRefundSettle) {
    assertHeatingWriter(actor);
    const today = toShanghaiDate(this.ctx.now());
    return this.db.transaction(async (tx) => {
      const before = ownRow(actor, await repo.refundById(tx, id, true), REFUND.zh);
      if (before.version !== input.version) throw versionConflict(REFUND, before.version, input.version);
      if (before.status !== 'pending') {
        throw appError('HEATING_REFUND_SETTLED', {
          zh: '该退费已办结',
          en: 'This refund is already settled',
        });
      }
      const season = (await seasons.seasonById(tx, before.seasonId))!;
      let offsetSeasonId: string | null = null;
      if (input.method === 'offset') {
        const next = await seasons.nextSeasonOf(tx, season);
        if (!next) {
          throw appError('HEATING_NEXT_SEASON_MISSING', {
            zh: '尚未设置下一供热期，无法冲抵；请先新建下一供热期或改为退款',
            en: 'The next season is not set up, so nothing to offset against; create it first or pay the refund',
          });
        }
        offsetSeasonId = next.id;
        await tx.insert(ledgerEntries).values({
          enterpriseId: before.enterpriseId,
          customerId: before.customerId,
          sector: 'heating',
          kind: 'adjustment',
          amountFen: -before.amountFen,
          refType: 'heating_refund',
          refId: before.id,
          reason: `H-7.2.5 ${season.period} 退费冲抵 ${next.period} 热费 / refund offset against ${next.period}`,
          bookedOn: today,
          createdBy: actor.id,
        });
      }
      const [row] = await tx
        .update(heatingRefunds)
        .set({
          method: input.method,
          status: input.method === 'offset' ? 'offset' : 'paid',
          settledOn: today,
          offsetSeasonId,
          settledBy: actor.id,
          version: before.version + 1,
          updatedAt: this.ctx.now(),
        })
        .where(eq(heatingRefunds.id, id))
        .returning();
      await appendAudit(tx, {
        actor,
        enterpriseId: before.enterpriseId,
        action: 'heating_refund.settle',
        entity: 'heating_refund',
        entityId: id,
        before,
        after: row,
      });
      return row!;
    });
  }
}
