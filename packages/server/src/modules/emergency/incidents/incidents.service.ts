import { isLargeOutage, maskAddress, missingAftermath, raisedLevel, type IncidentLevel } from '@ranre/domain';
import type { Actor } from '../../../core/actor.ts';
import type { AppContext } from '../../../core/context.ts';
import { appError, forbidden, notFound } from '../../../core/errors.ts';
import { enterpriseScope } from '../../../core/scope.ts';
import { appendAudit } from '../../platform/audit/audit.repository.ts';
import { sectorOf } from '../duty/duty.service.ts';
import * as repo from './incidents.repository.ts';
import type { TIncidentEvent, TIncidentInput } from './incidents.schemas.ts';

// Incidents affecting supply (G-5.12.7–G-5.12.9, H-6.4.5.3, H-6.4.5.5, H-6.4.6): the level raised by the domain for
// key areas, holidays (the calendar), major events and sensitive cases, or set by hand; a timeline of appended
// events; a large outage reported to the regulator at once; an urgent entry with the customer unreachable only
// with the police notified; closed only after investigation, cause, measures and the plan's revision.

const REGULATOR = { zh: '燃气/供热主管部门', en: 'the gas / heating authority' };

export class IncidentService {
  constructor(private readonly ctx: AppContext) {}

  private get db() {
    return this.ctx.database.db;
  }

  async list(actor: Actor, q: { enterpriseId?: string | undefined; open?: 'true' | 'false' | undefined }) {
    const rows = await repo.list(this.db, enterpriseScope(actor, q.enterpriseId), q.open === 'true');
    const events = await repo.eventsOf(
      this.db,
      rows.map((r) => r.id),
    );
    return {
      items: rows.map((r) =>
        view(
          r,
          events.filter((e) => e.incidentId === r.id),
        ),
      ),
    };
  }

  async detail(actor: Actor, id: string) {
    const row = await repo.find(this.db, id, enterpriseScope(actor));
    if (!row) throw notFound('incident');
    return detailView(actor, row, await repo.eventsOf(this.db, [id]));
  }

  async open(actor: Actor, input: TIncidentInput) {
    if (!['enterprise_admin', 'dispatcher'].includes(actor.role) || !sectorOf(actor.enterpriseKind))
      throw forbidden();
    const now = this.ctx.now();
    const occurredAt = new Date(input.occurredAt);
    if (occurredAt > now) {
      throw appError(
        'VALIDATION_FAILED',
        { zh: '发生时间不能晚于现在', en: 'It cannot have happened in the future' },
        { field: 'occurredAt' },
      );
    }
    const { level, reasons } = raisedLevel({
      base: input.baseLevel as IncidentLevel,
      occurredAt,
      keyArea: input.keyArea,
      majorEvent: input.majorEvent,
      sensitive: input.sensitive,
      calendar: await this.ctx.calendar.current(),
    });
    const large = isLargeOutage(input.customersAffected);
    return this.db.transaction(async (tx) => {
      const row = await repo.insert(tx, {
        enterpriseId: actor.enterpriseId,
        title: input.title,
        area: input.area,
        occurredAt,
        baseLevel: input.baseLevel,
        level,
        raiseReasons: reasons,
        customersAffected: input.customersAffected,
        heatedAreaM2: input.heatedAreaM2 ?? null,
        companyCaused: input.companyCaused ?? null,
        regulatorReportedAt: large ? now : null,
        createdBy: actor.id,
        createdAt: now,
      });
      const by = { at: now, actorId: actor.id, actorName: actor.displayName, incidentId: row.id };
      await repo.appendEvents(tx, [
        { ...by, type: 'opened', data: { ...input } },
        ...(reasons.length > 0
          ? [{ ...by, type: 'level_raised', data: { from: input.baseLevel, to: level, reasons } }]
          : []),
        // G-5.12.7: a large outage is reported to the authority at once.
        ...(large
          ? [{ ...by, type: 'regulator_reported', data: { to: REGULATOR.zh, automatic: true } }]
          : []),
      ]);
      await appendAudit(tx, {
        actor,
        enterpriseId: actor.enterpriseId,
        action: 'incident.open',
        entity: 'incident',
        entityId: row.id,
        after: { title: input.title, level, large },
      });
      return detailView(actor, row, await repo.eventsOf(tx, [row.id]));
    });
  }

