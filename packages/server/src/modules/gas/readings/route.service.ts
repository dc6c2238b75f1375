import { DomainError, type ReadingFlag } from '@ranre/domain';
import type { Actor } from '../../../core/actor.ts';
import type { AppContext } from '../../../core/context.ts';
import { enterpriseScope } from '../../../core/scope.ts';
import * as repo from './readings.repository.ts';
import type { TReadingInput } from './readings.schemas.ts';
import { ReadingService } from './readings.service.ts';

/** A meter reader's route: the meters of an area with their last reading, and many readings entered at once. */
export class RouteService {
  private readonly readings: ReadingService;

  constructor(private readonly ctx: AppContext) {
    this.readings = new ReadingService(ctx);
  }

  async route(
    actor: Actor,
    q: { district?: string; community?: string; limit: number; enterpriseId?: string },
  ) {
    const enterpriseId = enterpriseScope(actor, q.enterpriseId);
    const db = this.ctx.database.db;
    const [areas, items] = await Promise.all([
      repo.routeAreas(db, enterpriseId),
      repo.routeMeters(db, { enterpriseId, district: q.district, community: q.community, limit: q.limit }),
    ]);
    return {
      areas,
      items: items.map((m) => ({
        ...m,
        lastRegister: m.lastRegister === null ? null : Number(m.lastRegister),
      })),
    };
  }

  /**
   * Each row is entered on its own (its own transaction and audit), so one wrong register does not hold back the
   * rest of the route; every row answers ok or its error with the reasons, flagged rows with their flags.
   */
  async bulk(actor: Actor, rows: TReadingInput[]) {
    const results = [];
    for (const [index, row] of rows.entries()) {
      try {
        const { reading } = await this.readings.enter(actor, row);
        results.push({
          index,
          meterId: row.meterId,
          ok: true,
          readingId: reading.id,
          usage: reading.usage,
          code: null,
          message: null,
          flags: [],
        });
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        const details = (err.details ?? {}) as { flags?: ReadingFlag[] };
        results.push({
          index,
          meterId: row.meterId,
          ok: false,
          readingId: null,
          usage: null,
          code: err.code,
          message: err.messages,
          flags: details.flags ?? [],
        });
      }
    }
    const saved = results.filter((r) => r.ok).length;
    return { saved, failed: results.length - saved, rows: results };
  }
}
