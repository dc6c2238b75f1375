import { z } from 'zod';

export { ZIdParams } from '../../../core/schemas.ts';

/** A gateway's code: letters, digits, '-' and '_' (it is also a level of its MQTT topic). */
export const ZGatewayKeyInput = z.strictObject({
  gateway: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, - and _ only'),
  name: z.string().trim().min(1).max(100),
});
export type TGatewayKeyInput = z.infer<typeof ZGatewayKeyInput>;

export const ZGatewayKey = z.object({
  id: z.string(),
  gateway: z.string(),
  name: z.string(),
  keyPrefix: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  /** The MQTT topic the gateway publishes to. */
  topic: z.string(),
});

/** The answer to issuing a key: the key itself, shown this once only. */
export const ZIssuedGatewayKey = ZGatewayKey.extend({ key: z.string() });
