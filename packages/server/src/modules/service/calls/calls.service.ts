import {
  DEFAULT_ANSWER_THRESHOLD_SECONDS,
  addDays,
  callProblems,
  shanghaiMidnightUtc,
  type DateString,
} from '@ranre/domain';
import type { Actor } from '../../../core/actor.ts';
import type { AppContext } from '../../../core/context.ts';
import { appError, forbidden } from '../../../core/errors.ts';
import { enterpriseScope } from '../../../core/scope.ts';
import { appendAudit } from '../../platform/audit/audit.repository.ts';
import {
  CALL_HEADER,
  convertCallRow,
  mapCallHeader,
  readCallFile,
  type BadRow,
  type CallRow,
} from './call-rows.ts';
import * as repo from './calls.repository.ts';
import type {
  TCallImport,
  TCallIntakeResult,
  TCallPush,
  TCallQuery,
  TThresholdInput,
} from './calls.schemas.ts';

// Call records (G-12.4.1.1, H-3.13; G-5.5.2 every call is recorded): the call centre's calls arrive as its export
// (CSV/Excel, per-row errors as the customer import) or pushed in batches; the call centre's call id makes both
// idempotent. The connection rate counts them in evaluation (oversight/evaluation) against the enterprise's
// "answered in time" threshold, which is data here with the moment it takes effect.

const WRITERS = new Set(['enterprise_admin', 'agent']);

const iso = (v: string | Date | null) => (v === null ? null : new Date(v).toISOString());
const sameTime = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);

export class CallService {
  constructor(private readonly ctx: AppContext) {}

  private get db() {
    return this.ctx.database.db;
  }

  async importFile(actor: Actor, input: TCallImport): Promise<TCallIntakeResult> {
    this.assertWriter(actor);
    const sheet = await readCallFile(input.format, input.fileBase64);
    const keys = mapCallHeader(sheet.header);
    const now = this.ctx.now();
    const converted = sheet.rows
      .map((cells, i) => ({ cells, row: sheet.rowNumbers[i]! }))
      .filter((r) => r.cells.some((c) => c.trim() !== ''))
      .map((r) => convertCallRow(r.cells, keys, r.row, now));
    return this.intake(actor, converted, 'import', input.dryRun);
  }

  /** The call centre's push: a batch of calls; `row` in a refusal is the call's position in the batch from 1. */
  async push(actor: Actor, input: TCallPush): Promise<TCallIntakeResult> {
    this.assertWriter(actor);
    const now = this.ctx.now();
    const converted = input.calls.map((c, i): CallRow | BadRow => {
      const call = {
        rangAt: new Date(c.rangAt),
        answeredAt: c.answeredAt ? new Date(c.answeredAt) : null,
        endedAt: c.endedAt ? new Date(c.endedAt) : null,
      };
      const problems = callProblems(call, now);
      if (problems.length > 0) {
        return {
          row: i + 1,
          callId: c.callId,
          reasons: problems.map((p) => ({ code: p.code.toUpperCase(), zh: p.message.zh, en: p.message.en })),
        };
      }
      return { row: i + 1, callId: c.callId, line: c.line, agent: c.agent, ...call };
    });
    return this.intake(actor, converted, 'push', false);
  }

  private assertWriter(actor: Actor) {
    if (!WRITERS.has(actor.role)) throw forbidden();
  }

  /**
   * Good calls are kept, bad ones reported; a call id already recorded with the same times adds nothing (a repeated
   * export or push), with other times it is refused — a call record is never changed.
   */
  private async intake(
    actor: Actor,
    converted: (CallRow | BadRow)[],
    source: 'import' | 'push',
    dryRun: boolean,
  ): Promise<TCallIntakeResult> {
    const rejected: BadRow[] = converted.filter((c): c is BadRow => 'reasons' in c);
    const good = converted.filter((c): c is CallRow => !('reasons' in c));
    const run = async (db: typeof this.db) => {
      const known = new Map(
        (await repo.existingCalls(db, actor.enterpriseId, [...new Set(good.map((g) => g.callId))])).map(
          (r) => [r.externalId, { rangAt: r.rangAt, answeredAt: r.answeredAt, endedAt: r.endedAt }],
        ),
      );
      let alreadyRecorded = 0;
      const fresh: CallRow[] = [];
      for (const g of good) {
        const before = known.get(g.callId);
        if (!before) {
          known.set(g.callId, g);
          fresh.push(g);
        } else if (
          sameTime(before.rangAt, g.rangAt) &&
          sameTime(before.answeredAt, g.answeredAt) &&
          sameTime(before.endedAt ?? null, g.endedAt)
        ) {
          alreadyRecorded++;
        } else {
          rejected.push({
            row: g.row,
            callId: g.callId,
            reasons: [
              {
                code: 'CALL_ID_CONFLICT',
                zh: `呼叫编号 ${g.callId} 已记录，时间不同；通话记录不可更改`,
                en: `Call ${g.callId} is already recorded with other times; a call record is never changed`,
              },
            ],
          });
        }
      }
      return { fresh, alreadyRecorded };
    };
    const result = (imported: number, alreadyRecorded: number): TCallIntakeResult => ({
      imported,
      alreadyRecorded,
      rejected: rejected.sort((a, b) => a.row - b.row),
      dryRun,
    });
    if (dryRun) {
      const { fresh, alreadyRecorded } = await run(this.db);
      return result(fresh.length, alreadyRecorded);
    }
    const now = this.ctx.now();
    return this.db.transaction(async (tx) => {
      const { fresh, alreadyRecorded } = await run(tx);
      const added = await repo.insertCalls(
        tx,
        fresh.map((c) => ({
          enterpriseId: actor.enterpriseId,
          externalId: c.callId,
          line: c.line,
          agent: c.agent,
          rangAt: c.rangAt,
          answeredAt: c.answeredAt,
          endedAt: c.endedAt,
          source,
          createdBy: actor.id,
          createdAt: now,
        })),
      );
      await appendAudit(tx, {
        actor,
        enterpriseId: actor.enterpriseId,
        action: source === 'import' ? 'call_records.import' : 'call_records.ingest',
        entity: 'call_records',
        entityId: actor.enterpriseId,
        after: { added, alreadyRecorded: alreadyRecorded + fresh.length - added, rejected: rejected.length },
      });
      return result(added, alreadyRecorded + fresh.length - added);
    });
  }

