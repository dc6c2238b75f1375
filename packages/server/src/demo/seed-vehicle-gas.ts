import {
  addDays,
  addMonthsToDate,
  checkVehicleFill,
  MEDIUM_UNIT,
  parseShanghaiDateTime,
  toShanghaiDate,
  type VehicleMedium,
} from '@ranre/domain';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import {
  dispensers,
  dispenserVerifications,
  staff,
  users,
  vehicleCylinderCertificates,
  vehicleCylinders,
  vehicleFillChecks,
  vehicleFills,
  vehicleLeakCases,
  vehicleLeakSteps,
  vehicles,
} from '../db/schema.ts';
import { raiseDispenserAlerts } from '../modules/gas/dispensers/watcher.job.ts';
import { storedCheck } from '../modules/gas/vehicle-fills/vehicle-fills.service.ts';
import { chunked, random } from './seed-cylinders.ts';

// Issue 18 demo, vehicle gas (G-8.1): the 正阳路加气站 with four dispensers (one due for verification in 12 days),
// 60 vehicles (CNG taxis, LNG trucks, LPG cars) with their cylinders' certificates — one expired, three expiring
// within the reminder window — a season (90 days) of checks and fills through the domain's own check, refusals for
// a wrong medium and an expired certificate, unregistered plates, and one leak found today being handled. All
// relative to `now`; random choices from a fixed seed so every run looks alike.

const STATION = '正阳路加气站';
const SEASON_DAYS = 90;
const LEAK_TAXI = 17;

type VehicleSpec = { plate: string; medium: VehicleMedium; type: string; cylinders: number; expires: string };

