import { describe, expect, it } from 'vitest';
import { checkReading, monthlyHistory } from './plausibility.ts';
import type { MonthlyUsage } from './estimate.ts';
import { codeOf } from '../testing/support.ts';

const a = (periodEnd: string, volume: number): MonthlyUsage => ({ periodEnd, volume, kind: 'actual' });
const history = [a('2026-01-31', 60_000), a('2026-02-28', 50_000), a('2026-03-31', 30_000)];
const prev = { readOn: '2026-03-31', register: 1_000_000 };

describe('G-6.2.5 reading plausibility (high/low against the customer’s own history)', () => {
  it('G-6.2.5: usage above 2× the highest actual month of the past year is flagged HIGH, to confirm with a note', () => {
    const r = checkReading({
      previous: prev,
      readOn: '2026-04-30',
      register: 1_130_000,
      history,
      occupied: true,
    });
    expect(r.usage).toBe(130_000);
    expect(r.flags.map((f) => [f.code, f.severity])).toEqual([['HIGH', 'confirm']]);
    expect(r.needsConfirmation).toBe(true);
    expect(r.flags[0]!.reason.zh).toContain('60.000 m³');
    expect(r.flags[0]!.reason.en).toContain('2× the highest actual month');
  });

  it('G-6.2.5: just under the bar is not flagged', () => {
    const r = checkReading({
      previous: prev,
      readOn: '2026-04-30',
      register: 1_115_000,
      history,
      occupied: true,
    });
    expect(r.flags).toEqual([]);
    expect(r.needsConfirmation).toBe(false);
  });

  it('G-6.2.5: the high bar grows with the days read (two months unread is not "high")', () => {
    const r = checkReading({
      previous: prev,
      readOn: '2026-05-31',
      register: 1_200_000,
      history,
      occupied: true,
    });
    expect(r.days).toBe(61);
    expect(r.flags).toEqual([]);
  });

  it('G-6.2.5: estimated months never set the bar', () => {
    const h = [...history, { periodEnd: '2026-03-15', volume: 900_000, kind: 'estimated' as const }];
    const r = checkReading({
      previous: prev,
      readOn: '2026-04-30',
      register: 1_130_000,
      history: h,
      occupied: true,
    });
    expect(r.flags.map((f) => f.code)).toEqual(['HIGH']);
  });

  it('G-6.2.5: zero usage on an occupied account is flagged; on a vacant one it is not', () => {
    const occupied = checkReading({
      previous: prev,
      readOn: '2026-04-30',
      register: 1_000_000,
      history,
      occupied: true,
    });
    expect(occupied.flags.map((f) => f.code)).toEqual(['ZERO']);
    const vacant = checkReading({
      previous: prev,
      readOn: '2026-04-30',
      register: 1_000_000,
      history,
      occupied: false,
    });
    expect(vacant.flags).toEqual([]);
  });

  it('G-6.2.5: usage far below the same month a year earlier is flagged LOW', () => {
    const h = [a('2025-04-30', 40_000), ...history];
    const r = checkReading({
      previous: prev,
      readOn: '2026-04-30',
      register: 1_005_000,
      history: h,
      occupied: true,
    });
    expect(r.flags.map((f) => f.code)).toEqual(['LOW']);
  });

  it('G-6.2.5: a register that runs backwards is blocked (record the exchange first)', () => {
    const r = checkReading({
      previous: prev,
      readOn: '2026-04-30',
      register: 900_000,
      history,
      occupied: true,
    });
    expect(r.blocked).toBe(true);
    expect(r.flags.map((f) => [f.code, f.severity])).toEqual([['REGRESSION', 'block']]);
  });

  it('G-6.2.5: a drum rolling past its maximum counts the usage across zero and asks to confirm', () => {
    const r = checkReading({
      previous: { readOn: '2026-03-31', register: 99_990_000 },
      readOn: '2026-04-30',
      register: 20_000,
      history,
      occupied: true,
    });
    expect(r).toMatchObject({ usage: 30_000, rollover: true, blocked: false, needsConfirmation: true });
    expect(r.flags.map((f) => f.code)).toEqual(['ROLLOVER']);
  });

  it('a reading not after the previous one, or beyond the drum, is refused', () => {
    expect(
      codeOf(() =>
        checkReading({ previous: prev, readOn: '2026-03-31', register: 1_000_001, history, occupied: true }),
      ),
    ).toBe('READING_DATE_NOT_AFTER_PREVIOUS');
    expect(
      codeOf(() =>
        checkReading({
          previous: prev,
          readOn: '2026-04-30',
          register: 100_000_000,
          history,
          occupied: true,
        }),
      ),
    ).toBe('READING_REGISTER_INVALID');
    expect(
      codeOf(() =>
        checkReading({ previous: prev, readOn: '2026-04-30', register: 1.5, history, occupied: true }),
      ),
    ).toBe('BILLING_AMOUNT_INVALID');
  });

  it('the first reading of a meter has no usage and no flags', () => {
    const r = checkReading({
      previous: null,
      readOn: '2026-04-30',
      register: 5_000,
      history: [],
      occupied: true,
    });
    expect(r).toMatchObject({ usage: 0, flags: [], needsConfirmation: false });
  });

  it('G-6.2.5: remote and customer-read registers are actual months; estimates stay estimates', () => {
    const h = monthlyHistory([
      { readOn: '2026-02-28', kind: 'estimated', register: 2, usage: 2 },
      { readOn: '2026-01-31', kind: 'remote', register: 1, usage: 1 },
      { readOn: '2026-03-31', kind: 'customer', register: 3, usage: 1 },
    ]);
    expect(h.map((x) => [x.periodEnd, x.kind])).toEqual([
      ['2026-01-31', 'actual'],
      ['2026-02-28', 'estimated'],
      ['2026-03-31', 'actual'],
    ]);
  });
});

