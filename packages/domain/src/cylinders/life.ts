// G-7.1.5, G-7.1.9, G-7.1.15: a cylinder's life as appended events. Which event may follow which, and what each
// changes in the register's projection. Filling and the check after it come only from the filling line.

import type { Messages } from '../errors.ts';
import type { DateString } from '../time/shanghai.ts';
import { cylinderDates } from './fill-check.ts';

export const LIFE_EVENT_TYPES = [
  'registered',
  'treated',
  'filled',
  'checked',
  'dispatched',
  'delivered',
  'returned',
  /** G-7.1.14: the residue of a returned cylinder weighed (issue 18). */
  'residue_weighed',
  'inspected',
  'scrapped',
  'disposed',
] as const;
export type LifeEventType = (typeof LIFE_EVENT_TYPES)[number];

/** Events a person records by hand (the rest come from registration and the filling line). */
export const MANUAL_LIFE_EVENTS = [
  'treated',
  'dispatched',
  'delivered',
  'returned',
  'inspected',
  'scrapped',
  'disposed',
] as const satisfies readonly LifeEventType[];
export type ManualLifeEvent = (typeof MANUAL_LIFE_EVENTS)[number];

export type CylinderState =
  'in_stock' | 'full' | 'held' | 'dispatched' | 'with_customer' | 'returned' | 'scrapped' | 'disposed';

export interface LifeFacts {
  state: CylinderState;
  manufacturedOn: DateString;
}

export interface LifePatch {
  state: CylinderState;
  lastTreatedOn?: DateString;
  lastInspectedOn?: DateString;
  nextInspectionOn?: DateString;
  scrappedOn?: DateString;
  disposedOn?: DateString;
}

export type LifeOutcome = { ok: true; patch: LifePatch } | { ok: false; message: Messages };

const no = (zh: string, en: string): LifeOutcome => ({ ok: false, message: { zh, en } });

/** What a hand-recorded event does to the cylinder, or why it cannot happen now. */
export function applyLifeEvent(
  c: LifeFacts,
  e: { type: ManualLifeEvent; on: DateString; inspectionPassed?: boolean },
): LifeOutcome {
  if (c.state === 'disposed') return no('气瓶已处置，不能再记录', 'The cylinder was disposed of');
  if (c.state === 'scrapped' && e.type !== 'disposed') {
    return no('气瓶已报废，只能记录处置', 'The cylinder is scrapped: only its disposal can be recorded');
  }
  switch (e.type) {
    case 'treated':
      return { ok: true, patch: { state: c.state, lastTreatedOn: e.on } };
    case 'dispatched':
      if (c.state !== 'full')
        return no('只有充装合格的满瓶可以出站', 'Only a full, passed cylinder is dispatched');
      return { ok: true, patch: { state: 'dispatched' } };
    case 'delivered':
      if (c.state !== 'dispatched' && c.state !== 'full') {
        return no('气瓶未出站，不能记录送达', 'The cylinder was not dispatched');
      }
      return { ok: true, patch: { state: 'with_customer' } };
    case 'returned':
      return { ok: true, patch: { state: 'returned' } };
    case 'inspected': {
      if (e.inspectionPassed === false) return { ok: true, patch: { state: 'scrapped', scrappedOn: e.on } };
      const { nextInspectionOn } = cylinderDates({ manufacturedOn: c.manufacturedOn, lastInspectedOn: e.on });
      // G-7.1.9: after the inspection the cylinder must be treated again before its next fill.
      return { ok: true, patch: { state: 'in_stock', lastInspectedOn: e.on, nextInspectionOn } };
    }
    case 'scrapped':
      return { ok: true, patch: { state: 'scrapped', scrappedOn: e.on } };
    case 'disposed':
      if (c.state !== 'scrapped')
        return no('只有已报废的气瓶可以处置', 'Only a scrapped cylinder is disposed of');
      return { ok: true, patch: { state: 'disposed', disposedOn: e.on } };
  }
}
