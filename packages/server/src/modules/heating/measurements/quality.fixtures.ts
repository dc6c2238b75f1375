import { customers, heatingSeasons, premises } from '../../../db/schema.ts';
import { orderWorld, PNG_1PX, type OrderWorld } from '../../service/workorders/testing.ts';

// Shared set-up of the room-temperature tests: the order world plus heating seasons and heated households.

export const SIGNATURE = PNG_1PX;

export const FULL_PROTOCOL = {
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
};
export const CONDITIONS = { outdoorNotBelowDesign: true, envelopeToCode: true, indoorSystemWorking: true };

export async function qualityWorld(): Promise<OrderWorld> {
  const w = await orderWorld();
  w.at('2026-12-10 10:00');
  await w.t.database.db
    .insert(heatingSeasons)
    .values([
      season(w, '2025-2026', '2025-11-15', '2026-03-15'),
      season(w, '2026-2027', '2026-11-15', '2027-03-15'),
    ]);
  return w;
}

function season(w: OrderWorld, period: string, startsOn: string, endsOn: string) {
  return {
    enterpriseId: w.world.heat.id,
    area: '张店区',
    districts: [],
    period,
    startsOn,
    endsOn,
    legalHeatingDays: 120,
    paymentDueOn: startsOn,
  };
}

export interface HouseholdSpec {
  networkPosition?: 'near' | 'middle' | 'end';
  orientation?: 'sunny' | 'shaded';
  floor?: number;
  buildingFloors?: number;
  unit?: string;
  rate?: number;
  district?: string;
}

let seq = 0;
/** Heated households of the heating company, each with its own account. Returns premises ids. */
export async function addHouseholds(w: OrderWorld, specs: HouseholdSpec[]): Promise<string[]> {
  if (specs.length === 0) return [];
  const made = await w.t.database.db
    .insert(customers)
    .values(
      specs.map(() => {
        seq += 1;
        return {
          enterpriseId: w.world.heat.id,
          accountNo: `RLT${String(seq).padStart(6, '0')}`,
          kind: 'heating_resident',
          name: `测试住户${seq}`,
        };
      }),
    )
    .returning({ id: customers.id });
  const rows = await w.t.database.db
    .insert(premises)
    .values(
      specs.map((s, i) => ({
        enterpriseId: w.world.heat.id,
        customerId: made[i]!.id,
        district: s.district ?? '张店区',
        community: '测试小区',
        building: '1',
        unit: s.unit ?? `U${i}`,
        floor: s.floor ?? 1,
        buildingFloors: s.buildingFloors ?? 6,
        address: `张店区测试小区${s.unit ?? `U${i}`}单元${s.floor ?? 1}层-${seq}-${i}`,
        orientation: s.orientation ?? 'shaded',
        networkPosition: s.networkPosition ?? 'end',
        unitHeatUseRate: String(s.rate ?? 80),
        heatedAreaM2: '90.00',
      })),
    )
    .returning({ id: premises.id });
  return rows.map((r) => r.id);
}

/** The premises of the world's heating customer (赵淑芬), for complaint orders. */
export async function heatCustomerPremises(w: OrderWorld, rate = 80): Promise<string> {
  const [row] = await w.t.database.db
    .insert(premises)
    .values({
      enterpriseId: w.world.heat.id,
      customerId: w.customers.heat,
      district: '张店区',
      community: '华光小区',
      building: '3',
      unit: '2',
      floor: 4,
      buildingFloors: 6,
      address: '张店区华光小区3号楼2单元401',
      orientation: 'shaded',
      networkPosition: 'end',
      unitHeatUseRate: String(rate),
      heatedAreaM2: '88.50',
    })
    .returning({ id: premises.id });
  return row!.id;
}

export function measurement(premisesId: string, tenths: number[], extra: Record<string, unknown> = {}) {
  return {
    premisesId,
    protocol: FULL_PROTOCOL,
    conditions: CONDITIONS,
    readings: tenths.map((t, i) => ({ room: i === 0 ? 'living_room' : 'bedroom', tenths: t })),
    signature: SIGNATURE,
    ...extra,
  };
}
