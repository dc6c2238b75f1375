// Heating service items (淄博市城镇冬季供热服务规范).

import { APPOINTMENT_AGREED, DEADLINE_EXTENDED } from '../sla/clock-types.ts';
import { DOC, ENDED, HEATING_KINDS, STEP, m } from './catalogue-types.ts';
import type { CatalogueClock, CatalogueItem } from './catalogue-types.ts';

/**
 * H-7.1.7 leaves the suspension time limit to each enterprise ("向社会公布承诺办结时限"). This is the demo
 * default; an enterprise publishes its own through `clocksFor(code, { completion: … })`.
 */
export const DEFAULT_SUSPENSION_COMMITMENT = '3wd';

/** H-7.4.4 / H-10.4.4: complaints closed within the published commitment; demo default, configurable. */
export const DEFAULT_HEATING_COMPLAINT_COMMITMENT = '5wd';

const complaintResolution: CatalogueClock = {
  name: 'resolution',
  clause: 'H-7.4.4',
  limit: DEFAULT_HEATING_COMPLAINT_COMMITMENT,
  basis: 'commitment',
  description: m(
    '承诺时间内办结（可说明原因延期，H-7.4.4）',
    'Closed within the committed time (may be extended with a reason, H-7.4.4)',
  ),
  startOn: 'received',
  stopOn: ['feedback_given', ...ENDED],
  extendOn: [DEADLINE_EXTENDED],
};

const COMPLAINT_STEPS = [
  m('如实录入，有责无责均不隐瞒（H-7.4.6）', 'Record it truthfully, responsible or not (H-7.4.6)'),
  m(
    '有责（或尚未判定，H-7.4.8）：致歉、明确途径和时间、派单、调查、反馈事实、整改措施和责任处理（H-7.4.10）',
    'Responsible (or undecided, H-7.4.8): apologise, give path and time, dispatch, investigate, report facts, measures and accountability (H-7.4.10)',
  ),
  m(
    '无责：告知投诉渠道或相关政策文件（H-7.4.9）',
    'Not responsible: give the right channel or the policy (H-7.4.9)',
  ),
  m('不能按期办结的，说明原因并明确解决时间（H-7.4.4）', 'If late: give the reason and a new date (H-7.4.4)'),
  STEP.feedback,
  m(
    '所有投诉均回访，满意后归档，不满意再次派单督办（H-7.6.5.3、H-7.4.10.5）',
    'Every complaint gets a return visit; archived when satisfied, else dispatched again (H-7.6.5.3, H-7.4.10.5)',
  ),
];

