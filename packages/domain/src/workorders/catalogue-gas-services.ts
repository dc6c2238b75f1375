// Gas service items: connections, facility changes, meter disputes, appliances (淄博市城镇燃气服务规范).

import { APPOINTMENT_AGREED } from '../sla/clock-types.ts';
import { AGREED_TIME_REACHED, DOC, ENDED, STEP, m } from './catalogue-types.ts';
import type { CatalogueClock, CatalogueItem } from './catalogue-types.ts';

/** G-6.2.10: the company answers a modification/removal/relocation request within 5 working days. */
const CHANGE_ANSWER: CatalogueClock = {
  name: 'answer',
  clause: 'G-6.2.10',
  limit: '5wd',
  basis: 'statute',
  description: m(
    '5个工作日内答复（受理并约定时间，或书面说明不受理理由）',
    'Answered within 5 working days (accepted with an agreed time, or refused in writing)',
  ),
  startOn: 'received',
  // Agreeing the work time is the acceptance; a refusal is the other answer.
  stopOn: [APPOINTMENT_AGREED, 'refused', 'referred', 'cancelled'],
};

const CHANGE_PROCEDURE = [
  m('受理申请', 'Take the request'),
  m('现场查勘', 'Survey the site'),
  m(
    '5个工作日内答复：受理的约定施工时间；不受理的书面说明理由（G-6.2.10）',
    'Answer within 5 working days: accepted → agree the work time; refused → reasons in writing (G-6.2.10)',
  ),
  STEP.priceFirst,
  m('施工、验收、恢复通气', 'Do the work, check it, restore supply'),
  STEP.signedRecord,
  STEP.returnVisit,
];

