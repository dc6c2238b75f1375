// Gas service items: repairs (walk-in appliance repair too), emergencies and complaints (淄博市城镇燃气服务规范).

import { APPOINTMENT_AGREED, DEADLINE_EXTENDED } from '../sla/clock-types.ts';
import { DOC, ENDED, GAS_KINDS, STEP, m } from './catalogue-types.ts';
import type { CatalogueItem } from './catalogue-types.ts';

export const GAS_REPAIR_ITEMS: readonly CatalogueItem[] = [
  {
    code: 'gas_repair',
    sector: 'gas',
    enterpriseKinds: ['pipeline_gas', 'bottled_gas'],
    name: m('燃气设施报修（用户设施故障）', 'Gas facility repair (customer facility fault)'),
    category: 'repair',
    procedure: [
      m('受理报修，确认用户信息和故障情况', 'Take the report; confirm the customer and the fault'),
      m('与用户联系，约定上门时间', 'Contact the customer and agree a visit time'),
      STEP.appointment,
      STEP.priceFirst,
      STEP.signedRecord,
      STEP.feedback,
      STEP.returnVisit,
    ],
    conditions: [
      m(
        '用户燃气管道设施发生故障（G-6.2.13、G-7.1.12）',
        'A fault in the customer’s gas facilities (G-6.2.13, G-7.1.12)',
      ),
    ],
    documents: [DOC.account, DOC.phone],
    fee: {
      kind: 'price_list',
      note: m(
        '企业负责维护的设施免费；用户自有设施按公示价格收取维修费和材料费',
        'Facilities the company maintains: free; customer-owned facilities: labour and materials at the published prices',
      ),
    },
    freeItems: [m('企业产权和负责维护设施的维修', 'Repair of facilities the company owns or maintains')],
    basis: ['G-6.2.13', 'G-7.1.12', 'G-5.9.2', 'G-5.9.7', 'G-5.9.8', 'G-5.11.7'],
    clocks: [
      {
        name: 'response',
        clause: 'G-6.2.13',
        limit: '0.5h',
        basis: 'commitment',
        // G-6.2.13 defers to "the limit other rules set"; 0.5 h is what H-7.3.9 asks of heating for the same call.
        description: m('联系用户作出响应（企业承诺）', 'Contact the customer (enterprise commitment)'),
        startOn: 'received',
        stopOn: ['customer_contacted', APPOINTMENT_AGREED, 'arrived_on_site', 'completed', ...ENDED],
      },
      {
        name: 'on_site',
        clause: 'G-6.2.13',
        limit: '24h',
        basis: 'commitment',
        // Mirrors the 24 h G-9.2.5 sets for appliance repair; an agreed time replaces it (G-5.9.2).
        description: m(
          '上门维修（或约定时间，企业承诺）',
          'On site (or at the agreed time; enterprise commitment)',
        ),
        startOn: 'received',
        stopOn: ['arrived_on_site', 'completed', ...ENDED],
        agreedOn: [APPOINTMENT_AGREED],
      },
    ],
  },
  {
    code: 'gas_indoor_leak',
    sector: 'gas',
    enterpriseKinds: ['pipeline_gas', 'bottled_gas'],
    name: m('户内燃气泄漏抢险', 'Indoor gas leak (emergency)'),
    category: 'emergency',
    procedure: [
      m(
        '接报同时提示用户：关闭阀门、开窗通风、严禁明火和开关电器、撤到室外（G-6.2.13）',
        'While taking the call, tell the customer: close the valve, open windows, no flames or switches, go outside (G-6.2.13)',
      ),
      m('立即派抢修人员赶赴现场', 'Send the rush-repair team at once'),
      m('现场查漏、处置，消除隐患', 'Find and stop the leak on site'),
      STEP.signedRecord,
      STEP.feedback,
      STEP.returnVisit,
    ],
    conditions: [
      m('全年无节假日、全天候受理（G-4.2.2）', 'Taken 24 h a day, every day of the year (G-4.2.2)'),
    ],
    documents: [m('报警人电话和地址（无需其他材料）', 'Caller’s phone and address (nothing else)')],
    fee: {
      kind: 'free',
      note: m('更换用户自有设施的按公示价格', 'Replacing customer-owned parts: published prices'),
    },
    freeItems: [m('泄漏抢险处置', 'Leak emergency response')],
    basis: ['G-6.2.13', 'G-7.1.11', 'G-4.2.2', 'G-5.12.3'],
    clocks: [
      {
        name: 'on_site',
        clause: 'G-6.2.13',
        limit: '0.5h',
        basis: 'commitment',
        // The standard says "立即赶到现场" (go at once) and sets no number; 0.5 h is the published commitment.
        description: m('立即赶到现场（企业承诺0.5小时）', 'On site at once (enterprise commitment: 0.5 h)'),
        startOn: 'received',
        stopOn: ['arrived_on_site', ...ENDED],
      },
    ],
  },
  {
    code: 'valve_pit_cover',
    sector: 'gas',
    enterpriseKinds: ['pipeline_gas'],
    name: m('燃气表井、阀门井井盖缺损修复', 'Missing or broken meter/valve-pit cover'),
    category: 'repair',
    procedure: [
      m('接到报告或巡查发现即登记', 'Register on report or on discovery by patrol'),
      m('现场设置警示', 'Mark the spot'),
      m('24小时内修复（G-6.2.13）', 'Repair within 24 h (G-6.2.13)'),
      m('未能及时修复的，采取监护措施直至修复', 'If not repaired in time, guard the spot until it is'),
    ],
    conditions: [m('企业管理的表井、阀门井', 'Meter and valve pits the company manages')],
    documents: [m('位置描述（无需其他材料）', 'Where it is (nothing else)')],
    fee: { kind: 'free' },
    freeItems: [m('井盖修复', 'Cover repair')],
    basis: ['G-6.2.13'],
    clocks: [
      {
        name: 'repair',
        clause: 'G-6.2.13',
        limit: '24h',
        basis: 'statute',
        description: m(
          '自接到报告或发现之时起24小时内修复',
          'Repaired within 24 h of the report or discovery',
        ),
        startOn: 'received',
        stopOn: ['completed', ...ENDED],
      },
    ],
  },
  {
    code: 'gas_complaint',
    sector: 'gas',
    enterpriseKinds: GAS_KINDS,
    name: m('燃气服务投诉', 'Gas service complaint'),
    category: 'complaint',
    procedure: [
      m(
        '受理登记，投诉人信息保密（G-5.7.1、G-5.7.6）',
        'Register; keep the complainant’s data confidential (G-5.7.1, G-5.7.6)',
      ),
      m(
        '调查核实，选择合理的处理方式（G-5.7.5）',
        'Investigate and choose a fair way to handle it (G-5.7.5)',
      ),
      m('5个工作日内处置并答复（G-5.7.2）', 'Handle and answer within 5 working days (G-5.7.2)'),
      m(
        '期限内不能解决的，说明原因并确定解决时间（G-5.7.4）',
        'If it cannot be solved in time, give the reason and a resolution date (G-5.7.4)',
      ),
      m(
        '重复投诉的，告知解决办法及联系方式（G-5.7.3）',
        'Repeat complainants are told the solution and a contact (G-5.7.3)',
      ),
      STEP.feedback,
      STEP.returnVisit,
    ],
    conditions: [],
    documents: [DOC.phone],
    fee: { kind: 'free' },
    freeItems: [m('投诉受理和处理', 'Taking and handling complaints')],
    basis: ['G-5.7.1', 'G-5.7.2', 'G-5.7.3', 'G-5.7.4', 'G-5.7.5', 'G-5.7.6', 'G-5.7.7'],
    clocks: [
      {
        name: 'answer',
        clause: 'G-5.7.2',
        limit: '5wd',
        basis: 'statute',
        description: m('5个工作日内处置并答复', 'Handled and answered within 5 working days'),
        startOn: 'received',
        stopOn: ['feedback_given', ...ENDED],
        extendOn: [DEADLINE_EXTENDED],
      },
    ],
  },
  {
    code: 'appliance_walk_in_repair',
    sector: 'gas',
    enterpriseKinds: ['appliance'],
    name: m('燃气燃烧器具送修', 'Gas appliance repair at the shop (walk-in)'),
    category: 'repair',
    procedure: [
      m('立即维修（G-9.2.5）', 'Repair at once (G-9.2.5)'),
      m(
        '当天无法完成的，说明原因、约定领取时间并开具维修单',
        'If not done the same day: give the reason, agree a pick-up time, issue a repair slip',
      ),
    ],
    conditions: [],
    documents: [m('送修器具', 'the appliance')],
    fee: { kind: 'price_list', note: m('按公示价格', 'Published prices') },
    freeItems: [m('维修保修期不少于3个月（G-9.2.8）', 'Repair warranty of at least 3 months (G-9.2.8)')],
    basis: ['G-9.2.5', 'G-9.2.8'],
    // "Immediately, or a pick-up date the same day" is not a period the clock engine can count; the repair slip
    // with its agreed pick-up time is the record.
    clocks: [],
  },
];
