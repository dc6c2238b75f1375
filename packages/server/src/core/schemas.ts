import { z } from 'zod';

/** `:id` path parameter shared by every module's routes. */
export const ZIdParams = z.strictObject({ id: z.uuid() });
