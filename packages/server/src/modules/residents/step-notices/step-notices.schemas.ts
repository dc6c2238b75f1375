import { z } from 'zod';

const ZMessages = z.object({ zh: z.string(), en: z.string() });

/** The steps of the resident's orders (G-5.8.3): newest first, those after his last look unread. */
export const ZStepNotices = z.object({
  unread: z.number(),
  items: z.array(
    z.object({
      orderId: z.string(),
      orderNo: z.string(),
      itemName: ZMessages,
      type: z.string(),
      text: ZMessages,
      at: z.string(),
      unread: z.boolean(),
    }),
  ),
});
