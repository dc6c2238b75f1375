// The event vocabulary of a work order. The order's state is never stored on its own: it is derived by replaying
// these events (replay.ts), and the clocks read the same events (clocks.ts), so the list of events is the record
// H-3.22 asks for. Field names that clocks read (agreedAt, extendedTo, reason) match the sla ClockEvent.

import type {
  ComplaintCategory,
  ComplaintExplanation,
  ComplaintFindings,
  ComplaintResponsibility,
} from './complaints.ts';
import type { Satisfaction, WorkOrderChannel } from './states.ts';

export type WorkOrderEventType =
  | 'received'
  | 'dispatched'
  | 'accepted'
  | 'returned'
  | 'transferred'
  | 'redispatched'
  | 'started'
  | 'arrived_on_site'
  | 'customer_contacted'
  | 'appointment_agreed'
  | 'deadline_extended'
  | 'handed_over'
  | 'design_started'
  | 'design_finished'
  | 'construction_started'
  | 'construction_finished'
  | 'completed'
  | 'feedback_given'
  | 'return_visited'
  | 'responsibility_decided'
  | 'complaint_judged'
  | 'supervised'
  | 'referred'
  | 'refused'
  | 'cancelled'
  | 'closed'
  | 'due_recalculated';

interface Base<T extends WorkOrderEventType> {
  type: T;
  at: Date;
  /** Who acted (user or staff id). The first staff member to act owns the order (G-5.5.1). */
  by: string;
}

/** G-5.9.7, H-7.6.5.1(6): the on-site work record, signed by the customer. */
export interface CompletionRecord {
  /** What was done and found. */
  result: string;
  /** Whether the work was done at the customer's premises (then the record needs a signature). */
  onSite: boolean;
  /** The customer signed the record. */
  signature?: boolean;
  /** Why there is no signature (the customer refused or was absent) — recorded, never left blank (G-5.11.8). */
  signatureRefusedReason?: string;
}

/** G-5.9.8, G-5.7.7, H-7.6.5.2: feedback to the customer after the service. */
export interface Feedback {
  /** 服务人员姓名 */
  staffName: string;
  /** 用户信息: the customer's name or account */
  customer: string;
  /** 处置时间 */
  handledAt: Date;
  /** 处置结果 */
  result: string;
  /** 用户满意度, if the customer gave it then (the return visit asks again). */
  satisfaction?: Satisfaction;
}

/** G-5.5.2(c), H-7.4.9.1: where a matter outside the company goes. */
export interface Referral {
  /** The organisation or channel, e.g. 物业公司, 12345, 市场监管部门. */
  to: string;
  contact?: string;
  note?: string;
}

export type ReceivedEvent = Base<'received'> & {
  itemCode: string;
  channel: WorkOrderChannel;
  summary: string;
  customerId?: string;
  complaintCategory?: ComplaintCategory;
  /** G-6.2.13, G-7.1.11: on a leak report the customer is told what to do at once (required for emergencies). */
  safetyAdviceGiven?: boolean;
};
export type DispatchedEvent = Base<'dispatched'> & { assignee: string };
export type AcceptedEvent = Base<'accepted'>;
export type ReturnedEvent = Base<'returned'> & { reason: string };
export type TransferredEvent = Base<'transferred'> & { assignee: string; reason: string };
export type RedispatchedEvent = Base<'redispatched'> & { assignee: string; reason: string };
export type StartedEvent = Base<'started'>;
export type ArrivedOnSiteEvent = Base<'arrived_on_site'>;
export type CustomerContactedEvent = Base<'customer_contacted'> & { note: string };
export type AppointmentAgreedEvent = Base<'appointment_agreed'> & { agreedAt: Date };
export type DeadlineExtendedEvent = Base<'deadline_extended'> & {
  /** The due in force when extending — from `extendableDue` (clocks.ts). */
  previousDue: Date;
  extendedTo: Date;
  reason: string;
};
export type HandedOverEvent = Base<'handed_over'> & { to: string; dueBy: Date };
export type DesignStartedEvent = Base<'design_started'>;
export type DesignFinishedEvent = Base<'design_finished'>;
export type ConstructionStartedEvent = Base<'construction_started'>;
export type ConstructionFinishedEvent = Base<'construction_finished'>;
export type CompletedEvent = Base<'completed'> & { record: CompletionRecord };
export type FeedbackGivenEvent = Base<'feedback_given'> & {
  feedback: Feedback;
  /** Complaints counted as responsible: H-7.4.10.4. */
  findings?: ComplaintFindings;
  /** Non-responsible complaints: H-7.4.9. */
  explanation?: ComplaintExplanation;
};
export type ReturnVisitedEvent = Base<'return_visited'> & { satisfaction: Satisfaction; note?: string };
export type ResponsibilityDecidedEvent = Base<'responsibility_decided'> & {
  responsibility: ComplaintResponsibility;
};
/** H-10.4.1, H-10.4.2, H-10.4.4: a heating complaint judged reasonable or not, with the basis (and the reason if not). */
export type ComplaintJudgedEvent = Base<'complaint_judged'> & {
  reasonable: boolean;
  basis: string;
  reason?: string;
};
export type SupervisedEvent = Base<'supervised'> & { note: string };
export type ReferredEvent = Base<'referred'> & { referral: Referral };
export type RefusedEvent = Base<'refused'> & {
  reason: string;
  /** H-7.1.4.1: every missing document, listed at once. */
  missingDocuments?: string[];
  /** G-6.2.10: reference of the written notice, where the refusal must be in writing. */
  writtenNoticeRef?: string;
  /** G-5.3.1, G-6.1.3: the supply condition not met (a connection's refusal names one, see supply-conditions). */
  condition?: string;
};
export type CancelledEvent = Base<'cancelled'> & { reason: string };
export type ClosedEvent = Base<'closed'>;
/**
 * A clock's due moved because the working calendar changed under it (a year's holiday notice imported after the
 * clock had been counted on the provisional calendar). It changes nothing in the order; it tells its history why
 * the date moved.
 */
export type DueRecalculatedEvent = Base<'due_recalculated'> & {
  clock: string;
  clause: string;
  previousDue: Date;
  newDue: Date;
  /** The notice year that moved it. */
  year: number;
  why: { zh: string; en: string };
};

export type WorkOrderEvent =
  | ReceivedEvent
  | DispatchedEvent
  | AcceptedEvent
  | ReturnedEvent
  | TransferredEvent
  | RedispatchedEvent
  | StartedEvent
  | ArrivedOnSiteEvent
  | CustomerContactedEvent
  | AppointmentAgreedEvent
  | DeadlineExtendedEvent
  | HandedOverEvent
  | DesignStartedEvent
  | DesignFinishedEvent
  | ConstructionStartedEvent
  | ConstructionFinishedEvent
  | CompletedEvent
  | FeedbackGivenEvent
  | ReturnVisitedEvent
  | ResponsibilityDecidedEvent
  | ComplaintJudgedEvent
  | SupervisedEvent
  | ReferredEvent
  | RefusedEvent
  | CancelledEvent
  | ClosedEvent
  | DueRecalculatedEvent;

/** One row of an order's log: the event and the role its actor acted in (kept for audit and for replay). */
export interface WorkOrderLogEntry {
  event: WorkOrderEvent;
  actorRole: string;
}
