import { z } from 'zod';
import type { Actor } from '../../../core/actor.ts';
import type { AppContext } from '../../../core/context.ts';
import { appError, notFound } from '../../../core/errors.ts';
import { appendAudit } from '../../platform/audit/audit.repository.ts';
import * as visits from './visits.repository.ts';

// G-5.11.3: a home renovated is inspected again before supply. The marker is the premises' renovation time; the supply
// gate (a connection's "connect and light", a meter's unlock) then wants an inspection passed after it.

export const ZRenovation = z.strictObject({
  customerId: z.uuid(),
  /** One of the customer's premises; all of them when left out. */
  premisesId: z.uuid().optional(),
  renovatedAt: z.iso.datetime({ offset: true }),
});
export type TRenovation = z.infer<typeof ZRenovation>;
export const ZRenovationResult = z.object({ premisesIds: z.array(z.string()), renovatedAt: z.string() });

export async function markRenovation(ctx: AppContext, actor: Actor, input: TRenovation) {
  const at = new Date(input.renovatedAt);
  if (at.getTime() > ctx.now().getTime())
    throw appError(
      'RENOVATION_IN_FUTURE',
      { zh: '装修时间不能晚于现在', en: 'The renovation cannot be in the future' },
      { field: 'renovatedAt' },
    );
  return ctx.database.db.transaction(async (tx) => {
    const customer = await visits.customerOf(tx, input.customerId);
    if (!customer || customer.enterpriseId !== actor.enterpriseId) throw notFound('customer');
    const ids = await visits.markRenovated(tx, customer.id, input.premisesId ?? null, at);
    if (ids.length === 0) throw notFound('premises');
    await appendAudit(tx, {
      actor,
      enterpriseId: actor.enterpriseId,
      action: 'premises.renovated',
      entity: 'customer',
      entityId: customer.id,
      after: { premisesIds: ids, renovatedAt: at.toISOString() },
    });
    return { premisesIds: ids, renovatedAt: at.toISOString() };
  });
}
