import {
  findingStatus,
  inDeveloperMaintenance,
  maintenancePlanProblem,
  toShanghaiDate,
  type MaintenanceCommitment,
} from '@ranre/domain';
import type { z } from 'zod';
import type { Actor } from '../../../core/actor.ts';
import type { AppContext } from '../../../core/context.ts';
import { appError, forbidden, notFound } from '../../../core/errors.ts';
import { enterpriseScope } from '../../../core/scope.ts';
import { appendAudit } from '../../platform/audit/audit.repository.ts';
import { seasonsOf } from '../../emergency/duty/duty.repository.ts';
import * as repo from './operations.repository.ts';
import type { TCheckInput, TCommitmentInput, ZCloseFinding, ZPlanInput } from './operations.schemas.ts';

// Heating operations (issue 20). H-6.3.1: patrols and inspections of heating facilities, each finding handled to
// closure. H-6.3.2: the annual maintenance plan in the non-heating season, reported to the authority. H-6.1.7: a newly
// connected community's maintenance commitment filed by the developer (shown to residents on the public page), or the
// property company recorded as inheriting it; H-9.6.3 reads it when a claim is opened.

const HEATING_KINDS = new Set(['heating', 'heating_reseller']);

export class HeatingOperationsService {
  constructor(private readonly ctx: AppContext) {}

  private get db() {
    return this.ctx.database.db;
  }

  private writer(actor: Actor) {
    const role = actor.role === 'enterprise_admin' || actor.role === 'dispatcher';
    if (!role || !HEATING_KINDS.has(actor.enterpriseKind)) throw forbidden();
  }

  async checks(actor: Actor, q: { enterpriseId?: string | undefined }) {
    const rows = await repo.listChecks(this.db, enterpriseScope(actor, q.enterpriseId));
    const findings = await repo.findingsOf(
      this.db,
      rows.map((r) => r.id),
    );
    const today = toShanghaiDate(this.ctx.now());
    return {
      items: rows.map((r) =>
        checkView(
          r,
          findings.filter((f) => f.checkId === r.id),
          today,
        ),
      ),
    };
  }

  async recordCheck(actor: Actor, input: TCheckInput) {
    this.writer(actor);
    const today = toShanghaiDate(this.ctx.now());
    if (input.checkedOn > today) {
      throw appError(
        'VALIDATION_FAILED',
        { zh: '巡检日期不能晚于今天', en: 'A check cannot be dated after today' },
        { field: 'checkedOn' },
      );
    }
    const early = input.findings.findIndex((f) => f.dueOn < input.checkedOn);
    if (early >= 0) {
      throw appError(
        'VALIDATION_FAILED',
        { zh: '隐患处理期限不能早于巡检日期', en: 'A finding cannot be due before the check' },
        { field: `findings.${early}.dueOn` },
      );
    }
    return this.db.transaction(async (tx) => {
      const row = await repo.insertCheck(tx, {
        enterpriseId: actor.enterpriseId,
        kind: input.kind,
        facility: input.facility,
        checkedOn: input.checkedOn,
        checkedBy: input.checkedBy,
        note: input.note,
        createdBy: actor.id,
        createdAt: this.ctx.now(),
      });
      await repo.insertFindings(
        tx,
        input.findings.map((f) => ({ ...f, checkId: row.id, enterpriseId: actor.enterpriseId })),
      );
      await appendAudit(tx, {
        actor,
        enterpriseId: actor.enterpriseId,
        action: 'heating_check.record',
        entity: 'heating_facility_check',
        entityId: row.id,
        after: { kind: input.kind, facility: input.facility, findings: input.findings.length },
      });
      return checkView(row, await repo.findingsOf(tx, [row.id]), today);
    });
  }

