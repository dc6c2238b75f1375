import {
  DAY_MS,
  ENTERPRISE_KIND_SECTOR,
  onDutyAt,
  rosterGaps,
  shanghaiMidnightUtc,
  type DutySector,
  type ServiceEnterpriseKind,
} from '@ranre/domain';
import type { Actor } from '../../../core/actor.ts';
import type { AppContext } from '../../../core/context.ts';
import { appError, forbidden, notFound } from '../../../core/errors.ts';
import { enterpriseScope } from '../../../core/scope.ts';
import type { Db } from '../../../db/client.ts';
import { appendAudit } from '../../platform/audit/audit.repository.ts';
import * as repo from './duty.repository.ts';
import type { TShift, TShiftInput } from './duty.schemas.ts';

// Duty rosters (G-4.2.2, H-4.2.2, G-5.12.3, H-6.4.3, H-7.3.1): shifts of the 24 h hotline and the rush-repair
// crew with their people (from the staff registry), vehicles, equipment and phone. Gaps are found by the domain
// (rosterGaps), shown with the roster and alerted by the watcher before they start.

/** A shift is at most a day long: a longer one is a typing mistake, not a duty arrangement. */
const MAX_SHIFT_MS = DAY_MS;

export function sectorOf(kind: string): DutySector | null {
  return ENTERPRISE_KIND_SECTOR[kind as ServiceEnterpriseKind] ?? null;
}

export async function shiftViews(db: Db, rows: repo.ShiftRow[]): Promise<TShift[]> {
  const people = new Map(
    (await repo.staffByIds(db, [...new Set(rows.flatMap((r) => r.staffIds))])).map((s) => [s.id, s]),
  );
  return rows.map((r) => ({
    id: r.id,
    enterpriseId: r.enterpriseId,
    kind: r.kind as TShift['kind'],
    startsAt: r.startsAt.toISOString(),
    endsAt: r.endsAt.toISOString(),
    people: r.staffIds.flatMap((id) => {
      const s = people.get(id);
      return s ? [{ id, name: s.name, post: s.post }] : [];
    }),
    vehicles: r.vehicles,
    equipment: r.equipment,
    phone: r.phone,
    note: r.note,
    createdAt: r.createdAt.toISOString(),
  }));
}

/** The gaps of each enterprise's roster within [from, to) (G-4.2.2, H-4.2.2, G-5.12.3, H-6.4.3). */
export async function gapsOf(
  db: Db,
  enterprise: { id: string; kind: string },
  rows: repo.ShiftRow[],
  from: Date,
  to: Date,
) {
  const sector = sectorOf(enterprise.kind);
  if (!sector) return [];
  const seasons = sector === 'heating' ? await repo.seasonsOf(db, enterprise.id) : [];
  const shifts = rows
    .filter((r) => r.enterpriseId === enterprise.id)
    .map((r) => ({
      kind: r.kind as TShift['kind'],
      startsAt: r.startsAt,
      endsAt: r.endsAt,
      people: r.staffIds.length,
    }));
  return rosterGaps({ sector, shifts, from, to, seasons }).map((g) => ({
    ...g,
    enterpriseId: enterprise.id,
  }));
}

export class DutyService {
  constructor(private readonly ctx: AppContext) {}

  private get db() {
    return this.ctx.database.db;
  }

  /** The roster from a day for some days, with its gaps. */
  async roster(actor: Actor, q: { from: string; days: number; enterpriseId?: string | undefined }) {
    const scope = enterpriseScope(actor, q.enterpriseId);
    const from = shanghaiMidnightUtc(q.from);
    const to = new Date(from.getTime() + q.days * DAY_MS);
    const rows = await repo.shiftsOverlapping(this.db, scope, from, to);
    const enterprises = scope
      ? await repo.enterprisesByIds(this.db, [scope])
      : (await repo.allEnterprises(this.db)).filter((e) => sectorOf(e.kind));
    const gaps = [];
    for (const e of enterprises) gaps.push(...(await gapsOf(this.db, e, rows, from, to)));
    return {
      shifts: await shiftViews(this.db, rows),
      gaps: gaps.map((g) => ({ ...g, startsAt: g.startsAt.toISOString(), endsAt: g.endsAt.toISOString() })),
    };
  }

