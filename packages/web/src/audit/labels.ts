import type { Lang } from '../i18n/index.tsx';
import { eventLabel } from '../orders/labels.ts';

// Audit actions and entity types in words (the stored codes stay as they are: `user.login`, `work_order.closed`).
// A code not listed here is shown as it is, marked as a code on the page.

const ENTITY: Record<string, [string, string]> = {
  alert: ['时限预警', 'alert'],
  attachment: ['附件', 'attachment'],
  bill: ['账单', 'bill'],
  billing_run: ['计费批次', 'billing run'],
  calendar: ['工作日历', 'calendar'],
  calendar_override: ['日历调整', 'calendar override'],
  calendar_year: ['年度放假安排', 'calendar year'],
  certificate: ['资格证书', 'certificate'],
  clock_alert: ['时限预警', 'clock alert'],
  contract: ['合同', 'contract'],
  customer: ['用户档案', 'customer'],
  customer_export: ['用户档案导出', 'customer export'],
  customer_import: ['用户档案导入', 'customer import'],
  enterprise: ['企业', 'enterprise'],
  evaluation_statement: ['评价考核说明', 'evaluation statement'],
  gas_quality: ['燃气质量信息', 'gas quality'],
  safety_education: ['安全用气宣传', 'safety education'],
  hazard: ['安全隐患', 'hazard'],
  heat_meter_dispute: ['热表争议', 'heat-meter dispute'],
  heating_bill: ['供热账单', 'heating bill'],
  heating_price: ['供热价格', 'heating price'],
  heating_refund: ['供热退费', 'heating refund'],
  heating_rules: ['供热规则', 'heating rules'],
  heating_season: ['供热季', 'heating season'],
  inspection: ['入户安检', 'inspection'],
  inspection_plan: ['安检计划', 'inspection plan'],
  inspection_record: ['安检记录', 'inspection record'],
  inspection_visit: ['计划入户', 'planned visit'],
  ledger: ['台账', 'ledger'],
  low_temperature: ['低温投诉', 'low temperature'],
  low_temperature_case: ['低温投诉', 'low-temperature case'],
  low_temperature_rule: ['低温减收规则', 'low-temperature rule'],
  measurement: ['入户测温', 'measurement'],
  meter: ['燃气表', 'meter'],
  meter_dispute: ['计量争议', 'meter dispute'],
  meter_reading: ['抄表读数', 'meter reading'],
  notice: ['公告', 'notice'],
  payment: ['缴费', 'payment'],
  premises: ['用气/用热地址', 'premises'],
  prepaid: ['预付费', 'prepaid'],
  price_schedule: ['价格表', 'price schedule'],
  reading: ['抄表读数', 'reading'],
  sampling: ['抽样测温', 'sampling'],
  sampling_plan: ['抽样计划', 'sampling plan'],
  seed: ['演示数据', 'demo data'],
  sensor: ['测温传感器', 'sensor'],
  sensor_ingestion: ['传感器数据导入', 'sensor ingestion'],
  sensors: ['测温传感器', 'sensors'],
  service_notice: ['服务公告', 'service notice'],
  staff: ['员工', 'staff'],
  system: ['系统', 'system'],
  temperature_measurement: ['入户测温', 'temperature measurement'],
  user: ['登录账号', 'user'],
  work_order: ['工单', 'work order'],
  duty_shift: ['值班班次', 'duty shift'],
  emergency_alert: ['应急预警', 'readiness alert'],
  emergency_plan: ['应急预案', 'emergency plan'],
  emergency_exercise: ['演练与宣传', 'drill or publicity'],
  emergency_warning: ['预警发布', 'warning'],
  incident: ['突发事件', 'incident'],
  insurance_policy: ['保险保单', 'insurance policy'],
  insurance_claim: ['保险理赔', 'insurance claim'],
};