  /** H-6.3.1: a finding is closed once, with what was done; the check it belongs to is returned. */
  async closeFinding(actor: Actor, id: string, input: z.infer<typeof ZCloseFinding>) {
    this.writer(actor);
    const now = this.ctx.now();
    const today = toShanghaiDate(now);
    return this.db.transaction(async (tx) => {
      const f = await repo.lockFinding(tx, id);
      if (!f || f.enterpriseId !== actor.enterpriseId) throw notFound('finding');
      if (f.closedAt) {
        throw appError('FINDING_CLOSED', { zh: '该隐患已处理关闭', en: 'The finding is already closed' });
      }
      if (input.closedOn > today) {
        throw appError(
          'VALIDATION_FAILED',
          { zh: '关闭日期不能晚于今天', en: 'A finding cannot be closed after today' },
          { field: 'closedOn' },
        );
      }
      await repo.closeFinding(tx, id, {
        closedOn: input.closedOn,
        closure: input.closure,
        closedBy: actor.id,
        closedAt: now,
      });
      await appendAudit(tx, {
        actor,
        enterpriseId: actor.enterpriseId,
        action: 'heating_finding.close',
        entity: 'heating_check_finding',
        entityId: id,
        after: { closedOn: input.closedOn },
      });
      const [check] = (await repo.listChecks(tx, actor.enterpriseId)).filter((c) => c.id === f.checkId);
      return checkView(check!, await repo.findingsOf(tx, [f.checkId]), today);
    });
  }

  async plans(actor: Actor, q: { enterpriseId?: string | undefined }) {
    return { items: (await repo.listPlans(this.db, enterpriseScope(actor, q.enterpriseId))).map(planView) };
  }

  async addPlan(actor: Actor, input: z.infer<typeof ZPlanInput>) {
    this.writer(actor);
    const problem = maintenancePlanProblem(input, await seasonsOf(this.db, actor.enterpriseId));
    if (problem) throw appError('MAINTENANCE_IN_SEASON', problem, { field: 'startsOn' });
    return this.db.transaction(async (tx) => {
      const row = await repo.insertPlan(tx, {
        ...input,
        enterpriseId: actor.enterpriseId,
        createdBy: actor.id,
        createdAt: this.ctx.now(),
      });
      if (!row) {
        throw appError('MAINTENANCE_PLAN_EXISTS', {
          zh: `${input.year} 年度检修计划已录入`,
          en: `The ${input.year} maintenance plan is already recorded`,
        });
      }
      await appendAudit(tx, {
        actor,
        enterpriseId: actor.enterpriseId,
        action: 'heating_maintenance_plan.add',
        entity: 'heating_maintenance_plan',
        entityId: row.id,
        after: { year: input.year, items: input.items.length },
      });
      return planView(row);
    });
  }

  /** H-6.3.2: the plan is reported to the heating authority once; the regulator reads it with the time. */
  async reportPlan(actor: Actor, id: string, reportedTo: string) {
    this.writer(actor);
    const now = this.ctx.now();
    return this.db.transaction(async (tx) => {
      const row = await repo.lockPlan(tx, id);
      if (!row || row.enterpriseId !== actor.enterpriseId) throw notFound('plan');
      if (row.reportedAt) {
        throw appError('MAINTENANCE_PLAN_REPORTED', {
          zh: '该计划已报告',
          en: 'The plan is already reported',
        });
      }
      await repo.reportPlan(tx, id, reportedTo, now);
      await appendAudit(tx, {
        actor,
        enterpriseId: actor.enterpriseId,
        action: 'heating_maintenance_plan.report',
        entity: 'heating_maintenance_plan',
        entityId: id,
        after: { reportedTo },
      });
      return planView({ ...row, reportedTo, reportedAt: now });
    });
  }

  async commitments(actor: Actor, q: { enterpriseId?: string | undefined }) {
    const rows = await repo.listCommitments(this.db, enterpriseScope(actor, q.enterpriseId));
    const today = toShanghaiDate(this.ctx.now());
    const seen = new Set<string>();
    return {
      items: rows.map((r) => {
        const key = `${r.enterpriseId}|${r.community}`;
        const superseded = seen.has(key);
        seen.add(key);
        return commitmentView(r, today, superseded);
      }),
    };
  }

