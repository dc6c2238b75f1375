import {
  addDays,
  sensorReadingProblem,
  shanghaiMidnightUtc,
  STANDARD_ROOM_TEMPERATURE_TENTHS,
  toShanghaiDate,
  type DateString,
} from '@ranre/domain';
import { eq } from 'drizzle-orm';
import { heatingSeasons } from '../../../db/schema.ts';
import type { Actor } from '../../../core/actor.ts';
import type { AppContext } from '../../../core/context.ts';
import { notFound, pgCode } from '../../../core/errors.ts';
import { enterpriseScope } from '../../../core/scope.ts';
import { appendAudit } from '../../platform/audit/audit.repository.ts';
import { premisesWithCustomer } from '../measurements/measurements.repository.ts';
import { seasonInstants } from '../sampling/seasons.ts';
import type { IngestSource } from '../gateway-keys/gateway-keys.service.ts';
import * as repo from './sensors.repository.ts';
import type { TIngest, TSensorInput } from './sensors.schemas.ts';

export type Rejection = { index: number; sensorId: string; code: string; zh: string; en: string };

export class SensorService {
  constructor(private readonly ctx: AppContext) {}

  private get db() {
    return this.ctx.database.db;
  }

  /**
   * H-5.4.1: a batch of readings from the remote monitoring system. Each item is checked on its own; the good ones
   * are stored and every bad one is returned with its index and reason (a 207-style answer in a 200 body).
   */
  async ingest(source: IngestSource, input: TIngest) {
    const now = this.ctx.now();
    const enterpriseId = source.enterpriseId;
    const codes = [...new Set(input.readings.map((r) => r.sensorId))];
    // Both looked up at once, on two of the pool's connections (one on PGlite, where they simply queue).
    const [sensorRows, seasonRows] = await Promise.all([
      repo.sensorsByCode(this.db, enterpriseId, codes),
      this.db.select().from(heatingSeasons).where(eq(heatingSeasons.enterpriseId, enterpriseId)),
    ]);
    const known = new Map(sensorRows.map((s) => [s.code, s]));
    const seasons = seasonRows.map((s) => ({ ...seasonInstants(s), districts: s.districts }));
    const checked = checkReadings(input.readings, known, seasons, now);
    try {
      return await this.store(source, input, checked, 'fresh', now);
    } catch (err) {
      // A reading already stored (a repeated batch, or a gateway's retry): nothing of this try was kept; start over
      // keeping the new readings and rejecting the others as duplicates.
      if (pgCode(err) !== '23505') throw err;
      return this.store(source, input, checked, 'repeat', now);
    }
  }

  /** The checked readings, the ingestion's log entry and its audit, in one transaction. */
  private store(
    source: IngestSource,
    input: TIngest,
    checked: ReturnType<typeof checkReadings>,
    mode: 'fresh' | 'repeat',
    now: Date,
  ) {
    const { good } = checked;
    const rejections = [...checked.rejections];
    const enterpriseId = source.enterpriseId;
    return this.db.transaction(async (tx) => {
      // A repeated batch is harmless: the readings stored before are rejected as duplicates, nothing is doubled.
      const already = await repo.insertReadings(tx, good, mode);
      for (const i of already) {
        rejections.push({
          index: good.index[i]!,
          sensorId: input.readings[good.index[i]!]!.sensorId,
          ...duplicate,
        });
      }
      rejections.sort((a, b) => a.index - b.index);
      const accepted = good.index.length - already.length;
      const ingestionId = await repo.recordIngestion(
        tx,
        {
          enterpriseId,
          at: now,
          received: input.readings.length,
          accepted,
          rejections,
          createdBy: source.userId,
          gatewayKeyId: source.gatewayKeyId,
        },
        {
          actor: source.auditActor,
          enterpriseId,
          action: 'sensors.ingest',
          entity: 'sensor_ingestion',
          after: { received: input.readings.length, accepted, rejected: rejections.length },
        },
      );
      return {
        ingestionId,
        received: input.readings.length,
        accepted,
        rejected: rejections.length,
        rejections,
      };
    });
  }

  async register(actor: Actor, input: TSensorInput) {
    const place = await premisesWithCustomer(this.db, input.premisesId);
    if (!place || place.enterpriseId !== actor.enterpriseId) throw notFound('premises');
    return this.db.transaction(async (tx) => {
      const row = await repo.insertSensor(tx, {
        ...input,
        enterpriseId: actor.enterpriseId,
        createdAt: this.ctx.now(),
      });
      await appendAudit(tx, {
        actor,
        enterpriseId: actor.enterpriseId,
        action: 'sensors.register',
        entity: 'sensor',
        entityId: row.id,
        after: input,
      });
      return { ...row, createdAt: row.createdAt.toISOString() };
    });
  }

