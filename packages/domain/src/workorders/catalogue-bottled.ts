// Bottled-gas delivery to the home (淄博市城镇燃气服务规范 G-7.1): the resident books it with a time he proposes, the
// company agrees a time and delivers then, with the cylinder traced to the customer (G-7.1.4).

import { APPOINTMENT_AGREED } from '../sla/clock-types.ts';
import { DOC, ENDED, STEP, m } from './catalogue-types.ts';
import type { CatalogueItem } from './catalogue-types.ts';

export const BOTTLED_GAS_ITEMS: readonly CatalogueItem[] = [
  {
    code: 'bottled_gas_delivery',
    sector: 'gas',
    enterpriseKinds: ['bottled_gas'],
    name: m('瓶装燃气预约送气', 'Bottled gas delivery by appointment'),
    category: 'delivery',
    keywords: ['送气', '换气', '液化气', '煤气罐'],
    procedure: [
      m('受理送气预约，记录用户希望的时间', 'Take the booking with the time the customer proposes'),
      m('与用户约定送气时间（G-5.9.2）', 'Agree the delivery time with the customer (G-5.9.2)'),
      STEP.appointment,
      m(
        '送达充装合格、标识齐全的本企业气瓶，登记气瓶与用户（G-7.1.4、G-7.1.6）',
        'Deliver a properly filled and marked cylinder of the company; record cylinder and customer (G-7.1.4, G-7.1.6)',
      ),
      m(
        '残液超过3%的按公示标准退还（G-7.1.14）',
        'Residue above 3 % refunded by the published standard (G-7.1.14)',
      ),
      STEP.signedRecord,
    ],
    conditions: [
      m(
        '送气地址不在管道燃气覆盖范围内（G-7.1.1）',
        'The address is not covered by the pipeline network (G-7.1.1)',
      ),
    ],
    documents: [DOC.account, DOC.phone],
    fee: { kind: 'price_list', note: m('按公示的瓶装燃气价格', 'At the published bottled-gas prices') },
    freeItems: [m('送气上门时的安全检查和用气指导', 'Safety check and advice at the delivery')],
    basis: ['G-5.9.2', 'G-7.1.1', 'G-7.1.4', 'G-7.1.6', 'G-7.1.14'],
    clocks: [
      {
        name: 'on_site',
        clause: 'G-5.9.2',
        limit: '24h',
        basis: 'commitment',
        // The standard sets no delivery limit: the company's commitment, counted to the agreed time once agreed.
        description: m(
          '受理后24小时内或按约定时间送达（企业承诺）',
          'Delivered within 24 h or at the agreed time (enterprise commitment)',
        ),
        startOn: 'received',
        stopOn: ['arrived_on_site', 'completed', ...ENDED],
        agreedOn: [APPOINTMENT_AGREED],
      },
    ],
  },
];