const VERB: Record<string, [string, string]> = {
  ack: ['确认', 'acknowledged'],
  self_evaluation: ['企业自评', 'self-evaluation'],
  improvement_plan: ['整改计划', 'improvement plan'],
  remark: ['监管意见', 'remark'],
  publication: ['公布评价结果', 'published results'],
  adjust: ['调整', 'adjusted'],
  assign: ['分派', 'assigned'],
  auto_assign: ['自动分派', 'auto-assigned'],
  callback_replayed: ['支付回调重放', 'callback replayed'],
  closed: ['复查销号', 'closed'],
  community_follow_up: ['社区联动', 'community follow-up'],
  correct: ['更正', 'corrected'],
  create: ['新建', 'created'],
  decide: ['判定', 'decided'],
  delete: ['删除', 'deleted'],
  demo: ['生成', 'generated'],
  dispute: ['争议', 'disputed'],
  done: ['完成', 'done'],
  draw: ['扣费', 'drawn'],
  export: ['导出', 'exported'],
  extended: ['延期整改', 'extended'],
  import: ['导入', 'imported'],
  ingest: ['导入', 'ingested'],
  inspected: ['已安检', 'inspected'],
  issue: ['开具', 'issued'],
  locked: ['锁定', 'locked'],
  login: ['登录', 'signed in'],
  metered_settlement: ['按热计量结算', 'metered settlement'],
  nobody_home: ['到访不遇', 'nobody home'],
  notice_refused: ['拒收整改通知书', 'notice refused'],
  notice_signed: ['签收整改通知书', 'notice signed'],
  orders: ['生成工单', 'orders generated'],
  override: ['调整', 'override'],
  overrun: ['超时', 'overrun'],
  password: ['修改密码', 'password changed'],
  plan: ['制定计划', 'planned'],
  publish: ['发布', 'published'],
  put: ['保存', 'saved'],
  record: ['记录', 'recorded'],
  refused_entry: ['拒绝入户', 'refused entry'],
  refused_notice: ['拒收整改通知书', 'refused the notice'],
  refused_to_sign: ['拒绝签字', 'refused to sign'],
  register: ['登记', 'registered'],
  resolve: ['处理', 'resolved'],
  restore: ['恢复', 'restored'],
  result: ['结果', 'result'],
  resume: ['续跑', 'resumed'],
  reveal: ['查看完整信息', 'revealed'],
  revise: ['修订', 'revised'],
  rewards: ['提前缴费优惠', 'rewards'],
  rule: ['规则', 'rule'],
  run: ['计费', 'run'],
  settle: ['结算', 'settled'],
  update: ['修改', 'updated'],
  add: ['登记', 'added'],
  file: ['备案', 'filed'],
  open: ['登记', 'opened'],
  raised: ['提高级别', 'raised'],
  lowered: ['降低级别', 'lowered'],
  paid: ['支付', 'paid'],
  agreed: ['商定', 'agreed'],
};

const word = (pair: [string, string] | undefined, lang: Lang) =>
  pair ? pair[lang === 'zh' ? 0 : 1] : undefined;

export function auditEntityLabel(entity: string, lang: Lang): string | undefined {
  return word(ENTITY[entity], lang);
}

/** `work_order.closed` → 工单·归档; `calendar.override.delete` → 工作日历·调整·删除; undefined when unknown. */
export function auditActionLabel(action: string, lang: Lang): string | undefined {
  const [head = '', ...rest] = action.split('.');
  const entity = word(ENTITY[head], lang);
  if (!entity) return undefined;
  if (rest.length === 0) return entity;
  const verbs = rest.map((v) =>
    head === 'work_order' && v !== 'create'
      ? eventLabel(v, lang)
      : (word(VERB[v], lang) ?? word(ENTITY[v], lang)),
  );
  if (verbs.some((v) => v === undefined || /^[a-z_]+$/.test(v))) return undefined;
  return [entity, ...verbs].join(lang === 'zh' ? '·' : ' · ');
}