  async list(actor: Actor) {
    const rows = await repo.listSensors(this.db, enterpriseScope(actor));
    return {
      items: rows.map((r) => ({ ...r, lastAt: r.lastAt ? new Date(String(r.lastAt)).toISOString() : null })),
    };
  }

  async ingestions(actor: Actor) {
    const rows = await repo.ingestions(this.db, enterpriseScope(actor));
    return { items: rows.map((r) => ({ ...r, at: r.at.toISOString() })) };
  }

  /** Daily min / avg / max and the share of readings at or above 18 °C (H-5.1) for one household; default 14 days. */
  async daily(actor: Actor, q: { premisesId: string; from?: string; to?: string }) {
    const place = await premisesWithCustomer(this.db, q.premisesId);
    const scope = enterpriseScope(actor);
    if (!place || (scope && place.enterpriseId !== scope)) throw notFound('premises');
    const today = toShanghaiDate(this.ctx.now());
    const to = (q.to ?? today) as DateString;
    const from = (q.from ?? addDays(to, -13)) as DateString;
    const days = await repo.dailyStats(
      this.db,
      q.premisesId,
      shanghaiMidnightUtc(from),
      shanghaiMidnightUtc(addDays(to, 1)),
      STANDARD_ROOM_TEMPERATURE_TENTHS,
    );
    return {
      premisesId: q.premisesId,
      address: place.address,
      standardTenths: STANDARD_ROOM_TEMPERATURE_TENTHS,
      from,
      to,
      days,
    };
  }
}

type KnownSensor = { id: string; district: string; active: boolean };
type Season = { start: Date; end: Date; districts: string[] };
const ISO_START = /^\d{4}-\d{2}-\d{2}T/;

/**
 * H-5.4.1: each reading of a batch checked on its own. The good ones come back as columns ready to store (with the
 * index each came from), every bad one with its index and reason. Written for 5,000 readings a call (issue 21): the
 * seasons are matched once per district, not per reading, and a repeat within the batch is found per sensor.
 */
function checkReadings(
  readings: TIngest['readings'],
  known: Map<string, KnownSensor>,
  seasons: Season[],
  now: Date,
) {
  const rejections: Rejection[] = [];
  const good: repo.ReadingColumns & { index: number[] } = { index: [], sensorIds: [], ms: [], tenths: [] };
  const seasonsOf = new Map<string, Season[]>();
  const seasonsIn = (district: string) => {
    let found = seasonsOf.get(district);
    if (!found) {
      found = seasons.filter((s) => s.districts.length === 0 || s.districts.includes(district));
      seasonsOf.set(district, found);
    }
    return found;
  };
  const seen = new Map<string, Set<number>>();
  let lastText: string | undefined;
  let lastMs = Number.NaN;
  let lastAt = new Date(Number.NaN);
  for (let index = 0; index < readings.length; index++) {
    const r = readings[index]!;
    // A gateway sends its sensors' readings of one instant together: the instant is parsed once for them.
    if (r.at !== lastText) {
      lastText = r.at;
      lastMs = ISO_START.test(r.at) ? Date.parse(r.at) : Number.NaN;
      lastAt = new Date(lastMs);
    }
    const ms = lastMs;
    if (Number.isNaN(ms)) {
      rejections.push({ index, sensorId: r.sensorId, ...invalidTime });
      continue;
    }
    const sensor = known.get(r.sensorId);
    const season = (sensor ? seasonsIn(sensor.district) : []).find(
      (s) => ms >= s.start.getTime() && ms < s.end.getTime(),
    );
    const tenths = Number.isFinite(r.temperature) ? Math.round(r.temperature * 10) : Number.NaN;
    const problem = sensorReadingProblem({
      known: Boolean(sensor?.active),
      at: lastAt,
      tenths,
      now,
      seasonStart: season?.start ?? null,
      seasonEnd: season?.end ?? null,
    });
    if (problem) {
      rejections.push({ index, sensorId: r.sensorId, code: problem.code, zh: problem.zh, en: problem.en });
      continue;
    }
    const instants = seen.get(sensor!.id) ?? new Set<number>();
    if (instants.has(ms)) {
      rejections.push({ index, sensorId: r.sensorId, ...duplicate });
      continue;
    }
    seen.set(sensor!.id, instants.add(ms));
    good.index.push(index);
    good.sensorIds.push(sensor!.id);
    good.ms.push(ms);
    good.tenths.push(tenths);
  }
  return { good, rejections };
}

const invalidTime = {
  code: 'TIME_INVALID',
  zh: '时间格式无效（应为 ISO 8601）',
  en: 'invalid time (ISO 8601 expected)',
};

const duplicate = {
  code: 'DUPLICATE',
  zh: '重复读数（同一传感器同一时间）',
  en: 'duplicate (same sensor, same time)',
};
