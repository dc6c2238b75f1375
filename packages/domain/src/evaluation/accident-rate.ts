// H-10.5.1, H-3.8: the operation accident rate S = Σ(ts × ss) ÷ (T × st) — each heating interruption the company
// caused, its hours times the heated area cut off, over the season's hours of normal heating times the heated area
// that should be heated. Table 1: S ≤ 2 ‰. Amounts are whole m²·min so sums stay exact integers; the server's SQL
// counts in the same unit and a test holds the two to each other.

export interface HeatingOutage {
  startedAt: Date;
  /** Null while heating is still off: counted up to the end of the window. */
  restoredAt: Date | null;
  /** The heated area cut off (m²), from the premises of the communities named. */
  heatedAreaM2: number;
  /** H-3.8: only interruptions the heating company caused count. */
  companyCaused: boolean;
}

export interface OutageWindow {
  start: Date;
  end: Date;
}

const MINUTE = 60_000;

/** The minutes of [from, to) that fall inside the window (0 when none). */
export function overlapMinutes(from: Date, to: Date, w: OutageWindow): number {
  const a = Math.max(from.getTime(), w.start.getTime());
  const b = Math.min(to.getTime(), w.end.getTime());
  return b > a ? (b - a) / MINUTE : 0;
}

/** ts × ss of one interruption inside the window, in whole m²·min; 0 for one the company did not cause. */
export function outageExposure(o: HeatingOutage, w: OutageWindow): number {
  if (!o.companyCaused) return 0;
  return Math.round(overlapMinutes(o.startedAt, o.restoredAt ?? w.end, w) * o.heatedAreaM2);
}

/** T × st: the season's minutes of normal heating inside the window times the heated area, in whole m²·min. */
export function seasonExposure(
  seasons: readonly { start: Date; end: Date }[],
  heatedAreaM2: number,
  w: OutageWindow,
): number {
  const minutes = seasons.reduce((sum, s) => sum + overlapMinutes(s.start, s.end, w), 0);
  return Math.round(minutes) * Math.round(heatedAreaM2);
}

/** The counts of H-10.5.1 for `evaluate`: numerator Σ(ts × ss), denominator T × st, both m²·min. */
export function accidentRateCounts(input: {
  outages: readonly HeatingOutage[];
  seasons: readonly { start: Date; end: Date }[];
  heatedAreaM2: number;
  window: OutageWindow;
}): { numerator: number; denominator: number } {
  return {
    numerator: input.outages.reduce((sum, o) => sum + outageExposure(o, input.window), 0),
    denominator: seasonExposure(input.seasons, input.heatedAreaM2, input.window),
  };
}
