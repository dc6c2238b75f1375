// Room-temperature sampling plan at 500,000 households (issue 5: "a plan for 500,000 households in ≤ 2 s"), timed
// against a baseline that simply shuffles the eligible households (seeded Fisher–Yates) and takes `size`, measured in
// the same run on the same population. Pure CPU: no database.
//
//   npx tsx bench/heating-sampling.bench.ts
//   BENCH_ROWS=1000000 BENCH_SIZE=5000 npx tsx bench/heating-sampling.bench.ts
import { planSample, seededRandom, type SampleHousehold } from '@ranre/domain';

const ROWS = Number(process.env.BENCH_ROWS ?? 500_000);
const SIZE = Number(process.env.BENCH_SIZE ?? 2_000);
const RUNS = 5;

function population(rows: number): SampleHousehold[] {
  const random = seededRandom(2026);
  const out: SampleHousehold[] = [];
  const perUnit = 36; // 18 floors × 2 households
  for (let i = 0; i < rows; i++) {
    const unit = Math.floor(i / perUnit);
    const buildingFloors = 6 + (unit % 4) * 4; // 6, 10, 14, 18 floors
    const r = random();
    out.push({
      id: `H${i}`,
      buildingUnitId: `U${unit}`,
      floor: 1 + Math.floor(random() * buildingFloors),
      buildingFloors,
      orientation: random() < 0.5 ? 'shaded' : 'sunny',
      networkPosition: r < 0.3 ? 'near' : r < 0.65 ? 'middle' : 'end',
      sampledLastSeason: random() < 0.01,
    });
  }
  return out;
}

function baseline(households: readonly SampleHousehold[], size: number, seed: number): SampleHousehold[] {
  const random = seededRandom(seed);
  const pool = households.filter((h) => !h.sampledLastSeason);
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [pool[i], pool[j]] = [pool[j] as SampleHousehold, pool[i] as SampleHousehold];
  }
  return pool.slice(0, size);
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

const households = population(ROWS);
baseline(households, SIZE, 0);
planSample({ households, size: SIZE, seed: 0 }); // warm-up
const planTimes: number[] = [];
const baseTimes: number[] = [];
let plan = planSample({ households, size: SIZE, seed: 1 });
for (let run = 1; run <= RUNS; run++) {
  let t = performance.now();
  plan = planSample({ households, size: SIZE, seed: run });
  planTimes.push(performance.now() - t);
  t = performance.now();
  baseline(households, SIZE, run);
  baseTimes.push(performance.now() - t);
}
const p = median(planTimes);
const b = median(baseTimes);
console.log(`households: ${ROWS.toLocaleString('en')}, sample size: ${SIZE}, runs: ${RUNS} (median)`);
console.log(`planSample:         ${p.toFixed(1)} ms  (${p <= 2000 ? 'within' : 'OVER'} the 2 s budget)`);
console.log(`shuffle-and-take:   ${b.toFixed(1)} ms`);
console.log(`ratio plan/baseline: ${(p / b).toFixed(2)}×`);
console.log(
  `selected: ${plan.selected.length}, shortfalls: ${plan.shortfalls.length === 0 ? 'none' : plan.shortfalls.map((s) => s.en).join('; ')}`,
);
console.log(
  'quotas:',
  plan.quotas.map((q) => `${q.dimension}:${q.value} ${q.achieved}/${q.target}`).join(', '),
);
