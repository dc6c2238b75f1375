import {
  CUSTOMER_KINDS,
  CUSTOMER_KIND_CODES,
  NETWORK_POSITIONS,
  ORIENTATIONS,
  normaliseForSearch,
  type CustomerKind,
  type Sector,
} from '@ranre/domain';
import { appError } from '../../../core/errors.ts';

/**
 * The columns of the customer import file, in template order: the Chinese header is the documented one, the
 * English name and the aliases are accepted too (case, spaces, '_' and a unit in brackets are ignored).
 */
export type ColumnKey =
  | 'accountNo'
  | 'kind'
  | 'name'
  | 'idCard'
  | 'phone'
  | 'phone2'
  | 'district'
  | 'street'
  | 'community'
  | 'building'
  | 'unit'
  | 'floor'
  | 'buildingFloors'
  | 'room'
  | 'heatedAreaM2'
  | 'orientation'
  | 'networkPosition'
  | 'unitHeatUseRate'
  | 'specialCare'
  | 'specialCareNote';

export type Column = {
  key: ColumnKey;
  zh: string;
  en: string;
  aliases: string[];
  required?: boolean;
  note: string;
};

export const COLUMNS: Column[] = [
  {
    key: 'accountNo',
    zh: '户号',
    en: 'account_no',
    aliases: ['账号', '用户号', 'account'],
    required: true,
    note: '6–20 位大写字母、数字或连字符 / 6–20 of A–Z, 0–9, -',
  },
  {
    key: 'kind',
    zh: '客户类型',
    en: 'kind',
    aliases: ['用户类型', '客户类别', 'customer_kind', 'type'],
    required: true,
    note: '见下拉列表，如 城镇居民、供热居民 / see the list',
  },
  {
    key: 'name',
    zh: '姓名',
    en: 'name',
    aliases: ['户名', '客户名称', '名称', 'customer_name'],
    required: true,
    note: '个人姓名或单位名称 / person or organisation',
  },
  {
    key: 'idCard',
    zh: '身份证号',
    en: 'id_card',
    aliases: ['身份证', '身份证号码', 'id_number'],
    note: '18 位，校验位须正确；请设为文本格式 / 18 characters, as text',
  },
  {
    key: 'phone',
    zh: '电话',
    en: 'phone',
    aliases: ['联系电话', '手机', '手机号', 'mobile'],
    note: '手机或带区号固话 / mobile or 0533-2345678',
  },
  { key: 'phone2', zh: '备用电话', en: 'phone2', aliases: ['电话2', '其他电话'], note: '可空 / optional' },
  {
    key: 'district',
    zh: '区县',
    en: 'district',
    aliases: ['区/县', '所属区县'],
    required: true,
    note: '如 张店区 / e.g. 张店区',
  },
  { key: 'street', zh: '街道', en: 'street', aliases: ['街道/镇', '镇街', '乡镇'], note: '如 华光路街道' },
  {
    key: 'community',
    zh: '社区',
    en: 'community',
    aliases: ['社区/村', '小区', '村'],
    note: '社区、小区或村',
  },
  { key: 'building', zh: '楼号', en: 'building', aliases: ['楼栋', '楼栋号'], note: '如 3 或 3号楼' },
  { key: 'unit', zh: '单元', en: 'unit', aliases: ['单元号'], note: '如 2' },
  {
    key: 'floor',
    zh: '楼层',
    en: 'floor',
    aliases: ['所在楼层'],
    note: '整数，地下为负 / integer, basement negative',
  },
  {
    key: 'buildingFloors',
    zh: '总层数',
    en: 'building_floors',
    aliases: ['楼栋总层数', 'floors'],
    note: '整数 / integer',
  },
  { key: 'room', zh: '房号', en: 'room', aliases: ['室', '门牌号', '房间号'], note: '如 502' },
  {
    key: 'heatedAreaM2',
    zh: '供热面积',
    en: 'heated_area_m2',
    aliases: ['供热面积㎡', 'heated_area'],
    note: '平方米，供热用户必填 / m², required for heating',
  },
  { key: 'orientation', zh: '朝向', en: 'orientation', aliases: [], note: '向阳 / 背阴 (sunny / shaded)' },
  {
    key: 'networkPosition',
    zh: '管网位置',
    en: 'network_position',
    aliases: [],
    note: '近端 / 中端 / 末端 (near / middle / end)',
  },
  {
    key: 'unitHeatUseRate',
    zh: '单元用热率',
    en: 'unit_heat_use_rate',
    aliases: ['用热率'],
    note: '百分比 0–100 / percent',
  },
  {
    key: 'specialCare',
    zh: '特殊关怀',
    en: 'special_care',
    aliases: ['特殊关怀对象', '关怀'],
    note: '是 / 否；可写「是，独居老人」(G-5.9.9)',
  },
  {
    key: 'specialCareNote',
    zh: '关怀说明',
    en: 'special_care_note',
    aliases: ['特殊关怀说明', '关怀备注'],
    note: '如 独居老人、行动不便',
  },
];
export const COLUMN_BY_KEY = Object.fromEntries(COLUMNS.map((c) => [c.key, c])) as Record<ColumnKey, Column>;

const headerKey = (h: string) =>
  normaliseForSearch(h)
    .toLowerCase()
    .replace(/[（(].*[)）]$/, '')
    .replace(/[\s_\-.]/g, '');
const LOOKUP = new Map<string, ColumnKey>();
for (const c of COLUMNS)
  for (const name of [c.zh, c.en, c.key, ...c.aliases]) LOOKUP.set(headerKey(name), c.key);