export const HEATING_ITEMS: readonly CatalogueItem[] = [
  {
    code: 'heating_quality_complaint',
    sector: 'heating',
    enterpriseKinds: HEATING_KINDS,
    name: m('供热质量投诉（室温低、暖气不热）', 'Heating quality complaint (low room temperature)'),
    category: 'complaint',
    keywords: ['室温', '不热', '温度低', '低温', '暖气不热', '屋里冷', '室温不达标', '供热质量'],
    complaintCategory: 'heating_quality',
    // H-7.2.3 / H-5.4.5: a low-temperature complaint is settled on a measurement taken by the protocol.
    measurementRequired: 'H-5.4.5',
    procedure: [
      m(
        '0.5小时内响应：联系用户、确定处置措施、约定上门时间（H-7.4.3）',
        'Respond within 0.5 h: contact, measures, visit time (H-7.4.3)',
      ),
      m(
        '室温不达标的，24小时内入户测温（山东省供热条例）',
        'Low room temperature: measure within 24 h (Shandong heating regulation)',
      ),
      ...COMPLAINT_STEPS,
    ],
    conditions: [],
    documents: [DOC.account, DOC.phone],
    fee: { kind: 'free' },
    freeItems: [m('投诉受理和处理', 'Taking and handling complaints')],
    basis: ['H-7.4.3', 'H-7.4.4', 'H-7.4.6', 'H-7.4.8', 'H-7.4.9', 'H-7.4.10', 'H-7.6.5.3', 'H-10.4.4'],
    clocks: [
      {
        name: 'response',
        clause: 'H-7.4.3',
        limit: '0.5h',
        basis: 'statute',
        description: m('0.5小时内作出响应', 'Response within 0.5 h'),
        startOn: 'received',
        stopOn: [
          'customer_contacted',
          APPOINTMENT_AGREED,
          'arrived_on_site',
          'completed',
          'feedback_given',
          ...ENDED,
        ],
      },
      complaintResolution,
    ],
  },
  {
    code: 'heating_service_complaint',
    sector: 'heating',
    enterpriseKinds: HEATING_KINDS,
    name: m('供热服务投诉', 'Heating service complaint'),
    category: 'complaint',
    procedure: COMPLAINT_STEPS,
    conditions: [m('受理范围见 H-7.4.5 七类', 'The seven kinds of H-7.4.5')],
    documents: [DOC.phone],
    fee: { kind: 'free' },
    freeItems: [m('投诉受理和处理', 'Taking and handling complaints')],
    basis: ['H-7.4.4', 'H-7.4.5', 'H-7.4.6', 'H-7.4.8', 'H-7.4.9', 'H-7.4.10', 'H-7.6.5.3', 'H-10.4.4'],
    clocks: [complaintResolution],
  },
  {
    code: 'heating_leak',
    sector: 'heating',
    enterpriseKinds: HEATING_KINDS,
    name: m('供热设施跑冒滴漏求助', 'Heating leak (running, bubbling, dripping)'),
    category: 'repair',
    rushRepair: true,
    procedure: [
      m(
        '电话指导用户关闭阀门等应急处理（H-7.3.4）',
        'Guide the customer by phone: close the valve (H-7.3.4)',
      ),
      m('0.5小时内回复并约定上门时间（H-7.3.9）', 'Reply within 0.5 h and agree a visit time (H-7.3.9)'),
      STEP.appointment,
      STEP.priceFirst,
      STEP.signedRecord,
      STEP.feedback,
      STEP.returnVisit,
    ],
    conditions: [m('供热期24小时值班受理（H-7.3.1）', '24 h duty during the heating season (H-7.3.1)')],
    documents: [DOC.account, DOC.phone],
    fee: {
      kind: 'price_list',
      note: m(
        '企业负责的设施免费；用户自有设施按公示标准，先明示后签字（H-7.3.8）',
        'Company facilities free; customer-owned at published prices, shown and signed first (H-7.3.8)',
      ),
    },
    freeItems: [m('企业负责维护设施的维修', 'Repair of facilities the company maintains')],
    basis: ['H-7.3.1', 'H-7.3.4', 'H-7.3.8', 'H-7.3.9', 'H-7.6.5.1'],
    clocks: [
      {
        name: 'reply',
        clause: 'H-7.3.9',
        limit: '0.5h',
        basis: 'statute',
        description: m('0.5小时内回复并约定上门时间', 'Reply and agree a visit time within 0.5 h'),
        startOn: 'received',
        // H-7.3.9 asks for a reply *and* a visit time: a call without an agreed time does not stop it.
        stopOn: [APPOINTMENT_AGREED, 'arrived_on_site', 'completed', ...ENDED],
      },
      {
        name: 'on_site',
        clause: 'H-7.3.9',
        limit: '4h',
        basis: 'commitment',
        description: m(
          '按约定时间上门（未约定时企业承诺4小时）',
          'On site at the agreed time (4 h enterprise commitment if none agreed)',
        ),
        startOn: 'received',
        stopOn: ['arrived_on_site', 'completed', ...ENDED],
        agreedOn: [APPOINTMENT_AGREED],
      },
    ],
  },
  {
    code: 'heating_repair',
    sector: 'heating',
    enterpriseKinds: HEATING_KINDS,
    name: m(
      '供热报修（管路、附件、散热器、户外抢修）',
      'Heating repair (pipes, fittings, radiators, outdoor)',
    ),
    category: 'repair',
    procedure: [
      m('确认用户信息和报修信息（H-7.3.3）', 'Confirm the customer and the fault (H-7.3.3)'),
      m(
        '能电话指导的当场指导；需入户的派单（H-7.3.4）',
        'Guide by phone where possible; dispatch if a visit is needed (H-7.3.4)',
      ),
      STEP.appointment,
      STEP.priceFirst,
      m(
        '需协调暂时无法解决的，告知用户并确定解决时间（H-7.3.6）',
        'If it needs others and cannot be solved now: tell the customer and set a date (H-7.3.6)',
      ),
      STEP.signedRecord,
      STEP.feedback,
      STEP.returnVisit,
    ],
    conditions: [m('H-7.3.2 报修受理范围', 'The repair kinds of H-7.3.2')],
    documents: [DOC.account, DOC.phone],
    fee: {
      kind: 'price_list',
      note: m('用户自有设施按公示标准（H-7.3.8）', 'Customer-owned facilities at published prices (H-7.3.8)'),
    },
    freeItems: [m('企业负责维护设施的维修', 'Repair of facilities the company maintains')],
    basis: ['H-7.3.2', 'H-7.3.3', 'H-7.3.4', 'H-7.3.5', 'H-7.3.6', 'H-7.3.8'],
    clocks: [
      {
        name: 'on_site',
        clause: 'H-7.3.5',
        limit: '24h',
        basis: 'commitment',
        description: m(
          '上门维修（或约定时间，企业承诺）',
          'On site (or at the agreed time; enterprise commitment)',
        ),
        startOn: 'received',
        stopOn: ['arrived_on_site', 'completed', ...ENDED],
        agreedOn: [APPOINTMENT_AGREED],
      },
      {
        name: 'resolution',
        clause: 'H-7.3.5',
        limit: '3wd',
        basis: 'commitment',
        description: m(
          '规定时限内完成（可说明原因延期，H-7.3.6）',
          'Done within the set time (may be extended with a reason, H-7.3.6)',
        ),
        startOn: 'received',
        stopOn: ['completed', ...ENDED],
        extendOn: [DEADLINE_EXTENDED],
      },
    ],
  },
  {
    code: 'room_temperature_test',
    sector: 'heating',
    enterpriseKinds: HEATING_KINDS,
    name: m('入户测温', 'Room-temperature test'),
    category: 'temperature_test',
    keywords: ['室温', '测温', '温度'],
    procedure: [
      m(
        '接到室温投诉后24小时内入户测温（山东省供热条例）',
        'Measure within 24 h of the complaint (Shandong heating regulation)',
      ),
      m(
        '按规程测量：关闭门窗30分钟、房间中央1.2±0.1米等，用户签字（H-5.4.5）',
        'Measure by the protocol: doors and windows shut 30 min, room centre at 1.2 ± 0.1 m, …; customer signs (H-5.4.5)',
      ),
      m(
        '不满足 H-5.1 条件时的读数仅作分析（H-5.4.7）',
        'Readings taken outside the H-5.1 conditions are for analysis only (H-5.4.7)',
      ),
      m('有争议的由第三方检测，费用按 H-7.2.3 承担', 'Disputes go to a third party; the fee per H-7.2.3'),
      m('不达标的按规定退费（H-5.5）', 'Refund when below standard (H-5.5)'),
    ],
    conditions: [m('供热期内', 'During the heating season')],
    documents: [DOC.account, DOC.phone],
    fee: {
      kind: 'free',
      note: m(
        '用户申请第三方检测且结果合格的，检测费由用户承担（H-7.2.3）',
        'A third-party test the customer asked for that passes is paid by the customer (H-7.2.3)',
      ),
    },
    freeItems: [m('企业入户测温', 'The company’s room-temperature test')],
    basis: ['H-7.3.2', 'H-5.1', 'H-5.4.5', 'H-5.4.7', 'H-7.2.3', 'H-5.5'],
    clocks: [
      {
        name: 'measurement',
        clause: '山东省供热条例',
        limit: '24h',
        basis: 'regulation',
        description: m('接到投诉后24小时内测温', 'Measured within 24 h of the complaint'),
        startOn: 'received',
        stopOn: ['completed', ...ENDED],
        extendOn: [DEADLINE_EXTENDED],
      },
    ],
  },
];
