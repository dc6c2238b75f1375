// workorders/: the service catalogue, the work-order loop (states, events, transitions, replay), its clocks,
// complaint rules and the reception script.
export { AGREED_TIME_REACHED } from './catalogue-types.ts';
export type {
  CatalogueClock,
  CatalogueItem,
  CatalogueSector,
  ClockBasis,
  ClockEventType,
  Fee,
  ServiceCategory,
} from './catalogue-types.ts';
export { CATALOGUE, CATALOGUE_CODES, catalogueFor, catalogueItem, isCatalogueCode } from './catalogue.ts';
export { DEFAULT_HEATING_COMPLAINT_COMMITMENT, DEFAULT_SUSPENSION_COMMITMENT } from './catalogue-heating.ts';
export { BOTTLED_BURNER_ITEM, BOTTLED_DELIVERY_ITEM } from './catalogue-bottled.ts';
export * from './clocks.ts';
export * from './complaints.ts';
export { WorkOrderErrorCodes } from './errors.ts';
export type { WorkOrderErrorCode } from './errors.ts';
export type * from './events.ts';
export { NEW_ORDER_LABEL } from './order.ts';
export type * from './order.ts';
export { replayWorkOrder, workOrderHistory } from './replay.ts';
export * from './script.ts';
export * from './states.ts';
export { WORK_ORDER_EVENT_TYPES, WORK_ORDER_TRANSITIONS, isWorkOrderEventType } from './transition-table.ts';
export type { TransitionRule } from './transition-table.ts';
export { applyWorkOrderEvent, availableWorkOrderEvents } from './transitions.ts';
export * from './next-steps.ts';
export * from './dispatch.ts';
export { countsAsReasonable } from './effects-judgement.ts';
