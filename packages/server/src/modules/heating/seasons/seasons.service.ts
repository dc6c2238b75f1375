import {
  assertHeatingRules,
  assertSeasonDates,
  DEMO_HEATING_RULES,
  legalHeatingDaysOf,
  priceInEffect,
  seasonFlags,
  seasonPeriod,
  toShanghaiDate,
  type HeatingRules,
} from '@ranre/domain';
import { eq } from 'drizzle-orm';
import { heatingRules, heatingSeasons, priceSchedules } from '../../../db/schema.ts';
import type { Db } from '../../../db/client.ts';
import type { Actor } from '../../../core/actor.ts';
import type { AppContext } from '../../../core/context.ts';
import { appError } from '../../../core/errors.ts';
import { enterpriseScope } from '../../../core/scope.ts';
import { appendAudit } from '../../platform/audit/audit.repository.ts';
import { versionConflict } from '../../platform/enterprises/enterprises.service.ts';
import { assertHeatingWriter, ownRow, visibleRow } from './heating-access.ts';
import * as repo from './seasons.repository.ts';
import type {
  THeatingPrice,
  TPriceInput,
  TRulesInput,
  TSeasonInput,
  TSeasonPatch,
} from './seasons.schemas.ts';

const SEASON = { zh: '供热期', en: 'heating season' };
/** Shandong heating regulation (zibo-facts): the base part of a two-part tariff is at most 30 % of the area price. */
const BASE_PART_MAX_BPS = 3000;

/** A heating price row as sent: its `heating` column was written from ZHeatingPrice (jsonb reads back untyped). */
const priceView = (row: repo.PriceRow) => ({ ...row, heating: row.heating as THeatingPrice | null });

export class HeatingSeasonService {
  constructor(private readonly ctx: AppContext) {}

  private get db() {
    return this.ctx.database.db;
  }

  async list(actor: Actor, enterpriseId?: string) {
    const scope = enterpriseScope(actor, enterpriseId);
    const [seasons, prices, rules] = await Promise.all([
      repo.listSeasons(this.db, scope),
      repo.listPrices(this.db, scope),
      repo.listRules(this.db, scope),
    ]);
    return { seasons, prices: prices.map(priceView), rules, demoRules: DEMO_HEATING_RULES };
  }

  async get(actor: Actor, id: string) {
    return visibleRow(actor, await repo.seasonById(this.db, id), SEASON.zh);
  }

