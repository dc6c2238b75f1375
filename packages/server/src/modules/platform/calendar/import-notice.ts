import type { AppContext } from '../../../core/context.ts';
import type { Actor } from '../../../core/actor.ts';
import {
  CALENDAR_IMPORT_ACTOR,
  recalculateProvisionalDues,
} from '../../service/workorders/recalculate-dues.ts';
import type { HolidayCnYear } from './base-data.ts';

/**
 * Imports a year's holiday notice and, in the same transaction, recomputes every open order's clock that was
 * counted on the provisional calendar; returns what moved (each move is also in its order's history).
 */
export async function importNotice(
  ctx: AppContext,
  actor: Actor | null,
  notice: HolidayCnYear,
  source: string,
) {
  const recorder = actor
    ? { id: actor.id, displayName: actor.displayName, role: actor.role }
    : CALENDAR_IMPORT_ACTOR;
  const result = await ctx.calendar.importYear(actor, notice, source, (tx, calendar) =>
    recalculateProvisionalDues(tx, calendar, notice.year, recorder, ctx.now()),
  );
  return { year: result.year, days: result.days, moved: result.after ?? [] };
}