  async createShift(actor: Actor, input: TShiftInput): Promise<TShift> {
    if (actor.role !== 'enterprise_admin' && actor.role !== 'dispatcher') throw forbidden();
    if (!sectorOf(actor.enterpriseKind)) throw forbidden();
    const startsAt = new Date(input.startsAt);
    const endsAt = new Date(input.endsAt);
    if (endsAt <= startsAt || endsAt.getTime() - startsAt.getTime() > MAX_SHIFT_MS) {
      throw appError(
        'VALIDATION_FAILED',
        {
          zh: '班次须在开始之后结束，且不超过24小时',
          en: 'A shift must end after it starts and last at most 24 hours',
        },
        { field: 'endsAt' },
      );
    }
    const staffIds = [...new Set(input.staffIds)];
    const found = await repo.staffByIds(this.db, staffIds);
    const unknown = staffIds.filter(
      (id) => !found.some((s) => s.id === id && s.enterpriseId === actor.enterpriseId && s.active),
    );
    if (unknown.length > 0) {
      throw appError(
        'DUTY_STAFF_UNKNOWN',
        {
          zh: '值班人员须为本企业在册在岗人员',
          en: 'People on duty must be active staff of this enterprise',
        },
        { staffIds: unknown },
      );
    }
    return this.db.transaction(async (tx) => {
      const row = await repo.insertShift(tx, {
        enterpriseId: actor.enterpriseId,
        kind: input.kind,
        startsAt,
        endsAt,
        staffIds,
        vehicles: input.vehicles,
        equipment: input.equipment,
        phone: input.phone,
        note: input.note,
        createdBy: actor.id,
        createdAt: this.ctx.now(),
      });
      await appendAudit(tx, {
        actor,
        enterpriseId: actor.enterpriseId,
        action: 'duty_shift.create',
        entity: 'duty_shift',
        entityId: row.id,
        after: { kind: input.kind, startsAt: input.startsAt, endsAt: input.endsAt, people: staffIds.length },
      });
      const [view] = await shiftViews(tx, [row]);
      return view!;
    });
  }

  /** G-5.12.3, H-6.4.3: who is on duty at a moment — the people an urgent order may be sent to. */
  async onDuty(actor: Actor, q: { at?: string | undefined; kind?: TShift['kind'] | undefined }) {
    const at = q.at ? new Date(q.at) : this.ctx.now();
    const rows = await repo.shiftsOverlapping(
      this.db,
      enterpriseScope(actor),
      at,
      new Date(at.getTime() + 1),
    );
    const on = onDutyAt(
      rows.map((r) => ({ ...r, kind: r.kind as TShift['kind'], people: r.staffIds.length })),
      at,
      q.kind,
    );
    return { at: at.toISOString(), shifts: await shiftViews(this.db, on) };
  }

  /** G-5.12.3: the 24 h phones published on the enterprise's public page — those answered now or next. */
  async publicPhones(enterpriseId: string): Promise<string[]> {
    const now = this.ctx.now();
    const rows = await repo.shiftsOverlapping(this.db, enterpriseId, now, new Date(now.getTime() + DAY_MS));
    return [...new Set(rows.filter((r) => r.staffIds.length > 0).map((r) => r.phone))];
  }

  async alerts(
    actor: Actor,
    q: { unacknowledged?: 'true' | 'false' | undefined; enterpriseId?: string | undefined },
  ) {
    const rows = await repo.listAlerts(
      this.db,
      enterpriseScope(actor, q.enterpriseId),
      q.unacknowledged === 'true',
    );
    return { items: rows.map(alertView) };
  }

  async acknowledge(actor: Actor, id: number) {
    const now = this.ctx.now();
    return this.db.transaction(async (tx) => {
      const row = await repo.lockAlert(tx, id, enterpriseScope(actor));
      if (!row) throw notFound('alert');
      if (row.acknowledgedAt) return alertView(row);
      await repo.acknowledgeAlert(tx, id, actor.id, now);
      await appendAudit(tx, {
        actor,
        enterpriseId: row.enterpriseId,
        action: 'emergency_alert.ack',
        entity: 'emergency_alert',
        entityId: String(id),
        after: { key: row.key },
      });
      return alertView({ ...row, acknowledgedAt: now });
    });
  }
}

function alertView(r: repo.AlertRow) {
  return {
    id: r.id,
    enterpriseId: r.enterpriseId,
    kind: r.kind,
    clause: r.clause,
    dueAt: r.dueAt.toISOString(),
    messages: r.message,
    createdAt: r.createdAt.toISOString(),
    acknowledgedAt: r.acknowledgedAt?.toISOString() ?? null,
  };
}
