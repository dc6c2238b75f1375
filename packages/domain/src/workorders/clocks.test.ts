// Work-order clocks over the CN 2025–2026 calendar fixture: each catalogue limit, run by the sla engine on the
// order's own events.

import { describe, expect, it } from 'vitest';
import { at, cal, codeOf, shown, thrown } from '../testing/support.ts';
import { clockOutcome, clocksFor, evaluateOrderClocks, extendableDue, toClockEvents } from './clocks.ts';
import type { WorkOrderEvent } from './events.ts';
import { ev, received, replay, signedRecord, feedbackAt } from './testing/events.ts';

const byName = (results: ReturnType<typeof evaluateOrderClocks>, name: string) => {
  const found = results.find((r) => r.name === name);
  if (!found) throw new Error(`no clock ${name}`);
  return found;
};

describe('complaint clocks', () => {
  const complaint = [received('gas_complaint', '2025-09-30 10:00')];

  it('G-5.7.2: gas complaint clock is 5 working days (National Day skipped, make-up Saturday counted)', () => {
    const answer = byName(
      evaluateOrderClocks('gas_complaint', complaint, at('2025-10-09 09:00'), cal),
      'answer',
    );
    expect(answer).toMatchObject({ clause: 'G-5.7.2', state: 'running' });
    expect(shown(answer.due)).toBe('2025-10-14 24:00');
  });

  it('G-5.7.2: feedback to the customer stops the clock; after the due it is breached and stays so', () => {
    const late = [
      ...complaint,
      ev('completed', '2025-10-15 09:00', { record: { result: '已处理', onSite: false } }),
      ev('feedback_given', '2025-10-15 10:00', feedbackAt('2025-10-15 09:00')),
    ];
    const answer = byName(evaluateOrderClocks('gas_complaint', late, at('2025-10-20 09:00'), cal), 'answer');
    expect(clockOutcome(answer)).toMatchObject({ outcome: 'breached', name: 'answer', clause: 'G-5.7.2' });
    expect(clockOutcome(answer).marginMinutes).toBe(-600);
  });

  it('G-5.7.4: an extension before the due, with a reason, moves the due', () => {
    const previousDue = extendableDue('gas_complaint', complaint, at('2025-10-13 09:00'), cal);
    expect(shown(previousDue)).toBe('2025-10-14 24:00');
    const extended = [
      ...complaint,
      ev('deadline_extended', '2025-10-13 09:00', {
        previousDue,
        extendedTo: at('2025-10-20 18:00'),
        reason: '需燃气管理部门协调',
      }),
    ];
    expect(replay(extended).extension?.reason).toBe('需燃气管理部门协调');
    const answer = byName(
      evaluateOrderClocks('gas_complaint', extended, at('2025-10-16 09:00'), cal),
      'answer',
    );
    expect(answer).toMatchObject({ state: 'running', dueSource: 'extended' });
    expect(shown(answer.due)).toBe('2025-10-20 18:00');
  });

  it('G-5.7.4: an extension after the deadline is refused', () => {
    const late = ev('deadline_extended', '2025-10-15 09:00', {
      previousDue: at('2025-10-14 24:00'),
      extendedTo: at('2025-10-20 18:00'),
      reason: '需协调',
    });
    const error = thrown(() => replay([...complaint, late])) as Error & { code: string };
    expect(error.code).toBe('EXTENSION_AFTER_DEADLINE');
    expect(
      codeOf(() =>
        replay([...complaint, { ...late, at: at('2025-10-13 09:00'), reason: ' ' } as WorkOrderEvent]),
      ),
    ).toBe('EXTENSION_REASON_REQUIRED');
    // Appliance limits have no extension: only an agreed time (G-9.2.5).
    const appliance = [
      received('appliance_repair', '2025-10-13 08:00'),
      { ...late, at: at('2025-10-13 09:00') } as WorkOrderEvent,
    ];
    expect(codeOf(() => replay(appliance))).toBe('TRANSITION_NOT_ALLOWED');
  });

  it('H-7.4.3: a heating-quality complaint is answered within 0.5 h; contacting the customer stops the clock', () => {
    const events = [
      received('heating_quality_complaint', '2025-12-01 20:00'),
      ev('customer_contacted', '2025-12-01 20:25', { note: '已联系，约明早测温' }),
    ];
    const [response, resolution] = evaluateOrderClocks(
      'heating_quality_complaint',
      events,
      at('2025-12-02 08:00'),
      cal,
    );
    expect(response).toMatchObject({ name: 'response', clause: 'H-7.4.3', state: 'met', marginMinutes: 5 });
    expect(resolution).toMatchObject({ name: 'resolution', state: 'running' });
  });
});

