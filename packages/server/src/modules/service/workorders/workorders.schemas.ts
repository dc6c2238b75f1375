import {
  COMPLAINT_CATEGORIES,
  WORK_ORDER_CHANNELS,
  WORK_ORDER_STATES,
  type ComplaintCategory,
  type WorkOrderChannel,
  type WorkOrderState,
} from '@ranre/domain';
import { z } from 'zod';

// Intake, list query and the shapes the work-order routes answer with (docs/api.md, "Work orders and complaints").
// The event bodies are in event.schemas.ts.

export const ZMessages = z.object({ zh: z.string(), en: z.string() });
export { ZIdParams } from '../../../core/schemas.ts';
export const ZInstant = z.iso.datetime({ offset: true });

export const ZChannel = z.enum(WORK_ORDER_CHANNELS as unknown as [WorkOrderChannel, ...WorkOrderChannel[]]);
export const ZComplaintCategory = z.enum(
  Object.keys(COMPLAINT_CATEGORIES) as [ComplaintCategory, ...ComplaintCategory[]],
);
const ZState = z.enum(WORK_ORDER_STATES as unknown as [WorkOrderState, ...WorkOrderState[]]);

const text = (max: number) => z.string().trim().max(max);
/** An optional text where "" means "not given" (forms send blanks). */
const optionalText = (max: number) =>
  text(max)
    .optional()
    .transform((v) => (v === '' ? undefined : v));

export const ZWorkOrderInput = z.strictObject({
  itemCode: text(60).min(1),
  channel: ZChannel,
  customerId: z.uuid().optional(),
  premisesId: z.uuid().optional(),
  callerName: text(50).min(1),
  callerPhone: optionalText(30),
  address: optionalText(200),
  description: text(2000).min(1),
  complaintCategory: ZComplaintCategory.optional(),
  safetyAdviceGiven: z.boolean().optional(),
  /** 12345 transfers only: when the city hotline received the call (its clocks count from then). */
  receivedAt: ZInstant.optional(),
  /** 12345 transfers: the city hotline's case number. */
  externalRef: optionalText(60),
  /** Referral items (G-5.5.2): where the caller was sent; the order closes at once. */
  referral: z.strictObject({ to: text(200), contact: optionalText(100), note: optionalText(500) }).optional(),
  /** G-5.7.3: what a repeat complainant was told; filled from earlier complaints when left out. */
  repeatNotice: z.strictObject({ solution: optionalText(1000), contact: optionalText(200) }).optional(),
});
export type TWorkOrderInput = z.infer<typeof ZWorkOrderInput>;

export const ZWorkOrderQuery = z.strictObject({
  state: z.enum(['open', ...WORK_ORDER_STATES]).optional(),
  assignee: z.union([z.literal('me'), z.uuid()]).optional(),
  customerId: z.uuid().optional(),
  /** Regulator only: one enterprise. */
  enterpriseId: z.uuid().optional(),
  q: optionalText(100),
  complaint: z.enum(['true', 'false']).optional(),
  breached: z.enum(['true', 'false']).optional(),
  /** Complaints whose responsibility is (H-7.4.8): `undecided` is the regulator's decision queue. */
  responsibility: z.enum(['responsible', 'non_responsible', 'undecided']).optional(),
  sort: z.enum(['due', 'received']).default('received'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(300).optional(),
});
export type TWorkOrderQuery = z.infer<typeof ZWorkOrderQuery>;

export const ZAssigneeQuery = z.strictObject({
  /** dispatch: technicians and inspectors; handover: every staff login of the enterprise (G-5.5.1). */
  purpose: z.enum(['dispatch', 'handover']).default('dispatch'),
  /** The order's item: a repair or an emergency lists technicians only. */
  itemCode: z.string().max(64).optional(),
});

/** The dispatcher's board: everything on a first poll, the changes since `since` after (issue 21). */
export const ZBoardQuery = z.strictObject({
  /** The cursor a previous poll returned (a database snapshot, `xmin:xmax:ids`). */
  since: z
    .string()
    .max(4000)
    .regex(/^\d{1,20}:\d{1,20}:(\d{1,20}(,\d{1,20})*)?$/)
    .optional(),
});

/** One row of the board: what the dispatcher's screen shows and what dispatching needs, nothing more. */
export const ZBoardItem = z.object({
  id: z.string(),
  orderNo: z.string(),
  itemCode: z.string(),
  itemName: ZMessages,
  state: ZState,
  isComplaint: z.boolean(),
  customerName: z.string().nullable(),
  callerName: z.string(),
  address: z.string(),
  assigneeId: z.string().nullable(),
  assigneeName: z.string().nullable(),
  receivedAt: z.string(),
  agreedAt: z.string().nullable(),
  nextDueAt: z.string().nullable(),
  breached: z.boolean(),
  version: z.number(),
});
export type TBoardItem = z.infer<typeof ZBoardItem>;

export const ZBoard = z.object({
  /** true: `items` is the whole board (a first poll); false: only the orders changed since `since`. */
  full: z.boolean(),
  items: z.array(ZBoardItem),
  /** Orders to take off the board: closed, or no longer the caller's to see, since `since`. */
  removed: z.array(z.string()),
  /** Pass back as `since` on the next poll. */
  cursor: z.string(),
});

export const ZScriptQuery = z.strictObject({ channel: ZChannel.default('phone') });

export const ZClock = z.object({
  name: z.string(),
  clause: z.string(),
  state: z.enum(['not_started', 'running', 'paused', 'met', 'breached']),
  label: ZMessages,
  startedAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  dueText: z.string().nullable(),
  stoppedAt: z.string().nullable(),
  breachedAt: z.string().nullable(),
  minutesUsed: z.number().nullable(),
  marginMinutes: z.number().nullable(),
  explanation: ZMessages.nullable(),
  /** The due counted a day of a year whose State Council notice is not imported yet: it may still move. */
  provisional: z.boolean(),
});
export type TClock = z.infer<typeof ZClock>;

/** A clock in a list row: state and due without the explanation, which only the order's detail carries (issue 21). */
export const ZClockBrief = ZClock.omit({ explanation: true });
export type TClockBrief = z.infer<typeof ZClockBrief>;

export const ZWorkOrderSummary = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  orderNo: z.string(),
  itemCode: z.string(),
  itemName: ZMessages,
  channel: ZChannel,
  state: ZState,
  stateLabel: ZMessages,
  isComplaint: z.boolean(),
  customerId: z.string().nullable(),
  customerName: z.string().nullable(),
  callerName: z.string(),
  callerPhone: z.string().nullable(),
  address: z.string(),
  description: z.string(),
  identityMasked: z.boolean(),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  assigneeId: z.string().nullable(),
  assigneeName: z.string().nullable(),
  receivedAt: z.string(),
  agreedAt: z.string().nullable(),
  nextDueAt: z.string().nullable(),
  breached: z.boolean(),
  externalRef: z.string().nullable(),
  version: z.number(),
  clocks: z.array(ZClockBrief),
});
export type TWorkOrderSummary = z.infer<typeof ZWorkOrderSummary>;

