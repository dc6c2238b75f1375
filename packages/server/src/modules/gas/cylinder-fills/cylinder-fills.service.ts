import { addDays, checkFillScan, judgeFill, shanghaiMidnightUtc, toShanghaiDate } from '@ranre/domain';
import type { z } from 'zod';
import type { Actor } from '../../../core/actor.ts';
import type { AppContext } from '../../../core/context.ts';
import type { cylinderFills } from '../../../db/schema.ts';
import { appError, notFound, pgCode } from '../../../core/errors.ts';
import { enterpriseScope } from '../../../core/scope.ts';
import { appendAudit } from '../../platform/audit/audit.repository.ts';
import * as cylinderRepo from '../cylinders/cylinders.repository.ts';
import { assertBottledGas } from '../cylinders/cylinders.service.ts';
import * as repo from './cylinder-fills.repository.ts';
import type { ZFillInput, ZFillQuery, ZScanInput, ZScanResult } from './cylinder-fills.schemas.ts';

// G-7.1.6, G-7.1.14: a fill starts with a scan that refuses, with the reason, a cylinder the company may not fill
// (the domain's checkFillScan); every scan is kept, refusals too. After filling, the net weight against the rated
// fill and the leak test decide pass or hold; the rates of G-12.4.3.1 and G-12.4.3.2 are counted from these rows.

const day = (d: string | null) => (d == null ? null : String(d).slice(0, 10));

export class CylinderFillService {
  constructor(private readonly ctx: AppContext) {}

  async scan(actor: Actor, input: z.infer<typeof ZScanInput>): Promise<z.infer<typeof ZScanResult>> {
    assertBottledGas(actor);
    const now = this.ctx.now();
    const db = this.ctx.database.db;
    const row = await repo.factsByCode(db, input.code);
    const facts = row
      ? {
          enterpriseId: row.enterpriseId,
          nextInspectionOn: day(row.nextInspectionOn)!,
          scrapDueOn: day(row.scrapDueOn)!,
          lastInspectedOn: day(row.lastInspectedOn),
          lastTreatedOn: day(row.lastTreatedOn),
          scrappedOn: day(row.scrappedOn),
        }
      : null;
    const check = checkFillScan(facts, actor.enterpriseId, toShanghaiDate(now));
    // One statement writes the scan and its audit event (no BEGIN/COMMIT round trips on the line's hot path).
    const scanId = await repo.recordScan(
      db,
      {
        enterpriseId: actor.enterpriseId,
        code: input.code,
        // Another company's cylinder is named by its code only: the scan is ours, the cylinder is not.
        cylinderId: row && row.enterpriseId === actor.enterpriseId ? row.id : null,
        station: input.station,
        outcome: check.ok ? 'accepted' : 'refused',
        reason: check.ok ? null : check.reason,
        actorId: actor.id,
        scannedAt: now,
      },
      {
        actorName: actor.displayName,
        action: check.ok ? 'cylinder_fill.scan_accepted' : 'cylinder_fill.scan_refused',
      },
    );
    return {
      scanId,
      code: input.code,
      ok: check.ok,
      reason: check.ok ? null : check.reason,
      message: check.ok ? null : check.message,
      cylinder:
        check.ok && row
          ? {
              model: row.model,
              ratedFillG: row.ratedFillG,
              toleranceG: row.toleranceG,
              nextInspectionOn: day(row.nextInspectionOn)!,
              marking: row.marking,
            }
          : null,
    };
  }

