import {
  charterSectorOf,
  publicCharter,
  BOTTLED_GAS_PUBLIC_RULES,
  BOTTLED_GAS_RESIDUE_MAX_PERCENT,
  COMPLAINT_CATEGORIES,
  COMPLAINT_PUBLIC_RULES,
  REOPEN_PERIOD_DAYS,
  catalogueFor,
  maskName,
  toShanghaiDate,
  type ServiceEnterpriseKind,
  SERVICE_ENTERPRISE_KINDS,
} from '@ranre/domain';
import type { AppContext } from '../../../core/context.ts';
import { notFound } from '../../../core/errors.ts';
import { HeatingOperationsService } from '../../heating/operations/operations.service.ts';
import { DutyService } from '../../emergency/duty/duty.service.ts';
import { GasQualityService } from '../../gas/gas-quality/gas-quality.service.ts';
import { published } from '../../service/catalogue/catalogue.routes.ts';
import { publicNotices } from '../../service/notices/notices.repository.ts';
import { publicView } from '../../service/notices/notices.views.ts';
import { priceListsOf } from '../../gas/cylinder-prices/cylinder-prices.service.ts';
import * as repo from './public-info.repository.ts';
import type { TPublicInfo } from './public-info.schemas.ts';

// What both standards ask to be published, per enterprise, without sign-in (G-4.2.3, H-4.2.4, H-7.1.1, H-7.5.5,
// G-5.4.5, H-7.6.1.5, H-7.7.2.4): service and supervision phones, the 24 h line, service points with address and
// hours, prices in force and their history, the heating period, the catalogue's limits and fees, planned stoppages.

const dateOf = (d: string | Date) => (typeof d === 'string' ? d : toShanghaiDate(d));

export class PublicInfoService {
  constructor(private readonly ctx: AppContext) {}

  private get db() {
    return this.ctx.database.db;
  }

  async enterprises() {
    return { items: await repo.serviceEnterprises(this.db) };
  }

  async info(id: string): Promise<TPublicInfo> {
    const e = await repo.serviceEnterprise(this.db, id);
    if (!e) throw notFound('enterprise');
    const now = this.ctx.now();
    const today = toShanghaiDate(now);
    const prices = await repo.pricesOf(this.db, id);
    // In force: per sector and class, the latest schedule that has started.
    const inForce = new Map<string, string>();
    for (const p of prices) {
      if (dateOf(p.effectiveFrom) <= today) inForce.set(`${p.sector}|${p.customerClass}`, p.id);
    }
    const kind = e.kind as ServiceEnterpriseKind;
    const catalogue = SERVICE_ENTERPRISE_KINDS.includes(kind) ? catalogueFor(kind).map(published) : [];
    return {
      enterprise: {
        id: e.id,
        name: e.name,
        kind: e.kind,
        hotline: e.hotline,
        supervisionPhone: e.supervisionPhone,
        address: e.address,
        servicePoints: e.servicePoints.map((p) => ({ ...p, takesPayments: p.takesPayments ?? true })),
      },
      prices: prices.map((p) => ({
        sector: p.sector,
        customerClass: p.customerClass,
        effectiveFrom: dateOf(p.effectiveFrom),
        label: p.label,
        basis: p.basis,
        inForce: inForce.get(`${p.sector}|${p.customerClass}`) === p.id,
        tiers: p.tiers,
        heating: p.heating ?? null,
      })),
      cylinderPrices: e.kind === 'bottled_gas' ? await priceListsOf(this.db, id, today) : [],
      heatingSeasons: (await repo.seasonsOf(this.db, id, today)).map((s) => ({
        area: s.area,
        period: s.period,
        startsOn: dateOf(s.startsOn),
        endsOn: dateOf(s.endsOn),
        basis: s.basis,
      })),
      catalogue,
      stoppages: (await publicNotices(this.db, now))
        .filter((n) => n.enterpriseId === id)
        .map((n) => publicView(n, now)),
      gasQuality: await new GasQualityService(this.ctx).latest(id),
      staff: (await repo.staffOf(this.db, id)).map((m) => ({ ...m, name: maskName(m.name) })),
      reopenPeriodDays: REOPEN_PERIOD_DAYS,
      complaints: {
        rules: [...COMPLAINT_PUBLIC_RULES],
        categories: Object.entries(COMPLAINT_CATEGORIES).map(([code, label]) => ({ code, label })),
        limits: catalogue
          .filter((i) => i.category === 'complaint')
          .map((i) => ({
            code: i.code,
            name: i.name,
            clocks: i.clocks.map((c) => ({
              description: c.description,
              limitText: c.limitText,
              clause: c.clause,
            })),
          })),
      },
      bottledGas:
        kind === 'bottled_gas'
          ? { residueMaxPercent: BOTTLED_GAS_RESIDUE_MAX_PERCENT, rules: [...BOTTLED_GAS_PUBLIC_RULES] }
          : null,
      dutyPhones: await new DutyService(this.ctx).publicPhones(id),
      charter: publicCharter(charterSectorOf(e.kind)),
      maintenanceCommitments: await new HeatingOperationsService(this.ctx).publicCommitments(id),
    };
  }
}