describe('G-6.2.5 an actual reading below the estimate before it', () => {
  it('G-6.2.5 多退少补: below the estimated register but above the last actual one is a settlement, not a regression', () => {
    const r = checkReading({
      previous: { readOn: '2026-04-30', register: 1_050_000, kind: 'estimated' },
      lastActualRegister: 1_000_000,
      readOn: '2026-05-31',
      register: 1_030_000,
      history,
      occupied: true,
    });
    expect(r).toMatchObject({ usage: -20_000, blocked: false, flags: [] });
    const below = checkReading({
      previous: { readOn: '2026-04-30', register: 1_050_000, kind: 'estimated' },
      lastActualRegister: 1_000_000,
      readOn: '2026-05-31',
      register: 990_000,
      history,
      occupied: true,
    });
    expect(below.blocked).toBe(true);
  });

  it('G-6.2.5: a negative settlement month counts as no usage in the history', () => {
    expect(
      monthlyHistory([{ readOn: '2026-05-31', kind: 'actual', register: 1, usage: -5 }])[0]!.volume,
    ).toBe(0);
  });
});

describe('G-6.2.5 the installation register is not a month of use', () => {
  it('G-6.2.5: a leading zero-usage reading (installation) is left out of the history; zero months do not set the high bar', () => {
    const h = monthlyHistory([
      { readOn: '2025-11-20', kind: 'actual', register: 1_000_000, usage: 0 },
      { readOn: '2025-12-20', kind: 'actual', register: 1_040_000, usage: 40_000 },
    ]);
    expect(h.map((x) => x.periodEnd)).toEqual(['2025-12-20']);
    const r = checkReading({
      previous: { readOn: '2025-12-20', register: 1_040_000 },
      readOn: '2026-01-20',
      register: 1_100_000,
      history: [a('2025-11-20', 0)],
      occupied: true,
    });
    expect(r.flags).toEqual([]);
  });
});
