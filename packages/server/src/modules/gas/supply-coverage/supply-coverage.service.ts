import { bottledGasProblem, networkCondition, refusalProblem, type Messages } from '@ranre/domain';
import type { Actor } from '../../../core/actor.ts';
import type { AppContext } from '../../../core/context.ts';
import { appError } from '../../../core/errors.ts';
import { enterpriseScope } from '../../../core/scope.ts';
import type { Db } from '../../../db/client.ts';
import { appendAudit } from '../../platform/audit/audit.repository.ts';
import { findEnterprise } from '../../service/workorders/related.repository.ts';
import * as repo from './supply-coverage.repository.ts';
import type { TCoverageInput, TCoverageQuery } from './supply-coverage.schemas.ts';

// G-5.3.1, G-6.1.1, G-6.1.3: the supply conditions as data. A pipeline company states its coverage by community with
// the capacity; the connection order's refusal is checked against it (checkConnectionRefusal), and a bottled-gas
// account at a covered address is refused (G-7.1.1, checkBottledGasAddress).

const view = (r: repo.CoverageRow) => {
  const connected = Number(r.connected);
  return {
    id: Number(r.id),
    enterpriseId: r.enterprise_id,
    enterpriseName: r.enterprise_name,
    district: r.district,
    community: r.community,
    covered: r.covered,
    capacityHouseholds: r.capacity_households,
    connected,
    remaining:
      r.capacity_households === null || !r.covered ? null : Math.max(0, r.capacity_households - connected),
    note: r.note,
    statedAt: new Date(r.created_at).toISOString(),
  };
};

export class SupplyCoverageService {
  constructor(private readonly ctx: AppContext) {}

  private get db() {
    return this.ctx.database.db;
  }

  /** Coverage in force; the regulator reads every enterprise's (coverage by enterprise). */
  async list(actor: Actor, q: TCoverageQuery) {
    const rows = await repo.coverageInForce(this.db, {
      enterpriseId: enterpriseScope(actor, q.enterpriseId),
      ...(q.community ? { community: q.community } : {}),
    });
    return { items: rows.map(view) };
  }

  /** A new statement of a community's coverage (a change is a new row, the latest in force). */
  async state(actor: Actor, input: TCoverageInput) {
    const enterprise = await findEnterprise(this.db, actor.enterpriseId);
    if (enterprise?.kind !== 'pipeline_gas')
      throw appError('COVERAGE_NOT_PIPELINE', {
        zh: '只有管道燃气企业公布管网覆盖范围和供气能力',
        en: 'Only a pipeline gas company states network coverage and capacity',
      });
    const now = this.ctx.now();
    await this.db.transaction(async (tx) => {
      const before = await repo.latestOf(tx, actor.enterpriseId, input.community);
      const row = await repo.insertCoverage(tx, {
        enterpriseId: actor.enterpriseId,
        district: input.district,
        community: input.community,
        covered: input.covered,
        capacityHouseholds: input.covered ? input.capacityHouseholds : null,
        note: input.note,
        createdBy: actor.id,
        createdAt: now,
      });
      await appendAudit(tx, {
        actor,
        enterpriseId: actor.enterpriseId,
        action: 'supply_coverage.stated',
        entity: 'supply_coverage',
        entityId: String(row.id),
        before: before ? { covered: before.covered, capacityHouseholds: before.capacityHouseholds } : null,
        after: {
          community: input.community,
          covered: row.covered,
          capacityHouseholds: row.capacityHouseholds,
        },
      });
    });
    return this.list(actor, { community: input.community });
  }

  /** G-7.1.1: which pipeline companies cover a community. */
  async check(community: string) {
    return { community, pipelines: await repo.pipelinesCovering(this.db, community) };
  }
}

const refuse = (code: string, field: string, m: Messages) => {
  throw appError(code, m, { field, clause: 'G-6.1.3' });
};

/**
 * G-5.3.1, G-6.1.3: a pipeline connection's refusal names the condition not met, and one that contradicts the
 * published coverage (or an eligible application refused with none) is itself refused. Runs in the event's transaction.
 */
export async function checkConnectionRefusal(
  tx: Db,
  row: {
    enterpriseId: string;
    itemCode: string;
    address: string;
    premisesId: string | null;
    customerId: string | null;
  },
  event: { type: string; condition?: string | undefined; missingDocuments?: string[] | undefined },
) {
  if (event.type !== 'refused' || row.itemCode !== 'gas_connection') return;
  const community = await repo.communityOf(tx, row.premisesId, row.customerId);
  const facts = await repo.factsAt(tx, row.enterpriseId, { community, address: row.address });
  const problem = refusalProblem(event, facts);
  if (problem)
    refuse(networkCondition(facts).met ? 'CONNECTION_ELIGIBLE' : 'REFUSAL_CONDITION', 'condition', problem);
}

/** G-7.1.1: refuses a bottled-gas account at an address inside a pipeline company's coverage, naming it. */
export async function checkBottledGasAddress(
  tx: Db,
  customerKind: string,
  community: string | null | undefined,
) {
  if (customerKind !== 'bottled_gas' || !community) return;
  const problem = bottledGasProblem(await repo.pipelinesCovering(tx, community), community);
  if (problem) throw appError('PIPELINE_COVERED', problem, { field: 'community', clause: 'G-7.1.1' });
}
