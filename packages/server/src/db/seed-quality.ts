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
import { and, asc, eq, gte, inArray, isNotNull } from 'drizzle-orm';
import { decideCase } from '../modules/low-temperature/low-temperature.service.ts';
import { caseById, openCaseForOrder, updateCase } from '../modules/low-temperature/low-temperature.repository.ts';
import { buildPlan, spreadAssignments } from '../modules/sampling/sampling.service.ts';
import { seasonFor, type SeasonRow } from '../modules/sampling/seasons.ts';
import type { Db } from './client.ts';
import {
  heatingSeasons,
  lowTemperatureRules,
  premises,
  sampleHouseholds,
  sensorIngestions,
  sensorReadings,
  sensors,
  temperatureMeasurements,
  users,
  workOrders,
} from './schema.ts';

// Demo room-temperature quality (H-5.4, H-7.2.3, H-10.5.3), relative to `now`: the demo reduction rule (labelled
// demo), this season's sampling plan with dates and the technician, about 30 measurements (a few failures, one for
// analysis only), 50 households with 10 days of hourly sensor readings, and low-temperature complaints: one disputed
// at a third party that failed and had its fee reduced, one waiting for a decision.

const SIGNATURE =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const PROTOCOL = {
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
const CONDITIONS = { outdoorNotBelowDesign: true, envelopeToCode: true, indoorSystemWorking: true };
const HOUR = 3_600_000;

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
  await tx
    .insert(lowTemperatureRules)
    .values({
      enterpriseId: heatId,
      name: '演示规则：室温每低于标准 1 °C，每天减收热费 0.80 元',
      fenPerDayPerDegree: 80,
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
  const plan = await buildPlan(tx, { enterpriseId: heatId, season: s, size: 60, seed: 2026, createdBy: null, now });
  const planned = await tx
    .select({ id: sampleHouseholds.id, premisesId: sampleHouseholds.premisesId })
    .from(sampleHouseholds)
    .where(eq(sampleHouseholds.planId, plan.id))
    .orderBy(asc(sampleHouseholds.networkPosition), asc(sampleHouseholds.id));
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
        .where(inArray(premises.id, planned.length ? planned.map((p) => p.premisesId) : ['00000000-0000-0000-0000-000000000000']))
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
      .where(inArray(sampleHouseholds.id, due.map((d) => d.id)));
  }

  const sensorCount = await seedSensors(tx, heatId, now, random);
  const cases = await seedCases(tx, heatId, now, shanghaiMidnightUtc(s.startsOn as DateString));
  return { plan: plan.selectedCount, measurements: measured.length, sensors: sensorCount, cases };
}

/** 50 households with a living-room sensor and 10 days of hourly readings; two run cold at night. */
async function seedSensors(tx: Db, heatId: string, now: Date, random: () => number) {
  const homes = await tx
    .select({ id: premises.id })
    .from(premises)
    .where(and(eq(premises.enterpriseId, heatId), isNotNull(premises.floor)))
    .orderBy(asc(premises.address))
    .limit(50);
  if (homes.length === 0) return 0;
  const today = toShanghaiDate(now);
  const made = await tx
    .insert(sensors)
    .values(
      homes.map((h, i) => ({
        enterpriseId: heatId,
        sensorCode: `ZB-RT-${String(i + 1).padStart(4, '0')}`,
        premisesId: h.id,
        installedOn: addDays(today, -40),
        createdAt: now,
      })),
    )
    .returning({ id: sensors.id });
  const first = shanghaiMidnightUtc(addDays(today, -10)).getTime();
  const last = Math.floor(now.getTime() / HOUR) * HOUR;
  const rows: (typeof sensorReadings.$inferInsert)[] = [];
  made.forEach((sensor, i) => {
    const base = i < 2 ? 172 : 190 + Math.floor(random() * 25);
    for (let t = first; t <= last; t += HOUR) {
      const hour = (new Date(t).getUTCHours() + 8) % 24;
      const night = hour < 6 ? -8 : hour >= 14 && hour <= 17 ? 6 : 0;
      rows.push({ sensorId: sensor.id, at: new Date(t), tenths: base + night + Math.floor(random() * 7) - 3 });
    }
  });
  for (let i = 0; i < rows.length; i += 2000) await tx.insert(sensorReadings).values(rows.slice(i, i + 2000));
  await tx.insert(sensorIngestions).values({
    enterpriseId: heatId,
    at: new Date(now.getTime() - 2 * HOUR),
    received: 52,
    accepted: 50,
    rejections: [
      { index: 17, sensorId: 'ZB-RT-0099', code: 'SENSOR_UNKNOWN', zh: '传感器未登记', en: 'unknown sensor' },
      {
        index: 33,
        sensorId: 'ZB-RT-0012',
        code: 'TEMPERATURE_OUT_OF_RANGE',
        zh: '温度超出物理范围（−30 至 45 °C）',
        en: 'temperature outside the physical range (−30 to 45 °C)',
      },
    ],
  });
  return made.length;
}

/**
 * Low-temperature complaints of the seeded orders: the first was measured at 18.1 °C (a pass), the customer
 * disputed, the third party measured 17.2 °C, the cause was a company facility and the fee was reduced; the second
 * failed and waits for its cause.
 */
async function seedCases(tx: Db, heatId: string, now: Date, seasonStart: Date) {
  const orders = await tx
    .select()
    .from(workOrders)
    .where(
      and(
        eq(workOrders.enterpriseId, heatId),
        inArray(workOrders.itemCode, ['heating_quality_complaint', 'room_temperature_test']),
        isNotNull(workOrders.customerId),
        gte(workOrders.receivedAt, seasonStart),
      ),
    )
    .orderBy(asc(workOrders.receivedAt))
    .limit(2);
  let n = 0;
  for (const [i, order] of orders.entries()) {
    const [place] = await tx
      .select()
      .from(premises)
      .where(order.premisesId ? eq(premises.id, order.premisesId) : eq(premises.customerId, order.customerId!))
      .orderBy(asc(premises.createdAt))
      .limit(1);
    if (!place) continue;
    const measuredAt = new Date(Math.min(order.receivedAt.getTime() + 20 * HOUR, now.getTime() - HOUR));
    const readings: RoomReading[] =
      i === 0
        ? [
            { room: 'living_room', label: '客厅', tenths: 183 },
            { room: 'bedroom', label: '次卧', tenths: 181 },
          ]
        : [
            { room: 'living_room', label: '客厅', tenths: 169 },
            { room: 'bedroom', label: '主卧', tenths: 164 },
          ];
    const rate = Number(place.unitHeatUseRate ?? 100);
    const result = assessMeasurement({ readings, unitHeatUseRate: rate, conditions: CONDITIONS, protocol: PROTOCOL });
    const [m] = await tx
      .insert(temperatureMeasurements)
      .values({
        enterpriseId: heatId,
        premisesId: place.id,
        customerId: place.customerId,
        workOrderId: order.id,
        measuredAt,
        protocol: PROTOCOL,
        conditions: CONDITIONS,
        readings,
        unitHeatUseRate: String(rate),
        band: result.band,
        requiredTenths: result.requiredTenths ?? null,
        minDecisiveTenths: Math.min(...readings.map((r) => r.tenths)),
        outcome: result.outcome,
        reasons: result.reasons,
        signatureData: SIGNATURE,
        measuredBy: order.assigneeId,
        createdAt: now,
      })
      .returning();
    const caseId = await openCaseForOrder(tx, { order, measurement: m!, createdBy: order.assigneeId, now });
    n++;
    if (i !== 0) continue;
    const tested = toShanghaiDate(new Date(measuredAt.getTime() + 48 * HOUR));
    const testedOn = tested > toShanghaiDate(now) ? toShanghaiDate(now) : tested;
    await updateCase(tx, caseId, 1, {
      status: 'disputed',
      disputedByCustomer: true,
      thirdPartyInstitution: '淄博市计量技术研究院（演示）',
      thirdPartyResult: 'failed',
      thirdPartyTenths: 172,
      thirdPartyTestedOn: testedOn,
      testFeeFen: 30000,
    });
    const row = (await caseById(tx, caseId, true))!;
    const belowFrom = toShanghaiDate(order.receivedAt);
    await decideCase(tx, {
      row,
      decision: {
        version: row.c.version,
        cause: 'company_facility',
        belowFrom,
        restoredOn: testedOn,
      },
      actorId: null,
      now,
    });
  }
  return n;
}
