// The shape of the service catalogue (G-4.2.3, H-4.2.4, H-7.1.1, H-7.5.5): what each business item's procedure,
// conditions, time limit, fee and basis, documents and free items are — published to the public as data, and
// the same data drives the clocks, so what is published is what is measured.

import type { Messages } from '../errors.ts';
import type { ClockDefinition } from '../sla/clock-types.ts';
import type { ServiceEnterpriseKind } from '../customers/customer-kinds.ts';
import type { WorkOrderEventType } from './events.ts';

export type CatalogueSector = 'gas' | 'heating' | 'both';

export type ServiceCategory =
  | 'consultation'
  | 'repair'
  | 'emergency'
  | 'complaint'
  | 'connection'
  | 'change'
  | 'suspension'
  | 'resumption'
  | 'temperature_test'
  | 'installation'
  | 'meter'
  | 'referral';

/** Money in integer fen. The standards set no amounts; prices come from the published price lists. */
export type Fee =
  | { kind: 'free'; note?: Messages }
  | { kind: 'amount'; fen: number; note?: Messages }
  | { kind: 'price_list'; note: Messages };

/**
 * Where a clock's limit comes from:
 *   statute    — the Zibo standard sets the number (not configurable);
 *   regulation — a higher rule sets it (山东省供热条例; not configurable);
 *   commitment — the standard says "immediately", "on the spot", "within the committed time" or defers to
 *                other rules; the number is the enterprise's published commitment, configurable per enterprise.
 */
export type ClockBasis = 'statute' | 'regulation' | 'commitment';

/**
 * Derived clock event: the moment an agreed time arrives. G-6.2.10 counts residential work "within 5 working
 * days of the agreed time", so that clock starts at the agreed time, not when the agreement was made.
 */
export const AGREED_TIME_REACHED = 'agreed_time_reached';
export type ClockEventType = WorkOrderEventType | typeof AGREED_TIME_REACHED;

/** A ClockDefinition restricted to the work-order vocabulary, with the basis of its limit. */
export interface CatalogueClock extends ClockDefinition {
  limit: string;
  startOn: ClockEventType | readonly ClockEventType[];
  stopOn: readonly ClockEventType[];
  pauseOn?: readonly ClockEventType[];
  resumeOn?: readonly ClockEventType[];
  agreedOn?: readonly ClockEventType[];
  extendOn?: readonly ClockEventType[];
  basis: ClockBasis;
  /** What the clock measures, for the published catalogue and the KPI pages. */
  description: Messages;
}

export interface CatalogueItem {
  /** Stable snake_case id: stored on work orders, never renamed. */
  code: string;
  sector: CatalogueSector;
  enterpriseKinds: readonly ServiceEnterpriseKind[];
  name: Messages;
  category: ServiceCategory;
  procedure: readonly Messages[];
  conditions: readonly Messages[];
  documents: readonly Messages[];
  fee: Fee;
  freeItems: readonly Messages[];
  /** Clause ids the item rests on. */
  basis: readonly string[];
  clocks: readonly CatalogueClock[];
  /** G-6.2.10: a refusal must be given in writing (the `refused` event then needs writtenNoticeRef). */
  refusalInWriting?: boolean;
  /** The words callers use for it (室温, 不热 …), so the agent's search finds the item by them too. */
  keywords?: readonly string[];
  /** The complaint category an order of this item carries unless the agent picks another. */
  complaintCategory?: string;
  /** What the customer must be told while the call is taken (G-7.1.10); intake records that it was said. */
  intakeAdvice?: Messages;
  /** A room-temperature measurement by this protocol must be recorded on the order before it is completed. */
  measurementRequired?: 'H-5.4.5';
  /** G-5.12.3, H-6.4.3, H-7.3.1: answered by the rush-repair crew on duty (the emergency category always is). */
  rushRepair?: true;
}

export const m = (zh: string, en: string): Messages => ({ zh, en });

/** Events that end an order without the service: every clock stops on them (the KPI layer excludes them). */
export const ENDED: readonly ClockEventType[] = ['referred', 'refused', 'cancelled'];

export const GAS_KINDS: readonly ServiceEnterpriseKind[] = [
  'pipeline_gas',
  'bottled_gas',
  'vehicle_gas',
  'appliance',
];
export const HEATING_KINDS: readonly ServiceEnterpriseKind[] = ['heating', 'heating_reseller'];

/** Shared procedure steps (G-5.9.7, G-5.9.8, H-7.3.4, H-7.6.5). */
export const STEP = {
  signedRecord: m('作业记录经用户签字确认（G-5.9.7）', 'Work record signed by the customer (G-5.9.7)'),
  feedback: m(
    '向用户反馈：服务人员、用户信息、处置时间、处置结果、满意度（G-5.9.8）',
    'Feedback to the customer: staff, customer, time, result, satisfaction (G-5.9.8)',
  ),
  returnVisit: m(
    '回访：满意则归档，不满意再次派单（H-7.3.4）',
    'Return visit: satisfied → archived; not satisfied → dispatched again (H-7.3.4)',
  ),
  priceFirst: m(
    '收费项目、标准和材料先向用户明示并签字确认（G-5.11.7、H-7.3.8）',
    'Paid items, prices and materials shown and signed by the customer before work (G-5.11.7, H-7.3.8)',
  ),
  appointment: m(
    '预约上门，按约定时间到达（G-5.9.2、H-7.6.5.1）',
    'Visit by appointment, on time (G-5.9.2, H-7.6.5.1)',
  ),
} as const;

export const DOC = {
  idCard: m('身份证', 'resident ID card'),
  property: m('房屋产权证明或购房合同', 'proof of ownership or purchase contract'),
  licence: m('营业执照及经办人身份证（非居民）', 'business licence and the agent’s ID (non-residents)'),
  account: m('户号或用气/用热地址', 'account number or supply address'),
  phone: m('联系电话', 'contact phone'),
} as const;