/** Header cells → column keys by position; unknown, duplicate or missing required headers refuse the file (422). */
export function mapHeader(header: string[]): (ColumnKey | null)[] {
  const keys = header.map((h) => (h.trim() === '' ? null : (LOOKUP.get(headerKey(h)) ?? undefined)));
  const unknown = header.filter((_, i) => keys[i] === undefined);
  if (unknown.length > 0) {
    throw appError(
      'IMPORT_COLUMNS_UNKNOWN',
      {
        zh: `无法识别的列：${unknown.join('、')}。请使用模板中的列名`,
        en: `Unknown columns: ${unknown.join(', ')}. Use the column names of the template`,
      },
      { columns: unknown },
    );
  }
  const seen = keys.filter((k): k is ColumnKey => Boolean(k));
  const twice = [...new Set(seen.filter((k, i) => seen.indexOf(k) !== i))].map((k) => COLUMN_BY_KEY[k].zh);
  if (twice.length > 0) {
    throw appError(
      'IMPORT_COLUMNS_DUPLICATE',
      { zh: `列重复：${twice.join('、')}`, en: `Columns given twice: ${twice.join(', ')}` },
      { columns: twice },
    );
  }
  const missing = COLUMNS.filter((c) => c.required && !seen.includes(c.key)).map((c) => c.zh);
  if (missing.length > 0) {
    throw appError(
      'IMPORT_COLUMNS_MISSING',
      { zh: `缺少必需的列：${missing.join('、')}`, en: `Required columns missing: ${missing.join(', ')}` },
      { columns: missing },
    );
  }
  return keys as (ColumnKey | null)[];
}

// ---- cell values ----

const SHORT_KINDS: Record<string, Partial<Record<Sector, CustomerKind>>> = {
  居民: { gas: 'pipeline_urban_resident', heating: 'heating_resident' },
  城镇居民: { gas: 'pipeline_urban_resident', heating: 'heating_resident' },
  农村居民: { gas: 'pipeline_rural_resident' },
  非居民: { gas: 'pipeline_non_resident', heating: 'heating_non_resident' },
  单位: { gas: 'pipeline_non_resident', heating: 'heating_non_resident' },
  工商户: { gas: 'pipeline_non_resident', heating: 'heating_non_resident' },
  瓶装: { gas: 'bottled_gas' },
  瓶装燃气: { gas: 'bottled_gas' },
  液化气: { gas: 'bottled_gas' },
  车用: { gas: 'vehicle_fleet' },
  车队: { gas: 'vehicle_fleet' },
  车用燃气: { gas: 'vehicle_fleet' },
  供热居民: { heating: 'heating_resident' },
  供热非居民: { heating: 'heating_non_resident' },
};

/** A kind as people write it: the code, the zh or en label, or a short form read in the enterprise's sector. */
export function parseKind(text: string, sector: Sector | null): CustomerKind | null {
  const t = normaliseForSearch(text);
  const lower = t.toLowerCase();
  for (const code of CUSTOMER_KIND_CODES) {
    const { label } = CUSTOMER_KINDS[code];
    if (lower === code || t === label.zh || lower === label.en.toLowerCase()) return code;
  }
  const short = SHORT_KINDS[t.replace(/用户$/, '')];
  return (short && sector && short[sector]) || null;
}

const YES = new Set(['是', 'y', 'yes', 'true', '1', '√', '✓', '有']);
const NO = new Set(['', '否', 'n', 'no', 'false', '0', '×', '无']);

/** 是 / 否 and their English and spreadsheet forms; '是，独居老人' also gives the note; undefined: neither. */
export function parseYesNo(text: string): { value: boolean; note?: string } | undefined {
  const t = normaliseForSearch(text);
  if (YES.has(t.toLowerCase())) return { value: true };
  if (NO.has(t.toLowerCase())) return { value: false };
  const m = /^是[\s,，:：;；、（(]+(.+?)[)）]?$/.exec(t);
  return m ? { value: true, note: m[1]!.trim() } : undefined;
}

export function parseChoice<K extends string>(
  text: string,
  labels: Readonly<Record<K, { zh: string; en: string }>>,
  extra: Record<string, K>,
): K | null | undefined {
  const t = normaliseForSearch(text).toLowerCase();
  if (t === '') return null;
  for (const [code, label] of Object.entries(labels) as [K, { zh: string; en: string }][]) {
    if (t === code || t === label.zh || t === label.en.toLowerCase()) return code;
  }
  return extra[t];
}
export const parseOrientation = (t: string) =>
  parseChoice(t, ORIENTATIONS, { 阳面: 'sunny', 南: 'sunny', 朝阳: 'sunny', 阴面: 'shaded', 北: 'shaded' });
export const parseNetworkPosition = (t: string) =>
  parseChoice(t, NETWORK_POSITIONS, {
    近: 'near',
    中: 'middle',
    中间: 'middle',
    末: 'end',
    远端: 'end',
    far: 'end',
  });

/** A number with an optional unit (㎡, 平方米, %, 层); null when empty, undefined when not a number. */
export function parseNumber(text: string, integer = false): number | null | undefined {
  let t = normaliseForSearch(text).replace(/(㎡|m2|m²|平方米|平米|%|层|楼)$/i, '');
  const basement = /^地下(\d+)$/.exec(t);
  if (basement) t = `-${basement[1]}`;
  if (t === '') return null;
  if (!/^-?\d+(\.\d+)?$/.test(t)) return undefined;
  const n = Number(t);
  return integer && !Number.isInteger(n) ? undefined : n;
}
