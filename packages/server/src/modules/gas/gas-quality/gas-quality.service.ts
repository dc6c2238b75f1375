import { ENTERPRISE_KIND_SECTOR, toShanghaiDate, type ServiceEnterpriseKind } from '@ranre/domain';
import type { Actor } from '../../../core/actor.ts';
import type { AppContext } from '../../../core/context.ts';
import { appError, forbidden } from '../../../core/errors.ts';
import { enterpriseScope } from '../../../core/scope.ts';
import { appendAudit } from '../../platform/audit/audit.repository.ts';
import * as repo from './gas-quality.repository.ts';
import type { TGasQualityInput, TGasQualityReport } from './gas-quality.schemas.ts';

// G-5.1.8: a gas enterprise publishes the quality of the gas it supplies — type, composition, calorific value and
// supply pressure — from its tests. Each test is a new report (never edited); the public page shows the latest.

export class GasQualityService {
  constructor(private readonly ctx: AppContext) {}

  async list(actor: Actor, q: { enterpriseId?: string | undefined }) {
    const rows = await repo.listReports(this.ctx.database.db, enterpriseScope(actor, q.enterpriseId));
    return { items: rows.map(toReport) };
  }

  /** The latest report of an enterprise, for the public pages; null when none was published. */
  async latest(enterpriseId: string): Promise<TGasQualityReport | null> {
    const [row] = await repo.listReports(this.ctx.database.db, enterpriseId, 1);
    return row ? toReport(row) : null;
  }

  async publish(actor: Actor, input: TGasQualityInput): Promise<TGasQualityReport> {
    if (actor.role !== 'enterprise_admin') throw forbidden();
    if (ENTERPRISE_KIND_SECTOR[actor.enterpriseKind as ServiceEnterpriseKind] !== 'gas') {
      throw appError('GAS_QUALITY_NOT_GAS', {
        zh: '燃气质量信息由燃气经营企业公布（G-5.1.8）',
        en: 'Gas quality is published by gas enterprises (G-5.1.8)',
      });
    }
    const total = input.composition.reduce((s, c) => s + c.basisPoints, 0);
    if (total > 10000) {
      throw appError(
        'VALIDATION_FAILED',
        {
          zh: `各组分合计 ${total / 100}% 超过 100%`,
          en: `The components add up to ${total / 100} %, over 100 %`,
        },
        { field: 'composition' },
      );
    }
    const now = this.ctx.now();
    if (input.testedOn > toShanghaiDate(now)) {
      throw appError(
        'VALIDATION_FAILED',
        { zh: '检测日期不能晚于今天', en: 'The test date cannot be after today' },
        { field: 'testedOn' },
      );
    }
    return this.ctx.database.db.transaction(async (tx) => {
      const row = await repo.insertReport(tx, {
        ...input,
        enterpriseId: actor.enterpriseId,
        createdBy: actor.id,
        createdAt: now,
      });
      await appendAudit(tx, {
        actor,
        enterpriseId: actor.enterpriseId,
        action: 'gas_quality.publish',
        entity: 'gas_quality',
        entityId: row.id,
        after: { testedOn: input.testedOn, gasType: input.gasType },
      });
      return toReport(row);
    });
  }
}

function toReport(r: repo.GasQualityRow): TGasQualityReport {
  return {
    id: r.id,
    enterpriseId: r.enterpriseId,
    testedOn: String(r.testedOn).slice(0, 10),
    gasType: r.gasType,
    composition: r.composition,
    calorificKjPerM3: r.calorificKjPerM3,
    supplyPressurePa: r.supplyPressurePa,
    testedBy: r.testedBy,
    note: r.note,
    createdAt: r.createdAt.toISOString(),
  };
}
