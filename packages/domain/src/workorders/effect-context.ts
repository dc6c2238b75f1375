// What every effect receives, and the small helpers they share.

import type { Messages } from '../errors.ts';
import type { CatalogueItem } from './catalogue-types.ts';
import type { WorkOrderEvent, WorkOrderEventType } from './events.ts';
import { type ErrorPlace, transitionNotAllowed } from './errors.ts';
import type { WorkOrder } from './order.ts';
import type { WorkOrderState } from './states.ts';

export interface EffectContext {
  place: ErrorPlace;
  role: string;
  item: CatalogueItem;
  /** The state before the event (the order handed to an effect already carries the new one). */
  fromState: WorkOrderState;
  /** States the event is allowed from (for messages). */
  from: readonly string[];
}

export type Effect<K extends WorkOrderEventType> = (
  order: WorkOrder,
  event: Extract<WorkOrderEvent, { type: K }>,
  ctx: EffectContext,
) => WorkOrder;

export type Effects<K extends WorkOrderEventType> = { readonly [T in K]: Effect<T> };

export const why = (zh: string, en: string): Messages => ({ zh, en });

/** TRANSITION_NOT_ALLOWED for a guard that needs more than the state. */
export const notNow = (ctx: EffectContext, reason: Messages) =>
  transitionNotAllowed(ctx.place, ctx.from, reason);
