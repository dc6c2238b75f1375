import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors.ts';
import {
  floorBand,
  largestRemainder,
  planSample,
  type SampleHousehold,
  type SamplePlan,
} from './sampling.ts';

const POSITIONS = ['near', 'middle', 'end'] as const;
const ORIENTS = ['shaded', 'sunny'] as const;

/** Ample population: every cell has plenty of households, each unit 6 floors × 2 sides × 1 position. */
function ample(unitsPerPosition: number): SampleHousehold[] {
  const out: SampleHousehold[] = [];
  for (const networkPosition of POSITIONS) {
    for (let u = 0; u < unitsPerPosition; u++) {
      for (let floor = 1; floor <= 6; floor++) {
        for (const orientation of ORIENTS) {
          const buildingUnitId = `${networkPosition}-${u}`;
          const id = `${buildingUnitId}-${floor}-${orientation}`;
          out.push({
            id,
            buildingUnitId,
            floor,
            buildingFloors: 6,
            orientation,
            networkPosition,
            sampledLastSeason: false,
          });
        }
      }
    }
  }
  return out;
}

function checkPlan(households: readonly SampleHousehold[], size: number, plan: SamplePlan): void {
  const ids = new Set(plan.selected.map((h) => h.id));
  expect(ids.size).toBe(plan.selected.length);
  expect(plan.selected.length).toBeLessThanOrEqual(size);
  expect(plan.selected.every((h) => !h.sampledLastSeason)).toBe(true);
  const perUnit = new Map<string, number>();
  for (const h of plan.selected) perUnit.set(h.buildingUnitId, (perUnit.get(h.buildingUnitId) ?? 0) + 1);
  expect(Math.max(0, ...perUnit.values())).toBeLessThanOrEqual(3);
  // Every quota is met, or reported as a shortfall of exactly the missing amount.
  const count = (dimension: string, value: string): number =>
    plan.selected.filter((h) =>
      dimension === 'total'
        ? true
        : dimension === 'networkPosition'
          ? h.networkPosition === value
          : dimension === 'orientation'
            ? h.orientation === value
            : floorBand(h.floor, h.buildingFloors) === value,
    ).length;
  for (const q of plan.quotas) {
    expect(q.achieved).toBe(count(q.dimension, q.value));
    const short = plan.shortfalls.find((s) => s.dimension === q.dimension && s.value === q.value);
    if (q.achieved >= q.target) expect(short).toBeUndefined();
    else expect(short?.missing).toBe(q.target - q.achieved);
  }
  expect(plan.quotas.find((q) => q.dimension === 'total')?.target).toBe(size);
  expect(households.length).toBeGreaterThanOrEqual(0);
}

describe('H-5.4.2 quotas (largest remainder)', () => {
  it('splits 7 as near 1 / middle 2 / end 4 and 100 exactly by percent', () => {
    expect(largestRemainder(7, { near: 20, middle: 30, end: 50 })).toEqual({ near: 1, middle: 2, end: 4 });
    expect(largestRemainder(100, { upper: 30, middle: 30, lower: 40 })).toEqual({
      upper: 30,
      middle: 30,
      lower: 40,
    });
    expect(largestRemainder(5, { shaded: 60, sunny: 40 })).toEqual({ shaded: 3, sunny: 2 });
    expect(largestRemainder(1, { upper: 30, middle: 30, lower: 40 })).toEqual({
      upper: 0,
      middle: 0,
      lower: 1,
    });
  });
  it('floor bands are thirds of each building, extra floors to the lower bands', () => {
    expect([1, 2, 3, 4, 5, 6].map((f) => floorBand(f, 6))).toEqual([
      'lower',
      'lower',
      'middle',
      'middle',
      'upper',
      'upper',
    ]);
    expect([1, 2, 3, 4, 5, 6, 7].map((f) => floorBand(f, 7))).toEqual([
      'lower',
      'lower',
      'lower',
      'middle',
      'middle',
      'upper',
      'upper',
    ]);
    expect(floorBand(1, 1)).toBe('lower');
    expect([floorBand(1, 2), floorBand(2, 2)]).toEqual(['lower', 'middle']);
  });
});