  /** H-5.2.1: the season the government set, as data; legal heating days default to end − start. */
  async create(actor: Actor, input: TSeasonInput) {
    assertHeatingWriter(actor);
    assertSeasonDates(input);
    const legal = input.legalHeatingDays ?? legalHeatingDaysOf(input);
    const paymentDueOn = input.paymentDueOn ?? input.startsOn;
    return this.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(heatingSeasons)
        .values({
          enterpriseId: actor.enterpriseId,
          area: input.area,
          districts: input.districts,
          period: seasonPeriod(input),
          startsOn: input.startsOn,
          endsOn: input.endsOn,
          legalHeatingDays: legal,
          paymentDueOn,
          basis: input.basis,
          createdBy: actor.id,
        })
        .onConflictDoNothing()
        .returning();
      if (!row) throw duplicateSeason(input.area, seasonPeriod(input));
      await appendAudit(tx, {
        actor,
        enterpriseId: actor.enterpriseId,
        action: 'heating_season.create',
        entity: 'heating_season',
        entityId: row.id,
        after: row,
      });
      return row;
    });
  }

  /** H-5.2.2: record the actual start and end; a later start or earlier end is flagged with the days lost. */
  async patch(actor: Actor, id: string, input: TSeasonPatch) {
    assertHeatingWriter(actor);
    return this.db.transaction(async (tx) => {
      const before = ownRow(actor, await repo.seasonById(tx, id, true), SEASON.zh);
      if (before.version !== input.version) throw versionConflict(SEASON, before.version, input.version);
      const next = {
        actualStartOn: input.actualStartOn === undefined ? before.actualStartOn : input.actualStartOn,
        actualEndOn: input.actualEndOn === undefined ? before.actualEndOn : input.actualEndOn,
        paymentDueOn: input.paymentDueOn ?? before.paymentDueOn,
        basis: input.basis ?? before.basis,
      };
      const flags = seasonFlags({ ...before, ...next });
      const [row] = await tx
        .update(heatingSeasons)
        .set({ ...next, flags, version: before.version + 1, updatedAt: this.ctx.now() })
        .where(eqId(id))
        .returning();
      await appendAudit(tx, {
        actor,
        enterpriseId: before.enterpriseId,
        action: 'heating_season.update',
        entity: 'heating_season',
        entityId: id,
        before,
        after: row,
      });
      return row!;
    });
  }

  /** H-7.2.1: prices as data per customer class with an effective date. */
  async addPrice(actor: Actor, input: TPriceInput) {
    assertHeatingWriter(actor);
    const existing = await repo.listPrices(this.db, actor.enterpriseId);
    if (input.heating.method === 'two_part') {
      const areaPrices = existing
        .filter((p) => p.customerClass === input.customerClass && p.heating?.method === 'area')
        .map((p) => ({ effectiveFrom: p.effectiveFrom, fen: Number(p.heating!.fenPerM2PerSeason) }));
      const area = priceInEffect(areaPrices, input.effectiveFrom);
      if (area && input.heating.baseFenPerM2 * 10_000 > area.fen * BASE_PART_MAX_BPS) {
        throw appError(
          'HEATING_BASE_PART_TOO_HIGH',
          {
            zh: `两部制基本热价 ${input.heating.baseFenPerM2} 分/m² 超过面积热价 ${area.fen} 分/m² 的 30%`,
            en: `The base part ${input.heating.baseFenPerM2} fen/m² exceeds 30 % of the area price ${area.fen} fen/m²`,
          },
          { field: 'heating.baseFenPerM2' },
        );
      }
    }
    return this.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(priceSchedules)
        .values({
          enterpriseId: actor.enterpriseId,
          sector: 'heating',
          customerClass: repo.priceClass(input.customerClass, input.heating.method),
          effectiveFrom: input.effectiveFrom,
          label: input.label,
          demo: input.demo,
          heating: input.heating,
          basis: input.basis,
          announcedOn: input.announcedOn ?? null,
          createdBy: actor.id,
        })
        .onConflictDoNothing()
        .returning();
      if (!row) {
        throw appError('DUPLICATE', {
          zh: `该用户类别在 ${input.effectiveFrom} 已有热价`,
          en: `This customer class already has a price effective ${input.effectiveFrom}`,
        });
      }
      await appendAudit(tx, {
        actor,
        enterpriseId: actor.enterpriseId,
        action: 'heating_price.create',
        entity: 'price_schedule',
        entityId: row.id,
        after: row,
      });
      return priceView(row);
    });
  }

  /** H-7.2.2: the enterprise's reward, suspended-fee, reminder and stop-heating rules, from a date. */
  async putRules(actor: Actor, input: TRulesInput) {
    assertHeatingWriter(actor);
    assertHeatingRules(input.rules);
    return this.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(heatingRules)
        .values({
          enterpriseId: actor.enterpriseId,
          effectiveFrom: input.effectiveFrom,
          rules: input.rules,
          note: input.note,
          createdBy: actor.id,
        })
        .onConflictDoUpdate({
          target: [heatingRules.enterpriseId, heatingRules.effectiveFrom],
          set: { rules: input.rules, note: input.note, createdBy: actor.id },
        })
        .returning();
      await appendAudit(tx, {
        actor,
        enterpriseId: actor.enterpriseId,
        action: 'heating_rules.put',
        entity: 'heating_rules',
        entityId: row!.id,
        after: row,
      });
      return row!;
    });
  }

  /** The rules in effect today; an enterprise that set none gets the demo values, labelled so. */
  async rulesFor(
    enterpriseId: string,
    on = toShanghaiDate(this.ctx.now()),
    db: Db = this.db,
  ): Promise<{ rules: HeatingRules; configured: boolean }> {
    const row = await repo.rulesInEffect(db, enterpriseId, on);
    return row ? { rules: row.rules, configured: true } : { rules: DEMO_HEATING_RULES, configured: false };
  }
}

const eqId = (id: string) => eq(heatingSeasons.id, id);

function duplicateSeason(area: string, period: string) {
  return appError('DUPLICATE', {
    zh: `${area} 的 ${period} 供热期已存在`,
    en: `The ${period} season of ${area} already exists`,
  });
}