  async fill(actor: Actor, input: z.infer<typeof ZFillInput>) {
    assertBottledGas(actor);
    const now = this.ctx.now();
    try {
      return await this.ctx.database.db.transaction(async (tx) => {
        const scan = await repo.scanById(tx, input.scanId);
        if (!scan || scan.enterpriseId !== actor.enterpriseId) throw notFound('scan');
        if (scan.outcome !== 'accepted' || !scan.cylinderId) {
          throw appError('CYLINDER_FILL_REFUSED', {
            zh: '该气瓶扫码未通过，不得充装（G-7.1.6）',
            en: 'This cylinder’s scan was refused: it may not be filled (G-7.1.6)',
          });
        }
        if (await repo.fillOfScan(tx, scan.id)) throw alreadyFilled();
        const cylinder = await cylinderRepo.byCodeForUpdate(tx, scan.code);
        if (!cylinder) throw notFound('cylinder');
        const judged = judgeFill({
          netWeightG: input.netWeightG,
          ratedFillG: cylinder.ratedFillG,
          toleranceG: cylinder.toleranceG,
          leakFree: input.leakFree,
        });
        const fill = await repo.insertFill(tx, {
          enterpriseId: actor.enterpriseId,
          cylinderId: cylinder.id,
          scanId: scan.id,
          station: scan.station,
          netWeightG: input.netWeightG,
          ratedFillG: cylinder.ratedFillG,
          toleranceG: cylinder.toleranceG,
          weightOk: judged.weightOk,
          leakFree: input.leakFree,
          outcome: judged.outcome,
          labelNo: judged.outcome === 'pass' ? (input.labelNo ?? null) : null,
          actorId: actor.id,
          filledAt: now,
        });
        await cylinderRepo.patchCylinder(tx, cylinder.id, {
          state: judged.outcome === 'pass' ? 'full' : 'held',
          lastFilledAt: now,
          lastNetWeightG: input.netWeightG,
        });
        const base = {
          enterpriseId: actor.enterpriseId,
          cylinderId: cylinder.id,
          at: now,
          place: scan.station,
          actorId: actor.id,
          actorName: actor.displayName,
          createdAt: now,
        };
        await cylinderRepo.insertEvents(tx, [
          { ...base, type: 'filled', details: { netWeightG: input.netWeightG, fillId: fill.id } },
          {
            ...base,
            type: 'checked',
            details: {
              outcome: judged.outcome,
              weightOk: judged.weightOk,
              leakFree: input.leakFree,
              deviationG: judged.deviationG,
              labelNo: fill.labelNo,
            },
          },
        ]);
        await appendAudit(tx, {
          actor,
          enterpriseId: actor.enterpriseId,
          action: 'cylinder_fill.record',
          entity: 'cylinder_fill',
          entityId: fill.id,
          after: { code: scan.code, netWeightG: input.netWeightG, outcome: judged.outcome },
        });
        return { ...toFill(fill, scan.code), reasons: judged.reasons };
      });
    } catch (err) {
      if (pgCode(err) === '23505') throw alreadyFilled();
      throw err;
    }
  }

  async report(actor: Actor, q: z.infer<typeof ZFillQuery>) {
    if (q.to < q.from) {
      throw appError(
        'VALIDATION_FAILED',
        { zh: '结束日期早于开始日期', en: 'The end is before the start' },
        {
          field: 'to',
        },
      );
    }
    const db = this.ctx.database.db;
    const w = {
      enterpriseId: enterpriseScope(actor, q.enterpriseId),
      start: shanghaiMidnightUtc(q.from),
      end: shanghaiMidnightUtc(addDays(q.to, 1)),
    };
    const [rates, fills, refused] = [
      await repo.fillRates(db, w),
      await repo.recentFills(db, w, q.limit),
      await repo.refusals(db, w, q.limit),
    ];
    return {
      rates,
      fills: fills.map((f) => toFill(f.fill, f.code)),
      refusals: refused.items.map((r) => ({
        id: r.id,
        code: r.code,
        station: r.station,
        reason: r.reason ?? '',
        scannedAt: r.scannedAt.toISOString(),
      })),
      refusalCounts: refused.counts,
    };
  }
}

function toFill(f: typeof cylinderFills.$inferSelect, code: string) {
  return {
    id: f.id,
    code,
    station: f.station,
    netWeightG: f.netWeightG,
    ratedFillG: f.ratedFillG,
    toleranceG: f.toleranceG,
    weightOk: f.weightOk,
    leakFree: f.leakFree,
    outcome: f.outcome as 'pass' | 'hold',
    labelNo: f.labelNo,
    filledAt: f.filledAt.toISOString(),
  };
}

function alreadyFilled() {
  return appError('CYLINDER_FILL_RECORDED', {
    zh: '这次扫码的充装已记录，请重新扫码',
    en: 'The fill of this scan is already recorded; scan again',
  });
}
