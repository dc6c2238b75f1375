import {
  addDays,
  assessMeasurement,
  shanghaiMidnightUtc,
  toShanghaiDate,
  type RoomReading,
} from '@ranre/domain';
import { and, asc, eq, gte, inArray, isNotNull } from 'drizzle-orm';
import { decideCase } from '../modules/heating/low-temperature/low-temperature.service.ts';
import {
  caseById,
  openCaseForOrder,
  updateCase,
} from '../modules/heating/low-temperature/low-temperature.repository.ts';
import type { Db } from '../db/client.ts';
import {
  premises,
  sensorIngestions,
  sensorReadings,
  sensors,
  temperatureMeasurements,
  workOrders,
} from '../db/schema.ts';
import { CONDITIONS, PROTOCOL, SIGNATURE } from './seed-quality.ts';

// Demo remote sensors (H-5.4.1) and low-temperature complaints (H-7.2.3) for seed-quality.ts.

const HOUR = 3_600_000;

/** 50 households with a living-room sensor and 10 days of hourly readings; two run cold at night. */
export async function seedSensors(tx: Db, heatId: string, now: Date, random: () => number) {
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
      rows.push({
        sensorId: sensor.id,
        at: new Date(t),
        tenths: base + night + Math.floor(random() * 7) - 3,
      });
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
export async function seedCases(tx: Db, heatId: string, now: Date, seasonStart: Date) {
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
      .where(
        order.premisesId ? eq(premises.id, order.premisesId) : eq(premises.customerId, order.customerId!),
      )
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
    const result = assessMeasurement({
      readings,
      unitHeatUseRate: rate,
      conditions: CONDITIONS,
      protocol: PROTOCOL,
    });
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
