import { z } from 'zod';

// A resident's self-reading of a gas meter with a photo (issue 16, G-5.8.1), and the staff's review of a flagged one.

export const ZSelfReadingInput = z.strictObject({
  meterId: z.uuid(),
  /** The register in litres (1 m³ = 1000 L), as a reader enters it. */
  register: z.number().int().min(0).max(99_999_999),
  /** The photo of the register as a data URL (PNG, JPEG or WebP, at most 2 MB). */
  photo: z.string().max(3_000_000),
  note: z.string().trim().max(300).default(''),
});
export type TSelfReadingInput = z.infer<typeof ZSelfReadingInput>;

const ZMessages = z.object({ zh: z.string(), en: z.string() });
const ZFlag = z.object({ code: z.string(), severity: z.string(), reason: ZMessages });

export const ZSelfReadingStatus = z.enum(['accepted', 'pending_review', 'accepted_after_review', 'rejected']);

export const ZSelfReading = z.object({
  id: z.string(),
  customerId: z.string(),
  meterId: z.string(),
  serialNo: z.string(),
  readOn: z.string(),
  register: z.number(),
  usage: z.number().nullable(),
  note: z.string(),
  flags: z.array(ZFlag),
  status: ZSelfReadingStatus,
  readingId: z.string().nullable(),
  reviewNote: z.string(),
  reviewedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type TSelfReading = z.infer<typeof ZSelfReading>;

export const ZSelfReadingForm = z.object({
  meters: z.array(
    z.object({
      id: z.string(),
      serialNo: z.string(),
      lastReadOn: z.string().nullable(),
      lastRegister: z.number().nullable(),
    }),
  ),
  items: z.array(ZSelfReading),
});

export const ZStaffSelfReading = ZSelfReading.extend({
  accountNo: z.string(),
  customerName: z.string(),
  address: z.string().nullable(),
});
export const ZStaffSelfReadingList = z.object({ items: z.array(ZStaffSelfReading) });

export const ZSelfReadingQuery = z.strictObject({
  status: ZSelfReadingStatus.default('pending_review'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const ZSelfReadingReview = z.strictObject({
  decision: z.enum(['accept', 'reject']),
  /** Why (at least 2 characters): an accepted flagged reading is kept only with a note, as a reader's is. */
  note: z.string().trim().min(2).max(300),
});
