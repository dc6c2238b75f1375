import {
  PATROL_ITEMS,
  hazardDeadline,
  patrolProblem,
  type HazardGrade,
  type WorkCalendar,
} from '@ranre/domain';
import type { Db } from '../../../db/client.ts';
import type { Actor } from '../../../core/actor.ts';
import type { AppContext } from '../../../core/context.ts';
import { appError, notFound } from '../../../core/errors.ts';
import { enterpriseScope } from '../../../core/scope.ts';
import { appendAudit } from '../../platform/audit/audit.repository.ts';
import { parseImage } from '../../service/workorders/attachments.service.ts';
import { HazardService, openHazard } from '../hazards/hazards.service.ts';
import * as repo from './patrols.repository.ts';
import type { TPatrolInput, TPatrolQuery } from './patrols.schemas.ts';

// G-5.11.10: a patrol of the network is recorded with its findings; each finding is a hazard of the ledger with its
// grade's deadline and its own file (一患一档); a major one is reported to the regulator's queue at once (openHazard,
// G-6.2.17). All in one transaction with the audit event; the phone's id makes a re-sent patrol one record.

const iso = (d: Date) => d.toISOString();
const out = (p: NonNullable<Awaited<ReturnType<typeof repo.patrolById>>>) => ({
  ...p,
  startedAt: iso(p.startedAt),
  endedAt: iso(p.endedAt),
});

/**
 * Appends a checked patrol inside `tx`: its findings become hazards (major ones reported at once), the audit event
 * written. Null when the id was recorded before. Used by the service and the demo seed.
 */
export async function appendPatrol(
  tx: Db,
  actor: Actor,
  input: TPatrolInput,
  patroller: { id: string; name: string },
  now: Date,
  calendar: WorkCalendar,
) {
  const endedAt = new Date(input.endedAt);
  const row = await repo.insertPatrol(tx, {
    id: input.id,
    enterpriseId: actor.enterpriseId,
    route: input.route,
    area: input.area,
    startedAt: new Date(input.startedAt),
    endedAt,
    patrollerId: patroller.id,
    patrollerName: patroller.name,
    note: input.note,
    findings: input.findings.length,
    createdBy: actor.id,
    createdAt: now,
  });
  if (!row) return null; // sent before: recorded once
  const hazardIds: string[] = [];
  for (const f of input.findings) {
    const h = await openHazard(tx, actor, {
      enterpriseId: actor.enterpriseId,
      customerId: null,
      recordId: null,
      patrolId: row.id,
      location: f.location,
      item: f.item,
      grade: f.grade as HazardGrade,
      responsible: f.responsible,
      description: f.description,
      photos: f.photos,
      foundAt: endedAt,
      noticeRefused: false,
      dueAt: hazardDeadline(f.grade as HazardGrade, endedAt, calendar),
    });
    hazardIds.push(h.id);
  }
  await appendAudit(tx, {
    actor,
    enterpriseId: actor.enterpriseId,
    action: 'patrol.recorded',
    entity: 'network_patrol',
    entityId: row.id,
    after: { route: input.route, area: input.area, findings: hazardIds.length, hazardIds },
  });
  return row;
}

export class PatrolService {
  constructor(private readonly ctx: AppContext) {}

  private get db() {
    return this.ctx.database.db;
  }

  items() {
    return { items: PATROL_ITEMS.map((i) => ({ ...i })) };
  }

  async record(actor: Actor, input: TPatrolInput) {
    const now = this.ctx.now();
    const startedAt = new Date(input.startedAt);
    const endedAt = new Date(input.endedAt);
    const problem = patrolProblem({ startedAt, endedAt }, now);
    if (problem) throw appError('PATROL_INVALID', problem, { field: 'endedAt' });
    for (const f of input.findings) for (const p of f.photos) parseImage(p);
    const patroller = input.patrollerId ? await repo.activeUser(this.db, input.patrollerId) : null;
    if (
      input.patrollerId &&
      (!patroller || patroller.enterpriseId !== actor.enterpriseId || !patroller.active)
    )
      throw appError(
        'PATROLLER_INVALID',
        { zh: '巡检人须为本企业在岗人员', en: 'The patroller must be an active login of this enterprise' },
        { field: 'patrollerId' },
      );
    const calendar = await this.ctx.calendar.current();
    await this.db.transaction((tx) =>
      appendPatrol(
        tx,
        actor,
        input,
        { id: patroller?.id ?? actor.id, name: patroller?.name ?? actor.displayName },
        now,
        calendar,
      ),
    );
    return this.get(actor, input.id);
  }

  async list(actor: Actor, q: TPatrolQuery) {
    const rows = await repo.listPatrols(this.db, {
      enterpriseId: enterpriseScope(actor, q.enterpriseId),
      ...(q.area ? { area: q.area } : {}),
      limit: q.limit,
    });
    return { items: rows.map(out) };
  }

  /** The patrol with its findings as hazards of the ledger (the regulator's copy masked like the ledger's). */
  async get(actor: Actor, id: string) {
    const row = await repo.patrolById(this.db, id);
    if (!row || (actor.role !== 'regulator' && row.enterpriseId !== actor.enterpriseId))
      throw notFound('patrol');
    const hazards = await new HazardService(this.ctx).ledger(actor, {
      patrolId: id,
      enterpriseId: actor.role === 'regulator' ? row.enterpriseId : undefined,
      limit: 100,
      offset: 0,
    });
    return { ...out(row), hazards: hazards.items };
  }
}
