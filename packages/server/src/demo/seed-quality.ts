import {
  addDays,
  assessMeasurement,
  parseShanghaiDateTime,
  seededRandom,
  shanghaiMidnightUtc,
  toShanghaiDate,
  type DateString,
  type RoomReading,
} from '@ranre/domain';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { buildPlan, spreadAssignments } from '../modules/heating/sampling/sampling.service.ts';
import { seasonFor, type SeasonRow } from '../modules/heating/sampling/seasons.ts';
import type { Db } from '../db/client.ts';
import { seedCases, seedSensors } from './seed-quality-cases.ts';
import {
  heatingSeasons,
  lowTemperatureRules,
  premises,
  sampleHouseholds,
  temperatureMeasurements,
  users,
} from '../db/schema.ts';

// Demo room-temperature quality (H-5.4, H-7.2.3, H-10.5.3), relative to `now`: the demo reduction rule (labelled
// demo), this season's sampling plan with dates and the technician, about 30 measurements (a few failures, one for
// analysis only), 50 households with 10 days of hourly sensor readings, and low-temperature complaints: one disputed
// at a third party that failed and had its fee reduced, one waiting for a decision.

export const SIGNATURE =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
export const PROTOCOL = {
  systemRunning: true,
  conditionsNoted: true,
  doorsWindowsClosed30Min: true,
  sensorHeightMm: 1200,
  sensorAtRoomCentre: true,
  radiatorsUncovered: true,
  noSunOrHeatSourceOnSensor: true,
  inspectorStill: true,
  enlargedAreaOrAddedRadiatorsNoted: true,
  modificationsNoted: true,
  enlargedAreaOrAddedRadiators: false,
  modifications: false,
  findingsNote: '',
  customerSigned: true,
};
export const CONDITIONS = { outdoorNotBelowDesign: true, envelopeToCode: true, indoorSystemWorking: true };

export async function seedQuality(tx: Db, heatId: string, now: Date) {
  const today = toShanghaiDate(now);
  let season: SeasonRow | null = await seasonFor(tx, heatId, today);
  if (!season) {
    // Only when the heating seed made none: this winter's season in Zibo's usual dates (demo).
    const year = Number(today.slice(0, 4)) - (today.slice(5) < '07-01' ? 1 : 0);
    const [made] = await tx
      .insert(heatingSeasons)
      .values({
        enterpriseId: heatId,
        area: '中心城区（演示）',
        period: `${year}-${year + 1}`,
        startsOn: `${year}-11-15`,
        endsOn: `${year + 1}-03-15`,
        legalHeatingDays: 120,
        paymentDueOn: `${year}-11-15`,
        basis: '演示数据',
      })
      .returning();
    season = made!;
  }
  const s = season;
  const random = seededRandom(20261126);
  await tx.insert(lowTemperatureRules).values({
    enterpriseId: heatId,
    name: '演示规则：室温每低于标准 1 °C，每天减收热费 3.00 元',
    fenPerDayPerDegree: 300,
    effectiveFrom: s.startsOn,
    basis: '演示数据：H-5.5 按当地政府规定退费，实际标准以主管部门文件为准',
    demo: true,
    createdAt: now,
  });

  const measurers = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.enterpriseId, heatId), inArray(users.role, ['technician', 'inspector'])))
    .orderBy(asc(users.username));
  const plan = await buildPlan(tx, {
    enterpriseId: heatId,
    season: s,
    size: 60,
    seed: 2026,
    createdBy: null,
    now,
  });
  const planned = await tx
    .select({ id: sampleHouseholds.id, premisesId: sampleHouseholds.premisesId })
    .from(sampleHouseholds)
    .where(eq(sampleHouseholds.planId, plan.id))
    .orderBy(asc(sampleHouseholds.id));
  const start = (s.startsOn > addDays(today, -14) ? s.startsOn : addDays(today, -14)) as DateString;
  const assigned = measurers.length
    ? spreadAssignments(
        planned.map((p) => p.id),
        measurers.map((m) => m.id),
        start,
        3,
      )
    : [];
  for (const a of assigned) {
    await tx
      .update(sampleHouseholds)
      .set({ assignedOn: a.assignedOn, measurerId: a.measurerId })
      .where(eq(sampleHouseholds.id, a.id));
  }

  // Measurements of the households whose date has come (up to 30): a few fail, one is for analysis only.
  const rates = new Map(
    (
      await tx
        .select({ id: premises.id, rate: premises.unitHeatUseRate, customerId: premises.customerId })
        .from(premises)
        .where(
          inArray(
            premises.id,
            planned.length ? planned.map((p) => p.premisesId) : ['00000000-0000-0000-0000-000000000000'],
          ),
        )
    ).map((p) => [p.id, p]),
  );
  const due = assigned.filter((a) => a.assignedOn < today).slice(0, 30);
  const measured: (typeof temperatureMeasurements.$inferInsert)[] = [];
  due.forEach((a, i) => {
    const place = rates.get(planned.find((p) => p.id === a.id)!.premisesId)!;
    const fail = i % 9 === 4;
    const analysis = i === 7;
    const living = fail ? 168 + Math.floor(random() * 10) : 185 + Math.floor(random() * 35);
    const bedroom = fail ? 172 + Math.floor(random() * 7) : 182 + Math.floor(random() * 30);
    const readings: RoomReading[] = [
      { room: 'living_room', label: '客厅', tenths: living },
      { room: 'bedroom', label: '主卧', tenths: bedroom },
    ];
    const conditions = analysis ? { ...CONDITIONS, outdoorNotBelowDesign: false } : CONDITIONS;
    const result = assessMeasurement({
      readings,
      unitHeatUseRate: Number(place.rate ?? 100),
      conditions,
      protocol: PROTOCOL,
    });
    measured.push({
      enterpriseId: heatId,
      premisesId: place.id,
      customerId: place.customerId,
      sampleHouseholdId: a.id,
      measuredAt: parseShanghaiDateTime(`${a.assignedOn} ${String(9 + (i % 8)).padStart(2, '0')}:30`),
      protocol: PROTOCOL,
      conditions,
      readings,
      unitHeatUseRate: String(place.rate ?? 100),
      outdoorTenths: analysis ? -142 : -30 - Math.floor(random() * 50),
      band: result.band,
      requiredTenths: result.requiredTenths ?? null,
      minDecisiveTenths: Math.min(living, bedroom),
      outcome: result.outcome,
      reasons: result.reasons,
      note: analysis ? '寒潮，室外 −14.2 °C 低于设计温度（演示）' : '',
      signatureData: SIGNATURE,
      measuredBy: a.measurerId,
      createdAt: now,
    });
  });
  if (measured.length) {
    await tx.insert(temperatureMeasurements).values(measured);
    await tx
      .update(sampleHouseholds)
      .set({ status: 'measured' })
      .where(
        inArray(
          sampleHouseholds.id,
          due.map((d) => d.id),
        ),
      );
  }

  const sensorCount = await seedSensors(tx, heatId, now, random);
  const cases = await seedCases(tx, heatId, now, shanghaiMidnightUtc(s.startsOn as DateString));
  return { plan: plan.selectedCount, measurements: measured.length, sensors: sensorCount, cases };
}
