import { z } from 'zod';

export const ZSeasonParams = z.strictObject({ seasonId: z.uuid() });
export const ZQueueQuery = z.strictObject({
  enterpriseId: z.uuid().optional(),
  open: z.enum(['true', 'false']).optional(),
});
export const ZRemindInput = z.strictObject({});
