import { addDays, shanghaiMidnightUtc, type DateString } from '@ranre/domain';
import type { Actor } from '../../../core/actor.ts';
import type { AppContext } from '../../../core/context.ts';
import { appError, forbidden } from '../../../core/errors.ts';
import { enterpriseScope } from '../../../core/scope.ts';
import { appendAudit } from '../../platform/audit/audit.repository.ts';
import * as repo from './window-waits.repository.ts';
import type { TWaitEntry, TWaitImport, TWaitQuery } from './window-waits.schemas.ts';
import { readCallFile } from '../calls/call-rows.ts';
import { convertWaitSheet, isBadWait, type WaitRow } from './wait-rows.ts';

// G-12.4.1.2: waits sampled at a service point's windows. The average window wait (≤ 15 min, Table 1) is counted
// from these in evaluation (oversight/evaluation, indicator window_wait). Samples are kept as taken (append-only).

export class WindowWaitService {
  constructor(private readonly ctx: AppContext) {}

  private get db() {
    return this.ctx.database.db;
  }

  async record(actor: Actor, input: TWaitEntry) {
    if (actor.role !== 'enterprise_admin' && actor.role !== 'agent') throw forbidden();
    const points = await repo.servicePointsOf(this.db, actor.enterpriseId);
    if (!points.includes(input.servicePoint)) {
      throw appError(
        'VALIDATION_FAILED',
        {
          zh: `“${input.servicePoint}”不是本企业的服务网点`,
          en: `"${input.servicePoint}" is not one of the enterprise's service points`,
        },
        { field: 'servicePoint' },
      );
    }
    const now = this.ctx.now();
    const late = input.samples.findIndex((s) => new Date(s.arrivedAt) > now);
    if (late >= 0) {
      throw appError(
        'VALIDATION_FAILED',
        { zh: `第 ${late + 1} 条的取号时间晚于现在`, en: `Sample ${late + 1} arrived in the future` },
        { field: `samples.${late}.arrivedAt` },
      );
    }
    return this.db.transaction(async (tx) => {
      const rows = await repo.insertSamples(
        tx,
        input.samples.map((s) => ({
          enterpriseId: actor.enterpriseId,
          servicePoint: input.servicePoint,
          arrivedAt: new Date(s.arrivedAt),
          waitSeconds: Math.round(s.waitMinutes * 60),
          note: s.note,
          createdBy: actor.id,
          createdAt: now,
        })),
      );
      await appendAudit(tx, {
        actor,
        enterpriseId: actor.enterpriseId,
        action: 'window_wait.record',
        entity: 'window_wait',
        entityId: rows[0]!.id,
        after: { servicePoint: input.servicePoint, samples: rows.length },
      });
      return { recorded: rows.length };
    });
  }

  /** A file of sampled waits, checked row by row; the good rows are recorded unless it is a dry run. */
  async importFile(actor: Actor, input: TWaitImport) {
    if (actor.role !== 'enterprise_admin' && actor.role !== 'agent') throw forbidden();
    const sheet = await readCallFile(input.format, input.fileBase64);
    const points = await repo.servicePointsOf(this.db, actor.enterpriseId);
    const now = this.ctx.now();
    const rows = convertWaitSheet(sheet, points, now);
    const good = rows.filter((r): r is WaitRow => !isBadWait(r));
    const bad = rows.filter(isBadWait);
    let recorded = 0;
    if (!input.dryRun && good.length > 0) {
      recorded = await this.db.transaction(async (tx) => {
        const made = await repo.insertSamples(
          tx,
          good.map((g) => ({
            enterpriseId: actor.enterpriseId,
            servicePoint: g.servicePoint,
            arrivedAt: g.arrivedAt,
            waitSeconds: g.waitSeconds,
            note: g.note,
            createdBy: actor.id,
            createdAt: now,
          })),
        );
        await appendAudit(tx, {
          actor,
          enterpriseId: actor.enterpriseId,
          action: 'window_wait.import',
          entity: 'window_wait',
          entityId: made[0]!.id,
          after: { samples: made.length, badRows: bad.length },
        });
        return made.length;
      });
    }
    return { dryRun: input.dryRun, accepted: good.length, recorded, bad };
  }

  async list(actor: Actor, q: TWaitQuery) {
    const enterpriseId = enterpriseScope(actor, q.enterpriseId);
    const { rows, sampled, totalSeconds } = await repo.listSamples(
      this.db,
      {
        enterpriseId,
        start: q.from ? shanghaiMidnightUtc(q.from as DateString) : undefined,
        end: q.to ? shanghaiMidnightUtc(addDays(q.to as DateString, 1)) : undefined,
      },
      { limit: q.pageSize, offset: (q.page - 1) * q.pageSize },
    );
    return {
      items: rows.map((r) => ({
        id: r.id,
        enterpriseId: r.enterprise_id,
        servicePoint: r.service_point,
        arrivedAt: new Date(r.arrived_at).toISOString(),
        waitSeconds: Number(r.wait_seconds),
        note: r.note,
      })),
      total: sampled,
      page: q.page,
      pageSize: q.pageSize,
      summary: {
        sampled,
        averageMinutes: sampled === 0 ? null : Math.round((totalSeconds * 100) / (sampled * 60)) / 100,
      },
      servicePoints: enterpriseId ? await repo.servicePointsOf(this.db, enterpriseId) : [],
    };
  }
}
