import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, seedTestWorld, type TestApp } from '../../../testing/harness.ts';

let t: TestApp;
let regulator: string;
let agent: string;
beforeAll(async () => {
  t = await buildTestApp();
  await seedTestWorld(t.database);
  regulator = await t.login('reg');
  agent = await t.login('gas_agent');
});
afterAll(() => t.close());

const due = (cookie: string, start: string, limit: string) =>
  t.app.inject({ method: 'POST', url: '/api/calendar/due', headers: { cookie }, payload: { start, limit } });

describe('calendar and deadlines through the API', () => {
  it('G-5.7.2: a gas complaint received 2025-09-30 is answered by 2025-10-14 24:00, with the reason', async () => {
    const res = await due(agent, '2025-09-30T10:00:00+08:00', '5wd');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.due).toBe('2025-10-15T00:00:00+08:00');
    expect(body.dueText).toBe('2025-10-14 24:00');
    expect(body.explanationEn).toContain('Saturday 10-11, a make-up working day');
    expect(body.explanation).toContain('国庆节');
  });

  it('H-7.4.3: a heating-quality complaint is answered within 0.5 h, around the clock on holidays', async () => {
    const res = await due(agent, '2026-02-17T23:50:00+08:00', '0.5h');
    expect(res.json().due).toBe('2026-02-18T00:20:00+08:00');
  });

  it('refuses a working-day deadline past the last known year with CALENDAR_YEAR_UNKNOWN (422)', async () => {
    const res = await due(agent, '2026-12-28T10:00:00+08:00', '5wd');
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('CALENDAR_YEAR_UNKNOWN');
    expect(res.json().messages.en).toContain('2027');
  });

  it('rejects a bad limit and a start without an offset', async () => {
    expect((await due(agent, '2026-03-02T10:00:00+08:00', '5 weeks')).json().code).toBe('LIMIT_INVALID');
    expect((await due(agent, '2026-03-02T10:00:00', '5wd')).json().code).toBe('VALIDATION_FAILED');
  });

  it('shows a year with holidays and make-up working days named', async () => {
    const res = await t.app.inject({ url: '/api/calendar?year=2026', headers: { cookie: agent } });
    const body = res.json();
    expect(body.days).toHaveLength(365);
    const byDate = Object.fromEntries(body.days.map((d: { date: string }) => [d.date, d]));
    expect(byDate['2026-02-14']).toMatchObject({ working: true, reason: 'makeup_workday' });
    expect(byDate['2026-02-16']).toMatchObject({ working: false, reason: 'holiday' });
    expect(byDate['2026-02-16'].name.zh).toBe('春节');
    expect(body.knownYears.to).toBe(2026);
  });

  it('only the regulator edits the calendar; an override changes deadlines and is audited', async () => {
    const put = (cookie: string) =>
      t.app.inject({
        method: 'PUT',
        url: '/api/calendar/overrides/2026-03-03',
        headers: { cookie },
        payload: { kind: 'rest', note: '演示：临时休息日' },
      });
    expect((await put(agent)).statusCode).toBe(403);
    expect((await put(regulator)).statusCode).toBe(200);
    // 2026-03-02 (Mon) + 1 working day: Tuesday 03-03 is now a rest day, so Wednesday 03-04.
    expect((await due(agent, '2026-03-02T10:00:00+08:00', '1wd')).json().dueText).toBe('2026-03-04 24:00');
    const del = await t.app.inject({
      method: 'DELETE',
      url: '/api/calendar/overrides/2026-03-03',
      headers: { cookie: regulator },
    });
    expect(del.statusCode).toBe(204);
    expect((await due(agent, '2026-03-02T10:00:00+08:00', '1wd')).json().dueText).toBe('2026-03-03 24:00');
    const audit = await t.app.inject({
      url: '/api/audit?entity=calendar_override',
      headers: { cookie: regulator },
    });
    expect(audit.json().items.map((e: { action: string }) => e.action)).toEqual([
      'calendar.override.delete',
      'calendar.override.create',
    ]);
  });

  it("imports next year's notice, which makes the year known", async () => {
    const notice = {
      $schema: 'https://example.invalid/schema.json',
      year: 2027,
      papers: ['演示通知'],
      days: [
        { name: '元旦', date: '2027-01-01', isOffDay: true },
        { name: '春节', date: '2027-02-06', isOffDay: false },
      ],
    };
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/calendar/import',
      headers: { cookie: regulator },
      payload: { ...notice, days: [{ name: 'x', date: '2028-01-01', isOffDay: true }] },
    });
    expect(bad.json().code).toBe('CALENDAR_IMPORT_INVALID');
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/calendar/import',
      headers: { cookie: regulator },
      payload: notice,
    });
    expect(ok.statusCode).toBe(200);
    // 2026-12-31 (Thu) + 1 working day: 2027-01-01 is a day off, so Monday 2027-01-04.
    expect((await due(agent, '2026-12-31T09:00:00+08:00', '1wd')).json().dueText).toBe('2027-01-04 24:00');
  });
});