  async fileCommitment(actor: Actor, input: TCommitmentInput) {
    this.writer(actor);
    // H-6.1.7: a developer files its commitment with its period; without one the property company inherits the duty.
    if (input.party === 'developer' && !input.endsOn) {
      throw appError(
        'VALIDATION_FAILED',
        { zh: '建设单位维保承诺须写明维保期限', en: 'A developer’s commitment needs the end of its period' },
        { field: 'endsOn' },
      );
    }
    if (input.endsOn && input.endsOn < input.connectedOn) {
      throw appError(
        'VALIDATION_FAILED',
        { zh: '维保期限不能早于入网日期', en: 'The period cannot end before the connection' },
        { field: 'endsOn' },
      );
    }
    return this.db.transaction(async (tx) => {
      const row = await repo.insertCommitment(tx, {
        ...input,
        endsOn: input.party === 'developer' ? input.endsOn! : null,
        enterpriseId: actor.enterpriseId,
        createdBy: actor.id,
        createdAt: this.ctx.now(),
      });
      await appendAudit(tx, {
        actor,
        enterpriseId: actor.enterpriseId,
        action: 'maintenance_commitment.file',
        entity: 'maintenance_commitment',
        entityId: row.id,
        after: { community: input.community, party: input.party, endsOn: row.endsOn },
      });
      return commitmentView(row, toShanghaiDate(this.ctx.now()), false);
    });
  }

  /** H-6.1.7: the commitments in force, as the public enterprise page shows them to residents. */
  async publicCommitments(enterpriseId: string) {
    const rows = await repo.listCommitments(this.db, enterpriseId);
    const seen = new Set<string>();
    return rows
      .filter((r) => !seen.has(r.community) && seen.add(r.community))
      .map((r) => ({
        community: r.community,
        party: r.party as MaintenanceCommitment['party'],
        partyName: r.partyName,
        partyPhone: r.partyPhone,
        endsOn: r.endsOn,
        terms: r.terms,
      }));
  }
}

/** H-9.6.3: whether the developer maintains the community's facilities on `day`, from its commitment in force. */
export async function developerMaintains(
  db: AppContext['database']['db'],
  enterpriseId: string,
  community: string,
  day: string,
): Promise<{ known: boolean; applies: boolean }> {
  const row = await repo.commitmentOf(db, enterpriseId, community);
  if (!row) return { known: false, applies: false };
  return { known: true, applies: inDeveloperMaintenance(asCommitment(row), day) };
}

const asCommitment = (r: repo.CommitmentRow): MaintenanceCommitment => ({
  party: r.party as MaintenanceCommitment['party'],
  partyName: r.partyName,
  endsOn: r.endsOn,
});

function checkView(r: repo.CheckRow, findings: repo.FindingRow[], today: string) {
  return {
    id: r.id,
    enterpriseId: r.enterpriseId,
    kind: r.kind,
    facility: r.facility,
    checkedOn: r.checkedOn,
    checkedBy: r.checkedBy,
    note: r.note,
    findings: findings.map((f) => ({
      id: f.id,
      text: f.text,
      severity: f.severity,
      dueOn: f.dueOn,
      closedOn: f.closedOn,
      closure: f.closure,
      status: findingStatus(f, today),
    })),
    createdAt: r.createdAt.toISOString(),
  };
}

function planView(r: repo.PlanRow) {
  return {
    id: r.id,
    enterpriseId: r.enterpriseId,
    year: r.year,
    startsOn: r.startsOn,
    endsOn: r.endsOn,
    items: r.items,
    reportedTo: r.reportedTo,
    reportedAt: r.reportedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  };
}

function commitmentView(r: repo.CommitmentRow, today: string, superseded: boolean) {
  return {
    id: r.id,
    enterpriseId: r.enterpriseId,
    community: r.community,
    connectedOn: r.connectedOn,
    party: r.party as MaintenanceCommitment['party'],
    partyName: r.partyName,
    partyPhone: r.partyPhone,
    endsOn: r.endsOn,
    terms: r.terms,
    developerMaintainsToday: !superseded && inDeveloperMaintenance(asCommitment(r), today),
    superseded,
    createdAt: r.createdAt.toISOString(),
  };
}
