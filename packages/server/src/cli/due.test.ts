import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const bin = new URL('../../bin/ranre.js', import.meta.url).pathname;
const run = (...args: string[]) => spawnSync('node', [bin, 'due', ...args], { encoding: 'utf8' });

describe('ranre due (command line)', () => {
  it('G-6.2.6: 10 days to pay from 2026-02-13 end on the first working day after the Spring Festival', () => {
    const out = JSON.parse(
      execFileSync('node', [bin, 'due', '2026-02-13T09:00:00+08:00', '10d'], { encoding: 'utf8' }),
    );
    expect(out.due).toBe('2026-02-25T00:00:00+08:00');
    expect(out.explanation).toContain('春节');
  });

  it('G-9.2.5: 24 h for a repair run around the clock', () => {
    const out = JSON.parse(run('2026-10-01T08:00:00+08:00', '24h').stdout);
    expect(out.due).toBe('2026-10-02T08:00:00+08:00');
  });

  it('G-5.7.2: 5 working days from 2026-12-28 are provisional (no 2027 notice yet) and exit 0', () => {
    const answer = run('2026-12-28T09:00:00+08:00', '5wd');
    expect(answer.status).toBe(0);
    const out = JSON.parse(answer.stdout);
    expect(out).toMatchObject({ dueText: '2027-01-05 24:00', provisional: true, provisionalYears: [2027] });
    expect(out.explanation).toContain('暂定');
  });

  it('exits non-zero with a clear message on bad input or a year with no lunar data', () => {
    const unknown = run('2100-12-28T10:00:00+08:00', '5wd');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('CALENDAR_YEAR_UNKNOWN');
    const badStart = run('yesterday', '5wd');
    expect(badStart.status).toBe(2);
    expect(badStart.stderr).toContain('ISO 8601');
    const badLimit = run('2026-03-02T10:00:00+08:00', '5x');
    expect(badLimit.status).toBe(2);
    expect(badLimit.stderr).toContain('LIMIT_INVALID');
  });
});
