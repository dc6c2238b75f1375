// The time limits the two Zibo standards set, in one place, each with the clause it comes from.
// G = 淄博市城镇燃气服务规范, H = 淄博市城镇冬季供热服务规范 (shared/spec/clauses.md).
// `kind` says how the limit is used:
//   deadline      — computeDeadline from the start event (a clock's limit)
//   lead_time     — leadTimeLatest back from the event ("at least … ahead")
//   minimum_period — a period the company must give at least (G-6.2.6: at least 10 days to pay)
//   maximum_duration — how long something may last (G-6.2.12: an outage normally at most 24 h)
// H-5.5 (refunds no later than 2 months after the season) counts in months and is left to the heating module.

import type { Messages } from '../errors.ts';

export type StatutoryLimitKind = 'deadline' | 'lead_time' | 'minimum_period' | 'maximum_duration';

export interface StatutoryLimit {
  clause: string;
  /** Limit text for parseLimit. */
  limit: string;
  kind: StatutoryLimitKind;
  description: Messages;
}

export const STATUTORY_LIMITS = {
  gasComplaintAnswer: {
    clause: 'G-5.7.2',
    limit: '5wd',
    kind: 'deadline',
    description: { zh: '燃气投诉处置并答复', en: 'gas complaint handled and answered' },
  },
  gasConnection: {
    clause: 'G-6.1.2',
    limit: '4wd',
    kind: 'deadline',
    description: {
      zh: '新增用户报装办理（不含设计、施工时间）',
      en: 'gas connection handled (design and construction excluded)',
    },
  },
  gasFacilityChangeAnswer: {
    clause: 'G-6.2.10',
    limit: '5wd',
    kind: 'deadline',
    description: {
      zh: '改装、拆除、迁移燃气设施申请的答复',
      en: 'answer to a facility modification/removal/relocation request',
    },
  },
  gasFacilityChangeWork: {
    clause: 'G-6.2.10',
    limit: '5wd',
    kind: 'deadline',
    description: {
      zh: '居民用户改装工程自约定时间起实施',
      en: 'residential modification work, from the agreed time',
    },
  },
  gasPaymentPeriod: {
    clause: 'G-6.2.6',
    limit: '10d',
    kind: 'minimum_period',
    description: { zh: '交纳燃气费期限不少于10日', en: 'at least 10 days to pay the gas bill' },
  },
  gasOutageNotice: {
    clause: 'G-6.2.12',
    limit: '72h',
    kind: 'lead_time',
    description: { zh: '计划降压、停气提前公告', en: 'notice of a planned pressure reduction or outage' },
  },
  gasOutageDuration: {
    clause: 'G-6.2.12',
    limit: '24h',
    kind: 'maximum_duration',
    description: { zh: '计划停气时间一般不超过24小时', en: 'a planned outage normally lasts at most 24 h' },
  },
  gasPitCoverRepair: {
    clause: 'G-6.2.13',
    limit: '24h',
    kind: 'deadline',
    description: { zh: '表井、阀门井井盖缺损修复', en: 'missing or broken valve-pit cover repaired' },
  },
  gasCeaseBusinessApplication: {
    clause: 'G-6.2.14',
    limit: '90wd',
    kind: 'lead_time',
    description: {
      zh: '停业、歇业提前报经燃气管理部门同意',
      en: 'application to cease business, ahead of ceasing',
    },
  },
  applianceInstallation: {
    clause: 'G-9.2.5',
    limit: '48h',
    kind: 'deadline',
    description: { zh: '燃气器具安装（或按约定时间）', en: 'appliance installation (or at the agreed time)' },
  },
  applianceRepair: {
    clause: 'G-9.2.5',
    limit: '24h',
    kind: 'deadline',
    description: { zh: '燃气器具维修（或按约定时间）', en: 'appliance repair (or at the agreed time)' },
  },
  heatingFillingNotice: {
    clause: 'H-6.1.4',
    limit: '7d',
    kind: 'lead_time',
    description: { zh: '注水、调试提前公告（H-6.2.6）', en: 'filling and commissioning notice (H-6.2.6)' },
  },
  heatingResume: {
    clause: 'H-7.1.8',
    limit: '48h',
    kind: 'deadline',
    description: { zh: '恢复供热，自受理至开阀', en: 'heating resumed, from acceptance to open valve' },
  },
  heatingLeakReply: {
    clause: 'H-7.3.9',
    limit: '0.5h',
    kind: 'deadline',
    description: { zh: '跑冒滴漏求助回复并约定上门时间', en: 'reply to a leak call and agree a visit time' },
  },
  heatingQualityComplaintResponse: {
    clause: 'H-7.4.3',
    limit: '0.5h',
    kind: 'deadline',
    description: { zh: '供热质量投诉作出响应', en: 'response to a heating-quality complaint' },
  },
  heatingOutageNoticeThreshold: {
    clause: 'H-6.4.5',
    limit: '24h',
    kind: 'maximum_duration',
    description: {
      zh: '突发停热预计超过24小时须通知用户',
      en: 'a sudden outage expected to exceed 24 h must be notified',
    },
  },
  heatingCompensationPayment: {
    clause: 'H-9.5',
    limit: '30wd',
    kind: 'deadline',
    description: { zh: '赔偿数额达成一致后支付赔偿款', en: 'compensation paid after the amount is agreed' },
  },
} as const satisfies Record<string, StatutoryLimit>;

export type StatutoryLimitName = keyof typeof STATUTORY_LIMITS;
