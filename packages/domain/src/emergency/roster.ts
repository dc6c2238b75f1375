// Duty rosters (G-4.2.2, H-4.2.2, G-5.12.3, H-6.4.3, H-7.3.1): the 24 h hotline and the rush-repair crew must be
// staffed around the clock. A gap is any stretch of a required period that no shift with at least one person
// covers; it is found here, before it starts, so the watcher can alert.

import { HOUR_MS, addDays, shanghaiMidnightUtc, toShanghaiDate, type DateString } from '../time/shanghai.ts';

export type DutyKind = 'hotline' | 'rush_repair';
export const DUTY_KINDS: readonly DutyKind[] = ['hotline', 'rush_repair'];
export type DutySector = 'gas' | 'heating';

export interface DutyShiftSpan {
  kind: DutyKind;
  startsAt: Date;
  endsAt: Date;
  /** People on the shift (from the staff registry). */
  people: number;
}

/** A heating season's dates (Asia/Shanghai days, both inclusive). */
export interface SeasonSpan {
  startsOn: DateString;
  endsOn: DateString;
}

export interface RosterGap {
  kind: DutyKind;
  startsAt: Date;
  endsAt: Date;
  /** `nobody`: a shift is entered for the time but names nobody; `uncovered`: no shift at all. */
  reason: 'nobody' | 'uncovered';
  /** The gap falls (partly) in a night (18:00–08:00) of the heating season: no repair crew at night. */
  seasonNight: boolean;
  clause: string;
}

type Span = { from: number; to: number };

/** The clause that requires each kind around the clock, per sector. */
export function dutyClause(sector: DutySector, kind: DutyKind): string {
  if (kind === 'hotline') return sector === 'gas' ? 'G-4.2.2' : 'H-4.2.2';
  return sector === 'gas' ? 'G-5.12.3' : 'H-6.4.3';
}

/**
 * When each kind must be staffed within [from, to): the hotline always (G-4.2.2, H-4.2.2: 24 h all year);
 * a gas rush-repair crew always (G-5.12.3); a heating one during the heating season (H-6.4.3).
 */
function requiredSpans(
  sector: DutySector,
  kind: DutyKind,
  from: Date,
  to: Date,
  seasons: SeasonSpan[],
): Span[] {
  const all = [{ from: from.getTime(), to: to.getTime() }];
  if (kind === 'hotline' || sector === 'gas') return all;
  return merge(
    seasons.map((s) => ({
      from: Math.max(from.getTime(), shanghaiMidnightUtc(s.startsOn).getTime()),
      to: Math.min(to.getTime(), shanghaiMidnightUtc(addDays(s.endsOn, 1)).getTime()),
    })),
  );
}

function merge(spans: Span[]): Span[] {
  const sorted = spans.filter((s) => s.to > s.from).sort((a, b) => a.from - b.from);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.from <= last.to) last.to = Math.max(last.to, s.to);
    else out.push({ ...s });
  }
  return out;
}

function subtract(required: Span[], covered: Span[]): Span[] {
  const out: Span[] = [];
  for (const r of required) {
    let cursor = r.from;
    for (const c of covered) {
      if (c.to <= cursor || c.from >= r.to) continue;
      if (c.from > cursor) out.push({ from: cursor, to: c.from });
      cursor = Math.max(cursor, c.to);
    }
    if (cursor < r.to) out.push({ from: cursor, to: r.to });
  }
  return out;
}

const overlaps = (a: Span, b: Span) => a.from < b.to && b.from < a.to;

/** Nights (18:00 to 08:00 next day, Asia/Shanghai) of the heating seasons that meet `span`. */
function inSeasonNight(span: Span, seasons: SeasonSpan[]): boolean {
  let day = toShanghaiDate(new Date(span.from - 24 * HOUR_MS));
  const last = toShanghaiDate(new Date(span.to));
  for (; day <= last; day = addDays(day, 1)) {
    const inSeason = seasons.some((s) => day >= s.startsOn && day <= s.endsOn);
    if (!inSeason) continue;
    const from = shanghaiMidnightUtc(day).getTime() + 18 * HOUR_MS;
    if (overlaps(span, { from, to: from + 14 * HOUR_MS })) return true;
  }
  return false;
}

/** The gaps of a roster within [from, to), earliest first. */
export function rosterGaps(input: {
  sector: DutySector;
  shifts: DutyShiftSpan[];
  from: Date;
  to: Date;
  seasons?: SeasonSpan[];
}): RosterGap[] {
  const seasons = input.seasons ?? [];
  const gaps: RosterGap[] = [];
  for (const kind of DUTY_KINDS) {
    const mine = input.shifts.filter((s) => s.kind === kind);
    const span = (s: DutyShiftSpan): Span => ({ from: s.startsAt.getTime(), to: s.endsAt.getTime() });
    const covered = merge(mine.filter((s) => s.people > 0).map(span));
    const empty = mine.filter((s) => s.people === 0).map(span);
    const required = requiredSpans(input.sector, kind, input.from, input.to, seasons);
    for (const g of subtract(required, covered)) {
      gaps.push({
        kind,
        startsAt: new Date(g.from),
        endsAt: new Date(g.to),
        reason: empty.some((e) => overlaps(e, g)) ? 'nobody' : 'uncovered',
        seasonNight: input.sector === 'heating' && inSeasonNight(g, seasons),
        clause: dutyClause(input.sector, kind),
      });
    }
  }
  return gaps.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

/** The shifts on duty at `at` (a dispatcher sends an urgent order only to people on duty: G-5.12.3, H-6.4.3). */
export function onDutyAt<T extends DutyShiftSpan>(shifts: T[], at: Date, kind?: DutyKind): T[] {
  const t = at.getTime();
  return shifts.filter(
    (s) => s.startsAt.getTime() <= t && t < s.endsAt.getTime() && (!kind || s.kind === kind),
  );
}
