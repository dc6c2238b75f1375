import { ZCylinderPriceList } from '../../gas/cylinder-prices/cylinder-prices.schemas.ts';
import { ZPublicCommitment } from '../../heating/operations/operations.schemas.ts';
import { z } from 'zod';
import { ZGasQualityReport } from '../../gas/gas-quality/gas-quality.schemas.ts';
import { ZCatalogueItem } from '../../service/catalogue/catalogue.routes.ts';
import { ZPublicNotice } from '../../service/notices/notices.schemas.ts';

const ZMessages = z.object({ zh: z.string(), en: z.string() });

export const ZPublicEnterprises = z.object({
  items: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string() })),
});

const ZPrice = z.object({
  sector: z.string(),
  customerClass: z.string(),
  effectiveFrom: z.string(),
  label: z.string(),
  /** The price authority's document. */
  basis: z.string(),
  /** The schedule that applies today to its class (the others are history or announced). */
  inForce: z.boolean(),
  /** Gas: annual litres up to which each tier applies (null: open tier) and fen per m³. */
  tiers: z.array(z.object({ upTo: z.number().nullable(), price: z.number() })),
  /** Heating: area price per m² and season, or the two-part price. */
  heating: z.record(z.string(), z.unknown()).nullable(),
});

export const ZPublicInfo = z.object({
  enterprise: z.object({
    id: z.string(),
    name: z.string(),
    kind: z.string(),
    /** The service line, answered 24 hours a day all year (G-4.2.2): also the emergency line. */
    hotline: z.string(),
    supervisionPhone: z.string(),
    address: z.string(),
    servicePoints: z.array(
      z.object({ name: z.string(), address: z.string(), hours: z.string(), takesPayments: z.boolean() }),
    ),
  }),
  prices: z.array(ZPrice),
  /** A bottled-gas company's cylinder price lists (model, fill, price in fen, delivery fee), the whole history. */
  cylinderPrices: z.array(ZCylinderPriceList),
  heatingSeasons: z.array(
    z.object({
      area: z.string(),
      period: z.string(),
      startsOn: z.string(),
      endsOn: z.string(),
      basis: z.string(),
    }),
  ),
  catalogue: z.array(ZCatalogueItem),
  stoppages: z.array(ZPublicNotice),
  /**
   * G-5.4.5, H-7.6.1.5: staff badge numbers and duties, so a resident can check who is at the door; the name is
   * published with its surname only (PIPL: minimum necessary).
   */
  /** G-5.1.8: the latest gas-quality test result the enterprise published; null when none (or not a gas company). */
  gasQuality: ZGasQualityReport.nullable(),
  staff: z.array(z.object({ badgeNo: z.string(), name: z.string(), post: z.string() })),
  /** Days after completion a resident may reopen an order online (H-7.3.4). */
  reopenPeriodDays: z.number(),
  /** H-10.4.4: the complaint rules and each complaint item's completion limits, from the catalogue the clocks use. */
  complaints: z.object({
    rules: z.array(ZMessages),
    categories: z.array(z.object({ code: z.string(), label: ZMessages })),
    limits: z.array(
      z.object({
        code: z.string(),
        name: ZMessages,
        clocks: z.array(z.object({ description: ZMessages, limitText: ZMessages, clause: z.string() })),
      }),
    ),
  }),
  /** G-7.1.13: the residue standard and its compensation (bottled-gas enterprises; null for others). */
  bottledGas: z.object({ residueMaxPercent: z.number(), rules: z.array(ZMessages) }).nullable(),
  /** G-5.12.3: the 24 h rush-repair and duty phones answered now or within the next day (the duty roster). */
  dutyPhones: z.array(z.string()),
  /**
   * G-5.4.5 b, c, e; G-5.10.6 d; H-7.5.5; H-7.7.2.4: service commitments and accountability, the quality promised,
   * both parties' rights and duties, safe and economical use, and the rules followed (domain publicCharter).
   */
  charter: z.object({
    commitments: z.array(ZMessages),
    quality: z.array(ZMessages),
    rightsAndDuties: z.array(ZMessages),
    safety: z.array(ZMessages),
    policies: z.array(ZMessages),
  }),
  /** H-6.1.7: newly connected communities' maintenance commitments (the developer's, or the inheriting property company). */
  maintenanceCommitments: z.array(ZPublicCommitment),
});
export type TPublicInfo = z.infer<typeof ZPublicInfo>;
