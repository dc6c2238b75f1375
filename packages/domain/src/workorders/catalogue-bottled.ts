// Bottled-gas items (G-7.1.10, G-7.2.1, G-7.2.2): the cylinder order delivered to the kitchen, and the burner that
// fails after a refill. Leaks (G-7.1.11) and facility repairs (G-7.1.12) are the gas items shared with pipeline gas.

import { APPOINTMENT_AGREED } from '../sla/clock-types.ts';
import { DOC, ENDED, STEP, m } from './catalogue-types.ts';
import type { CatalogueItem } from './catalogue-types.ts';

export const BOTTLED_DELIVERY_ITEM = 'bottled_gas_delivery';
export const BOTTLED_BURNER_ITEM = 'bottled_burner_fault';

export const BOTTLED_GAS_ITEMS: readonly CatalogueItem[] = [
  {
    code: BOTTLED_DELIVERY_ITEM,
    sector: 'gas',
    enterpriseKinds: ['bottled_gas'],
    name: m('瓶装液化气订气送气', 'Bottled gas order and delivery'),
    category: 'installation',
    keywords: ['订气', '送气', '换气', '液化气'],
    procedure: [
      m('电话、营业厅或自助下单，约定送气时间', 'Order by phone, at the counter or online; agree the time'),
      m(
        '按约定时间送达，扫码交付满瓶、回收空瓶（G-7.2.1）',
        'Deliver at the agreed time; scan the full cylinder handed over and the empty one taken back (G-7.2.1)',
      ),
      m(
        '安装、检漏、点火试验，用户签字；用户拒绝安装的记录并告知注意事项（G-7.2.2）',
        'Install, leak check, ignition test, customer signs; a refusal to have it installed is noted with the advice given (G-7.2.2)',
      ),
      m('发放安全用气手册，开具收据', 'Hand over the safety handbook and the receipt'),
    ],
    conditions: [
      m('管道燃气未覆盖的地址（G-7.1.1）', 'An address the pipeline network does not cover (G-7.1.1)'),
    ],
    documents: [DOC.account, DOC.phone],
    fee: {
      kind: 'price_list',
      note: m('按公示的液化气价格收费，开具收据', 'At the published bottled-gas price, with a receipt'),
    },
    freeItems: [m('送气上门、安装、检漏和点火试验', 'Delivery, installation, leak check and ignition test')],
    basis: ['G-7.2.1', 'G-7.2.2', 'G-7.1.5', 'G-5.10.1'],
    clocks: [
      {
        name: 'delivery',
        clause: 'G-7.2.1',
        limit: '24h',
        basis: 'commitment',
        description: m(
          '按约定时间送达（未约定的24小时内，企业承诺）',
          'Delivered at the agreed time (within 24 h if none was agreed; enterprise commitment)',
        ),
        startOn: 'received',
        stopOn: ['arrived_on_site', 'completed', ...ENDED],
        agreedOn: [APPOINTMENT_AGREED],
      },
    ],
  },
  {
    code: BOTTLED_BURNER_ITEM,
    sector: 'gas',
    enterpriseKinds: ['bottled_gas'],
    name: m('换气后灶具不能正常使用', 'Burner fails after a refill'),
    category: 'repair',
    keywords: ['打不着', '换气', '灶具', '火小'],
    intakeAdvice: m(
      '已告知用户：立即停止使用，关闭钢瓶角阀，开窗通风，不得自行拆修（G-7.1.10）',
      'Told the customer: stop using it at once, close the cylinder valve, ventilate, do not repair it yourself (G-7.1.10)',
    ),
    procedure: [
      m(
        '受理时告知用户立即停止使用（G-7.1.10）',
        'At intake, tell the customer to stop using it at once (G-7.1.10)',
      ),
      m(
        '上门检查：属本企业气瓶或设施的原因由本企业维修',
        'Visit: a fault of our cylinder or facilities we repair',
      ),
      m(
        '属灶具等用户设施原因的，告知用户并转介有资质的单位',
        'A fault of the customer’s appliance: tell them and refer to a qualified company',
      ),
      STEP.signedRecord,
      STEP.feedback,
      STEP.returnVisit,
    ],
    conditions: [m('本企业充装、配送的瓶装液化气用户', 'Customers of our filled and delivered cylinders')],
    documents: [DOC.account, DOC.phone],
    fee: {
      kind: 'free',
      note: m(
        '用户自有灶具的维修由维修单位按其价格收取',
        'Repairs of the customer’s own appliance: at the repairer’s prices',
      ),
    },
    freeItems: [m('检查气瓶、减压阀和连接管', 'Checking the cylinder, regulator and hose')],
    basis: ['G-7.1.10', 'G-7.1.12', 'G-5.9.7'],
    clocks: [
      {
        name: 'response',
        clause: 'G-7.1.10',
        limit: '0.5h',
        basis: 'commitment',
        description: m('联系用户作出响应（企业承诺）', 'Contact the customer (enterprise commitment)'),
        startOn: 'received',
        stopOn: ['customer_contacted', APPOINTMENT_AGREED, 'arrived_on_site', 'completed', ...ENDED],
      },
      {
        name: 'on_site',
        clause: 'G-7.1.10',
        limit: '24h',
        basis: 'commitment',
        description: m(
          '上门处理（或约定时间，企业承诺）',
          'On site (or at the agreed time; enterprise commitment)',
        ),
        startOn: 'received',
        stopOn: ['arrived_on_site', 'completed', ...ENDED],
        agreedOn: [APPOINTMENT_AGREED],
      },
    ],
  },
];
