// The service catalogue as one list (G-4.2.3, H-4.2.4, H-7.1.1, H-7.5.5), with lookups. Items common to both
// sectors live here; the rest come from the sector files.

import { domainError } from '../errors.ts';
import type { ServiceEnterpriseKind } from '../customers/customer-kinds.ts';
import { SERVICE_ENTERPRISE_KINDS } from '../customers/customer-kinds.ts';
import { ENDED, m } from './catalogue-types.ts';
import type { CatalogueItem } from './catalogue-types.ts';
import { GAS_REPAIR_ITEMS } from './catalogue-gas.ts';
import { GAS_SERVICE_ITEMS } from './catalogue-gas-services.ts';
import { BOTTLED_GAS_ITEMS } from './catalogue-bottled.ts';
import { HEATING_ITEMS } from './catalogue-heating.ts';
import { HEATING_SERVICE_ITEMS } from './catalogue-heating-services.ts';
import { WorkOrderErrorCodes } from './errors.ts';

const COMMON_ITEMS: readonly CatalogueItem[] = [
  {
    code: 'consultation',
    sector: 'both',
    enterpriseKinds: SERVICE_ENTERPRISE_KINDS,
    name: m('业务咨询、查询', 'Enquiry'),
    category: 'consultation',
    procedure: [
      m('受理并记录（G-5.5.2）', 'Take and record the enquiry (G-5.5.2)'),
      m(
        '能当场解答的当场解答；不能的在承诺时限内答复',
        'Answer at once where possible; otherwise within the committed time',
      ),
      m(
        '不属于本企业的，告知用户办理单位（G-5.5.2）',
        'If it is not the company’s business, say who handles it (G-5.5.2)',
      ),
    ],
    conditions: [],
    documents: [],
    fee: { kind: 'free' },
    freeItems: [
      m(
        '政策、业务流程、收费标准、安全用气用热知识咨询',
        'Questions on policy, procedures, prices and safe use',
      ),
    ],
    basis: ['G-4.2.3', 'G-4.2.4', 'G-5.5.2', 'H-4.2.3', 'H-7.1.1', 'H-7.5.5'],
    clocks: [
      {
        name: 'answer',
        clause: 'G-4.2.4, H-4.2.3',
        limit: '1wd',
        basis: 'commitment',
        // Both standards ask for an answer "within the prescribed or committed time" and set none for enquiries.
        description: m('承诺时限内答复', 'Answered within the committed time'),
        startOn: 'received',
        stopOn: ['completed', ...ENDED],
      },
    ],
  },
  {
    code: 'referral',
    sector: 'both',
    enterpriseKinds: SERVICE_ENTERPRISE_KINDS,
    name: m('非本企业事项（告知去处）', 'Matter outside the company (referral)'),
    category: 'referral',
    procedure: [
      m('记录来电来访，不推诿（G-5.5.2）', 'Record the call or visit; do not brush it off (G-5.5.2)'),
      m('告知用户负责的单位、渠道和联系方式', 'Tell the customer who handles it, and how to reach them'),
      m('以转介结案', 'Close with the referral'),
    ],
    conditions: [],
    documents: [],
    fee: { kind: 'free' },
    freeItems: [],
    basis: ['G-5.5.2', 'H-7.4.9.1'],
    // Closed in the same call by the referral itself: nothing to time.
    clocks: [],
  },
];

/** Every item, in publishing order. */
export const CATALOGUE: readonly CatalogueItem[] = [
  ...COMMON_ITEMS,
  ...GAS_REPAIR_ITEMS,
  ...GAS_SERVICE_ITEMS,
  ...BOTTLED_GAS_ITEMS,
  ...HEATING_ITEMS,
  ...HEATING_SERVICE_ITEMS,
];

const BY_CODE: ReadonlyMap<string, CatalogueItem> = new Map(CATALOGUE.map((item) => [item.code, item]));

export const CATALOGUE_CODES: readonly string[] = CATALOGUE.map((item) => item.code);

export function isCatalogueCode(code: unknown): code is string {
  return typeof code === 'string' && BY_CODE.has(code);
}

/** The item with this code; throws CATALOGUE_ITEM_UNKNOWN. */
export function catalogueItem(code: string): CatalogueItem {
  const item = BY_CODE.get(code);
  if (!item) {
    throw domainError(
      WorkOrderErrorCodes.CATALOGUE_ITEM_UNKNOWN,
      `服务目录中没有业务事项「${String(code)}」。`,
      `The service catalogue has no item "${String(code)}".`,
      { code, known: [...CATALOGUE_CODES] },
    );
  }
  return item;
}

/** The items an enterprise of this kind offers (and must publish). */
export function catalogueFor(enterpriseKind: ServiceEnterpriseKind): CatalogueItem[] {
  return CATALOGUE.filter((item) => item.enterpriseKinds.includes(enterpriseKind));
}
