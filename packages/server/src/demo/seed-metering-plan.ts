import {
  checkReading,
  estimateReading,
  monthlyHistory,
  settleReadings,
  type ReadingKind,
  type ReadingPoint,
} from '@ranre/domain';
import type { Prng } from './seed-customers-data.ts';

// Pure planning for the metering demo: a household's year of monthly readings with seasonal gas use (winter high),
// the months a resident could not be read estimated by the domain's G-6.2.5 rule, flagged readings confirmed by the
// reader, and settlements after estimates. Deterministic for a PRNG seed.

/** m³ per reading month (the month the reading closes), a Zibo household on gas heating and cooking: demo figures. */
const RESIDENT_PROFILE = [48, 45, 34, 20, 13, 10, 9, 9, 9, 11, 20, 38];
/** Shops and canteens: mostly cooking, a little heating. */
const NON_RESIDENT_SEASON = [1.3, 1.25, 1.1, 1.0, 0.95, 0.9, 0.9, 0.9, 0.95, 1.0, 1.1, 1.25];

export type PlannedReading = ReadingPoint & {
  estimateBasis: Record<string, unknown> | null;
  checks: Record<string, unknown>[];
  note: string;
};

/** Read dates: the 20th of the `count` latest months whose 20th is not after today. */
export function readDates(today: string, count: number): string[] {
  let y = Number(today.slice(0, 4));
  let m = Number(today.slice(5, 7));
  if (Number(today.slice(8, 10)) < 20) m -= 1;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    while (m < 1) {
      m += 12;
      y -= 1;
    }
    out.unshift(`${y}-${String(m).padStart(2, '0')}-20`);
    m -= 1;
  }
  return out;
}

/** Household scale: most 0.6–1.4; about 1 in 12 crosses the 400 m³ tier in the year, 1 in 30 the 600 m³ one. */
export function householdScale(r: Prng, resident: boolean): number {
  if (!resident) return 0.4 + r.next() * 2.5;
  const x = r.next();
  if (x < 0.033) return 2.85 + r.next() * 0.25;
  if (x < 0.12) return 2.0 + r.next() * 0.3;
  return 0.6 + r.next() * 0.8;
}

export function planReadings(input: {
  r: Prng;
  resident: boolean;
  scale: number;
  dates: string[];
  openingRegister: number;
  remote: boolean;
  /** Residents who cannot always be read (G-6.2.5): their estimate rate. */
  missRate: number;
}): PlannedReading[] {
  const { r, dates } = input;
  const out: PlannedReading[] = [];
  // The true registers first, so an estimate is only kept where the next actual reading is not below it: the demo
  // has no negative months (other modules read `usage` as a volume).
  let running = input.openingRegister;
  const used = dates.map((readOn) => {
    const month = Number(readOn.slice(5, 7)) - 1;
    const base = input.resident ? RESIDENT_PROFILE[month]! : 600 * NON_RESIDENT_SEASON[month]!;
    return Math.round(base * input.scale * (0.85 + r.next() * 0.3) * 1000);
  });
  const trueRegisters = used.map((litres) => (running += litres));
  dates.forEach((readOn, i) => {
    const litres = used[i]!;
    const trueRegister = trueRegisters[i]!;
    const points = out.map(({ readOn: d, kind, register, usage }) => ({ readOn: d, kind, register, usage }));
    const previous = out[out.length - 1];
    const unread =
      input.resident && !input.remote && i >= 3 && previous?.kind !== 'estimated' && r.chance(input.missRate);
    if (unread) {
      try {
        const e = estimateReading({ readings: points, periodEnd: readOn });
        const next = trueRegisters[i + 1];
        if (next === undefined || e.register > next) throw new Error('read instead');
        out.push({
          readOn,
          kind: 'estimated',
          register: e.register,
          usage: e.usage,
          estimateBasis: { ...e.basis },
          checks: [],
          note: e.basis.reason.zh,
        });
        return;
      } catch {
        // no basis for an estimate, or it would overshoot the next actual reading: read it after all
      }
    }
    const kind: ReadingKind =
      i === 0 ? 'actual' : input.remote ? 'remote' : r.chance(0.12) ? 'customer' : 'actual';
    if (!previous) {
      out.push({
        readOn,
        kind,
        register: trueRegister,
        usage: litres,
        estimateBasis: null,
        checks: [],
        note: '',
      });
      return;
    }
    const lastActual = [...out].reverse().find((p) => p.kind !== 'estimated');
    const check = checkReading({
      previous,
      lastActualRegister: lastActual?.register,
      readOn,
      register: trueRegister,
      history: monthlyHistory(points),
      occupied: true,
    });
    const checks: Record<string, unknown>[] = check.flags.map((f) => ({ ...f }));
    let note = '';
    if (check.flags.length > 0) {
      note = '已入户核实表读数无误（演示）';
      checks.push({ code: 'CONFIRMED', by: '抄表员（演示）', note });
    }
    if (previous.kind === 'estimated') {
      checks.push({ code: 'SETTLEMENT', ...settleReadings(points, { readOn, register: trueRegister }) });
    }
    out.push({ readOn, kind, register: trueRegister, usage: check.usage, estimateBasis: null, checks, note });
  });
  return out;
}
