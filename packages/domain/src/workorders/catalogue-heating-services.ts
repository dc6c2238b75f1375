// Heating account services: connection, suspension (报停), resumption (复热) — H-7.1.

import { APPOINTMENT_AGREED } from '../sla/clock-types.ts';
import { DOC, ENDED, HEATING_KINDS, STEP, m } from './catalogue-types.ts';
import type { CatalogueItem } from './catalogue-types.ts';
import { DEFAULT_SUSPENSION_COMMITMENT } from './catalogue-heating.ts';

export const HEATING_SERVICE_ITEMS: readonly CatalogueItem[] = [
  {
    code: 'heating_connection',
    sector: 'heating',
    enterpriseKinds: HEATING_KINDS,
    name: m('供热新增报装', 'New heating connection'),
    category: 'connection',
    procedure: [
      m(
        '审核报装材料，当场决定是否受理；不符合的一次性告知原因（H-7.1.4.1）',
        'Check the documents; accept or refuse on the spot, listing everything missing at once (H-7.1.4.1)',
      ),
      m('现场查勘', 'Survey the site'),
      m('签订协议（合同）', 'Sign the contract'),
      m('方案设计', 'Design'),
      m('工程施工', 'Construction'),
      m('单项竣工验收', 'Acceptance of the works'),
      m('开阀通热', 'Open the valve'),
      m('用户回访、售后服务', 'Return visit and after-sales service'),
    ],
    conditions: [
      m(
        '在供热管网覆盖范围内，热源和管网能力满足',
        'Inside the network’s reach, with heat and capacity to spare',
      ),
      m('不能受理的，告知原因和解决建议（H-7.1.3）', 'If refused: the reason and a suggestion (H-7.1.3)'),
    ],
    documents: [DOC.idCard, DOC.property, DOC.licence, DOC.phone],
    fee: {
      kind: 'price_list',
      note: m('按物价部门核准的收费标准', 'At the rates the price authority approved'),
    },
    freeItems: [m('报装咨询、现场查勘', 'Application advice and site survey')],
    basis: ['H-7.1.3', 'H-7.1.4', 'H-7.1.5'],
    clocks: [
      {
        name: 'decision',
        clause: 'H-7.1.4.1',
        limit: '0.5h',
        basis: 'commitment',
        // "当场决定是否受理": on the spot. 0.5 h is how long "on the spot" may take while the applicant waits.
        description: m(
          '当场决定是否受理（企业承诺0.5小时）',
          'Accepted or refused on the spot (enterprise commitment: 0.5 h)',
        ),
        startOn: 'received',
        stopOn: ['dispatched', 'completed', ...ENDED],
      },
      {
        name: 'completion',
        clause: 'H-7.1.4',
        limit: '10wd',
        basis: 'commitment',
        // H-7.1.4 "在规定承诺时限内完成"; design and construction excluded as G-6.1.2 does for gas.
        description: m(
          '承诺时限内办结（不含设计、施工时间）',
          'Done within the committed time (design and construction excluded)',
        ),
        startOn: 'received',
        stopOn: ['completed', ...ENDED],
        pauseOn: ['design_started', 'construction_started'],
        resumeOn: ['design_finished', 'construction_finished'],
      },
    ],
  },
  {
    code: 'heating_suspension',
    sector: 'heating',
    enterpriseKinds: HEATING_KINDS,
    name: m('暂停供热（报停）', 'Suspend heating'),
    category: 'suspension',
    procedure: [
      m(
        '网站、微信、电话、APP、柜台均可申请（H-7.1.7）',
        'Apply on any channel: web, WeChat, phone, app, counter (H-7.1.7)',
      ),
      m(
        '核实资料，登记备查，结算热费（H-7.1.6）',
        'Check documents, register, settle the heating fee (H-7.1.6)',
      ),
      m('关闭分户阀门并施封', 'Close and seal the household valve'),
      STEP.signedRecord,
      STEP.returnVisit,
    ],
    conditions: [
      m('供热设施具备分户关闭条件（H-7.1.7）', 'The installation can be shut per household (H-7.1.7)'),
    ],
    documents: [DOC.idCard, DOC.property, DOC.account],
    fee: {
      kind: 'price_list',
      note: m(
        '报停期间的基本热费按公示标准（山东省供热条例：不超过全额面积热价的30%）',
        'Base fee while suspended at the published rate (Shandong heating regulation: at most 30 % of the full area price)',
      ),
    },
    freeItems: [m('关阀施封', 'Closing and sealing the valve')],
    basis: ['H-7.1.6', 'H-7.1.7'],
    clocks: [
      {
        name: 'completion',
        clause: 'H-7.1.7',
        limit: DEFAULT_SUSPENSION_COMMITMENT,
        basis: 'commitment',
        description: m(
          '自受理至办理完毕（企业公布的承诺时限）',
          'From acceptance to done (the enterprise’s published commitment)',
        ),
        startOn: 'received',
        stopOn: ['completed', ...ENDED],
      },
    ],
  },
  {
    code: 'heating_resumption',
    sector: 'heating',
    enterpriseKinds: HEATING_KINDS,
    name: m('恢复供热（复热）', 'Resume heating'),
    category: 'resumption',
    procedure: [
      m(
        '受理复热申请，核实资料，结算热费（H-7.1.6）',
        'Take the application; check documents; settle the fee (H-7.1.6)',
      ),
      m(
        '自受理起48小时内开阀供热；合同另有约定的从其约定（H-7.1.8）',
        'Valve opened within 48 h of acceptance, unless the contract says otherwise (H-7.1.8)',
      ),
      STEP.signedRecord,
      STEP.returnVisit,
    ],
    conditions: [m('已办理报停的用户', 'A suspended customer')],
    documents: [DOC.idCard, DOC.account],
    fee: { kind: 'price_list', note: m('按物价部门核准的热价结算', 'Settled at the approved heating price') },
    freeItems: [m('开阀', 'Opening the valve')],
    basis: ['H-7.1.6', 'H-7.1.8'],
    clocks: [
      {
        name: 'open_valve',
        clause: 'H-7.1.8',
        limit: '48h',
        basis: 'statute',
        description: m('自受理至开阀供热不超过48小时', 'At most 48 h from acceptance to the valve opened'),
        startOn: 'received',
        stopOn: ['completed', ...ENDED],
        // "合同另有约定的，从其约定": the contract's time is recorded as the agreed time.
        agreedOn: [APPOINTMENT_AGREED],
      },
    ],
  },
];