  async act(actor: Actor, id: string, body: { version: number; event: TIncidentEvent }) {
    if (!['enterprise_admin', 'dispatcher'].includes(actor.role)) throw forbidden();
    const now = this.ctx.now();
    const e = body.event;
    return this.db.transaction(async (tx) => {
      const row = await repo.find(tx, id, enterpriseScope(actor), true);
      if (!row) throw notFound('incident');
      if (row.version !== body.version) {
        throw appError('VERSION_CONFLICT', {
          zh: '事件已被他人更新，请刷新',
          en: 'The incident was changed meanwhile; reload it',
        });
      }
      if (row.closedAt) throw appError('INCIDENT_CLOSED', { zh: '事件已结案', en: 'The incident is closed' });
      const events = await repo.eventsOf(tx, [id]);
      const set: Partial<repo.IncidentRow> = { version: row.version + 1 };
      if (e.type === 'level_set') set.level = e.level;
      if (e.type === 'customers_told') set.customersTold = row.customersTold + e.count;
      if (e.type === 'regulator_reported') set.regulatorReportedAt = row.regulatorReportedAt ?? now;
      if (e.type === 'urgent_entry' && e.customerUnreachable && !(e.policeNotifiedAt && e.policeStation)) {
        throw appError('INCIDENT_POLICE_REQUIRED', {
          zh: '用户无法联系而紧急入户的，须记录报警时间和派出所（G-5.12.7）',
          en: 'An urgent entry with the customer unreachable needs the police notification time and station (G-5.12.7)',
        });
      }
      if (e.type === 'restored') {
        const at = new Date(e.at);
        if (at < row.occurredAt || at > now) {
          throw appError(
            'VALIDATION_FAILED',
            {
              zh: '恢复时间须在发生之后且不晚于现在',
              en: 'Restored after it happened and not in the future',
            },
            { field: 'event.at' },
          );
        }
        set.restoredAt = at;
      }
      if (e.type === 'closed') {
        const missing = missingAftermath(events.map((x) => x.type));
        if (missing.length > 0) {
          throw appError(
            'INCIDENT_AFTERMATH_MISSING',
            {
              zh: '结案前须记录调查、原因、防范措施和预案修订（G-5.12.9）；先行抢修的，还须事后备案并告知新闻媒体（H-6.4.5.3）',
              en: 'Record the investigation, cause, measures and plan revision before closing (G-5.12.9); after a repair done first, also its filing and the news media told (H-6.4.5.3)',
            },
            { missing },
          );
        }
        set.closedAt = now;
      }
      await repo.update(tx, id, set);
      const { type, ...data } = e;
      await repo.appendEvents(tx, [
        { incidentId: id, type, data, at: now, actorId: actor.id, actorName: actor.displayName },
      ]);
      await appendAudit(tx, {
        actor,
        enterpriseId: row.enterpriseId,
        action: `incident.${type}`,
        entity: 'incident',
        entityId: id,
        after: { type },
      });
      return detailView(actor, { ...row, ...set }, await repo.eventsOf(tx, [id]));
    });
  }
}

function view(r: repo.IncidentRow, events: repo.IncidentEventRow[]) {
  return {
    id: r.id,
    enterpriseId: r.enterpriseId,
    title: r.title,
    area: r.area,
    occurredAt: r.occurredAt.toISOString(),
    baseLevel: r.baseLevel,
    level: r.level,
    raiseReasons: r.raiseReasons,
    customersAffected: r.customersAffected,
    customersTold: r.customersTold,
    heatedAreaM2: r.heatedAreaM2,
    companyCaused: r.companyCaused,
    regulatorReportedAt: r.regulatorReportedAt?.toISOString() ?? null,
    restoredAt: r.restoredAt?.toISOString() ?? null,
    closedAt: r.closedAt?.toISOString() ?? null,
    version: r.version,
    missingAftermath: missingAftermath(events.map((e) => e.type)),
    createdAt: r.createdAt.toISOString(),
  };
}

function detailView(actor: Actor, r: repo.IncidentRow, events: repo.IncidentEventRow[]) {
  return {
    ...view(r, events),
    events: events.map((e) => ({
      id: e.id,
      type: e.type,
      // The regulator reads across enterprises with personal data masked.
      data:
        actor.role === 'regulator' && typeof e.data.address === 'string'
          ? { ...e.data, address: maskAddress(e.data.address) }
          : e.data,
      at: e.at.toISOString(),
      actorName: e.actorName,
    })),
  };
}
