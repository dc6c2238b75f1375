import type { ComplaintCategory, WorkOrderChannel } from '@ranre/domain';

// What the demo month of work orders holds (seed-orders.ts plays it): for the first gas and the first heating
// company, every catalogue item they offer, in every state the loop has — open, dispatched, on site, closed
// after a satisfied visit, dispatched again after a dissatisfied one, a few late (breached), complaints with and
// without responsibility, a repeat complainant, a 12345 transfer, a referral — plus random everyday orders.

export type Path =
  | 'received'
  | 'dispatched'
  | 'accepted'
  | 'on_site'
  | 'completed'
  | 'feedback'
  | 'closed'
  | 'redispatched'
  | 'referred'
  | 'cancelled'
  | 'refused';

export interface OrderSpec {
  item: string;
  path: Path;
  /** When the request came in: minutes before `now`, or a day before today and a Beijing time. */
  ago: number | DayTime;
  channel?: WorkOrderChannel;
  /** The first response (contact, reply or arrival) comes after its limit: a breached clock. */
  late?: boolean;
  /** Complaints: the regulator's decision (H-7.4.8); left undecided when absent. */
  responsibility?: 'responsible' | 'non_responsible';
  category?: ComplaintCategory;
  /** Heating complaints: the company's judgement (H-10.4.1, H-10.4.4); unjudged when absent. */
  judged?: 'reasonable' | 'unreasonable';
  /** A fixed caller (index into the callers), for the repeat complainant. */
  caller?: number;
  byResident?: boolean;
  /** A 12345 transfer: the city hotline's case number; the company takes it 25 minutes after receipt. */
  transfer?: boolean;
  dissatisfiedFirst?: boolean;
}

export interface DayTime {
  days: number;
  hh: number;
  mm: number;
}

const H = 60;
const D = 24 * H;
/** `days` days before today, at hh:mm Beijing time. */
const at = (days: number, hh: number, mm = 0): DayTime => ({ days, hh, mm });

export const GAS_SCENARIOS: OrderSpec[] = [
  { item: 'consultation', path: 'closed', ago: at(20, 9, 12) },
  { item: 'consultation', path: 'received', ago: 35, channel: 'wechat' },
  { item: 'referral', path: 'referred', ago: at(12, 10, 40) },
  { item: 'gas_repair', path: 'closed', ago: at(25, 8, 30) },
  { item: 'gas_repair', path: 'redispatched', ago: at(18, 14, 5), dissatisfiedFirst: true },
  { item: 'gas_repair', path: 'on_site', ago: 3 * H },
  { item: 'gas_repair', path: 'dispatched', ago: at(3, 16, 20) },
  { item: 'gas_repair', path: 'received', ago: 12, byResident: true, channel: 'app' },
  { item: 'gas_repair', path: 'closed', ago: at(8, 9, 40), transfer: true, channel: 'hotline_12345' },
  { item: 'gas_repair', path: 'cancelled', ago: at(4, 11), byResident: true, channel: 'app' },
  { item: 'gas_indoor_leak', path: 'closed', ago: at(9, 19, 25) },
  { item: 'gas_indoor_leak', path: 'closed', ago: at(15, 21, 10), late: true },
  { item: 'valve_pit_cover', path: 'closed', ago: at(7, 15, 30), channel: 'patrol' },
  { item: 'valve_pit_cover', path: 'accepted', ago: 5 * H },
  {
    item: 'gas_complaint',
    path: 'closed',
    ago: at(22, 10),
    responsibility: 'responsible',
    category: 'attitude',
  },
  {
    item: 'gas_complaint',
    path: 'closed',
    ago: at(16, 15),
    responsibility: 'non_responsible',
    category: 'unprofessional',
  },
  { item: 'gas_complaint', path: 'accepted', ago: at(14, 9, 30), category: 'missed_time_limit' },
  { item: 'gas_complaint', path: 'feedback', ago: at(20, 10), category: 'missed_time_limit', caller: 7 },
  { item: 'gas_complaint', path: 'accepted', ago: at(10, 10), category: 'missed_time_limit', caller: 7 },
  { item: 'gas_complaint', path: 'received', ago: at(1, 9), category: 'missed_time_limit', caller: 7 },
  { item: 'gas_connection', path: 'closed', ago: at(28, 10) },
  { item: 'gas_connection', path: 'dispatched', ago: at(1, 14) },
  { item: 'gas_facility_change', path: 'closed', ago: at(21, 9) },
  { item: 'gas_facility_change', path: 'accepted', ago: at(2, 10) },
  { item: 'gas_facility_change_non_resident', path: 'refused', ago: at(11, 14) },
  { item: 'meter_test_dispute', path: 'feedback', ago: at(6, 10) },
];