export const GAS_SERVICE_ITEMS: readonly CatalogueItem[] = [
  {
    code: 'gas_connection',
    sector: 'gas',
    enterpriseKinds: ['pipeline_gas'],
    name: m('管道燃气新装（报装）', 'New pipeline gas connection'),
    category: 'connection',
    procedure: [
      m(
        '获取信息：“一网通办”、上门服务等方式受理报装',
        'Take the application (one-stop online service, home visit)',
      ),
      m('现场查勘', 'Survey the site'),
      m('方案设计（不计入办理时间）', 'Design (not counted in the time limit)'),
      m('签订协议', 'Sign the agreement'),
      m('工程施工（不计入办理时间）', 'Construction (not counted in the time limit)'),
      m('单项竣工验收', 'Acceptance of the works'),
      m(
        '通气前安全检查，合格后并网、通气（G-5.11.3）',
        'Safety check before supply; connect and light only when it passes (G-5.11.3)',
      ),
      m('客户回访、售后服务', 'Return visit and after-sales service'),
    ],
    conditions: [
      m('市政燃气管网覆盖的区域（G-6.1.1）', 'Inside the area the municipal gas network covers (G-6.1.1)'),
      m('管道供应能力满足需要', 'The network has the capacity'),
      m('用气场所具备安全用气条件', 'The premises are safe for gas'),
      m(
        '符合条件的不得拒绝；不受理的说明理由（G-5.3.1、G-6.1.3）',
        'Eligible applications are not refused; refusals give reasons (G-5.3.1, G-6.1.3)',
      ),
    ],
    documents: [DOC.idCard, DOC.property, DOC.licence, DOC.phone],
    fee: {
      kind: 'price_list',
      note: m('工程安装费按公示的收费标准', 'Installation at the published price list'),
    },
    freeItems: [
      m('报装咨询、现场查勘', 'Application advice and site survey'),
      m('通气前安全检查', 'Safety check before supply'),
    ],
    basis: ['G-5.3.1', 'G-5.3.2', 'G-6.1.1', 'G-6.1.2', 'G-6.1.3', 'G-5.11.3'],
    clocks: [
      {
        name: 'handling',
        clause: 'G-6.1.2',
        limit: '4wd',
        basis: 'statute',
        description: m(
          '4个工作日内办结（不含设计、施工时间）',
          'Handled within 4 working days (design and construction excluded)',
        ),
        startOn: 'received',
        stopOn: ['completed', ...ENDED],
        // G-6.1.2 "不含设计、施工时间": the two periods are pauses, derived from their start and finish events.
        pauseOn: ['design_started', 'construction_started'],
        resumeOn: ['design_finished', 'construction_finished'],
      },
    ],
  },
  {
    code: 'gas_facility_change',
    sector: 'gas',
    enterpriseKinds: ['pipeline_gas'],
    name: m('燃气设施改装、拆除、迁移（居民）', 'Modify, remove or relocate gas facilities (resident)'),
    category: 'change',
    procedure: CHANGE_PROCEDURE,
    conditions: [m('燃气设施由燃气企业改装，用户不得擅自改动', 'Only the company alters gas facilities')],
    documents: [DOC.idCard, DOC.property, DOC.account],
    fee: { kind: 'price_list', note: m('按公示的收费标准', 'At the published price list') },
    freeItems: [m('申请咨询、现场查勘', 'Advice and site survey')],
    basis: ['G-6.2.10', 'G-5.11.7'],
    refusalInWriting: true,
    clocks: [
      CHANGE_ANSWER,
      {
        name: 'work',
        clause: 'G-6.2.10',
        limit: '5wd',
        basis: 'statute',
        description: m('自约定时间起5个工作日内实施', 'Work done within 5 working days of the agreed time'),
        startOn: AGREED_TIME_REACHED,
        stopOn: ['completed', ...ENDED],
      },
    ],
  },
  {
    code: 'gas_facility_change_non_resident',
    sector: 'gas',
    enterpriseKinds: ['pipeline_gas'],
    name: m('燃气设施改装、拆除、迁移（非居民）', 'Modify, remove or relocate gas facilities (non-resident)'),
    category: 'change',
    procedure: [
      ...CHANGE_PROCEDURE.slice(0, 3),
      m('按合同约定的时限实施', 'Work done within the time the contract sets'),
      ...CHANGE_PROCEDURE.slice(4),
    ],
    conditions: [m('燃气设施由燃气企业改装，用户不得擅自改动', 'Only the company alters gas facilities')],
    documents: [DOC.licence, DOC.property, DOC.account],
    fee: {
      kind: 'price_list',
      note: m('按合同及公示的收费标准', 'Per contract and the published price list'),
    },
    freeItems: [m('申请咨询、现场查勘', 'Advice and site survey')],
    basis: ['G-6.2.10', 'G-5.11.7'],
    refusalInWriting: true,
    clocks: [CHANGE_ANSWER],
  },
  {
    code: 'meter_test_dispute',
    sector: 'gas',
    enterpriseKinds: ['pipeline_gas'],
    name: m('燃气计量表异议检定', 'Gas meter accuracy dispute (statutory test)'),
    category: 'meter',
    procedure: [
      m('受理异议，向法定检定机构申请检定', 'Take the dispute; apply to the statutory testing body'),
      m(
        '拆表送检期间提供备用表或约定计量方式（G-6.2.2）',
        'A spare meter or an agreed method while it is tested (G-6.2.2)',
      ),
      m('检定结果告知用户', 'Tell the customer the result'),
      m(
        '超差：企业更换表具、承担检定费，按误差累积量补偿，最长追溯拆表前1年（G-6.2.11）',
        'Out of tolerance: company replaces the meter, pays the test, compensates the accumulated error for at most 1 year before removal (G-6.2.11)',
      ),
      m(
        '合格：申请方承担检定费；居民用气量以基表数据为准',
        'In tolerance: the applicant pays; the base meter reading is the reference',
      ),
      STEP.returnVisit,
    ],
    conditions: [],
    documents: [DOC.account, DOC.idCard],
    fee: {
      kind: 'price_list',
      note: m(
        '检定费：超差由企业承担，合格由申请方承担（G-6.2.11）',
        'Test fee: company pays if out of tolerance, applicant pays if in tolerance (G-6.2.11)',
      ),
    },
    freeItems: [m('超差时的换表和检定', 'Replacement and test when out of tolerance')],
    basis: ['G-6.2.11', 'G-6.2.2'],
    clocks: [
      {
        name: 'answer',
        clause: 'G-4.2.4',
        limit: '5wd',
        basis: 'commitment',
        // G-6.2.11 sets no limit; G-4.2.4 asks for an answer within the committed time.
        description: m('受理答复并送检（企业承诺）', 'Answered and sent for testing (enterprise commitment)'),
        startOn: 'received',
        stopOn: ['completed', ...ENDED],
      },
    ],
  },
  {
    code: 'appliance_installation',
    sector: 'gas',
    enterpriseKinds: ['appliance'],
    name: m('燃气燃烧器具安装', 'Gas appliance installation'),
    category: 'installation',
    procedure: [
      m('受理安装申请', 'Take the request'),
      m('48小时内或按约定时间上门（G-9.2.5）', 'Visit within 48 h or at the agreed time (G-9.2.5)'),
      m(
        '安装前明示材料和价格，用户同意后施工（G-9.2.6）',
        'Show materials and prices first; work only with consent (G-9.2.6)',
      ),
      m('在燃气计量表出口阀门后安装（G-9.2.4）', 'Install after the meter outlet valve only (G-9.2.4)'),
      m(
        '检测气密性和烟气CO，出具质量合格证（G-9.2.7）',
        'Test tightness and flue CO; issue the quality certificate (G-9.2.7)',
      ),
      STEP.signedRecord,
      STEP.returnVisit,
    ],
    conditions: [
      m(
        '不符合安装要求的拒绝安装并说明理由，用户要求时书面说明（G-9.2.3）',
        'Refused with reasons where requirements are not met; in writing on request (G-9.2.3)',
      ),
    ],
    documents: [DOC.phone, m('器具购买凭证', 'proof of purchase of the appliance')],
    fee: {
      kind: 'price_list',
      note: m('按公示价格，收费后开具凭证（G-9.2.6）', 'Published prices; receipt after payment (G-9.2.6)'),
    },
    freeItems: [
      m('安装保修期不少于12个月（G-9.2.8）', 'Installation warranty of at least 12 months (G-9.2.8)'),
    ],
    basis: ['G-9.2.3', 'G-9.2.4', 'G-9.2.5', 'G-9.2.6', 'G-9.2.7', 'G-9.2.8'],
    clocks: [
      {
        name: 'on_site',
        clause: 'G-9.2.5',
        limit: '48h',
        basis: 'statute',
        description: m(
          '接到申请后48小时内或约定时间上门安装',
          'On site within 48 h of the request or at the agreed time',
        ),
        startOn: 'received',
        stopOn: ['arrived_on_site', 'completed', ...ENDED],
        agreedOn: [APPOINTMENT_AGREED],
      },
    ],
  },
  {
    code: 'appliance_repair',
    sector: 'gas',
    enterpriseKinds: ['appliance'],
    name: m('燃气燃烧器具上门维修', 'Gas appliance repair at home'),
    category: 'repair',
    procedure: [
      m('受理报修', 'Take the report'),
      m('24小时内或按约定时间上门（G-9.2.5）', 'Visit within 24 h or at the agreed time (G-9.2.5)'),
      m('维修前明示材料和价格（G-9.2.6）', 'Show materials and prices first (G-9.2.6)'),
      STEP.signedRecord,
      STEP.returnVisit,
    ],
    conditions: [
      m(
        '已达报废年限的器具不予维修，说明理由（G-9.2.3）',
        'Appliances past their scrap age are not repaired; reasons given (G-9.2.3)',
      ),
    ],
    documents: [DOC.phone],
    fee: { kind: 'price_list', note: m('按公示价格', 'Published prices') },
    freeItems: [m('维修保修期不少于3个月（G-9.2.8）', 'Repair warranty of at least 3 months (G-9.2.8)')],
    basis: ['G-9.2.3', 'G-9.2.5', 'G-9.2.6', 'G-9.2.8'],
    clocks: [
      {
        name: 'on_site',
        clause: 'G-9.2.5',
        limit: '24h',
        basis: 'statute',
        description: m(
          '接到报修后24小时内或约定时间上门维修',
          'On site within 24 h of the report or at the agreed time',
        ),
        startOn: 'received',
        stopOn: ['arrived_on_site', 'completed', ...ENDED],
        agreedOn: [APPOINTMENT_AGREED],
      },
    ],
  },
];
