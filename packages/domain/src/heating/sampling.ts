// Room-temperature sampling plan for a season (H-5.4.2, H-5.4.3, H-5.4.4).
//
// Quotas: each of the three H-5.4.2 mixes is turned into integer targets by largest-remainder rounding (ties go to
// the value listed first: near, middle, end / shaded, sunny / upper, middle, lower).
//
// Floor bands: a building of F floors is cut into thirds by band = floor((floor − 1) × 3 / F): 0 lower, 1 middle,
// 2 upper. When F is not a multiple of 3 the extra floors go to the lower bands first (F = 7 → lower 1–3, middle
// 4–5, upper 6–7; F = 2 → lower 1, middle 2, no upper; F = 1 → lower only).
//
// Method (fast at 500,000 households): bucket the eligible households (not sampled last season) into the 18
// position × orientation × band cells, then fill the three marginal targets one pick at a time, always from the
// cell whose position, orientation and band are all still short (ties: the largest summed deficit, then the first
// cell). With enough households in every cell this meets every quota exactly; when cells run out it keeps picking
// the best remaining cell and the quotas it could not meet are reported as shortfalls, never hidden. Inside a cell the
// household is drawn with the seeded PRNG (a lazy Fisher–Yates shuffle), skipping units that already hold the
// per-unit maximum (H-5.4.3). The result is a function of the household order and the seed alone.

import { domainError, type Messages } from '../errors.ts';
import type { FloorBand, NetworkPosition, PremisesOrientation } from '../customers/customer-kinds.ts';
import { randomIndex, seededRandom } from './prng.ts';

export interface SampleHousehold {
  id: string;
  buildingUnitId: string;
  floor: number;
  buildingFloors: number;
  orientation: PremisesOrientation;
  networkPosition: NetworkPosition;
  sampledLastSeason: boolean;
}

export interface SamplePlanRequest {
  households: readonly SampleHousehold[];
  size: number;
  seed: number;
  /** H-5.4.3: at most 3 per building unit (override only for what-if planning). */
  maxPerUnit?: number;
}

export type QuotaDimension = 'total' | 'networkPosition' | 'orientation' | 'floorBand';

export interface QuotaRow {
  dimension: QuotaDimension;
  value: string;
  target: number;
  achieved: number;
}

export interface Shortfall extends QuotaRow, Messages {
  missing: number;
}

export interface SampleCell {
  networkPosition: NetworkPosition;
  orientation: PremisesOrientation;
  floorBand: FloorBand;
  eligible: number;
  chosen: number;
}

export interface SamplePlan {
  selected: SampleHousehold[];
  quotas: QuotaRow[];
  shortfalls: Shortfall[];
  cells: SampleCell[];
  excludedSampledLastSeason: number;
}

/** H-5.4.2 mixes in percent, in tie-break order. */
export const SAMPLING_MIX = {
  networkPosition: { near: 20, middle: 30, end: 50 },
  orientation: { shaded: 60, sunny: 40 },
  floorBand: { upper: 30, middle: 30, lower: 40 },
} as const;
export const MAX_SAMPLED_PER_UNIT = 3;

const POSITIONS: readonly NetworkPosition[] = ['near', 'middle', 'end'];
const ORIENTS: readonly PremisesOrientation[] = ['shaded', 'sunny'];
const BANDS: readonly FloorBand[] = ['upper', 'middle', 'lower'];
const BAND_BY_THIRD: readonly FloorBand[] = ['lower', 'middle', 'upper'];

const DIMENSION_NAMES: Record<QuotaDimension, Messages> = {
  total: { zh: '样本总数', en: 'sample size' },
  networkPosition: { zh: '管网位置', en: 'network position' },
  orientation: { zh: '朝向', en: 'orientation' },
  floorBand: { zh: '楼层', en: 'floor band' },
};

/** The band of `floor` in a building of `buildingFloors` floors (see the header for the rounding). */
export function floorBand(floor: number, buildingFloors: number): FloorBand {
  return BAND_BY_THIRD[Math.floor(((floor - 1) * 3) / buildingFloors)] as FloorBand;
}

/** Integer shares of `total` by integer percentages summing to 100; largest remainder, ties to the first key. */
export function largestRemainder<K extends string>(
  total: number,
  percents: Readonly<Record<K, number>>,
): Record<K, number> {
  const keys = Object.keys(percents) as K[];
  const out = {} as Record<K, number>;
  let given = 0;
  for (const k of keys) {
    out[k] = Math.floor((total * percents[k]) / 100);
    given += out[k];
  }
  const order = [...keys].sort((a, b) => ((total * percents[b]) % 100) - ((total * percents[a]) % 100));
  for (let i = 0; given < total; i++, given++) out[order[i % order.length] as K] += 1;
  return out;
}