describe('repair and emergency clocks', () => {
  it('H-7.3.9: a leak call is replied to within 0.5 h with a visit time, and the agreed time is the on-site due', () => {
    const events = [
      received('heating_leak', '2025-12-01 20:00'),
      ev('appointment_agreed', '2025-12-01 20:20', { agreedAt: at('2025-12-02 09:00') }),
      ev('dispatched', '2025-12-01 20:21', { assignee: '维修一班' }),
      ev('accepted', '2025-12-02 08:00'),
      ev('arrived_on_site', '2025-12-02 08:50'),
    ];
    const [reply, onSite] = evaluateOrderClocks('heating_leak', events, at('2025-12-02 10:00'), cal);
    expect(reply).toMatchObject({ name: 'reply', state: 'met', marginMinutes: 10 });
    expect(onSite).toMatchObject({ name: 'on_site', state: 'met', dueSource: 'agreed', marginMinutes: 10 });
  });

  it('H-7.3.9: a call-back without a visit time does not answer a leak call', () => {
    const events = [
      received('heating_leak', '2025-12-01 20:00'),
      ev('customer_contacted', '2025-12-01 20:10', { note: '已回电' }),
    ];
    const [reply] = evaluateOrderClocks('heating_leak', events, at('2025-12-01 20:45'), cal);
    expect(reply).toMatchObject({ state: 'breached' });
    expect(shown(reply?.breachedAt)).toBe('2025-12-01 20:30');
  });

  it('G-6.2.13: a missing valve-pit cover is fixed within 24 h of the report, holidays included', () => {
    const events = [received('valve_pit_cover', '2025-10-01 09:00', { channel: 'patrol' })];
    const [repair] = evaluateOrderClocks('valve_pit_cover', events, at('2025-10-01 12:00'), cal);
    expect(repair).toMatchObject({ clause: 'G-6.2.13', state: 'running' });
    expect(shown(repair?.due)).toBe('2025-10-02 09:00');
  });

  it('G-6.2.13: an indoor leak is an on-site clock (0.5 h enterprise commitment) that an appointment cannot move', () => {
    const [onSite] = clocksFor('gas_indoor_leak');
    expect(onSite).toMatchObject({ basis: 'commitment', limit: '0.5h', clause: 'G-6.2.13' });
    expect(onSite?.agreedOn).toBeUndefined();
  });

  it('G-9.2.5: an appliance is installed within 48 h, or at the time agreed with the customer', () => {
    const base = [received('appliance_installation', '2025-09-30 14:00')];
    const [plain] = evaluateOrderClocks('appliance_installation', base, at('2025-10-01 09:00'), cal);
    expect(shown(plain?.due)).toBe('2025-10-02 14:00');
    const agreed = [
      ...base,
      ev('appointment_agreed', '2025-09-30 15:00', { agreedAt: at('2025-10-05 10:00') }),
    ];
    const [onSite] = evaluateOrderClocks('appliance_installation', agreed, at('2025-10-03 09:00'), cal);
    expect(onSite).toMatchObject({ state: 'running', dueSource: 'agreed' });
    expect(shown(onSite?.due)).toBe('2025-10-05 10:00');
  });

  it('G-9.2.5: an appliance repair visit is due within 24 h', () => {
    const [onSite] = evaluateOrderClocks(
      'appliance_repair',
      [received('appliance_repair', '2025-09-30 14:00')],
      at('2025-09-30 15:00'),
      cal,
    );
    expect(shown(onSite?.due)).toBe('2025-10-01 14:00');
  });

  it('H-7.3.2 / Shandong heating regulation: a room-temperature test is due within 24 h of the complaint', () => {
    const [measurement] = evaluateOrderClocks(
      'room_temperature_test',
      [received('room_temperature_test', '2025-12-01 20:00')],
      at('2025-12-02 21:00'),
      cal,
    );
    expect(measurement).toMatchObject({ clause: '山东省供热条例', state: 'breached' });
    expect(shown(measurement?.breachedAt)).toBe('2025-12-02 20:00');
    expect(clocksFor('room_temperature_test')[0]).toMatchObject({ basis: 'regulation', limit: '24h' });
  });
});

