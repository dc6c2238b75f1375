// The work order as derived from its events: never stored as the truth, always recomputable by replay.

import type { Messages } from '../errors.ts';
import type { ServiceCategory } from './catalogue-types.ts';
import type {
  ComplaintCategory,
  ComplaintExplanation,
  ComplaintFindings,
  ComplaintResponsibility,
} from './complaints.ts';
import type { CompletionRecord, Feedback, Referral } from './events.ts';
import type { Satisfaction, WorkOrderChannel, WorkOrderState } from './states.ts';

export interface ComplaintState {
  category?: ComplaintCategory;
  /** 'undecided' until the authority decides (H-7.4.8). */
  responsibility: ComplaintResponsibility;
  findings?: ComplaintFindings;
  explanation?: ComplaintExplanation;
  /** H-10.4.1, H-10.4.2: heating complaints only; absent until judged (and then counted as reasonable). */
  judgement?: ComplaintJudgement;
}

export interface ComplaintJudgement {
  reasonable: boolean;
  basis: string;
  /** Why it is unreasonable: answered to the customer and reported to 12345 (H-10.4.4). */
  reason?: string;
  at: Date;
  by: string;
}

export type ClosedAs = 'resolved' | 'referred' | 'refused' | 'cancelled';

export interface Closure {
  as: ClosedAs;
  at: Date;
  by: string;
  /** G-5.5.2: where the customer was sent. */
  referral?: Referral;
  /** Refusal or cancellation reason. */
  reason?: string;
  missingDocuments?: string[];
  writtenNoticeRef?: string;
}

export interface WorkOrderExtension {
  previousDue: Date;
  due: Date;
  reason: string;
  at: Date;
}

export interface WorkOrderFlags {
  /** G-6.2.13: the customer was told at once what to do about a leak. */
  safetyAdviceGiven: boolean;
  /** G-5.9.7: the on-site record carries a refusal reason instead of a signature. */
  signatureRefused: boolean;
  /** Completed by whoever took it, without a dispatch (H-7.3.4: guidance on the phone). */
  firstContactResolution: boolean;
  /** The regulator or management urged it (督办). */
  supervised: boolean;
}

export interface WorkOrder {
  state: WorkOrderState;
  itemCode: string;
  category: ServiceCategory;
  channel: WorkOrderChannel;
  summary: string;
  customerId?: string;
  receivedAt: Date;
  receivedBy: string;
  lastEventAt: Date;
  eventCount: number;
  /**
   * First-responder owner (首问负责, G-5.5.1, H-7.6.1.2): the first staff member to act on the order, until a
   * `handed_over` event passes it on with a time limit (`ownerDueBy`).
   */
  owner?: string;
  ownerDueBy?: Date;
  /** The handling department or person the order is dispatched to. */
  assignee?: string;
  /** The latest time agreed with the customer (G-5.9.2). */
  agreedAt?: Date;
  /** The latest extension (G-5.7.4, H-7.3.6, H-7.4.4). */
  extension?: WorkOrderExtension;
  /** G-6.1.2: design or construction under way — the connection clock is paused. */
  pausedFor?: 'design' | 'construction';
  dispatchCount: number;
  returnCount: number;
  redispatchCount: number;
  supervisionCount: number;
  lastReturnReason?: string;
  completion?: CompletionRecord;
  feedback?: Feedback;
  /** The latest return visit's result. */
  satisfaction?: Satisfaction;
  complaint?: ComplaintState;
  closure?: Closure;
  flags: WorkOrderFlags;
}

/** The state shown for an order that does not exist yet, in error messages. */
export const NEW_ORDER_LABEL: Messages = { zh: '尚未受理', en: 'not yet received' };
