import { toShanghaiDate } from '@ranre/domain';
import { heatMeterDisputes } from '../../../db/schema.ts';
import type { Actor } from '../../../core/actor.ts';
import type { AppContext } from '../../../core/context.ts';
import { appError, notFound } from '../../../core/errors.ts';
import { enterpriseScope } from '../../../core/scope.ts';
import { appendAudit } from '../../platform/audit/audit.repository.ts';
import { versionConflict } from '../../platform/enterprises/enterprises.service.ts';
import { assertHeatingWriter, ownRow } from '../seasons/heating-access.ts';
import * as seasons from '../seasons/seasons.repository.ts';
import * as repo from './disputes.repository.ts';
import { resolveDispute } from './resolve.ts';
import type { TDisputeInput, TDisputeResolve } from './disputes.schemas.ts';

const DISPUTE = { zh: '热计量表异议', en: 'heat-meter dispute' };

export class HeatMeterDisputeService {
  constructor(private readonly ctx: AppContext) {}

  private get db() {
    return this.ctx.database.db;
  }

  async list(actor: Actor, enterpriseId?: string) {
    const rows = await repo.listDisputes(this.db, enterpriseScope(actor, enterpriseId));
    return rows.map((r) => ({
      ...r.d,
      customerName: r.customerName,
      accountNo: r.accountNo,
      meterSerial: r.meterSerial,
    }));
  }

  /** H-7.2.4: either party disputes the meter's accuracy for a period within the season. */
  async create(actor: Actor, input: TDisputeInput) {
    assertHeatingWriter(actor);
    const today = toShanghaiDate(this.ctx.now());
    const season = ownRow(actor, await seasons.seasonById(this.db, input.seasonId), '供热期 / season');
    const customer = ownRow(actor, await repo.customerWithArea(this.db, input.customerId), '客户 / customer');
    if (input.meterId) {
      const meter = await repo.meterById(this.db, input.meterId);
      if (!meter || meter.customerId !== customer.id || meter.sector !== 'heat')
        throw notFound('热计量表 / heat meter');
    }
    if (
      input.disputeFrom > input.disputeTo ||
      input.disputeFrom < season.startsOn ||
      input.disputeTo > season.endsOn
    ) {
      throw appError(
        'HEAT_METER_DISPUTE_PERIOD_INVALID',
        {
          zh: `争议起止日须在供热期 ${season.startsOn} 至 ${season.endsOn} 内且起日不晚于止日`,
          en: `The disputed period must lie within the season ${season.startsOn} – ${season.endsOn}, from not after to`,
        },
        { field: 'disputeFrom' },
      );
    }
    return this.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(heatMeterDisputes)
        .values({
          enterpriseId: actor.enterpriseId,
          customerId: customer.id,
          meterId: input.meterId ?? null,
          seasonId: season.id,
          disputedBy: input.disputedBy,
          raisedOn: input.raisedOn ?? today,
          disputeFrom: input.disputeFrom,
          disputeTo: input.disputeTo,
          description: input.description,
          createdBy: actor.id,
        })
        .returning();
      await appendAudit(tx, {
        actor,
        enterpriseId: actor.enterpriseId,
        action: 'heat_meter_dispute.create',
        entity: 'heat_meter_dispute',
        entityId: row!.id,
        after: row,
      });
      return row!;
    });
  }

  /** H-7.2.4: records the verification result and its consequences (resolve.ts), once. */
  async resolve(actor: Actor, id: string, input: TDisputeResolve) {
    assertHeatingWriter(actor);
    return this.db.transaction(async (tx) => {
      const before = ownRow(actor, await repo.disputeById(tx, id, true), DISPUTE.zh);
      if (before.version !== input.version) throw versionConflict(DISPUTE, before.version, input.version);
      if (before.status !== 'open') {
        throw appError('HEAT_METER_DISPUTE_CLOSED', {
          zh: '该异议已处理',
          en: 'This dispute is already resolved',
        });
      }
      return resolveDispute(tx, actor, before, input, this.ctx.now());
    });
  }
}
