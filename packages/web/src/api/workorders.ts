/** Work-order, catalogue and alert shapes from docs/api.md ("Work orders and complaints"). */
import type {
  CatalogueItem,
  ComplaintCategory,
  Messages,
  WorkOrderChannel,
  WorkOrderEventType,
  WorkOrderState,
} from '@ranre/domain';
import { api } from './client.ts';
import type { Id, Items } from './types.ts';

export type { CatalogueItem, Messages, WorkOrderChannel, WorkOrderEventType, WorkOrderState };

export type ClockState = 'not_started' | 'running' | 'paused' | 'met' | 'breached';

export interface Clock {
  name: string;
  clause: string;
  state: ClockState;
  label: Messages;
  startedAt: string | null;
  dueAt: string | null;
  /** The due as people say it, e.g. "2026-01-16 24:00". */
  dueText?: string | null;
  stoppedAt: string | null;
  breachedAt: string | null;
  minutesUsed: number | null;
  marginMinutes: number | null;
  /** On the order detail only; list rows leave it out (issue 21). */
  explanation?: Messages | null;
  /** The due counted a day of a year whose holiday notice is not imported yet: it may move. */
  provisional?: boolean;
}

export interface WorkOrderSummary {
  id: Id;
  enterpriseId?: Id;
  enterpriseName?: string;
  orderNo: string;
  itemCode: string;
  itemName: Messages;
  channel: WorkOrderChannel;
  state: WorkOrderState;
  stateLabel: Messages;
  isComplaint: boolean;
  customerId: Id | null;
  customerName: string | null;
  callerName: string;
  callerPhone: string | null;
  address: string;
  description: string;
  /** The complainant's identity is shown only to those handling the complaint. */
  identityMasked?: boolean;
  ownerId: Id | null;
  ownerName: string | null;
  assigneeId: Id | null;
  assigneeName: string | null;
  receivedAt: string;
  agreedAt: string | null;
  nextDueAt: string | null;
  breached: boolean;
  externalRef?: string | null;
  version: number;
  clocks: Clock[];
}

export interface WorkOrderEventRow {
  id: Id;
  type: WorkOrderEventType;
  at: string;
  actorName: string;
  actorRole: string;
  payload: Record<string, unknown>;
}

/** G-5.7.3, H-7.4.5: what earlier reports of the same matter mean for this call. */
export interface RepeatStatus {
  priorReports: number;
  unresolvedReports: number;
  repeatComplainant: boolean;
  repeatedUnresolved: boolean;
  obligations: Messages[];
  solution: string | null;
  contact: string | null;
  priorOrderNos: string[];
}

export interface ComplaintInfo {
  category: ComplaintCategory | string;
  categoryLabel?: Messages;
  responsibility: 'responsible' | 'non_responsible' | 'undecided';
  /** H-7.4.8: undecided counts as responsible. */
  countsAsResponsible?: boolean;
  repeatCount: number;
  flagged: boolean;
  findings: { facts: string; correctiveMeasures: string; accountability: string } | null;
  explanation: { referral: string | null; policy: string | null } | null;
  repeat?: RepeatStatus | null;
  /** H-10.4.1, H-10.4.2 (heating): null until judged. */
  judgement?: { reasonable: boolean; basis: string; reason: string | null } | null;
}

export interface Attachment {
  id: Id;
  kind: 'signature' | 'photo';
  mime: string;
  createdAt: string;
}

export interface WorkOrderDetail extends WorkOrderSummary {
  events: WorkOrderEventRow[];
  complaint?: ComplaintInfo | null;
  attachments: Attachment[];
  /** H-5.4.5: the measurement the item requires before completion, and whether it is recorded; null if none. */
  measurement?: { protocol: string; recorded: boolean } | null;
  allowedEvents: WorkOrderEventType[];
  /** Refused now by a rule, with what is missing (e.g. 归档 before the return visit). */
  blockedEvents?: { type: WorkOrderEventType; reason: { zh: string; en: string } }[];
  /** G-5.5.4 reception script, one line per step. */
  script?: { zh: string[]; en: string[] } | null;
  /** What the resident added online: information, his rating, a reopening (issue 16). */
  residentEntries: {
    kind: 'info' | 'rating' | 'reopen';
    text: string;
    rating: number | null;
    reopenedOrderId: string | null;
    at: string;
  }[];
}

