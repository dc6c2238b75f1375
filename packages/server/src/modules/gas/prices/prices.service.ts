import {
  addDays,
  checkSchedule,
  formatM3,
  GAS_CUSTOMER_CLASS_LABELS,
  toShanghaiDate,
  type GasCustomerClass,
} from '@ranre/domain';
import type { Actor } from '../../../core/actor.ts';
import type { AppContext } from '../../../core/context.ts';
import { appError } from '../../../core/errors.ts';
import { assertCanManage, enterpriseScope } from '../../../core/scope.ts';
import { appendAudit } from '../../platform/audit/audit.repository.ts';
import * as repo from './prices.repository.ts';
import type { TPriceSchedule, TPriceScheduleCreate } from './prices.schemas.ts';

export { schedulesFor } from './prices.repository.ts';
export { gasCustomerClassOf, GAS_CUSTOMER_CLASS_OF_KIND } from '@ranre/domain';

/** Shown wherever a demo schedule is: these are examples, not the Zibo price authority's figures. */
export const DEMO_PRICE_LABEL = { zh: '演示价格，非淄博实价', en: 'Demo prices, not Zibo’s actual prices' };

const yuan = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

/** The notice text of G-6.2.4: the class, the day, each tier's band and price. */
export function priceChangeText(s: {
  customerClass: string;
  effectiveFrom: string;
  tiers: { upTo: number | null; price: number }[];
  basis: string;
  demo: boolean;
}) {
  const cls = GAS_CUSTOMER_CLASS_LABELS[s.customerClass as GasCustomerClass] ?? {
    zh: s.customerClass,
    en: s.customerClass,
  };
  let from = 0;
  const bands = s.tiers.map((t, i) => {
    const band = {
      zh: `第${i + 1}档 ${formatM3(from)}–${t.upTo === null ? '以上' : formatM3(t.upTo)}：${yuan(t.price)} 元/m³`,
      en: `tier ${i + 1} ${formatM3(from)}–${t.upTo === null ? 'up' : formatM3(t.upTo)}: ¥${yuan(t.price)}/m³`,
    };
    from = t.upTo ?? from;
    return band;
  });
  const demo = s.demo
    ? { zh: `（${DEMO_PRICE_LABEL.zh}）`, en: ` (${DEMO_PRICE_LABEL.en})` }
    : { zh: '', en: '' };
  return {
    subject: `燃气价格调整通知 ${s.effectiveFrom}`,
    body:
      `尊敬的用户：自 ${s.effectiveFrom} 起，${cls.zh}燃气价格调整为 ${bands.map((b) => b.zh).join('；')}（年度阶梯）${demo.zh}。` +
      `调价前后的用气量分别按调整前后的价格计费（G-6.2.4）。${s.basis ? `依据：${s.basis}。` : ''}`,
    bodyEn:
      `From ${s.effectiveFrom} the ${cls.en.toLowerCase()} gas price is ${bands.map((b) => b.en).join('; ')} (annual tiers)${demo.en}. ` +
      `Usage before and after the change is billed at the price in force on each day (G-6.2.4).${s.basis ? ` Basis: ${s.basis}.` : ''}`,
  };
}

export class PriceService {
  constructor(private readonly ctx: AppContext) {}

  private get db() {
    return this.ctx.database.db;
  }

  async list(
    actor: Actor,
    q: { customerClass?: string; enterpriseId?: string },
  ): Promise<{ items: TPriceSchedule[] }> {
    const today = toShanghaiDate(this.ctx.now());
    const rows = await repo.listSchedules(this.db, {
      enterpriseId: enterpriseScope(actor, q.enterpriseId),
      customerClass: q.customerClass,
    });
    return {
      items: rows.map(({ schedule: s, notified }, i) => {
        const next = rows[i + 1]?.schedule;
        const successor =
          next && next.enterpriseId === s.enterpriseId && next.customerClass === s.customerClass
            ? next
            : null;
        const status =
          s.effectiveFrom > today
            ? 'scheduled'
            : successor && successor.effectiveFrom <= today
              ? 'superseded'
              : 'in_force';
        return {
          id: s.id,
          enterpriseId: s.enterpriseId,
          customerClass: s.customerClass,
          effectiveFrom: s.effectiveFrom,
          effectiveTo: successor ? addDays(successor.effectiveFrom, -1) : null,
          status,
          label: s.label,
          demo: s.demo,
          tiers: s.tiers,
          tierYearStartMonth: s.tierYearStartMonth,
          basis: s.basis,
          announcedOn: s.announcedOn,
          notified: Number(notified),
          createdAt: s.createdAt.toISOString(),
        };
      }),
    };
  }

  /**
   * Publishes a new schedule. A schedule in force is never edited: a new one with a later first day supersedes it
   * (G-6.2.4), so a new schedule may not start before today. The customers of the class are told in the same
   * transaction.
   */
  async create(actor: Actor, input: TPriceScheduleCreate): Promise<TPriceSchedule> {
    const enterpriseId = actor.enterpriseId;
    assertCanManage(actor, enterpriseId);
    const today = toShanghaiDate(this.ctx.now());
    if (input.effectiveFrom < today) {
      throw appError(
        'PRICE_SCHEDULE_RETROACTIVE',
        {
          zh: `新价格不能早于今天（${today}）生效；已生效的价格不可修改，请发布新的价格表。`,
          en: `A new price cannot take effect before today (${today}); prices in force are not edited, publish a new schedule.`,
        },
        { field: 'effectiveFrom' },
      );
    }
    try {
      checkSchedule({
        id: 'new',
        customerClass: input.customerClass,
        effectiveFrom: input.effectiveFrom,
        tiers: input.tiers,
      });
    } catch (e) {
      throw appError('PRICE_SCHEDULE_INVALID', (e as { messages: { zh: string; en: string } }).messages, {
        field: 'tiers',
      });
    }
    const id = await this.db.transaction(async (tx) => {
      const existing = await repo.listSchedules(tx, { enterpriseId, customerClass: input.customerClass });
      if (existing.some((r) => r.schedule.effectiveFrom === input.effectiveFrom)) {
        throw appError('DUPLICATE', {
          zh: `该类用户 ${input.effectiveFrom} 已有价格表。`,
          en: `This class already has a schedule from ${input.effectiveFrom}.`,
        });
      }
      const row = await repo.insertSchedule(tx, {
        enterpriseId,
        sector: 'gas',
        customerClass: input.customerClass,
        effectiveFrom: input.effectiveFrom,
        label: input.label,
        demo: input.demo,
        tiers: input.tiers,
        tierYearStartMonth: input.tierYearStartMonth,
        basis: input.basis,
        announcedOn: input.notifyCustomers ? today : null,
        createdBy: actor.id,
        createdAt: this.ctx.now(),
      });
      const notified = input.notifyCustomers
        ? await repo.notifyClass(tx, {
            enterpriseId,
            scheduleId: row.id,
            customerClass: input.customerClass,
            ...priceChangeText(input),
          })
        : 0;
      await appendAudit(tx, {
        actor,
        enterpriseId,
        action: 'price_schedule.create',
        entity: 'price_schedule',
        entityId: row.id,
        after: { ...input, notified },
      });
      return row.id;
    });
    const { items } = await this.list(actor, { customerClass: input.customerClass });
    return items.find((s) => s.id === id)!;
  }
}