export async function seedVehicleGas(tx: Db, enterpriseId: string, now: Date) {
  const rnd = random(370306);
  const today = toShanghaiDate(now);
  const at = (date: string, hour: number) =>
    parseShanghaiDateTime(
      `${date} ${String(hour).padStart(2, '0')}:${String(Math.floor(rnd() * 60)).padStart(2, '0')}`,
    );
  const [attendant] = await tx
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(and(eq(users.enterpriseId, enterpriseId), eq(users.username, 'cng_attendant')));
  const staffNames = (
    await tx
      .select({ name: staff.name })
      .from(staff)
      .where(and(eq(staff.enterpriseId, enterpriseId), eq(staff.post, '加气工')))
  ).map((s) => s.name);
  const names = staffNames.length > 0 ? staffNames : [attendant!.name];
  const who = () => {
    const name = names[Math.floor(rnd() * names.length)]!;
    return { id: name === attendant!.name ? attendant!.id : null, name };
  };

  // G-8.1.2: dispensers and their verifications; 2# falls due in 12 days.
  const specs: { number: string; medium: VehicleMedium; verifiedOn: string; validUntil: string }[] = [
    {
      number: '1',
      medium: 'CNG',
      verifiedOn: addDays(today, -40),
      validUntil: addMonthsToDate(addDays(today, -40), 6),
    },
    { number: '2', medium: 'CNG', verifiedOn: addDays(today, -170), validUntil: addDays(today, 12) },
    {
      number: '3',
      medium: 'LNG',
      verifiedOn: addDays(today, -75),
      validUntil: addMonthsToDate(addDays(today, -75), 6),
    },
    {
      number: '4',
      medium: 'LPG',
      verifiedOn: addDays(today, -20),
      validUntil: addMonthsToDate(addDays(today, -20), 6),
    },
  ];
  const made = await tx
    .insert(dispensers)
    .values(
      specs.map((d) => ({
        enterpriseId,
        station: STATION,
        number: d.number,
        medium: d.medium,
        maker: '示范加气设备有限公司',
        serialNo: `JQJ-2021-${d.number.padStart(3, '0')}`,
        createdAt: at(addDays(today, -400), 9),
      })),
    )
    .returning();
  const dispenserOf = new Map(made.map((d) => [d.medium, d]));
  await tx.insert(dispenserVerifications).values(
    made.flatMap((d, i) => {
      const s = specs[i]!;
      const earlier = addMonthsToDate(s.verifiedOn, -6);
      return [
        { verifiedOn: earlier, validUntil: addDays(s.verifiedOn, 2) },
        { verifiedOn: s.verifiedOn, validUntil: s.validUntil },
      ].map((v) => ({
        enterpriseId,
        dispenserId: d.id,
        verifiedOn: v.verifiedOn,
        passed: true,
        validUntil: v.validUntil,
        certificateNo: `ZBJL-${v.verifiedOn.replaceAll('-', '')}-${d.number}`,
        verifier: '淄博市计量技术研究院（示范）',
        recordedAt: at(v.verifiedOn, 15),
      }));
    }),
  );

  // Vehicles: 40 CNG taxis, 14 LNG trucks, 6 LPG cars; certificates one to three years ahead, with the exceptions.
  const fleet: VehicleSpec[] = [];
  for (let i = 0; i < 60; i++) {
    const medium: VehicleMedium = i < 40 ? 'CNG' : i < 54 ? 'LNG' : 'LPG';
    const letter = medium === 'CNG' ? 'T' : medium === 'LNG' ? 'H' : 'A';
    fleet.push({
      plate: `鲁C${letter}${String(2001 + i * 7).padStart(4, '0')}`,
      medium,
      type: medium === 'CNG' ? '出租车' : medium === 'LNG' ? '重型货车' : '小型客车',
      cylinders: medium === 'CNG' ? 2 : 1,
      expires: addDays(today, 60 + Math.floor(rnd() * 900)),
    });
  }
  fleet[3]!.expires = addDays(today, -20); // expired: refused since
  fleet[5]!.expires = addDays(today, 9); // reminders
  fleet[12]!.expires = addDays(today, 21);
  fleet[44]!.expires = addDays(today, 27);
  const vRows = await tx
    .insert(vehicles)
    .values(
      fleet.map((v, i) => ({
        enterpriseId,
        plate: v.plate,
        ownerName:
          ['张', '王', '李', '赵', '刘', '陈'][i % 6]! +
          ['建国', '秀英', '立新', '海涛', '桂兰', '志强'][(i * 5) % 6]!,
        ownerPhone: `139${String(5330_0000 + i * 131).padStart(8, '0')}`,
        medium: v.medium,
        vehicleType: v.type,
        createdAt: at(addDays(today, -SEASON_DAYS - 30 - (i % 20)), 10),
      })),
    )
    .returning();
  const cylRows = await tx
    .insert(vehicleCylinders)
    .values(
      vRows.flatMap((v, i) =>
        Array.from({ length: fleet[i]!.cylinders }, (_, k) => ({
          enterpriseId,
          vehicleId: v.id,
          serialNo: `${fleet[i]!.medium}${String(100_000 + i * 10 + k)}`,
          medium: fleet[i]!.medium,
          manufacturer: '示范车用气瓶有限公司',
          capacityL: fleet[i]!.medium === 'LNG' ? 450 : fleet[i]!.medium === 'CNG' ? 65 : 60,
          certificateNo: `QPJY-${fleet[i]!.expires.slice(0, 4)}-${String(5000 + i * 10 + k)}`,
          certificateExpiresOn: fleet[i]!.expires,
          createdAt: v.createdAt,
        })),
      ),
    )
    .returning();
  await tx.insert(vehicleCylinderCertificates).values(
    cylRows.map((c) => ({
      enterpriseId,
      cylinderId: c.id,
      certificateNo: c.certificateNo,
      inspectedOn: addDays(String(c.certificateExpiresOn), -365 * 3),
      expiresOn: String(c.certificateExpiresOn),
      recordedAt: c.createdAt,
    })),
  );

  // The season: each vehicle checked and filled every few days at the dispenser of its medium; the domain decides.
  const checks: (typeof vehicleFillChecks.$inferInsert & { id: string })[] = [];
  const fills: (typeof vehicleFills.$inferInsert)[] = [];
  const check = (i: number, when: Date, medium: VehicleMedium) => {
    const v = vRows[i]!;
    const d = dispenserOf.get(medium)!;
    const result = checkVehicleFill(
      {
        plate: v.plate,
        medium: v.medium as VehicleMedium,
        openLeakCase: false,
        cylinders: cylRows
          .filter((c) => c.vehicleId === v.id)
          .map((c) => ({
            serialNo: c.serialNo,
            medium: c.medium as VehicleMedium,
            certificateNo: c.certificateNo,
            certificateExpiresOn: String(c.certificateExpiresOn),
          })),
      },
      medium,
      toShanghaiDate(when),
    );
    const id = crypto.randomUUID();
    const p = who();
    checks.push({
      id,
      enterpriseId,
      station: STATION,
      dispenserId: d.id,
      plate: v.plate,
      vehicleId: v.id,
      medium,
      ...storedCheck(result),
      actorId: p.id,
      checkedAt: when,
    });
    return { id, result, d, v, p };
  };
  for (let i = 0; i < vRows.length; i++) {
    const medium = fleet[i]!.medium;
    const every = medium === 'CNG' ? 2 : medium === 'LNG' ? 4 : 6;
    for (let day = addDays(today, -SEASON_DAYS + (i % every)); day <= today; day = addDays(day, every)) {
      const when = at(day, 6 + Math.floor(rnd() * 16));
      if (when >= now) break;
      // The leaking taxi's last hours belong to its leak case below.
      if (i === LEAK_TAXI && when.getTime() > now.getTime() - 3 * 3_600_000) break;
      const { id, result, d, v, p } = check(i, when, medium);
      if (result.outcome !== 'accepted') continue;
      const base = medium === 'CNG' ? 12 : medium === 'LNG' ? 180 : 35;
      fills.push({
        enterpriseId,
        checkId: id,
        station: STATION,
        dispenserId: d.id,
        dispenserNo: d.number,
        vehicleId: v.id,
        plate: v.plate,
        medium,
        quantityMilli: Math.round(base * (0.6 + rnd() * 0.5) * 1000),
        unit: MEDIUM_UNIT[medium],
        leakFree: true,
        attendantName: p.name,
        attendantId: p.id,
        filledAt: new Date(when.getTime() + 4 * 60_000),
      });
    }
  }
  // Refusals for a wrong medium: an LNG truck pulled up at the CNG dispenser now and then (G-8.1.1).
  for (let d = 2; d < SEASON_DAYS; d += 9) check(40 + (d % 14), at(addDays(today, -d), 10), 'CNG');
  // Plates not registered yet: checked, registered on the spot or sent away — never counted as refusals.
  for (let d = 1; d < SEASON_DAYS; d += 15) {
    checks.push({
      id: crypto.randomUUID(),
      enterpriseId,
      station: STATION,
      dispenserId: dispenserOf.get('CNG')!.id,
      plate: `鲁E${String(80_000 + d * 13).slice(0, 5)}`,
      vehicleId: null,
      medium: 'CNG',
      outcome: 'unregistered',
      reason: null,
      findings: [],
      reminders: [],
      actorId: null,
      checkedAt: at(addDays(today, -d), 14),
    });
  }

  // One leak today (G-8.1.5): the check after filling found it; the vehicle was isolated and the owner told.
  const found = new Date(now.getTime() - 2 * 3_600_000);
  const {
    id: leakCheck,
    d: cngPump,
    v: taxi,
    p,
  } = check(LEAK_TAXI, new Date(found.getTime() - 6 * 60_000), 'CNG');
  const leakFillId = crypto.randomUUID();
  fills.push({
    id: leakFillId,
    enterpriseId,
    checkId: leakCheck,
    station: STATION,
    dispenserId: cngPump.id,
    dispenserNo: cngPump.number,
    vehicleId: taxi.id,
    plate: taxi.plate,
    medium: 'CNG',
    quantityMilli: 10_850,
    unit: 'kg',
    leakFree: false,
    attendantName: p.name,
    attendantId: p.id,
    filledAt: found,
  });

  await chunked(checks, 1_500, (part) => tx.insert(vehicleFillChecks).values(part));
  await chunked(fills, 1_500, (part) => tx.insert(vehicleFills).values(part));
  const [leak] = await tx
    .insert(vehicleLeakCases)
    .values({
      enterpriseId,
      caseNo: `XL${today.replaceAll('-', '')}-0001`,
      vehicleId: taxi.id,
      plate: taxi.plate,
      cylinderSerial: cylRows.find((c) => c.vehicleId === taxi.id)!.serialNo,
      station: STATION,
      fillId: leakFillId,
      description: '加气后检漏：瓶口阀处检漏液起泡',
      state: 'owner_told',
      foundAt: found,
    })
    .returning();
  await tx.insert(vehicleLeakSteps).values(
    [
      { step: 'found', note: '加气后检漏：瓶口阀处检漏液起泡', min: 0 },
      { step: 'isolated', note: '关闭瓶阀，请司乘下车，车辆推至站内隔离区，设警戒', min: 3 },
      { step: 'owner_told', note: '电话告知车主，建议送气瓶检验机构检修', min: 12 },
    ].map((s) => ({
      enterpriseId,
      caseId: leak!.id,
      step: s.step,
      note: s.note,
      actorId: p.id,
      actorName: p.name,
      at: new Date(found.getTime() + s.min * 60_000),
    })),
  );
  // G-8.1.2: the readiness alerts for the dispenser near its due date, as the watcher would raise them.
  await raiseDispenserAlerts(tx, now);
  return { vehicles: vRows.length, checks: checks.length, fills: fills.length };
}