export interface NewWorkOrder {
  itemCode: string;
  channel: WorkOrderChannel;
  customerId?: Id;
  premisesId?: Id;
  callerName: string;
  callerPhone?: string;
  address?: string;
  description: string;
  complaintCategory?: ComplaintCategory;
  safetyAdviceGiven?: boolean;
  receivedAt?: string;
  externalRef?: string;
  /** Referral items (G-5.5.2): where the caller was sent; the order closes at once. */
  referral?: { to: string; contact?: string; note?: string };
}

export interface Assignee {
  id: Id;
  displayName: string;
  role: string;
  /** Why he cannot be dispatched now (expired certificate, G-5.6.1). */
  unavailable?: { zh: string; en: string } | null;
  /** On a rush-repair duty shift now (G-5.12.3, H-6.4.3). */
  onDuty?: boolean | null;
}

export interface ClockAlert {
  id: Id;
  orderId: Id;
  orderNo: string;
  clock: string;
  clockLabel?: Messages;
  kind: 'warning' | 'breach';
  dueAt: string;
  /** In the request's language; both in `messages`. */
  message: string;
  messages?: Messages;
  createdAt: string;
  acknowledgedAt?: string | null;
}

export interface WorkOrderQuery {
  state?: string;
  assignee?: string;
  customerId?: Id;
  q?: string;
  complaint?: 'true';
  breached?: 'true';
  sort?: 'due' | 'received';
  limit?: number;
  cursor?: string;
}

export const workOrders = {
  get: (id: Id) => api.get<WorkOrderDetail>(`/work-orders/${id}`),
  list: (q: WorkOrderQuery) =>
    api.get<{ items: WorkOrderSummary[]; nextCursor: string | null }>('/work-orders', {
      ...q,
      customerId: q.customerId === undefined ? undefined : String(q.customerId),
    }),
  /** dispatch: technicians and inspectors; handover: every staff login of the enterprise (G-5.5.1). */
  assignees: (purpose: 'dispatch' | 'handover' = 'dispatch', itemCode?: string) =>
    api.get<Items<Assignee>>('/work-orders/assignees', { purpose, itemCode }),
  /** G-5.5.4 reception script for the signed-in agent, before an order exists. */
  script: (channel: WorkOrderChannel) =>
    api.get<{ zh: string[]; en: string[] }>('/work-orders/script', { channel }),
  create: (body: NewWorkOrder) => api.post<WorkOrderDetail>('/work-orders', body),
  /** `event` is `{ type, ...payload }`; a stale `version` gives 409 VERSION_CONFLICT. */
  act: (id: Id, version: number, event: { type: WorkOrderEventType } & Record<string, unknown>) =>
    api.post<WorkOrderDetail>(`/work-orders/${id}/events`, { version, event }),
  attach: (id: Id, kind: Attachment['kind'], dataUrl: string) =>
    api.post<Attachment>(`/work-orders/${id}/attachments`, { kind, dataUrl }),
  alerts: () => api.get<Items<ClockAlert>>('/alerts', { unacknowledged: 'true' }),
  acknowledge: (id: Id) => api.post<ClockAlert>(`/alerts/${id}/ack`),
  catalogue: (query: { sector?: 'gas' | 'heating'; enterpriseKind?: string } = {}) =>
    api.get<Items<CatalogueItem>>('/catalogue', query),
};

export const attachmentUrl = (id: Id) => `/api/attachments/${id}`;
