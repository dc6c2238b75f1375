import { describe, expect, it } from 'vitest';
import { stepAlreadyRecorded, workOrderEventOptions } from './next-steps.ts';
import { ev, handledOrder, replay } from './testing/events.ts';

const DAY = '2026-12-01';

describe('what may be recorded next, as the domain accepts it now', () => {
  it('H-7.3.4: 归档 is not offered before the return visit, and the reason says a return visit must come first', () => {
    const events = handledOrder('heating_repair', DAY);
    const o = workOrderEventOptions(replay(events), events, 'agent');
    expect(o.allowed).toContain('return_visited');
    expect(o.allowed).not.toContain('closed');
    const closed = o.blocked.find((b) => b.type === 'closed');
    expect(closed?.reason.zh).toContain('须回访后方可归档');
  });

  it('H-7.3.4: after an unsatisfied return visit 归档 is refused with the reason; dispatching again is offered', () => {
    const events = [
      ...handledOrder('heating_repair', DAY),
      ev('return_visited', `${DAY} 15:00`, { satisfaction: 'dissatisfied' }),
    ];
    const o = workOrderEventOptions(replay(events), events, 'agent');
    expect(o.allowed).not.toContain('closed');
    expect(o.allowed).toContain('redispatched');
    expect(o.blocked.find((b) => b.type === 'closed')?.reason.zh).toContain('回访不满意');
  });

  it('after a satisfied return visit 归档 is offered', () => {
    const events = [
      ...handledOrder('heating_repair', DAY),
      ev('return_visited', `${DAY} 15:00`, { satisfaction: 'satisfied' }),
    ];
    const o = workOrderEventOptions(replay(events), events, 'agent');
    expect(o.allowed).toContain('closed');
    expect(o.blocked).toEqual([]);
  });

  it('a step already recorded is not offered again; it is again after the order reaches someone anew', () => {
    const events = handledOrder('heating_repair', DAY).slice(0, 4); // received, dispatched, accepted, arrived
    expect(stepAlreadyRecorded(events, 'arrived_on_site')).toBe(true);
    expect(stepAlreadyRecorded(events, 'started')).toBe(false);
    const o = workOrderEventOptions(replay(events), events, 'technician');
    expect(o.allowed).not.toContain('arrived_on_site');
    expect(o.allowed).toContain('started');
    const started = [...events, ev('started', `${DAY} 11:30`)];
    const later = workOrderEventOptions(replay(started), started, 'technician');
    expect(later.allowed).not.toContain('arrived_on_site');
    const transferred = [
      ...handledOrder('heating_repair', DAY).slice(0, 3),
      ev('transferred', `${DAY} 10:30`, { assignee: '维修二班', reason: '片区调整' }),
    ];
    expect(stepAlreadyRecorded(transferred, 'accepted')).toBe(false);
  });
});
