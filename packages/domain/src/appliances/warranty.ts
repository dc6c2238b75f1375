// G-9.2.8: the warranty on the work done — at least 12 months for an installation, 3 for a repair. A repair of
// work under a warranty in force is free, and that free redo restarts the warranty from its completion.

import type { DateString } from '../time/shanghai.ts';

export type WarrantyKind = 'installation' | 'repair';

/** G-9.2.8: the least the warranty may run, in months. */
export const MIN_WARRANTY_MONTHS: Readonly<Record<WarrantyKind, number>> = { installation: 12, repair: 3 };

/** The warranty an order's work carries, by catalogue item; null for work that carries none. */
export function warrantyKindFor(itemCode: string): WarrantyKind | null {
  if (itemCode === 'appliance_installation') return 'installation';
  if (itemCode === 'appliance_repair' || itemCode === 'appliance_walk_in_repair') return 'repair';
  return null;
}

/** The term in months: the company's own if longer, never below the minimum of G-9.2.8. */
export function warrantyMonths(kind: WarrantyKind, offered?: number): number {
  return Math.max(MIN_WARRANTY_MONTHS[kind], offered ?? 0);
}

/**
 * The last day covered: the day before the same date `months` later (2026-01-31 + 1 month covers through
 * 2026-02-28, the month having no 31st).
 */
export function warrantyEnds(start: DateString, months: number): DateString {
  const [y, m, d] = start.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const anniversary = Date.UTC(year, month - 1, Math.min(d, lastDay));
  const end = d > lastDay ? anniversary : anniversary - 86_400_000;
  return new Date(end).toISOString().slice(0, 10);
}

/** A warranty covers `today` from its first day through its last (inclusive). */
export function warrantyInForce(w: { startsOn: DateString; endsOn: DateString }, today: DateString): boolean {
  return w.startsOn <= today && today <= w.endsOn;
}