  async list(actor: Actor, q: TCallQuery) {
    const enterpriseId = enterpriseScope(actor, q.enterpriseId);
    const { rows, total, received, answeredInTime } = await repo.listCalls(
      this.db,
      {
        enterpriseId,
        start: q.from ? shanghaiMidnightUtc(q.from as DateString) : undefined,
        end: q.to ? shanghaiMidnightUtc(addDays(q.to as DateString, 1)) : undefined,
        outcome: q.outcome,
      },
      { limit: q.pageSize, offset: (q.page - 1) * q.pageSize },
    );
    return {
      items: rows.map((r) => ({
        id: r.id,
        enterpriseId: r.enterprise_id,
        callId: r.external_id,
        line: r.line,
        agent: r.agent,
        rangAt: iso(r.rang_at)!,
        answeredAt: iso(r.answered_at),
        endedAt: iso(r.ended_at),
        answerSeconds:
          r.answered_at === null
            ? null
            : Math.round((new Date(r.answered_at).getTime() - new Date(r.rang_at).getTime()) / 1000),
        thresholdSeconds: Number(r.threshold_seconds),
        outcome: r.outcome,
        source: r.source,
      })),
      total,
      page: q.page,
      pageSize: q.pageSize,
      summary: { received, answeredInTime },
    };
  }

  async threshold(actor: Actor, q: { enterpriseId?: string | undefined }) {
    const enterpriseId = enterpriseScope(actor, q.enterpriseId);
    if (!enterpriseId) {
      throw appError(
        'VALIDATION_FAILED',
        { zh: '请选择企业', en: 'Choose an enterprise' },
        { field: 'enterpriseId' },
      );
    }
    const history = await repo.thresholdHistory(this.db, enterpriseId);
    const now = this.ctx.now();
    const current = history.find((h) => h.effectiveFrom <= now);
    return {
      enterpriseId,
      seconds: current?.seconds ?? DEFAULT_ANSWER_THRESHOLD_SECONDS,
      isDefault: !current,
      defaultSeconds: DEFAULT_ANSWER_THRESHOLD_SECONDS,
      history: history.map((h) => ({
        seconds: h.seconds,
        effectiveFrom: h.effectiveFrom.toISOString(),
        basis: h.basis,
        setAt: h.setAt.toISOString(),
      })),
    };
  }

  /** A new threshold from now or later: calls that already rang keep the verdict of the threshold then. */
  async setThreshold(actor: Actor, input: TThresholdInput) {
    if (actor.role !== 'enterprise_admin') throw forbidden();
    const now = this.ctx.now();
    const effectiveFrom = input.effectiveFrom ? new Date(input.effectiveFrom) : now;
    if (effectiveFrom < now) {
      throw appError(
        'VALIDATION_FAILED',
        {
          zh: '新的接通时限只能从现在或以后生效，已有来电按当时的时限判定',
          en: 'A new threshold takes effect now or later; calls already received keep the threshold of their time',
        },
        { field: 'effectiveFrom' },
      );
    }
    await this.db.transaction(async (tx) => {
      const row = await repo.insertThreshold(tx, {
        enterpriseId: actor.enterpriseId,
        seconds: input.seconds,
        effectiveFrom,
        basis: input.basis,
        setBy: actor.id,
        setAt: now,
      });
      await appendAudit(tx, {
        actor,
        enterpriseId: actor.enterpriseId,
        action: 'call_threshold.create',
        entity: 'call_threshold',
        entityId: row.id,
        after: { seconds: input.seconds, effectiveFrom: effectiveFrom.toISOString(), basis: input.basis },
      });
    });
    return this.threshold(actor, {});
  }

  /** The import template: the header row the call centre's export is mapped to. */
  template(): string[] {
    return CALL_HEADER;
  }
}
