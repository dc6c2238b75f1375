// The evaluation indicators of the two standards (G-12.4, H-10.5, H-3.8–H-3.14) as data: what each counts, the
// enterprise kinds it applies to and Table 1's target where the heating standard gives one. The server counts
// stored outcomes by these definitions; `evaluate` turns the counts into the figure and its verdict.

import type { Messages } from '../errors.ts';
import type { ServiceEnterpriseKind } from '../customers/customer-kinds.ts';
import { VEHICLE_GAS_INDICATORS } from '../vehicle-gas/indicator.ts';

/**
 * Bump when any definition below changes what is counted or the target: a closed period keeps the version it was
 * computed with, so a later change never rewrites it.
 */
// 2026.2: heating complaint rates count reasonable ones only; 2026.3: hotline connection rate (G-12.4.1.1), average
// window wait (G-12.4.1.2), survey satisfaction (H-3.14); 2026.4: the inlet pressure pass rate (G-12.4.2.1); 2026.5:
// the bottled-gas fill rates (G-12.4.3.1, G-12.4.3.2); 2026.6: the vehicle-gas leak-free rate (G-12.4.4), the heating
// accident rate (H-10.5.1) and the pipeline rush-repair response and timeliness rates (G-12.4.2.2, G-12.4.2.3)
export const EVALUATION_DEFINITIONS_VERSION = '2026.6';

/**
 * 'percent' a rate (numerator ÷ denominator); 'minutes' an average (sum of seconds ÷ people, shown in minutes);
 * 'permille' a ratio of amounts in ‰ (H-10.5.1: outage m²·min ÷ season m²·min).
 */
export type IndicatorUnit = 'percent' | 'minutes' | 'permille';

/** Table 1 targets are percentages: `at_least` 95 means ≥ 95 %, `all` means 100 % (every counted case). */
export type IndicatorTarget =
  | { kind: 'at_least'; percent: number }
  | { kind: 'all' }
  /** An average's ceiling: G-12.4.1.2 window wait ≤ 15 min. */
  | { kind: 'at_most'; minutes: number }
  /** A ratio's ceiling in ‰: H-10.5.1 accident rate ≤ 2 ‰. */
  | { kind: 'at_most_permille'; permille: number };

/** A clock of a catalogue item (catalogue*.ts) whose stored outcome an indicator counts. */
export interface ClockRef {
  itemCode: string;
  clock: string;
}

/**
 * Where the counts come from:
 *   clock            — work orders received in the period with one of the clocks; orders that ended without the
 *                      service (referred, refused, cancelled) are left out. `numerator`: 'met' (stopped in time) or
 *                      'stopped' (concluded, in time or not); `denominator`: 'settled' (met or breached) or
 *                      'started' (every started clock, still running ones included).
 *   room_temperature — H-10.5.3: each household's latest decisive (pass/fail) measurement in the period; readings
 *                      outside the H-5.1 conditions (analysis only, H-5.4.7) never count.
 *   return_visit     — return-visit answers given in the period; satisfied and basically satisfied count as
 *                      satisfied (the 12345 platform closes on both).
 *   pressure_check   — G-12.4.2.1: appliance inlet pressure checks taken in the period at drawn households
 *                      (G-6.2.15), each judged against its gas type's band when recorded.
 *   cylinder_fill    — G-12.4.3.1, G-12.4.3.2: the checks after filling recorded in the period (each full cylinder
 *                      tested once per fill); `numerator` 'leak_free' (leak test passed) or 'passed' (weight and leak).
 */
export type IndicatorSource =
  | {
      kind: 'clock';
      clocks: readonly ClockRef[];
      numerator: 'met' | 'stopped';
      denominator: 'settled' | 'started';
      /** H-10.4.1, H-10.5.4, H-10.5.5: leave out complaints judged unreasonable (unjudged ones count). */
      reasonableOnly?: boolean;
    }
  | { kind: 'room_temperature' }
  | { kind: 'return_visit' }
  | { kind: 'pressure_check' }
  /** G-12.4.1.1, H-3.13: calls rung in the period; answered within the enterprise's threshold in force then. */
  | { kind: 'call' }
  /** G-12.4.1.2: waits sampled at service points in the period; the figure sums the waits over the people. */
  | { kind: 'window_wait' }
  /** G-12.4.5, H-3.14: respondents of sample and third-party surveys in the period; satisfied and basically count. */
  | { kind: 'survey' }
  | { kind: 'cylinder_fill'; numerator: 'leak_free' | 'passed' }
  /** G-12.4.4: vehicle fills in the period, each leak-checked after filling (vehicle-gas/indicator.ts). */
  | { kind: 'vehicle_fill' }
  /**
   * H-10.5.1: heating interruptions the company caused, overlapping the period (numerator Σ hours × area cut off),
   * over the period's days of the enterprise's heating seasons times the heated area of its archive.
   */
  | { kind: 'outage' };

