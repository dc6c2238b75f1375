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
import { notFound } from '../../../core/errors.ts';
import { enterpriseScope } from '../../../core/scope.ts';
import { appendAudit } from '../../platform/audit/audit.repository.ts';
import { premisesWithCustomer } from '../measurements/measurements.repository.ts';
import { seasonInstants } from '../sampling/seasons.ts';
import { touchKey } from '../gateway-keys/gateway-keys.repository.ts';
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
    const known = new Map((await repo.sensorsByCode(this.db, enterpriseId, codes)).map((s) => [s.code, s]));
    const seasons = (
      await this.db.select().from(heatingSeasons).where(eq(heatingSeasons.enterpriseId, enterpriseId))
    ).map((s) => ({ ...seasonInstants(s), districts: s.districts }));
    const rejections: Rejection[] = [];
    const good: { index: number; code: string; sensorId: string; at: Date; tenths: number }[] = [];
    const seen = new Set<string>();
    input.readings.forEach((r, index) => {
      const reject = (p: { code: string; zh: string; en: string }) =>
        rejections.push({ index, sensorId: r.sensorId, code: p.code, zh: p.zh, en: p.en });
      const at = new Date(r.at);
      if (!/^\d{4}-\d{2}-\d{2}T/.test(r.at) || Number.isNaN(at.getTime())) {
        return reject({
          code: 'TIME_INVALID',
          zh: '时间格式无效（应为 ISO 8601）',
          en: 'invalid time (ISO 8601 expected)',
        });
      }
      const sensor = known.get(r.sensorId);
      const tenths = Number.isFinite(r.temperature) ? Math.round(r.temperature * 10) : Number.NaN;
      const season = sensor
        ? seasons.find(
            (s) =>
              (s.districts.length === 0 || s.districts.includes(sensor.district)) &&
              at.getTime() >= s.start.getTime() &&
              at.getTime() < s.end.getTime(),
          )
        : undefined;
      const problem = sensorReadingProblem({
        known: Boolean(sensor?.active),
        at,
        tenths,
        now,
        seasonStart: season?.start ?? null,
        seasonEnd: season?.end ?? null,
      });
      if (problem) return reject(problem);
      const key = `${sensor!.id}|${at.getTime()}`;
      if (seen.has(key)) return reject(duplicate);
      seen.add(key);
      good.push({ index, code: r.sensorId, sensorId: sensor!.id, at, tenths });
    });

    return this.db.transaction(async (tx) => {
      const already = await repo.insertReadings(
        tx,
        good.map(({ sensorId, at, tenths }) => ({ sensorId, at, tenths })),
      );
      // A repeated batch is harmless: the readings stored before are rejected as duplicates, nothing is doubled.
      const keys = new Set(already.map((s) => `${s.sensorId}|${s.at.getTime()}`));
      for (const g of good) {
        if (keys.has(`${g.sensorId}|${g.at.getTime()}`))
          rejections.push({ index: g.index, sensorId: g.code, ...duplicate });
      }
      rejections.sort((a, b) => a.index - b.index);
      const accepted = good.length - already.length;
      const ingestionId = await repo.insertIngestion(tx, {
        enterpriseId,
        at: now,
        received: input.readings.length,
        accepted,
        rejections,
        createdBy: source.userId,
        gatewayKeyId: source.gatewayKeyId,
      });
      if (source.gatewayKeyId) await touchKey(tx, source.gatewayKeyId, now);
      await appendAudit(tx, {
        actor: source.auditActor,
        enterpriseId,
        action: 'sensors.ingest',
        entity: 'sensor_ingestion',
        entityId: String(ingestionId),
        after: { received: input.readings.length, accepted, rejected: rejections.length },
      });
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

const duplicate = {
  code: 'DUPLICATE',
  zh: '重复读数（同一传感器同一时间）',
  en: 'duplicate (same sensor, same time)',
};
