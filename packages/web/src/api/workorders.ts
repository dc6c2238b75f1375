/** Work orders, the catalogue and clock alerts (server modules/service/workorders, catalogue, alerts). */
import { http, ok } from './client.ts';
import type { Body, Item, Ok, Query } from './contract.ts';
import type { Id } from './types.ts';

export type WorkOrderSummary = Item<'/api/work-orders'>;
export type WorkOrderDetail = Ok<'/api/work-orders/{id}'>;
export type WorkOrderState = WorkOrderSummary['state'];
export type WorkOrderChannel = WorkOrderSummary['channel'];
export type WorkOrderEventType = WorkOrderDetail['allowedEvents'][number];
export type Messages = WorkOrderSummary['stateLabel'];
/** A clock as the order's page shows it (with its explanation; list rows leave that out). */
export type Clock = WorkOrderDetail['clocks'][number];
export type ClockState = Clock['state'];
export type WorkOrderEventRow = WorkOrderDetail['events'][number];
export type ComplaintInfo = NonNullable<WorkOrderDetail['complaint']>;
export type RepeatStatus = NonNullable<ComplaintInfo['repeat']>;
export type Attachment = WorkOrderDetail['attachments'][number];
export type NewWorkOrder = Body<'/api/work-orders'>;
export type WorkOrderQuery = Query<'/api/work-orders'>;
export type Assignee = Item<'/api/work-orders/assignees'>;
export type ClockAlert = Item<'/api/alerts'>;
export type CatalogueItem = Item<'/api/catalogue'>;
export type WorkOrderEvent = Body<'/api/work-orders/{id}/events'>['event'];

const byId = (id: Id) => ({ params: { path: { id: String(id) } } });

export const workOrders = {
  get: (id: Id) => ok(http.GET('/api/work-orders/{id}', byId(id))),
  list: (query: WorkOrderQuery) => ok(http.GET('/api/work-orders', { params: { query } })),
  /** dispatch: technicians and inspectors; handover: every staff login of the enterprise (G-5.5.1). */
  assignees: (purpose: 'dispatch' | 'handover' = 'dispatch', itemCode?: string) =>
    ok(http.GET('/api/work-orders/assignees', { params: { query: { purpose, itemCode } } })),
  /** G-5.5.4 reception script for the signed-in agent, before an order exists. */
  script: (channel: WorkOrderChannel) =>
    ok(http.GET('/api/work-orders/script', { params: { query: { channel } } })),
  create: (body: NewWorkOrder) => ok(http.POST('/api/work-orders', { body })),
  /** `event` is `{ type, ...payload }`; a stale `version` gives 409 VERSION_CONFLICT. */
  act: (id: Id, version: number, event: WorkOrderEvent) =>
    ok(http.POST('/api/work-orders/{id}/events', { ...byId(id), body: { version, event } })),
  attach: (id: Id, kind: Attachment['kind'], dataUrl: string) =>
    ok(http.POST('/api/work-orders/{id}/attachments', { ...byId(id), body: { kind, dataUrl } })),
  alerts: () => ok(http.GET('/api/alerts', { params: { query: { unacknowledged: 'true' } } })),
  acknowledge: (id: number) => ok(http.POST('/api/alerts/{id}/ack', { params: { path: { id } } })),
  catalogue: (query: Query<'/api/catalogue'> = {}) => ok(http.GET('/api/catalogue', { params: { query } })),
};

export const attachmentUrl = (id: Id) => `/api/attachments/${id}`;