export function planSample(request: SamplePlanRequest): SamplePlan {
  const { households, size, seed } = request;
  const maxPerUnit = request.maxPerUnit ?? MAX_SAMPLED_PER_UNIT;
  if (!Number.isInteger(size) || size < 0) {
    throw domainError(
      'SAMPLE_SIZE_INVALID',
      `样本数应为非负整数，收到「${size}」。`,
      `Sample size must be a non-negative integer, got "${size}".`,
    );
  }
  if (!Number.isInteger(maxPerUnit) || maxPerUnit < 1) {
    throw domainError(
      'SAMPLE_SIZE_INVALID',
      `每单元上限应为正整数。`,
      `The per-unit maximum must be a positive integer.`,
    );
  }

  // Bucket eligible households into the 18 cells: index = position × 6 + orientation × 3 + band.
  const cells: number[][] = Array.from({ length: 18 }, () => []);
  let excluded = 0;
  for (let i = 0; i < households.length; i++) {
    const h = households[i] as SampleHousehold;
    const p =
      h.networkPosition === 'near'
        ? 0
        : h.networkPosition === 'middle'
          ? 1
          : h.networkPosition === 'end'
            ? 2
            : -1;
    const o = h.orientation === 'shaded' ? 0 : h.orientation === 'sunny' ? 1 : -1;
    if (p < 0 || o < 0 || !Number.isInteger(h.floor) || h.floor < 1 || h.floor > h.buildingFloors) {
      throw domainError(
        'SAMPLE_HOUSEHOLD_INVALID',
        `住户 ${h.id} 的管网位置、朝向或楼层（${h.floor}/${h.buildingFloors}）无效。`,
        `Household ${h.id} has an invalid network position, orientation or floor (${h.floor} of ${h.buildingFloors}).`,
        { id: h.id },
      );
    }
    if (h.sampledLastSeason) {
      excluded++;
      continue;
    }
    const b = 2 - Math.floor(((h.floor - 1) * 3) / h.buildingFloors); // upper 0, middle 1, lower 2
    (cells[p * 6 + o * 3 + b] as number[]).push(i);
  }

  const targets = {
    networkPosition: POSITIONS.map((k) => largestRemainder(size, SAMPLING_MIX.networkPosition)[k]),
    orientation: ORIENTS.map((k) => largestRemainder(size, SAMPLING_MIX.orientation)[k]),
    floorBand: BANDS.map((k) => largestRemainder(size, SAMPLING_MIX.floorBand)[k]),
  };
  const dp = [...targets.networkPosition];
  const dO = [...targets.orientation];
  const db = [...targets.floorBand];

  const random = seededRandom(seed);
  const cursor = new Int32Array(18);
  const chosen = new Int32Array(18);
  const alive = cells.map((c) => c.length > 0);
  const perUnit = new Map<string, number>();
  const selected: SampleHousehold[] = [];

  while (selected.length < size) {
    let best = -1;
    let bestScore = -Infinity;
    for (let c = 0; c < 18; c++) {
      if (!alive[c]) continue;
      const a = dp[Math.floor(c / 6)] as number;
      const o = dO[Math.floor(c / 3) % 2] as number;
      const b = db[c % 3] as number;
      const score = ((a > 0 ? 1 : 0) + (o > 0 ? 1 : 0) + (b > 0 ? 1 : 0)) * 1e12 + a + o + b;
      if (score > bestScore) {
        bestScore = score;
        best = c;
      }
    }
    if (best < 0) break;
    const pool = cells[best] as number[];
    let taken: SampleHousehold | undefined;
    while (cursor[best]! < pool.length) {
      const at = cursor[best]!;
      const j = at + randomIndex(random, pool.length - at);
      const pick = pool[j] as number;
      pool[j] = pool[at] as number;
      pool[at] = pick;
      cursor[best] = at + 1;
      const h = households[pick] as SampleHousehold;
      const inUnit = perUnit.get(h.buildingUnitId) ?? 0;
      if (inUnit < maxPerUnit) {
        perUnit.set(h.buildingUnitId, inUnit + 1);
        taken = h;
        break;
      }
    }
    if (!taken) {
      alive[best] = false;
      continue;
    }
    selected.push(taken);
    chosen[best]! += 1;
    dp[Math.floor(best / 6)]! -= 1;
    dO[Math.floor(best / 3) % 2]! -= 1;
    db[best % 3]! -= 1;
  }

  const quotas: QuotaRow[] = [{ dimension: 'total', value: 'all', target: size, achieved: selected.length }];
  const push = (dimension: QuotaDimension, values: readonly string[], t: number[], left: number[]): void => {
    values.forEach((value, i) => {
      const target = t[i] as number;
      quotas.push({ dimension, value, target, achieved: target - (left[i] as number) });
    });
  };
  push('networkPosition', POSITIONS, targets.networkPosition, dp);
  push('orientation', ORIENTS, targets.orientation, dO);
  push('floorBand', BANDS, targets.floorBand, db);

  const shortfalls: Shortfall[] = quotas
    .filter((q) => q.achieved < q.target)
    .map((q) => {
      const missing = q.target - q.achieved;
      const name = DIMENSION_NAMES[q.dimension];
      const rule = q.dimension === 'total' ? 'H-5.4.3/H-5.4.4' : 'H-5.4.2';
      return {
        ...q,
        missing,
        zh: `${rule}：${name.zh}「${q.value}」应抽 ${q.target} 户，只能抽到 ${q.achieved} 户，差 ${missing} 户`,
        en: `${rule}: ${name.en} "${q.value}" needs ${q.target}, only ${q.achieved} could be sampled (short ${missing})`,
      };
    });

  const cellRows: SampleCell[] = cells.map((pool, c) => ({
    networkPosition: POSITIONS[Math.floor(c / 6)] as NetworkPosition,
    orientation: ORIENTS[Math.floor(c / 3) % 2] as PremisesOrientation,
    floorBand: BANDS[c % 3] as FloorBand,
    eligible: pool.length,
    chosen: chosen[c] as number,
  }));

  return { selected, quotas, shortfalls, cells: cellRows, excludedSampledLastSeason: excluded };
}