describe('connection and account clocks', () => {
  it('G-6.1.2: a gas connection is handled in 4 working days, design and construction excluded', () => {
    const events = [
      received('gas_connection', '2025-03-03 09:00'),
      ev('dispatched', '2025-03-03 10:00', { assignee: '工程部' }),
      ev('accepted', '2025-03-03 11:00'),
      ev('design_started', '2025-03-04 09:00'),
      ev('design_finished', '2025-03-06 09:00'),
    ];
    const [handling] = evaluateOrderClocks('gas_connection', events, at('2025-03-07 09:00'), cal);
    expect(handling).toMatchObject({ clause: 'G-6.1.2', state: 'running', pausedMinutes: 2 * 24 * 60 });
    // 4 working days end 03-07 24:00; two working days of design are given back after the weekend.
    expect(shown(handling?.statutory?.due)).toBe('2025-03-07 24:00');
    expect(shown(handling?.due)).toBe('2025-03-11 24:00');
  });

  it('G-6.2.10: a facility change is answered in 5 working days; residential work runs 5 working days from the agreed time', () => {
    const events = [
      received('gas_facility_change', '2025-03-03 09:00'),
      ev('appointment_agreed', '2025-03-05 10:00', { agreedAt: at('2025-03-10 09:00') }),
    ];
    const before = evaluateOrderClocks('gas_facility_change', events, at('2025-03-09 12:00'), cal);
    expect(byName(before, 'answer')).toMatchObject({ state: 'met' });
    expect(byName(before, 'work')).toMatchObject({ state: 'not_started' });
    const work = byName(
      evaluateOrderClocks('gas_facility_change', events, at('2025-03-12 12:00'), cal),
      'work',
    );
    expect(work).toMatchObject({ state: 'running', clause: 'G-6.2.10' });
    expect(shown(work.startedAt)).toBe('2025-03-10 09:00');
    expect(shown(work.due)).toBe('2025-03-17 24:00');
  });

  it('G-6.2.10: an agreed time replaced before it came does not start the work clock; the replacement does', () => {
    const events: WorkOrderEvent[] = [
      received('gas_facility_change', '2025-03-03 09:00'),
      ev('appointment_agreed', '2025-03-05 10:00', { agreedAt: at('2025-03-10 09:00') }),
      ev('appointment_agreed', '2025-03-07 10:00', { agreedAt: at('2025-03-12 09:00') }),
    ];
    expect(
      toClockEvents(events)
        .filter((e) => e.type === 'agreed_time_reached')
        .map((e) => shown(e.at)),
    ).toEqual(['2025-03-12 09:00']);
  });

  it('H-7.1.8: heating resumes within 48 h of acceptance; a valve opened later is a breach', () => {
    const events = [
      received('heating_resumption', '2025-12-05 10:00'),
      ev('dispatched', '2025-12-05 11:00', { assignee: '三分公司' }),
      ev('accepted', '2025-12-05 12:00'),
      ev('arrived_on_site', '2025-12-07 10:30'),
      ev('completed', '2025-12-07 11:00', signedRecord),
    ];
    const [openValve] = evaluateOrderClocks('heating_resumption', events, at('2025-12-08 09:00'), cal);
    expect(openValve).toMatchObject({ clause: 'H-7.1.8', state: 'breached', marginMinutes: -60 });
    expect(shown(openValve?.breachedAt)).toBe('2025-12-07 10:00');
  });

  it('H-7.1.7: the suspension limit is the enterprise’s published commitment, configurable; statute limits are not', () => {
    expect(clocksFor('heating_suspension')[0]).toMatchObject({ limit: '3wd', basis: 'commitment' });
    expect(clocksFor('heating_suspension', { completion: '2wd' })[0]?.limit).toBe('2wd');
    expect(codeOf(() => clocksFor('heating_resumption', { open_valve: '72h' }))).toBe(
      'CLOCK_NOT_CONFIGURABLE',
    );
    expect(codeOf(() => clocksFor('heating_suspension', { nope: '1wd' }))).toBe('CLOCK_NOT_CONFIGURABLE');
    expect(codeOf(() => clocksFor('heating_suspension', { completion: 'soon' }))).toBe('LIMIT_INVALID');
  });

  it('clockOutcome: running and paused clocks are "running"; a clock not yet started has no margin', () => {
    const events = [received('gas_facility_change', '2025-03-03 09:00')];
    const results = evaluateOrderClocks('gas_facility_change', events, at('2025-03-04 09:00'), cal);
    expect(results.map(clockOutcome).map((o) => [o.name, o.outcome, o.marginMinutes === null])).toEqual([
      ['answer', 'running', false],
      ['work', 'not_started', true],
    ]);
  });
});
