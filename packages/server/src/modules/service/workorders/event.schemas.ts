import { COMPLAINT_RESPONSIBILITIES, REFUSAL_CONDITIONS, SATISFACTIONS } from '@ranre/domain';
import { z } from 'zod';
import { ZInstant } from './workorders.schemas.ts';

// The body of POST /work-orders/:id/events: `{ version, event: { type, ...payload } }`. Zod checks only the shape
// (known fields, types, ISO instants); whether a field is present and what it must say is the domain's to answer
// (PAYLOAD_MISSING / PAYLOAD_INVALID with the field and the clause), so every payload field is optional here.
// `at` and `by` are never sent: the server sets them.

const text = z.string().max(2000).optional();
const id = z.string().max(100).optional();
const at = ZInstant.optional();
const satisfaction = z.enum(SATISFACTIONS as unknown as [string, ...string[]]).optional();

const plain = <T extends string>(type: T) => z.strictObject({ type: z.literal(type) });

export const ZEventInput = z.discriminatedUnion('type', [
  plain('received'),
  z.strictObject({ type: z.literal('dispatched'), assignee: id }),
  plain('accepted'),
  z.strictObject({ type: z.literal('returned'), reason: text }),
  z.strictObject({ type: z.literal('transferred'), assignee: id, reason: text }),
  z.strictObject({ type: z.literal('redispatched'), assignee: id, reason: text }),
  plain('started'),
  plain('arrived_on_site'),
  z.strictObject({ type: z.literal('customer_contacted'), note: text }),
  z.strictObject({ type: z.literal('appointment_agreed'), agreedAt: at }),
  // previousDue is computed by the server from the clocks (extendableDue), never sent.
  z.strictObject({ type: z.literal('deadline_extended'), extendedTo: at, reason: text }),
  z.strictObject({ type: z.literal('handed_over'), to: id, dueBy: at }),
  plain('design_started'),
  plain('design_finished'),
  plain('construction_started'),
  plain('construction_finished'),
  z.strictObject({
    type: z.literal('completed'),
    record: z
      .strictObject({
        result: text,
        onSite: z.boolean().optional(),
        signature: z.boolean().optional(),
        signatureRefusedReason: text,
        /** G-5.9.7: the signature drawn on the phone, uploaded first (POST /work-orders/:id/attachments). */
        signatureAttachmentId: z.uuid().optional(),
        photoAttachmentIds: z.array(z.uuid()).max(20).optional(),
      })
      .optional(),
  }),
  z.strictObject({
    type: z.literal('feedback_given'),
    feedback: z
      .strictObject({ staffName: text, customer: text, handledAt: at, result: text, satisfaction })
      .optional(),
    findings: z.strictObject({ facts: text, correctiveMeasures: text, accountability: text }).optional(),
    explanation: z.strictObject({ referral: text, policy: text }).optional(),
  }),
  z.strictObject({ type: z.literal('return_visited'), satisfaction, note: text }),
  z.strictObject({
    type: z.literal('responsibility_decided'),
    responsibility: z.enum(COMPLAINT_RESPONSIBILITIES as unknown as [string, ...string[]]).optional(),
  }),
  z.strictObject({
    type: z.literal('complaint_judged'),
    reasonable: z.boolean().optional(),
    basis: text,
    reason: text,
  }),
  z.strictObject({ type: z.literal('supervised'), note: text }),
  z.strictObject({
    type: z.literal('referred'),
    referral: z.strictObject({ to: text, contact: z.string().max(200).optional(), note: text }).optional(),
  }),
  z.strictObject({
    type: z.literal('refused'),
    reason: text,
    missingDocuments: z.array(z.string().max(200)).max(30).optional(),
    writtenNoticeRef: z.string().max(100).optional(),
    /** G-5.3.1, G-6.1.3: the supply condition not met; a pipeline connection's refusal must name one. */
    condition: z.enum(REFUSAL_CONDITIONS).optional(),
  }),
  z.strictObject({ type: z.literal('cancelled'), reason: text }),
  plain('closed'),
]);
export type TEventInput = z.infer<typeof ZEventInput>;

export const ZEventBody = z.strictObject({
  /** The order's version as last read: a stale one gets 409 VERSION_CONFLICT. */
  version: z.number().int().min(1),
  event: ZEventInput,
});
export type TEventBody = z.infer<typeof ZEventBody>;
