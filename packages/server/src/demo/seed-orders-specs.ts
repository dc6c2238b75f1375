import {
  EVERYDAY_CHANNELS,
  EVERYDAY_COUNT,
  GAS_EVERYDAY,
  GAS_SCENARIOS,
  HEATING_EVERYDAY,
  HEATING_SCENARIOS,
  everydayPath,
  type OrderSpec,
} from './seed-orders-plan.ts';

// The demo orders of one enterprise: its scenarios, then everyday orders drawn from the seeded generator, and
// what callers say about each item.

const DAY = 24 * 60;

export function scenariosFor(kind: string): OrderSpec[] {
  return kind === 'heating' ? HEATING_SCENARIOS : GAS_SCENARIOS;
}

export function everydaySpecs(kind: string, rnd: () => number): OrderSpec[] {
  const items = kind === 'heating' ? HEATING_EVERYDAY : GAS_EVERYDAY;
  return Array.from({ length: EVERYDAY_COUNT }, () => {
    // Working hours mostly; a month back at most, none in the last quarter hour.
    const ago = 15 + Math.floor(rnd() * 30 * DAY);
    const item = items[Math.floor(rnd() * items.length)]!;
    return {
      item,
      path: everydayPath(ago, rnd()),
      ago,
      channel: EVERYDAY_CHANNELS[Math.floor(rnd() * EVERYDAY_CHANNELS.length)]!,
      ...(rnd() < 0.08 ? { late: true } : {}),
    };
  });
}

export const DESCRIPTIONS: Readonly<Record<string, readonly string[]>> = {
  consultation: [
    '咨询阶梯气价如何计算',
    '咨询供暖费缴纳方式和截止日期',
    '询问过户需要哪些材料',
    '咨询燃气表IC卡补卡流程',
  ],
  referral: ['反映小区楼道灯不亮', '反映楼下商铺油烟扰民', '咨询小区电梯维修'],
  gas_repair: ['燃气灶打不着火', '燃气热水器点火后熄火', '表后阀门关不严', '灶具连接胶管老化需更换'],
  gas_indoor_leak: ['厨房有明显燃气味', '燃气表附近有嘶嘶漏气声'],
  valve_pit_cover: ['人行道阀门井盖缺失', '小区内阀门井盖破损'],
  gas_complaint: ['维修人员未按约定时间上门', '抄表员服务态度生硬', '安检人员未出示工作证'],
  gas_connection: ['新购住房申请开通管道燃气', '商铺申请燃气报装'],
  gas_facility_change: ['厨房改造需移动燃气表位置', '申请改装燃气管道走向'],
  gas_facility_change_non_resident: ['饭店后厨扩建需改装燃气管道'],
  meter_test_dispute: ['怀疑燃气表计量不准，申请检定', '本月用气量异常偏高，要求校表'],
  heating_quality_complaint: ['室温只有14度，暖气不热', '卧室暖气片上热下凉，室温不达标'],
  heating_service_complaint: ['客服电话长时间打不通', '维修人员上门后未处理就离开', '管网施工围挡影响出行'],
  heating_leak: ['暖气阀门滴水', '暖气片接口漏水，地面有积水', '楼道暖气管道跑水'],
  heating_repair: ['暖气片不热', '户内循环不畅，需放气', '暖气阀门拧不动'],
  room_temperature_test: ['申请入户测温，室温偏低', '对室温有异议，申请测温'],
  heating_connection: ['新房申请供热入网'],
  heating_suspension: ['房屋长期空置，申请暂停供热'],
  heating_resumption: ['申请恢复供热，已缴清费用', '暂停后申请重新开栓'],
};
