// The work-order loop of H-3.22 / H-7.3.4 and the 12345 practice, event by event.

import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors.ts';
import { codeOf, thrown } from '../testing/support.ts';
import type { WorkOrderEvent } from './events.ts';
import { replayWorkOrder } from './replay.ts';
import { ev, feedbackAt, handledOrder, received, replay, signedRecord } from './testing/events.ts';
import { applyWorkOrderEvent, availableWorkOrderEvents } from './transitions.ts';

const DAY = '2025-12-01';

describe('the work-order loop (H-3.22, H-7.3.4)', () => {
  it('H-7.3.4: intake → dispatch → sign for → on site → completed → feedback → satisfied visit → archived', () => {
    const events = [
      ...handledOrder('heating_repair', DAY),
      ev('return_visited', `${DAY} 15:00`, { satisfaction: 'satisfied' }),
    ];
    expect(replay(events).state).toBe('return_visited');
    const closed = replay([...events, ev('closed', `${DAY} 16:00`)]);
    expect(closed).toMatchObject({
      state: 'closed',
      closure: { as: 'resolved' },
      dispatchCount: 1,
      assignee: '维修一班',
    });
  });

  it("H-7.3.4: a return visit with 'dissatisfied' dispatches the order again", () => {
    const visited = [
      ...handledOrder('heating_repair', DAY),
      ev('return_visited', `${DAY} 15:00`, { satisfaction: 'dissatisfied' }),
    ];
    expect(codeOf(() => replay([...visited, ev('closed', `${DAY} 16:00`)]))).toBe('TRANSITION_NOT_ALLOWED');
    const again = replay([
      ...visited,
      ev('redispatched', `${DAY} 16:00`, { assignee: '维修二班', reason: '用户反映仍漏水' }),
    ]);
    expect(again).toMatchObject({
      state: 'dispatched',
      assignee: '维修二班',
      redispatchCount: 1,
      dispatchCount: 2,
    });
    expect(again.completion).toBeUndefined();
    expect(again.satisfaction).toBeUndefined();
  });

  it('H-7.3.4: a satisfied order cannot be dispatched again; it closes', () => {
    const visited = [
      ...handledOrder('heating_repair', DAY),
      ev('return_visited', `${DAY} 15:00`, { satisfaction: 'basically_satisfied' }),
    ];
    expect(
      codeOf(() => replay([...visited, ev('redispatched', `${DAY} 16:00`, { assignee: 'x', reason: 'y' })])),
    ).toBe('TRANSITION_NOT_ALLOWED');
  });

  it('H-7.3.4: an order handed on needs a return visit before it is archived', () => {
    const error = thrown(() =>
      replay([...handledOrder('heating_repair', DAY), ev('closed', `${DAY} 14:00`)]),
    );
    expect(isDomainError(error, 'TRANSITION_NOT_ALLOWED')).toBe(true);
    expect((error as Error).message).toContain('return visit');
  });

  it('H-7.3.4: an enquiry answered on the phone by whoever took it closes without a visit', () => {
    const order = replay([
      received('consultation', `${DAY} 08:00`),
      ev('completed', `${DAY} 08:05`, { record: { result: '已解答收费标准', onSite: false } }),
      ev('feedback_given', `${DAY} 08:06`, feedbackAt(`${DAY} 08:05`)),
      ev('closed', `${DAY} 08:07`),
    ]);
    expect(order).toMatchObject({ state: 'closed', flags: { firstContactResolution: true } });
  });

  it('returns (退单) go back to the dispatcher with the reason; transfers (转派) change the handler', () => {
    const base = [
      received('heating_repair', `${DAY} 08:00`),
      ev('dispatched', `${DAY} 09:00`, { assignee: '维修一班' }),
    ];
    const returned = replay([...base, ev('returned', `${DAY} 09:30`, { reason: '不属本班组辖区' })]);
    expect(returned).toMatchObject({ state: 'returned', returnCount: 1, lastReturnReason: '不属本班组辖区' });
    expect(returned.assignee).toBeUndefined();
    expect(
      replay([
        ...base,
        ev('returned', `${DAY} 09:30`, { reason: 'x' }),
        ev('dispatched', `${DAY} 10:00`, { assignee: '维修二班' }),
      ]).state,
    ).toBe('dispatched');
    const transferred = replay([
      ...base,
      ev('transferred', `${DAY} 09:30`, { assignee: '管网所', reason: '户外管网' }),
    ]);
    expect(transferred).toMatchObject({ state: 'dispatched', assignee: '管网所', dispatchCount: 2 });
    expect(codeOf(() => replay([...base, ev('returned', `${DAY} 09:30`)]))).toBe('PAYLOAD_MISSING');
  });
});

