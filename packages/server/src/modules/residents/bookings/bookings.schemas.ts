import { z } from 'zod';

const ZMessages = z.object({ zh: z.string(), en: z.string() });

/** What a resident books from the phone (G-5.9.2, H-7.6.5.1): a visit at a time he proposes. */
export const ZBookingKind = z.enum(['temperature_test', 'inspection', 'bottled_gas_delivery']);
export type TBookingKind = z.infer<typeof ZBookingKind>;

export const ZBookingInput = z.strictObject({
  customerId: z.uuid(),
  kind: ZBookingKind,
  /** The time the resident proposes; the company agrees it or another. */
  proposedAt: z.iso.datetime({ offset: true }),
  note: z.string().trim().max(500).default(''),
  channel: z.enum(['web', 'wechat']).default('web'),
  /** A bottled-gas delivery: the cylinder model chosen from the price list in force, and how many (required). */
  cylinder: z
    .strictObject({ model: z.string().trim().min(1).max(40), quantity: z.number().int().min(1).max(5) })
    .optional(),
});
export type TBookingInput = z.infer<typeof ZBookingInput>;

export const ZBooking = z.object({
  id: z.string(),
  kind: ZBookingKind,
  customerId: z.string(),
  accountNo: z.string(),
  enterpriseName: z.string(),
  proposedAt: z.string(),
  note: z.string(),
  createdAt: z.string(),
  /** The time the company agreed (the order's appointment, or the inspection visit's agreed time), if any yet. */
  agreedAt: z.string().nullable(),
  /** 'proposed' until a time is agreed; 'agreed'; 'done' once the visit or the order's work is done; 'ended'. */
  status: z.enum(['proposed', 'agreed', 'done', 'ended']),
  /** The work order it became (temperature test, delivery): tracked on the order's page with clocks and history. */
  order: z
    .object({
      id: z.string(),
      orderNo: z.string(),
      state: z.string(),
      stateLabel: ZMessages,
      nextDueAt: z.string().nullable(),
    })
    .nullable(),
  /** The household's planned inspection visit (G-5.11.1): its window and state. */
  visit: z
    .object({
      id: z.string(),
      windowFrom: z.string(),
      windowTo: z.string(),
      state: z.string(),
      inspectedAt: z.string().nullable(),
    })
    .nullable(),
  /** What happened, oldest first: proposed, agreed, done. */
  history: z.array(z.object({ type: z.string(), at: z.string() })),
  /** A bottled-gas order: what was chosen at what price, and the receipt once delivered (G-7.2.1). */
  bottled: z
    .object({
      model: z.string(),
      fillG: z.number(),
      quantity: z.number(),
      unitPriceFen: z.number(),
      deliveryFeeFen: z.number(),
      totalFen: z.number(),
      receipt: z
        .object({
          receiptNo: z.string(),
          amountFen: z.number(),
          deliveredAt: z.string(),
          onTime: z.boolean(),
          installed: z.boolean(),
          signed: z.boolean(),
        })
        .nullable(),
    })
    .nullable(),
});
export type TBooking = z.infer<typeof ZBooking>;
export const ZBookingList = z.object({ items: z.array(ZBooking) });

/** What each bound account may book now, so the phone offers only those. */
export const ZBookingOptions = z.object({
  items: z.array(
    z.object({
      customerId: z.string(),
      accountNo: z.string(),
      enterpriseName: z.string(),
      kinds: z.array(ZBookingKind),
      /** The planned inspection visit a gas household may propose a time for. */
      visit: z.object({ id: z.string(), windowFrom: z.string(), windowTo: z.string() }).nullable(),
      /** A bottled-gas account: its company's price list in force (models, prices in fen, delivery fee). */
      priceList: z
        .object({
          id: z.string(),
          effectiveFrom: z.string(),
          items: z.array(z.object({ model: z.string(), fillG: z.number(), priceFen: z.number() })),
          deliveryFeeFen: z.number(),
          demo: z.boolean(),
        })
        .nullable(),
    }),
  ),
});
