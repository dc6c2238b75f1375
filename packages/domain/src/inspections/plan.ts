// G-5.11.1: the yearly inspection plan from the customer archive — how many visits each class needs, the windows they
// fall in, routes by community and building, and routes balanced across inspectors. Pure: the server turns the same
// rules into one INSERT … SELECT (modules/gas/inspections), these functions give it the windows and the route owners.

import { CUSTOMER_KINDS, type CustomerKind } from '../customers/customer-kinds.ts';
import { DomainError } from '../errors.ts';
import { addDays, type DateString } from '../time/shanghai.ts';

export interface InspectionMinimum {
  kind: CustomerKind;
  visitsPerYear: number;
  clause: 'G-5.11.1';
}

/**
 * G-5.11.1: the statutory minimum visits a year per customer class, read from the customer kinds' data (non-residential
 * 4, urban residents 1, rural residents 2). Kinds the clause does not cover (bottled, vehicle, heating) are absent.
 */
export const INSPECTION_MINIMUMS: readonly InspectionMinimum[] = Object.values(CUSTOMER_KINDS)
  .filter((k) => k.inspectionsPerYear !== undefined)
  .map((k) => ({ kind: k.kind, visitsPerYear: k.inspectionsPerYear!, clause: 'G-5.11.1' as const }));

/**
 * Visits a year per kind for a plan: the minimum, or more where the enterprise asks for more. Fewer than the minimum is
 * refused (INSPECTION_BELOW_MINIMUM), naming the class and the clause.
 */
export function visitsPerYear(
  overrides: Partial<Record<CustomerKind, number>> = {},
): Map<CustomerKind, number> {
  const out = new Map<CustomerKind, number>();
  for (const m of INSPECTION_MINIMUMS) {
    const asked = overrides[m.kind] ?? m.visitsPerYear;
    if (!Number.isInteger(asked) || asked < m.visitsPerYear || asked > 12) {
      const label = CUSTOMER_KINDS[m.kind].label;
      throw new DomainError(
        'INSPECTION_BELOW_MINIMUM',
        {
          zh: `${label.zh}每年至少安检 ${m.visitsPerYear} 次（${m.clause}），至多按月 12 次`,
          en: `${label.en}: at least ${m.visitsPerYear} inspections a year (${m.clause}), at most 12`,
        },
        { kind: m.kind, minimum: m.visitsPerYear, asked },
      );
    }
    out.set(m.kind, asked);
  }
  return out;
}

export interface VisitWindow {
  /** 1-based visit number within the year. */
  seq: number;
  from: DateString;
  /** Last day of the window (inclusive). */
  to: DateString;
}

/**
 * The windows `n` visits of `year` fall in: equal runs of months when n divides 12 (4 → quarters, 2 → half-years,
 * 1 → the whole year, 12 → months), else equal runs of days. Every day of the year lies in exactly one window.
 */
export function visitWindows(year: number, n: number): VisitWindow[] {
  if (!Number.isInteger(n) || n < 1 || n > 12) throw new RangeError(`visits a year out of range: ${n}`);
  const first = `${year}-01-01`;
  const next = `${year + 1}-01-01`;
  const starts: DateString[] = [];
  if (12 % n === 0) {
    const step = 12 / n;
    for (let i = 0; i < n; i++) starts.push(`${year}-${String(1 + i * step).padStart(2, '0')}-01`);
  } else {
    const days = Math.round((Date.parse(next) - Date.parse(first)) / 86_400_000);
    for (let i = 0; i < n; i++) starts.push(addDays(first, Math.floor((i * days) / n)));
  }
  return starts.map((from, i) => ({ seq: i + 1, from, to: addDays(starts[i + 1] ?? next, -1) }));
}

export interface RouteLoad {
  /** Community and building, the unit an inspector walks. */
  community: string;
  building: string;
  /** Visits of the route over the year. */
  visits: number;
}

export const routeKey = (r: { community: string; building: string }) => `${r.community}|${r.building}`;

/**
 * Balance routes across inspectors: the largest routes first, each to the inspector with the least load so far
 * (ties: the one listed first). A route is never split, so one inspector walks a building. Deterministic: routes of
 * equal size go in key order.
 */
export function balanceRoutes(
  routes: readonly RouteLoad[],
  inspectorIds: readonly string[],
): Map<string, string> {
  const out = new Map<string, string>();
  if (inspectorIds.length === 0) return out;
  const load = inspectorIds.map(() => 0);
  const sorted = [...routes].sort((a, b) => b.visits - a.visits || routeKey(a).localeCompare(routeKey(b)));
  for (const r of sorted) {
    let best = 0;
    for (let i = 1; i < load.length; i++) if (load[i]! < load[best]!) best = i;
    load[best]! += r.visits;
    out.set(routeKey(r), inspectorIds[best]!);
  }
  return out;
}

export interface PlanCustomer {
  id: string;
  kind: CustomerKind;
  community: string;
  building: string;
}

export interface PlannedVisit {
  customerId: string;
  seq: number;
  windowFrom: DateString;
  windowTo: DateString;
  community: string;
  building: string;
  inspectorId: string | null;
}

/**
 * The whole plan in memory (the rule the server's SQL follows): each customer of a covered kind gets its kind's visits,
 * one per window, on its building's route, owned by the inspector that route was balanced to.
 */
export function planYear(input: {
  year: number;
  customers: readonly PlanCustomer[];
  inspectorIds: readonly string[];
  overrides?: Partial<Record<CustomerKind, number>>;
}): PlannedVisit[] {
  const perKind = visitsPerYear(input.overrides);
  const covered = input.customers.filter((c) => perKind.has(c.kind));
  const loads = new Map<string, RouteLoad>();
  for (const c of covered) {
    const key = routeKey(c);
    const r = loads.get(key) ?? { community: c.community, building: c.building, visits: 0 };
    r.visits += perKind.get(c.kind)!;
    loads.set(key, r);
  }
  const owner = balanceRoutes([...loads.values()], input.inspectorIds);
  return covered.flatMap((c) =>
    visitWindows(input.year, perKind.get(c.kind)!).map((w) => ({
      customerId: c.id,
      seq: w.seq,
      windowFrom: w.from,
      windowTo: w.to,
      community: c.community,
      building: c.building,
      inspectorId: owner.get(routeKey(c)) ?? null,
    })),
  );
}