export const ZAttachment = z.object({
  id: z.string(),
  kind: z.enum(['signature', 'photo']),
  mime: z.string(),
  createdAt: z.string(),
});
export type TAttachment = z.infer<typeof ZAttachment>;

const ZRepeat = z.object({
  priorReports: z.number(),
  unresolvedReports: z.number(),
  repeatComplainant: z.boolean(),
  repeatedUnresolved: z.boolean(),
  obligations: z.array(ZMessages),
  solution: z.string().nullable(),
  contact: z.string().nullable(),
  priorOrderNos: z.array(z.string()),
});

export const ZComplaint = z.object({
  category: z.string(),
  categoryLabel: ZMessages,
  responsibility: z.enum(['responsible', 'non_responsible', 'undecided']),
  /** H-7.4.8: undecided counts as responsible. */
  countsAsResponsible: z.boolean(),
  repeatCount: z.number(),
  flagged: z.boolean(),
  findings: z
    .object({ facts: z.string(), correctiveMeasures: z.string(), accountability: z.string() })
    .nullable(),
  explanation: z.object({ referral: z.string().nullable(), policy: z.string().nullable() }).nullable(),
  repeat: ZRepeat.nullable(),
  /** H-10.4.1, H-10.4.2 (heating): null until judged, and counted as reasonable meanwhile. */
  judgement: z
    .object({ reasonable: z.boolean(), basis: z.string(), reason: z.string().nullable() })
    .nullable(),
});
export type TComplaint = z.infer<typeof ZComplaint>;

export const ZScript = z.object({ zh: z.array(z.string()), en: z.array(z.string()) });

export const ZWorkOrderDetail = ZWorkOrderSummary.extend({
  /** Every clock with its explanation of how the due came about. */
  clocks: z.array(ZClock),
  events: z.array(
    z.object({
      id: z.number(),
      type: z.string(),
      at: z.string(),
      actorName: z.string(),
      actorRole: z.string(),
      payload: z.record(z.string(), z.unknown()),
    }),
  ),
  complaint: ZComplaint.nullable(),
  attachments: z.array(ZAttachment),
  /** H-5.4.5: the measurement the item requires before completion, and whether it is recorded; null if none. */
  measurement: z.object({ protocol: z.string(), recorded: z.boolean() }).nullable(),
  allowedEvents: z.array(z.string()),
  /** Events the state allows but a rule refuses now, with what is missing (e.g. 归档 before the return visit). */
  blockedEvents: z.array(
    z.object({ type: z.string(), reason: z.object({ zh: z.string(), en: z.string() }) }),
  ),
  script: ZScript.nullable(),
  /** What the resident added online: information, his rating (1–5), a reopening (issue 16). */
  residentEntries: z.array(
    z.object({
      kind: z.enum(['info', 'rating', 'reopen']),
      text: z.string(),
      rating: z.number().nullable(),
      reopenedOrderId: z.string().nullable(),
      at: z.string(),
    }),
  ),
});
export type TWorkOrderDetail = z.infer<typeof ZWorkOrderDetail>;

export const ZAttachmentInput = z.strictObject({
  kind: z.enum(['signature', 'photo']),
  /** data:image/png|jpeg|webp;base64,… — at most 2 MB decoded. */
  dataUrl: z.string().min(1).max(3_000_000),
});

export const ZAssignee = z.object({
  id: z.string(),
  displayName: z.string(),
  role: z.string(),
  /** Why this person cannot be dispatched now (an expired certificate, G-5.6.1); null when he can. */
  unavailable: z.object({ zh: z.string(), en: z.string() }).nullable(),
  /** G-5.12.3, H-6.4.3: on a rush-repair duty shift now (null for a hand-over list). */
  onDuty: z.boolean().nullable(),
});