describe('H-5.4.2/H-5.4.3/H-5.4.4 sampling plan', () => {
  it('meets every quota exactly on an ample population', () => {
    const households = ample(200);
    const plan = planSample({ households, size: 100, seed: 7 });
    checkPlan(households, 100, plan);
    expect(plan.shortfalls).toEqual([]);
    expect(plan.quotas.map((q) => q.achieved)).toEqual([100, 20, 30, 50, 60, 40, 30, 30, 40]);
  });
  it('H-5.4.3: never samples a household sampled last season', () => {
    const households = ample(20).map((h, i) => ({ ...h, sampledLastSeason: i % 2 === 0 }));
    const plan = planSample({ households, size: 30, seed: 1 });
    expect(plan.excludedSampledLastSeason).toBe(households.length / 2);
    checkPlan(households, 30, plan);
  });
  it('reports a shortfall when there are no far-end households', () => {
    const households = ample(50).filter((h) => h.networkPosition !== 'end');
    const plan = planSample({ households, size: 40, seed: 3 });
    checkPlan(households, 40, plan);
    expect(plan.shortfalls.find((s) => s.value === 'end')).toMatchObject({
      target: 20,
      achieved: 0,
      missing: 20,
    });
    expect(plan.shortfalls[0]?.en).toMatch(
      /network position "end" needs 20, only 0 could be sampled \(short 20\)/,
    );
  });
  it('H-5.4.3: at most 3 per unit shows as a total shortfall when units are few', () => {
    const households = ample(1); // 3 units
    const plan = planSample({ households, size: 20, seed: 5 });
    checkPlan(households, 20, plan);
    expect(plan.selected).toHaveLength(9);
    expect(plan.shortfalls[0]).toMatchObject({ dimension: 'total', missing: 11 });
  });
  it('rejects a bad size or household', () => {
    expect(() => planSample({ households: [], size: -1, seed: 1 })).toThrowError(/non-negative/);
    const bad = { ...(ample(1)[0] as SampleHousehold), floor: 9 };
    try {
      planSample({ households: [bad], size: 1, seed: 1 });
      expect.unreachable();
    } catch (e) {
      expect(isDomainError(e, 'SAMPLE_HOUSEHOLD_INVALID')).toBe(true);
    }
  });

  const household = fc.record({
    unit: fc.integer({ min: 0, max: 40 }),
    floorSeed: fc.nat(),
    buildingFloors: fc.integer({ min: 1, max: 33 }),
    orientation: fc.constantFrom(...ORIENTS),
    networkPosition: fc.constantFrom(...POSITIONS),
    sampledLastSeason: fc.boolean(),
  });
  const population = fc.array(household, { maxLength: 300 }).map((rows) =>
    rows.map((r, i): SampleHousehold => ({
      id: `h${i}`,
      buildingUnitId: `u${r.unit}`,
      floor: 1 + (r.floorSeed % r.buildingFloors),
      buildingFloors: r.buildingFloors,
      orientation: r.orientation,
      networkPosition: r.networkPosition,
      sampledLastSeason: r.sampledLastSeason,
    })),
  );

  it('property: every constraint holds or is reported as a shortfall; same seed, same plan', () => {
    fc.assert(
      fc.property(population, fc.integer({ min: 0, max: 120 }), fc.integer(), (households, size, seed) => {
        const plan = planSample({ households, size, seed });
        checkPlan(households, size, plan);
        const again = planSample({ households, size, seed });
        expect(again.selected.map((h) => h.id)).toEqual(plan.selected.map((h) => h.id));
      }),
      { numRuns: 200 },
    );
  });
});
