// What the public pages publish beside the catalogue, the prices and the complaint rules (G-5.4.5 b, c, e;
// G-5.10.6 d; H-7.5.5 政策法规、供热质量、权利与义务; H-7.7.2.4 服务承诺): the service norms and commitments with how
// they are held to account, the parties' rights and duties, the quality promised, safe and economical use, and the
// rules the service follows. Pure data built from the rules the platform runs on (the reopen period, the room
// temperature the tests judge by, the leak advice), so the published text cannot drift from what is enforced.
import type { Messages } from '../errors.ts';
import { STANDARD_ROOM_TEMPERATURE_TENTHS } from '../heating/room-temperature.ts';
import { LEAK_ADVICE } from './emergency.ts';
import { REOPEN_PERIOD_DAYS } from './reopen.ts';

export type CharterSector = 'gas' | 'heating';

export interface PublicCharter {
  /** G-5.4.5 b, H-7.7.2.4: service norms, commitments and accountability (服务规范、服务承诺、服务问责). */
  commitments: Messages[];
  /** G-5.4.5 c, H-7.5.5.6: the quality promised (the gas parameters are published from the test results). */
  quality: Messages[];
  /** G-5.10.6 d, H-7.5.5.8: the rights and duties of both parties. */
  rightsAndDuties: Messages[];
  /** G-5.4.5 e, G-5.10.6: safe and economical use. */
  safety: Messages[];
  /** H-7.5.5.1, H-7.7.2.4: the rules the service follows. */
  policies: Messages[];
}

const celsius = (tenths: number) => `${tenths / 10}℃`;

function commitments(sector: CharterSector): Messages[] {
  const promptness = sector === 'gas' ? 'G-4.2.4' : 'H-4.2.3';
  return [
    {
      zh: `在规定或承诺的时限内响应、答复并办结您的诉求（${promptness}）；各项业务的时限见“办理时限与收费”，系统按同一时限计时，逾期自动提醒督办。`,
      en: `Your requests are answered and completed within the set or committed limits (${promptness}); each item's limit is listed under the time limits, and the system that times the work flags any overrun for follow-up.`,
    },
    {
      zh: '网上服务、电话和营业厅提供同等质量的服务；服务人员持工号上岗，工号与岗位在本页公示，可据此核实身份（G-5.4.5、H-7.6.1.5）。',
      en: 'Online, by phone and at the counter you get the same service; staff work under a badge number published on this page, by which you may check who they are (G-5.4.5, H-7.6.1.5).',
    },
    {
      zh: `服务问责：每张工单的时限、处理经过和结果都留存可查；对处理结果不满意的，可在办结后 ${REOPEN_PERIOD_DAYS} 天内在网上重新打开工单，或拨打监督电话。`,
      en: `Accountability: every order's limit, steps and result are kept on file; if you are not satisfied you may reopen it online within ${REOPEN_PERIOD_DAYS} days of completion, or call the supervision line.`,
    },
  ];
}

function quality(sector: CharterSector): Messages[] {
  if (sector === 'gas') {
    return [
      {
        zh: '供气的气种、组分、热值和压力以最近一次检测结果公示（见“燃气质量”）；在供气范围内对符合用气条件的用户提供均等服务（G-4.2.3、G-5.3.1）。',
        en: 'The gas type, composition, calorific value and pressure are published from the latest test (see gas quality); within the supply area every customer meeting the conditions is served alike (G-4.2.3, G-5.3.1).',
      },
    ];
  }
  const t = celsius(STANDARD_ROOM_TEMPERATURE_TENTHS);
  return [
    {
      zh: `室外温度不低于设计最低温度、建筑和室内系统正常时：单元用热率 70% 以上的住宅，采暖期内卧室、起居室温度不低于 ${t}；30%–70% 的按供用热合同约定温度，未签合同的不低于 ${t}（H-5.1）。`,
      en: `With the outdoor temperature not below the design minimum and the building and indoor system sound: in homes with a unit heat-use rate of 70 % or more, bedrooms and living rooms are at least ${t} through the season; at 30–70 % the contract's temperature, or ${t} without a contract (H-5.1).`,
    },
    {
      zh: '供热起止时间按政府确定的时间执行，不延后开始、不中止、不提前结束（H-5.2）；室温不达标可预约测温，企业原因造成的按规定退费（H-5.5）。',
      en: 'Heating starts and ends on the dates the government sets, never late, interrupted or early (H-5.2); you may book a temperature test, and a shortfall the company caused is refunded as the rules say (H-5.5).',
    },
  ];
}

/**
 * G-11.1: gas companies promote gas insurance of several kinds; H-9.1: heating households are encouraged to insure
 * their home property against heating losses. A loss the company is liable for is settled as the claims rules say.
 */
const INSURANCE: Record<CharterSector, Messages> = {
  gas: {
    zh: '保险：我们推广多种类的燃气保险，鼓励您投保燃气用户相关保险；发生损失时，我们第一时间通知保险公司到场，与您共同清点损失（G-11.1、G-11.2）。',
    en: 'Insurance: we promote gas insurance of several kinds and encourage you to insure; after a loss we call the insurer to the site at once and count the loss with you (G-11.1, G-11.2).',
  },
  heating: {
    zh: '保险：鼓励热用户投保家庭财产供热专项险；发生损失时，我们第一时间通知保险公司到场，与您共同清点损失，协商一致的赔偿在 30 个工作日内支付（H-9.1、H-9.3、H-9.5）。',
    en: 'Insurance: we encourage you to insure your home property against heating losses; after a loss we call the insurer to the site at once, count the loss with you, and pay agreed compensation within 30 working days (H-9.1, H-9.3, H-9.5).',
  },
};