export const HEATING_SCENARIOS: OrderSpec[] = [
  { item: 'consultation', path: 'closed', ago: at(17, 10), channel: 'web' },
  { item: 'referral', path: 'referred', ago: at(9, 16) },
  {
    item: 'heating_quality_complaint',
    path: 'closed',
    ago: at(13, 20),
    late: true,
    responsibility: 'responsible',
    category: 'equipment_nuisance',
  },
  { item: 'heating_quality_complaint', path: 'received', ago: 18, category: 'missed_time_limit' },
  {
    item: 'heating_service_complaint',
    path: 'closed',
    ago: at(19, 11),
    category: 'attitude',
    judged: 'reasonable',
  },
  // H-10.4.4: answered with the reason and basis and reported to 12345; left out of the complaint rates.
  {
    item: 'heating_service_complaint',
    path: 'feedback',
    ago: at(5, 10, 15),
    category: 'construction_nuisance',
    judged: 'unreasonable',
  },
  {
    item: 'heating_service_complaint',
    path: 'closed',
    ago: at(24, 14),
    responsibility: 'non_responsible',
    category: 'construction_nuisance',
  },
  { item: 'heating_leak', path: 'closed', ago: at(6, 22) },
  { item: 'heating_leak', path: 'on_site', ago: 4 * H, late: true },
  { item: 'heating_repair', path: 'closed', ago: at(10, 8), transfer: true, channel: 'hotline_12345' },
  { item: 'heating_repair', path: 'redispatched', ago: at(23, 9), dissatisfiedFirst: true },
  { item: 'heating_repair', path: 'dispatched', ago: at(2, 17) },
  { item: 'room_temperature_test', path: 'closed', ago: at(15, 9) },
  { item: 'room_temperature_test', path: 'completed', ago: 20 * H },
  { item: 'heating_connection', path: 'closed', ago: at(27, 9) },
  { item: 'heating_suspension', path: 'closed', ago: at(26, 10) },
  { item: 'heating_resumption', path: 'on_site', ago: at(1, 9) },
  { item: 'heating_resumption', path: 'received', ago: 70 },
];

/** Everyday orders, drawn at random: the items people call about most. */
export const GAS_EVERYDAY = [
  'gas_repair',
  'gas_repair',
  'gas_repair',
  'consultation',
  'consultation',
  'meter_test_dispute',
];
export const HEATING_EVERYDAY = [
  'heating_repair',
  'heating_repair',
  'heating_repair',
  'consultation',
  'consultation',
  'heating_leak',
  'room_temperature_test',
];
export const EVERYDAY_COUNT = 34;
export const EVERYDAY_CHANNELS: WorkOrderChannel[] = [
  'phone',
  'phone',
  'phone',
  'phone',
  'wechat',
  'app',
  'web',
  'counter',
];

/** A path for an everyday order of this age: old ones are done, recent ones still on their way. */
export function everydayPath(agoMinutes: number, roll: number): Path {
  if (agoMinutes > 5 * D) return roll < 0.86 ? 'closed' : roll < 0.93 ? 'redispatched' : 'feedback';
  if (agoMinutes > D) return roll < 0.5 ? 'closed' : roll < 0.75 ? 'feedback' : 'completed';
  if (agoMinutes > 4 * H) return roll < 0.4 ? 'on_site' : roll < 0.7 ? 'accepted' : 'completed';
  return roll < 0.5 ? 'received' : 'dispatched';
}

export const CALLER_NAMES = [
  '李秀英',
  '王建国',
  '张桂兰',
  '刘志强',
  '陈玉梅',
  '杨国华',
  '赵淑珍',
  '黄海燕',
  '周德明',
  '吴晓东',
  '徐丽娟',
  '孙立军',
  '马春花',
  '朱永刚',
  '胡美玲',
  '郭建华',
  '何秀云',
  '高文斌',
  '林海波',
  '罗淑芬',
];
export const STREETS = [
  '张店区共青团西路',
  '张店区华光路',
  '张店区柳泉路',
  '张店区人民西路',
  '淄川区松龄路',
  '周村区正阳路',
  '临淄区齐园路',
  '博山区中心路',
  '张店区新村西路',
  '高新区鲁泰大道',
];
