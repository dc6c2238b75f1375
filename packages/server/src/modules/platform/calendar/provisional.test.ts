import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDeadlineWatcher } from '../../../jobs/deadline-watcher.ts';
import { orderWorld, type Detail, type OrderWorld } from '../../service/workorders/testing.ts';

// Late December: the 2027 holiday notice is not in, the hotline keeps taking complaints on the provisional
// calendar, and when the notice arrives the open orders' dues move and say why.

let w: OrderWorld;
beforeAll(async () => {
  w = await orderWorld();
});
afterAll(() => w.close());

const complaint = {
  itemCode: 'gas_complaint',
  channel: 'phone',
  callerName: '王建国',
  callerPhone: '13905330002',
  description: '抄表员服务态度差',
  complaintCategory: 'attitude',
};
const answer = (d: Detail) => d.clocks.find((c: { name: string }) => c.name === 'answer');

/** A 2027 notice: New Year's Day on Friday 01-01, Sunday 01-03 worked instead (a make-up working day). */
const notice2027 = {
  year: 2027,
  papers: ['测试用通知'],
  days: [
    { name: '元旦', date: '2027-01-01', isOffDay: true },
    { name: '元旦', date: '2027-01-03', isOffDay: false },
  ],
};

describe('a year with no holiday notice yet', () => {
  it('from 1 November the regulator and administrators are told that next year’s notice is missing', async () => {
    w.at('2026-10-15 09:00');
    let status = (await w.call('reg', 'GET', '/calendar/status')).json();
    expect(status.alert).toBeNull();
    w.at('2026-11-01 09:00');
    status = (await w.call('reg', 'GET', '/calendar/status')).json();
    expect(status.years).toEqual([
      { year: 2026, notice: 'in' },
      { year: 2027, notice: 'provisional' },
    ]);
    expect(status.alert.zh).toContain('2027 年的国务院放假通知尚未导入');
  });

  it('G-5.7.2: a complaint taken 2026-12-28 gets a provisional due, marked and explained', async () => {
    w.at('2026-12-28 10:00');
    const o = await w.create('gas_agent', complaint);
    expect(answer(o)).toMatchObject({
      clause: 'G-5.7.2',
      state: 'running',
      dueText: '2027-01-05 24:00',
      provisional: true,
    });
    expect(answer(o).explanation.zh).toContain('暂定');
    const due = await w.call('gas_agent', 'POST', '/calendar/due', {
      start: '2026-12-28T10:00:00+08:00',
      limit: '5wd',
    });
    expect(due.statusCode).toBe(200);
    expect(due.json()).toMatchObject({
      dueText: '2027-01-05 24:00',
      provisional: true,
      provisionalYears: [2027],
    });
  });

  it('G-5.7.2: importing the notice moves the open complaint’s due and appends the reason to its history; a breach stays', async () => {
    w.at('2026-12-21 10:00');
    const late = await w.create('gas_agent', complaint); // due 2026-12-28 24:00, not provisional
    w.at('2026-12-29 09:00');
    const open = await w.create('gas_agent', {
      ...complaint,
      callerPhone: '13905330001',
      callerName: '李秀英',
    });
    expect(answer(open)).toMatchObject({ dueText: '2027-01-06 24:00', provisional: true });
    await runDeadlineWatcher({ database: w.t.database, calendar: w.t.ctx.calendar }, w.t.ctx.now());
    expect(answer(await w.get('gas_agent', late.id)).state).toBe('breached');

    const res = await w.call('reg', 'POST', '/calendar/import', notice2027);
    expect(res.statusCode, res.body).toBe(200);
    const moved = res.json().moved as { orderNo: string; previousDue: string; newDue: string }[];
    const mine = moved.find((m) => m.orderNo === open.orderNo);
    // 12-30, 12-31, Sunday 01-03 (worked), 01-04, 01-05: the due moves a day earlier.
    expect(mine).toMatchObject({
      previousDue: '2027-01-06T16:00:00.000Z',
      newDue: '2027-01-05T16:00:00.000Z',
    });
    expect(moved.find((m) => m.orderNo === late.orderNo)).toBeUndefined();

    const after = await w.get('gas_agent', open.id);
    expect(answer(after)).toMatchObject({ dueText: '2027-01-05 24:00', provisional: false });
    const event = after.events.find((e: { type: string }) => e.type === 'due_recalculated');
    expect(event.payload).toMatchObject({
      clock: 'answer',
      clause: 'G-5.7.2',
      previousDue: '2027-01-06T16:00:00.000Z',
      newDue: '2027-01-05T16:00:00.000Z',
      year: 2027,
    });
    expect(event.actorRole).toBe('regulator');
    expect(answer(await w.get('gas_agent', late.id)).state).toBe('breached');

    const status = (await w.call('reg', 'GET', '/calendar/status')).json();
    expect(status.alert).toBeNull();
  });

  it('G-5.7.2: a deadline that reaches a year with no lunar data is still refused', async () => {
    const res = await w.call('gas_agent', 'POST', '/calendar/due', {
      start: '2100-12-28T10:00:00+08:00',
      limit: '5wd',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('CALENDAR_YEAR_UNKNOWN');
  });
});