describe('errors name the state and the event', () => {
  it('TRANSITION_NOT_ALLOWED: completing an order that was only dispatched', () => {
    const events = [
      received('heating_repair', `${DAY} 08:00`),
      ev('dispatched', `${DAY} 09:00`, { assignee: 'a' }),
    ];
    const error = thrown(() =>
      replay([...events, ev('completed', `${DAY} 10:00`, signedRecord)]),
    ) as Error & { messages: { zh: string } };
    expect(isDomainError(error, 'TRANSITION_NOT_ALLOWED')).toBe(true);
    expect(error.messages.zh).toContain('已派单');
    expect(error.messages.zh).toContain('处理完毕');
    expect(error.message).toContain('dispatched');
    expect(error.message).toContain('Event 3');
  });

  it('ROLE_NOT_ALLOWED: a resident cannot dispatch; a billing clerk cannot receive', () => {
    const order = replay([received('heating_repair', `${DAY} 08:00`)]);
    const error = thrown(() =>
      applyWorkOrderEvent(order, ev('dispatched', `${DAY} 09:00`, { assignee: 'a' }), 'resident'),
    );
    expect(isDomainError(error, 'ROLE_NOT_ALLOWED')).toBe(true);
    expect((error as Error).message).toContain('resident');
    expect(
      codeOf(() => applyWorkOrderEvent(undefined, received('consultation', `${DAY} 08:00`), 'billing_clerk')),
    ).toBe('ROLE_NOT_ALLOWED');
  });

  it('an order starts with "received", once; events are appended in time order; unknown types are refused', () => {
    expect(
      codeOf(() =>
        applyWorkOrderEvent(undefined, ev('dispatched', `${DAY} 09:00`, { assignee: 'a' }), 'dispatcher'),
      ),
    ).toBe('TRANSITION_NOT_ALLOWED');
    const order = replay([received('heating_repair', `${DAY} 08:00`)]);
    expect(
      codeOf(() => applyWorkOrderEvent(order, received('heating_repair', `${DAY} 09:00`), 'agent')),
    ).toBe('TRANSITION_NOT_ALLOWED');
    expect(
      codeOf(() =>
        applyWorkOrderEvent(order, ev('dispatched', `${DAY} 07:00`, { assignee: 'a' }), 'dispatcher'),
      ),
    ).toBe('EVENT_OUT_OF_ORDER');
    const bogus = { type: 'teleported', at: new Date(0), by: 'x' } as unknown as WorkOrderEvent;
    expect(codeOf(() => applyWorkOrderEvent(order, bogus, 'agent'))).toBe('EVENT_TYPE_UNKNOWN');
    expect(codeOf(() => replay([received('no_such_item', `${DAY} 08:00`)]))).toBe('CATALOGUE_ITEM_UNKNOWN');
    expect(codeOf(() => replayWorkOrder([]))).toBe('WORK_ORDER_EMPTY');
  });

  it('never changes the order it is given', () => {
    const order = replay([received('heating_repair', `${DAY} 08:00`)]);
    const next = applyWorkOrderEvent(
      order,
      ev('dispatched', `${DAY} 09:00`, { assignee: 'a' }),
      'dispatcher',
    );
    expect(order).toEqual(replay([received('heating_repair', `${DAY} 08:00`)]));
    expect(order.state).toBe('received');
    expect(next.state).toBe('dispatched');
  });

  it('lists the events a role may record next', () => {
    const order = replay([received('heating_repair', `${DAY} 08:00`)]);
    expect(availableWorkOrderEvents(undefined)).toEqual(['received']);
    expect(availableWorkOrderEvents(order, 'dispatcher')).toEqual(
      expect.arrayContaining(['dispatched', 'referred', 'cancelled']),
    );
    expect(availableWorkOrderEvents(order, 'technician')).not.toContain('dispatched');
  });
});
