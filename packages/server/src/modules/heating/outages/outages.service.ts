import { addDays, shanghaiMidnightUtc, type DateString } from '@ranre/domain';
import type { Actor } from '../../../core/actor.ts';
import type { AppContext } from '../../../core/context.ts';
import { appError, forbidden } from '../../../core/errors.ts';
import { enterpriseScope } from '../../../core/scope.ts';
import { appendAudit } from '../../platform/audit/audit.repository.ts';
import * as repo from './outages.repository.ts';
import type { TOutageInput, TOutageQuery } from './outages.schemas.ts';

// H-10.5.1, H-3.8: heating interruptions for the operation accident rate. Each names the communities cut off; their
// heated area is taken from the premises of the archive when recorded and kept with the outage, so the rate of a
// past season does not move when the archive changes later. The rate itself is an evaluation family
// (oversight/evaluation, indicator heating_accident_rate).

const WRITERS = new Set(['enterprise_admin', 'dispatcher']);

export class OutageService {
  constructor(private readonly ctx: AppContext) {}

  private get db() {
    return this.ctx.database.db;
  }

  async record(actor: Actor, input: TOutageInput) {
    if (!WRITERS.has(actor.role)) throw forbidden();
    const now = this.ctx.now();
    const startedAt = new Date(input.startedAt);
    const restoredAt = input.restoredAt ? new Date(input.restoredAt) : null;
    if (startedAt > now) {
      throw appError(
        'VALIDATION_FAILED',
        { zh: '停热开始时间晚于现在', en: 'The interruption starts in the future' },
        { field: 'startedAt' },
      );
    }
    if (restoredAt) this.checkRestore(startedAt, restoredAt, now);
    const names = [...new Set(input.communities)];
    const area = await repo.areaOf(this.db, actor.enterpriseId, names);
    const unknown = names.filter((c) => !area.found.includes(c));
    if (unknown.length > 0) {
      throw appError(
        'OUTAGE_AREA_UNKNOWN',
        {
          zh: `档案中没有这些小区的供热面积：${unknown.join('、')}`,
          en: `The archive has no heated area for: ${unknown.join(', ')}`,
        },
        { field: 'communities', details: { communities: unknown } },
      );
    }
    if (
      input.incidentId &&
      (await repo.incidentEnterprise(this.db, input.incidentId)) !== actor.enterpriseId
    ) {
      throw appError(
        'VALIDATION_FAILED',
        { zh: '关联的突发事件不存在', en: 'The incident named does not exist' },
        { field: 'incidentId' },
      );
    }
    return this.db.transaction(async (tx) => {
      const row = await repo.insert(tx, {
        enterpriseId: actor.enterpriseId,
        communities: names,
        heatedAreaM2: area.areaM2.toFixed(2),
        households: area.households,
        startedAt,
        restoredAt,
        restoredBy: restoredAt ? actor.id : null,
        companyCaused: input.companyCaused,
        cause: input.cause,
        incidentId: input.incidentId ?? null,
        createdBy: actor.id,
        createdAt: now,
      });
      await appendAudit(tx, {
        actor,
        enterpriseId: actor.enterpriseId,
        action: 'heating_outage.recorded',
        entity: 'heating_outage',
        entityId: row.id,
        after: {
          communities: names,
          heatedAreaM2: area.areaM2,
          startedAt: input.startedAt,
          restoredAt: input.restoredAt ?? null,
          companyCaused: input.companyCaused,
        },
      });
      return this.view(
        {
          id: row.id,
          enterprise_id: row.enterpriseId,
          communities: row.communities,
          heated_area_m2: row.heatedAreaM2,
          households: row.households,
          started_at: row.startedAt,
          restored_at: row.restoredAt,
          company_caused: row.companyCaused,
          cause: row.cause,
          incident_id: row.incidentId,
          created_at: row.createdAt,
        },
        now,
      );
    });
  }

  async restore(actor: Actor, id: string, at: string) {
    if (!WRITERS.has(actor.role)) throw forbidden();
    const now = this.ctx.now();
    return this.db.transaction(async (tx) => {
      const before = await repo.byId(tx, id);
      if (!before || before.enterprise_id !== actor.enterpriseId) {
        throw appError('NOT_FOUND', { zh: '没有该停热记录', en: 'No such interruption' });
      }
      if (before.restored_at) {
        throw appError('OUTAGE_ALREADY_RESTORED', {
          zh: '该停热已记录恢复供热',
          en: 'This interruption is already restored',
        });
      }
      const restoredAt = new Date(at);
      this.checkRestore(new Date(before.started_at), restoredAt, now);
      const row = (await repo.markRestored(tx, id, restoredAt, actor.id))!;
      await appendAudit(tx, {
        actor,
        enterpriseId: actor.enterpriseId,
        action: 'heating_outage.restored',
        entity: 'heating_outage',
        entityId: id,
        before: { restoredAt: null },
        after: { restoredAt: at },
      });
      return this.view(row, now);
    });
  }

  async list(actor: Actor, q: TOutageQuery) {
    const enterpriseId = enterpriseScope(actor, q.enterpriseId);
    const { total, rows } = await repo.list(
      this.db,
      {
        enterpriseId,
        ...(q.from ? { start: shanghaiMidnightUtc(q.from as DateString) } : {}),
        ...(q.to ? { end: shanghaiMidnightUtc(addDays(q.to as DateString, 1)) } : {}),
      },
      { limit: q.pageSize, offset: (q.page - 1) * q.pageSize },
    );
    const now = this.ctx.now();
    return { items: rows.map((r) => this.view(r, now)), total, page: q.page, pageSize: q.pageSize };
  }

  async communities(actor: Actor, enterpriseId?: string) {
    const scope = enterpriseScope(actor, enterpriseId) ?? actor.enterpriseId;
    return { items: await repo.communities(this.db, scope) };
  }

  private checkRestore(startedAt: Date, restoredAt: Date, now: Date) {
    if (restoredAt <= startedAt) {
      throw appError(
        'VALIDATION_FAILED',
        { zh: '恢复供热时间须晚于停热开始时间', en: 'Heating must be restored after it stopped' },
        { field: 'restoredAt' },
      );
    }
    if (restoredAt > now) {
      throw appError(
        'VALIDATION_FAILED',
        { zh: '恢复供热时间晚于现在', en: 'The restore is in the future' },
        { field: 'restoredAt' },
      );
    }
  }

  private view(r: repo.OutageRow, now: Date) {
    const start = new Date(r.started_at);
    const end = r.restored_at ? new Date(r.restored_at) : now;
    return {
      id: r.id,
      enterpriseId: r.enterprise_id,
      communities:
        typeof r.communities === 'string' ? (JSON.parse(r.communities) as string[]) : r.communities,
      heatedAreaM2: Number(r.heated_area_m2),
      households: Number(r.households),
      startedAt: start.toISOString(),
      restoredAt: r.restored_at ? new Date(r.restored_at).toISOString() : null,
      hours: Math.round(((end.getTime() - start.getTime()) / 3_600_000) * 100) / 100,
      companyCaused: Boolean(r.company_caused),
      cause: r.cause,
      incidentId: r.incident_id,
      createdAt: new Date(r.created_at).toISOString(),
    };
  }
}
