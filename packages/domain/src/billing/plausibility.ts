// High/low plausibility check on every reading entered (peer practice: Oracle CC&B, SAP IS-U), against the
// customer's own history. A flagged reading is not refused: the reader confirms it with a note. A register that
// runs backwards is refused (severity 'block') unless it is a rollover of the drum past its maximum.
// G-6.2.5: readings on the agreed cycle; the usage of a reading is the register difference since the previous one.

import { domainError } from '../errors.ts';
import type { Messages } from '../errors.ts';
import { assertDateString, daysBetween } from '../time/shanghai.ts';
import type { DateString } from '../time/shanghai.ts';
import { oneYearBefore } from './estimate.ts';
import type { MonthlyUsage } from './estimate.ts';
import { assertWholeNonNegative, formatM3 } from './units.ts';
import type { Litres } from './units.ts';

export type ReadingKind = 'actual' | 'remote' | 'customer' | 'estimated';
export const READING_KINDS: readonly ReadingKind[] = ['actual', 'remote', 'customer', 'estimated'];

/** A stored reading: the cumulative register and the usage since the one before. */
export interface ReadingPoint {
  readOn: DateString;
  kind: ReadingKind;
  register: Litres;
  usage: Litres;
}

export type ReadingFlagCode = 'HIGH' | 'LOW' | 'ZERO' | 'ROLLOVER' | 'REGRESSION';

export interface ReadingFlag {
  code: ReadingFlagCode;
  /** 'confirm': the reader may keep it with a note; 'block': it cannot be recorded as entered. */
  severity: 'confirm' | 'block';
  reason: Messages;
}

export interface ReadingCheck {
  usage: Litres;
  days: number;
  rollover: boolean;
  flags: ReadingFlag[];
  /** True when any flag must be confirmed with a note. */
  needsConfirmation: boolean;
  blocked: boolean;
}

export interface ReadingCheckInput {
  /** The meter's last reading; when it is an estimate, `lastActualRegister` is the floor a register may not go under. */
  previous: { readOn: DateString; register: Litres; kind?: ReadingKind } | null;
  lastActualRegister?: Litres;
  readOn: DateString;
  register: Litres;
  /** Monthly usage history (actual readings count; estimates do not set the bar). */
  history: readonly MonthlyUsage[];
  /** An occupied, active account should use some gas. */
  occupied: boolean;
  /** High when usage > factor × the highest actual month of the past year, pro rata to the days read. */
  factor?: number;
  /** Litres at which the drum rolls over to 0 (a 5-digit m³ drum: 100 000 m³). */
  registerMax?: Litres;
}

export const DEFAULT_PLAUSIBILITY_FACTOR = 2;
export const DEFAULT_REGISTER_MAX: Litres = 100_000_000;
const MONTH_DAYS = 31;

function byDate(a: MonthlyUsage, b: MonthlyUsage) {
  return a.periodEnd < b.periodEnd ? -1 : a.periodEnd > b.periodEnd ? 1 : 0;
}

/** Checks a reading against the previous register and the customer's own past year. */
export function checkReading(input: ReadingCheckInput): ReadingCheck {
  const factor = input.factor ?? DEFAULT_PLAUSIBILITY_FACTOR;
  const max = input.registerMax ?? DEFAULT_REGISTER_MAX;
  assertDateString(input.readOn);
  assertWholeNonNegative(input.register, 'register');
  if (input.register >= max) {
    throw domainError(
      'READING_REGISTER_INVALID',
      `读数 ${formatM3(input.register)} 超出表盘最大值 ${formatM3(max)}。`,
      `Register ${formatM3(input.register)} is beyond the meter's maximum ${formatM3(max)}.`,
    );
  }
  const flags: ReadingFlag[] = [];
  const prev = input.previous;
  if (prev && input.readOn <= prev.readOn) {
    throw domainError(
      'READING_DATE_NOT_AFTER_PREVIOUS',
      `抄表日期 ${input.readOn} 须晚于上次抄表日期 ${prev.readOn}。`,
      `Reading date ${input.readOn} must be after the previous reading of ${prev.readOn}.`,
      { previous: prev.readOn },
    );
  }
  const days = prev ? daysBetween(prev.readOn, input.readOn) : 0;
  let usage = prev ? input.register - prev.register : 0;
  let rollover = false;
  if (prev && usage < 0 && prev.kind === 'estimated' && input.register >= (input.lastActualRegister ?? 0)) {
    // 多退少补 (G-6.2.5): the actual register is below the estimate but not below the last actual one. The
    // negative usage is the volume the estimates overstated; it is settled, not flagged.
    return { usage, days, rollover, flags, needsConfirmation: false, blocked: false };
  }
  if (prev && usage < 0) {
    // A drum past its maximum starts again at 0: the previous register near the top, the new one near the bottom.
    if (prev.register >= max * 0.9 && input.register <= max * 0.1) {
      rollover = true;
      usage = max - prev.register + input.register;
      flags.push({
        code: 'ROLLOVER',
        severity: 'confirm',
        reason: {
          zh: `表盘已满归零：上次 ${formatM3(prev.register)}，本次 ${formatM3(input.register)}，按归零计用量 ${formatM3(usage)}。`,
          en: `The register rolled over: previous ${formatM3(prev.register)}, now ${formatM3(input.register)}; usage counted as ${formatM3(usage)}.`,
        },
      });
    } else {
      flags.push({
        code: 'REGRESSION',
        severity: 'block',
        reason: {
          zh: `本次读数 ${formatM3(input.register)} 小于上次 ${formatM3(prev.register)}，读数不能倒退；如已换表，请先登记换表。`,
          en: `The register ${formatM3(input.register)} is below the previous ${formatM3(prev.register)}; a register cannot run backwards. If the meter was exchanged, record the exchange first.`,
        },
      });
      return { usage: 0, days, rollover, flags, needsConfirmation: false, blocked: true };
    }
  }
  if (prev) flags.push(...usageFlags(input, usage, days, factor));
  return {
    usage,
    days,
    rollover,
    flags,
    needsConfirmation: flags.some((f) => f.severity === 'confirm'),
    blocked: false,
  };
}