function rightsAndDuties(sector: CharterSector): Messages[] {
  if (sector === 'gas') {
    return [
      {
        zh: '用户有权按公示的价格获得安全、稳定的供气和服务，有权查询用气量、账单和缴费记录，有权咨询、投诉并得到答复。',
        en: 'You are entitled to safe, steady gas and service at the published prices, to see your usage, bills and payments, and to ask, complain and be answered.',
      },
      {
        zh: '用户应按时缴纳燃气费，配合入户安全检查，不擅自改装、拆除或迁移燃气设施，不盗用燃气；违法用气危害自身和他人安全，并须承担相应责任（G-5.10.6）。',
        en: 'You pay for gas on time, let the safety inspection in, do not alter, remove or move gas facilities yourself, and do not take gas unlawfully; unlawful use endangers you and others and carries liability (G-5.10.6).',
      },
      {
        zh: '燃气企业负责其维护范围内燃气设施的运行、维护和抢修，入户检查发现隐患的，书面告知并提出整改要求。',
        en: 'The company runs, maintains and repairs the gas facilities it is responsible for, and tells you in writing of any hazard an inspection finds and what to do about it.',
      },
      INSURANCE.gas,
    ];
  }
  return [
    {
      zh: '热用户有权在采暖期内获得符合标准的供热，有权查询账单和缴费记录，有权申请测温、报停、恢复用热，有权咨询、投诉并得到答复（H-7.5.5）。',
      en: 'You are entitled to heating to standard through the season, to see your bills and payments, to ask for a temperature test, suspension or resumption, and to ask, complain and be answered (H-7.5.5).',
    },
    {
      zh: '热用户应按时交纳供热费，不擅自改动、拆除户内供热设施，不私接热源、不放取系统热水，配合入户检查和维修。',
      en: 'You pay for heating on time, do not alter or remove the heating facilities at home, do not tap the system or draw its water, and let inspections and repairs in.',
    },
    {
      zh: '供热企业负责其维护范围内供热设施的运行、维护和抢修，按承诺时限处理报修和投诉。',
      en: 'The company runs, maintains and repairs the heating facilities it is responsible for, and handles repairs and complaints within the committed limits.',
    },
    INSURANCE.heating,
  ];
}

function safety(sector: CharterSector): Messages[] {
  if (sector === 'gas') {
    return [
      {
        zh: '使用燃气时有人照看，用后关闭灶具开关和表前阀门；使用合格的燃气器具和专用连接管，连接管老化及时更换。',
        en: 'Stay by a lit appliance and close it and the meter valve after use; use certified appliances and hoses, and replace an aged hose.',
      },
      {
        zh: '保持用气房间通风，不在安装燃气设施的房间内睡觉，不擅自改动燃气管道。',
        en: 'Keep the room ventilated, do not sleep where gas facilities are installed, and do not alter the pipework.',
      },
      {
        zh: `闻到燃气味时：${LEAK_ADVICE.map((a) => a.zh).join('；')}（G-6.2.13）。`,
        en: `If you smell gas: ${LEAK_ADVICE.map((a) => a.en.toLowerCase()).join('; ')} (G-6.2.13).`,
      },
      {
        zh: '节约用气：火焰不超出锅底，定期清洁灶具和热水器，不用时关闭阀门。',
        en: 'Saving gas: keep the flame under the pan, clean the hob and water heater regularly, and close the valve when not in use.',
      },
    ];
  }
  return [
    {
      zh: '不在散热器上覆盖、烘烤衣物，不私自放水；发现漏水立即关闭户内阀门并拨打报修电话。',
      en: 'Do not cover radiators or dry clothes on them, and do not draw water; if it leaks, close the valve at home and call the repair line.',
    },
    {
      zh: '节约用热：外出时关小而不关闭阀门以防冻裂，门窗密封良好，不在采暖期长时间开窗。',
      en: 'Saving heat: when away turn the valve down rather than off so nothing freezes, keep doors and windows sealed, and do not leave windows open for long.',
    },
  ];
}

function policies(sector: CharterSector): Messages[] {
  return sector === 'gas'
    ? [
        { zh: '《城镇燃气管理条例》', en: 'Regulations on the Administration of Urban Gas' },
        { zh: '《淄博市城镇燃气服务规范》', en: 'Zibo urban gas service standard' },
      ]
    : [{ zh: '《淄博市城镇冬季供热服务规范》', en: 'Zibo urban winter heating service standard' }];
}

/** The published charter of a gas or heating enterprise (G-5.4.5, H-7.5.5, H-7.7.2.4). */
export function publicCharter(sector: CharterSector): PublicCharter {
  return {
    commitments: commitments(sector),
    quality: quality(sector),
    rightsAndDuties: rightsAndDuties(sector),
    safety: safety(sector),
    policies: policies(sector),
  };
}

/** Which charter an enterprise publishes: heating for heating companies, gas for every gas business. */
export const charterSectorOf = (enterpriseKind: string): CharterSector =>
  enterpriseKind === 'heating' || enterpriseKind === 'heating_reseller' ? 'heating' : 'gas';