export interface IndicatorDefinition {
  id: string;
  clauses: readonly string[];
  name: Messages;
  unit: IndicatorUnit;
  appliesTo: readonly ServiceEnterpriseKind[];
  target?: IndicatorTarget;
  numerator: Messages;
  denominator: Messages;
  source: IndicatorSource;
}

const m = (zh: string, en: string): Messages => ({ zh, en });
const GAS: readonly ServiceEnterpriseKind[] = ['pipeline_gas', 'bottled_gas', 'vehicle_gas', 'appliance'];
const HEATING: readonly ServiceEnterpriseKind[] = ['heating', 'heating_reseller'];
const HEATING_COMPLAINT_RESOLUTION: readonly ClockRef[] = [
  { itemCode: 'heating_quality_complaint', clock: 'resolution' },
  { itemCode: 'heating_service_complaint', clock: 'resolution' },
];

export const INDICATORS: readonly IndicatorDefinition[] = [
  {
    id: 'gas_complaint_timeliness',
    clauses: ['G-12.4.1.3'],
    name: m('投诉处理及时率（燃气）', 'Complaint timeliness (gas)'),
    unit: 'percent',
    appliesTo: GAS,
    numerator: m(
      '5个工作日内处置并答复的投诉（G-5.7.2 时钟达标）',
      'Complaints answered within 5 working days',
    ),
    denominator: m('时限已有结果（达标或超时）的投诉', 'Complaints whose time limit has an outcome'),
    source: {
      kind: 'clock',
      clocks: [{ itemCode: 'gas_complaint', clock: 'answer' }],
      numerator: 'met',
      denominator: 'settled',
    },
  },
  {
    id: 'gas_complaint_completion',
    clauses: ['G-12.4.1.4'],
    name: m('投诉办结率（燃气）', 'Complaint completion (gas)'),
    unit: 'percent',
    appliesTo: GAS,
    numerator: m('规定时间内办结的投诉', 'Complaints concluded within the set time'),
    denominator: m('投诉总次数（含办理中的）', 'All complaints (open ones included)'),
    source: {
      kind: 'clock',
      clocks: [{ itemCode: 'gas_complaint', clock: 'answer' }],
      numerator: 'met',
      denominator: 'started',
    },
  },
  {
    id: 'gas_rush_repair_response',
    clauses: ['G-12.4.2.2'],
    name: m('管道设施抢修响应率', 'Pipeline rush-repair response rate'),
    unit: 'percent',
    appliesTo: ['pipeline_gas'],
    numerator: m(
      '规定时间内赶到现场的燃气泄漏抢险（G-6.2.13 立即赶到，企业承诺0.5小时）',
      'Gas leak emergencies reached within the set time (G-6.2.13: at once; commitment 0.5 h)',
    ),
    denominator: m('到场时限已有结果的抢险', 'Emergencies whose on-site limit has an outcome'),
    source: {
      kind: 'clock',
      clocks: [{ itemCode: 'gas_indoor_leak', clock: 'on_site' }],
      numerator: 'met',
      denominator: 'settled',
    },
  },
  {
    id: 'gas_rush_repair_timeliness',
    clauses: ['G-12.4.2.3'],
    name: m('管道设施抢修及时率', 'Pipeline rush-repair timeliness'),
    unit: 'percent',
    appliesTo: ['pipeline_gas'],
    numerator: m(
      '规定时间内修复的管道设施（表井、阀门井井盖24小时内修复，G-6.2.13）',
      'Network facilities repaired within the set time (pit covers within 24 h, G-6.2.13)',
    ),
    denominator: m('修复时限已有结果的抢修', 'Repairs whose limit has an outcome'),
    source: {
      kind: 'clock',
      clocks: [{ itemCode: 'valve_pit_cover', clock: 'repair' }],
      numerator: 'met',
      denominator: 'settled',
    },
  },
  {
    id: 'heating_accident_rate',
    clauses: ['H-10.5.1', 'H-3.8'],
    name: m('运行事故率', 'Operation accident rate'),
    unit: 'permille',
    appliesTo: HEATING,
    target: { kind: 'at_most_permille', permille: 2 },
    numerator: m(
      '企业原因停热的停热时间×停热面积之和（m²·h）',
      'Σ hours × heated area of the interruptions the company caused (m²·h)',
    ),
    denominator: m(
      '供热期应正常供热时间×应正常供热面积（m²·h，面积取自用户档案）',
      'Season hours of normal heating × heated area of the archive (m²·h)',
    ),
    source: { kind: 'outage' },
  },
  {
    id: 'gas_repair_response',
    clauses: ['G-12.4.2.4', 'G-12.4.3.3'],
    name: m('报修处理响应率', 'Repair response rate'),
    unit: 'percent',
    appliesTo: ['pipeline_gas', 'bottled_gas'],
    numerator: m('规定时间内响应的报修', 'Repairs responded to in time'),
    denominator: m('响应时限已有结果的报修', 'Repairs whose response limit has an outcome'),
    source: {
      kind: 'clock',
      clocks: [
        { itemCode: 'gas_repair', clock: 'response' },
        // G-12.4.3.3, G-12.4.3.4: a bottled-gas company's repairs include the burner failing after a refill.
        { itemCode: 'bottled_burner_fault', clock: 'response' },
      ],
      numerator: 'met',
      denominator: 'settled',
    },
  },
  {
    id: 'gas_repair_timeliness',
    clauses: ['G-12.4.2.5', 'G-12.4.3.4'],
    name: m('报修处理及时率', 'Repair timeliness'),
    unit: 'percent',
    appliesTo: ['pipeline_gas', 'bottled_gas'],
    numerator: m('规定（或约定）时间内上门的报修', 'Repairs on site within the set or agreed time'),
    denominator: m('上门时限已有结果的报修', 'Repairs whose on-site limit has an outcome'),
    source: {
      kind: 'clock',
      clocks: [
        { itemCode: 'gas_repair', clock: 'on_site' },
        // G-12.4.3.3, G-12.4.3.4: a bottled-gas company's repairs include the burner failing after a refill.
        { itemCode: 'bottled_burner_fault', clock: 'on_site' },
      ],
      numerator: 'met',
      denominator: 'settled',
    },
  },
  {
    id: 'heating_repair_response',
    clauses: ['H-10.5.2', 'H-3.9'],
    name: m('供热设施抢修响应率', 'Heating repair response rate'),
    unit: 'percent',
    appliesTo: HEATING,
    target: { kind: 'all' },
    numerator: m(
      '规定时间内抢修响应次数（跑冒滴漏0.5小时回复、报修按时上门）',
      'Responses in time (leak reply within 0.5 h, repair on site in time)',
    ),
    denominator: m('响应时限已有结果的抢修', 'Repairs whose response limit has an outcome'),
    source: {
      kind: 'clock',
      clocks: [
        { itemCode: 'heating_leak', clock: 'reply' },
        { itemCode: 'heating_repair', clock: 'on_site' },
      ],
      numerator: 'met',
      denominator: 'settled',
    },
  },
  {
    id: 'room_temperature_pass',
    clauses: ['H-10.5.3', 'H-3.10'],
    name: m('热用户室温合格率', 'Room temperature pass rate'),
    unit: 'percent',
    appliesTo: HEATING,
    target: { kind: 'at_least', percent: 99 },
    numerator: m('室温检测合格户数', 'Households measured passing'),
    denominator: m(
      '室温检测总户数（仅作分析的读数不计）',
      'Households measured (analysis-only readings left out)',
    ),
    source: { kind: 'room_temperature' },
  },
  {
    id: 'heating_complaint_timeliness',
    clauses: ['H-10.5.4', 'H-3.11'],
    name: m('投诉处理及时率（供热）', 'Complaint timeliness (heating)'),
    unit: 'percent',
    appliesTo: HEATING,
    target: { kind: 'at_least', percent: 95 },
    numerator: m('规定时间内处理的合理投诉', 'Reasonable complaints handled within the committed time'),
    denominator: m(
      '时限已有结果的合理投诉（判定不合理的不计）',
      'Reasonable complaints whose time limit has an outcome (those judged unreasonable left out)',
    ),
    source: {
      kind: 'clock',
      clocks: HEATING_COMPLAINT_RESOLUTION,
      numerator: 'met',
      denominator: 'settled',
      reasonableOnly: true,
    },
  },
  {
    id: 'heating_complaint_completion',
    clauses: ['H-10.5.5', 'H-3.11'],
    name: m('投诉处结率（供热）', 'Complaint completion (heating)'),
    unit: 'percent',
    appliesTo: HEATING,
    target: { kind: 'all' },
    numerator: m('已处结的合理投诉（按时或超时）', 'Reasonable complaints concluded (in time or late)'),
    denominator: m(
      '合理投诉总次数（含办理中的，判定不合理的不计）',
      'All reasonable complaints (open ones included; those judged unreasonable left out)',
    ),
    source: {
      kind: 'clock',
      clocks: HEATING_COMPLAINT_RESOLUTION,
      numerator: 'stopped',
      denominator: 'started',
      reasonableOnly: true,
    },
  },
  {
    id: 'gas_inlet_pressure_pass',
    clauses: ['G-12.4.2.1', 'G-6.2.15'],
    name: m('燃气燃烧器具前压力合格率', 'Appliance inlet pressure pass rate'),
    unit: 'percent',
    appliesTo: ['pipeline_gas'],
    numerator: m('压力在燃气种类允许范围内的检测户次', 'Checks within the gas type’s band'),
    denominator: m('燃具前压力检测总户次', 'All inlet pressure checks'),
    source: { kind: 'pressure_check' },
  },
  {
    id: 'return_visit_satisfaction',
    clauses: ['G-12.4.5', 'H-3.14', 'H-10.3.2'],
    name: m('回访满意率', 'Return-visit satisfaction'),
    unit: 'percent',
    appliesTo: [...GAS, ...HEATING],
    numerator: m('满意和基本满意的回访', 'Return visits answered satisfied or basically satisfied'),
    denominator: m('回访总次数', 'All return visits'),
    source: { kind: 'return_visit' },
  },
  {
    id: 'call_connection',
    clauses: ['G-12.4.1.1', 'H-3.13'],
    name: m('服务热线接通率', 'Hotline connection rate'),
    unit: 'percent',
    appliesTo: [...GAS, ...HEATING],
    numerator: m(
      '规定时间内接通的来电（按来电时有效的应答时限）',
      'Calls answered in time (by the answer threshold in force when each rang)',
    ),
    denominator: m('呼入来电总数（含未接通的）', 'All calls received (abandoned ones included)'),
    source: { kind: 'call' },
  },
  {
    id: 'window_wait',
    clauses: ['G-12.4.1.2'],
    name: m('窗口平均等候时间', 'Average window wait'),
    unit: 'minutes',
    appliesTo: GAS,
    target: { kind: 'at_most', minutes: 15 },
    numerator: m('抽样人员等候时间之和', 'Sum of the sampled waits'),
    denominator: m('抽样人数', 'People sampled'),
    source: { kind: 'window_wait' },
  },
  {
    id: 'survey_satisfaction',
    clauses: ['H-3.14', 'G-12.4.5', 'H-10.3.2', 'H-10.3.7'],
    name: m('满意度调查满意率', 'Survey satisfaction rate'),
    unit: 'percent',
    appliesTo: [...GAS, ...HEATING],
    numerator: m(
      '评价为满意或基本满意的受访者（抽样调查及第三方调查）',
      'Respondents satisfied or basically satisfied (sample and third-party surveys)',
    ),
    denominator: m('受访者总数', 'All respondents'),
    source: { kind: 'survey' },
  },
  {
    id: 'cylinder_leak_free',
    clauses: ['G-12.4.3.1', 'G-12.4.4'],
    name: m('满瓶不泄漏率', 'Full-cylinder leak-free rate'),
    unit: 'percent',
    appliesTo: ['bottled_gas'],
    numerator: m('检漏合格的满瓶', 'Full cylinders with no leak'),
    denominator: m('充装后检查的满瓶', 'Full cylinders tested after filling'),
    source: { kind: 'cylinder_fill', numerator: 'leak_free' },
  },
  {
    id: 'cylinder_fill_pass',
    clauses: ['G-12.4.3.2'],
    name: m('液化石油气充装合格率', 'LPG filling pass rate'),
    unit: 'percent',
    appliesTo: ['bottled_gas'],
    numerator: m('净重和检漏均合格的充装', 'Fills within the weight tolerance and leak-free'),
    denominator: m('充装后检查的满瓶', 'Full cylinders tested after filling'),
    source: { kind: 'cylinder_fill', numerator: 'passed' },
  },
  ...VEHICLE_GAS_INDICATORS,
];

export function indicatorById(id: string): IndicatorDefinition | undefined {
  return INDICATORS.find((i) => i.id === id);
}

export function indicatorsFor(kind: string): IndicatorDefinition[] {
  return INDICATORS.filter((i) => (i.appliesTo as readonly string[]).includes(kind));
}