function usageFlags(input: ReadingCheckInput, usage: Litres, days: number, factor: number): ReadingFlag[] {
  const from = oneYearBefore(input.readOn);
  const actuals = input.history
    .filter((h) => h.kind === 'actual' && h.periodEnd > from && h.periodEnd < input.readOn)
    .sort(byDate);
  // Months with some use set the bar; a month away (zero) says nothing about what is high.
  const used = actuals.filter((h) => h.volume > 0);
  const flags: ReadingFlag[] = [];
  if (usage === 0 && input.occupied && actuals.some((h) => h.volume > 0)) {
    flags.push({
      code: 'ZERO',
      severity: 'confirm',
      reason: {
        zh: '在用户户本期用量为 0，请核实是否空置、停用或表具故障。',
        en: 'Zero usage on an occupied account: check whether it is vacant, shut off or the meter is faulty.',
      },
    });
    return flags;
  }
  if (used.length === 0) return flags;
  const highest = used.reduce((best, h) => (h.volume > best.volume ? h : best));
  // Pro rata to the days read, at least one month: a 62-day reading may use two months' gas.
  const span = Math.max(days, MONTH_DAYS);
  const bar = Math.floor((factor * highest.volume * span) / MONTH_DAYS);
  if (usage > bar) {
    flags.push({
      code: 'HIGH',
      severity: 'confirm',
      reason: {
        zh: `本期用量 ${formatM3(usage)}（${days} 天）超过近一年最高实抄月用量 ${formatM3(highest.volume)}（${highest.periodEnd}）的 ${factor} 倍，请核实读数。`,
        en: `Usage ${formatM3(usage)} over ${days} days is above ${factor}× the highest actual month of the past year, ${formatM3(highest.volume)} (${highest.periodEnd}); check the reading.`,
      },
    });
  }
  // Low: against the same month a year earlier, so summer is not compared with winter.
  const month = oneYearBefore(input.readOn).slice(0, 7);
  const sameMonth = input.history.find((h) => h.kind === 'actual' && h.periodEnd.slice(0, 7) === month);
  if (usage > 0 && sameMonth && sameMonth.volume > 0 && usage * factor * 2 < sameMonth.volume) {
    flags.push({
      code: 'LOW',
      severity: 'confirm',
      reason: {
        zh: `本期用量 ${formatM3(usage)} 不足去年同月（${sameMonth.periodEnd}）${formatM3(sameMonth.volume)} 的 1/${factor * 2}，请核实读数。`,
        en: `Usage ${formatM3(usage)} is below 1/${factor * 2} of the same month a year earlier (${sameMonth.periodEnd}), ${formatM3(sameMonth.volume)}; check the reading.`,
      },
    });
  }
  return flags;
}

/**
 * Monthly usage history from stored readings: actual, remote and customer-read registers are actual readings of
 * the meter (G-6.2.5's "actual month"); estimates stay estimates. A first reading with no usage is the register at
 * installation, not a month's use, and is left out (it would make the cap of G-6.2.5 zero).
 */
export function monthlyHistory(readings: readonly ReadingPoint[]): MonthlyUsage[] {
  const sorted = [...readings].sort((a, b) => (a.readOn < b.readOn ? -1 : a.readOn > b.readOn ? 1 : 0));
  if (sorted[0] && sorted[0].usage === 0) sorted.shift();
  return sorted.map((r) => ({
    periodEnd: r.readOn,
    // A settlement after estimates may be negative; as a month's usage it counts as none.
    volume: Math.max(0, r.usage),
    kind: r.kind === 'estimated' ? ('estimated' as const) : ('actual' as const),
  }));
}
