import {
  ACCOUNT_NUMBER_PROBLEM_MESSAGES,
  CUSTOMER_KINDS,
  SERVICE_ENTERPRISE_KINDS,
  accountNumberProblem,
  customerKindsFor,
  enterpriseMayHold,
  formatAddress,
  idCardProblem,
  isValidPhone,
  normaliseAccountNumber,
  normaliseForSearch,
  normaliseIdCard,
  type CustomerKind,
  type Messages,
  type Sector,
  type ServiceEnterpriseKind,
} from '@ranre/domain';
import { appError } from '../../../core/errors.ts';
import type { TContractInput, TPremisesInput } from './customers.schemas.ts';

// Rules shared by the API and the file import: each check returns the problems it finds instead of throwing, so an
// import row can report all of them at once; the API throws the first.

export type Problem = { code: string; field: string; messages: Messages; details?: Record<string, unknown> };

export function throwFirst(problems: Problem[]): void {
  const p = problems[0];
  if (p) throw appError(p.code, p.messages, { field: p.field, ...p.details });
}

/** What a person typed → the stored form: half-width, no spaces, no +86; a landline gets its area-code hyphen. */
export function canonicalPhone(raw: string): string {
  let p = normaliseForSearch(raw).replace(/[\s()]/g, '');
  p = p.replace(/^(\+86|0086)-?/, '');
  // 0533 2345678 / 05332345678 → 0533-2345678; Beijing (010) and the 02x cities have 3-digit area codes.
  const m = /^(0(?:10|2\d|[3-9]\d{2}))(\d{7,8})$/.exec(p);
  return m ? `${m[1]}-${m[2]}` : p;
}

const ID_MESSAGES: Record<string, Messages> = {
  length: { zh: '身份证号应为 18 位', en: 'A resident ID number has 18 characters' },
  format: {
    zh: '身份证号格式不对（17 位数字加 1 位数字或 X，前 6 位为行政区划代码）',
    en: 'The ID number is malformed (17 digits and a digit or X, starting with a region code)',
  },
  birth_date: { zh: '身份证号中的出生日期无效', en: 'The birth date in the ID number is not a real date' },
  check: {
    zh: '身份证号校验位不符（GB 11643），请核对是否抄错',
    en: 'The check digit of the ID number is wrong (GB 11643); please check for a typo',
  },
};

export type AccountInput = {
  accountNo?: string | null;
  kind: CustomerKind;
  idCard?: string | null;
  phone?: string | null;
  phone2?: string | null;
};
export type AccountValues = {
  accountNo: string | null;
  idCard: string | null;
  phone: string | null;
  phone2: string | null;
};

export function kindProblem(kind: CustomerKind, enterpriseKind: string): Problem | null {
  const service = (SERVICE_ENTERPRISE_KINDS as readonly string[]).includes(enterpriseKind);
  if (service && enterpriseMayHold(enterpriseKind as ServiceEnterpriseKind, kind)) return null;
  const allowed = service ? customerKindsFor(enterpriseKind as ServiceEnterpriseKind) : [];
  const label = CUSTOMER_KINDS[kind].label;
  return {
    code: 'CUSTOMER_KIND_NOT_ALLOWED',
    field: 'kind',
    messages: {
      zh: `本企业不能开立「${label.zh}」账户（可开立：${allowed.map((k) => CUSTOMER_KINDS[k].label.zh).join('、') || '无'}）`,
      en: `This enterprise cannot hold "${label.en}" accounts (allowed: ${allowed.map((k) => CUSTOMER_KINDS[k].label.en).join(', ') || 'none'})`,
    },
    details: { allowed },
  };
}

/** Account number, kind, ID number (GB 11643, with `now` for a future birth date) and phones, normalised. */
export function checkAccount(
  input: AccountInput,
  enterpriseKind: string,
  now: Date,
): { value: AccountValues; problems: Problem[] } {
  const problems: Problem[] = [];
  const kind = kindProblem(input.kind, enterpriseKind);
  if (kind) problems.push(kind);

  let accountNo: string | null = null;
  if (input.accountNo) {
    accountNo = normaliseAccountNumber(input.accountNo);
    const problem = accountNumberProblem(accountNo);
    if (problem) {
      problems.push({
        code: 'ACCOUNT_NO_INVALID',
        field: 'accountNo',
        messages: ACCOUNT_NUMBER_PROBLEM_MESSAGES[problem],
        details: { problem },
      });
    }
  }

  let idCard: string | null = null;
  if (input.idCard) {
    idCard = normaliseIdCard(input.idCard);
    const problem = idCardProblem(idCard, now);
    if (problem) {
      problems.push({
        code: 'ID_CARD_INVALID',
        field: 'idCard',
        messages: ID_MESSAGES[problem]!,
        details: { problem },
      });
    }
  }

  const phone = input.phone ? canonicalPhone(input.phone) : null;
  const phone2 = input.phone2 ? canonicalPhone(input.phone2) : null;
  for (const [field, value] of [
    ['phone', phone],
    ['phone2', phone2],
  ] as const) {
    if (value !== null && !isValidPhone(value)) {
      problems.push({
        code: 'PHONE_INVALID',
        field,
        messages: {
          zh: `电话号码无效：${value}（应为手机号或带区号的固话，如 0533-2345678）`,
          en: `Invalid phone number: ${value} (a mobile, or a landline with area code such as 0533-2345678)`,
        },
      });
    }
  }
  return { value: { accountNo, idCard, phone, phone2 }, problems };
}

/** Floors that fit the building; heated area required for heating, which bills and samples by it (H-5.1). */
export function checkPremises(p: TPremisesInput, sector: Sector, prefix = ''): Problem[] {
  const problems: Problem[] = [];
  if (p.floor != null && p.buildingFloors != null && p.floor > p.buildingFloors) {
    problems.push({
      code: 'PREMISES_FLOOR_INVALID',
      field: `${prefix}floor`,
      messages: {
        zh: `楼层（${p.floor}）高于楼栋总层数（${p.buildingFloors}）`,
        en: `The floor (${p.floor}) is above the building's top floor (${p.buildingFloors})`,
      },
    });
  }
  if (sector === 'heating' && p.heatedAreaM2 == null) {
    problems.push({
      code: 'PREMISES_FIELDS_MISSING',
      field: `${prefix}heatedAreaM2`,
      messages: {
        zh: '供热用户须登记供热面积（平方米）',
        en: 'A heating customer needs the heated area (m²)',
      },
      details: { fields: [`${prefix}heatedAreaM2`] },
    });
  }
  return problems;
}

/** Column values of a premises row, with its address formatted district → room. */
export function premisesValues(p: TPremisesInput) {
  return {
    district: p.district,
    street: p.street,
    community: p.community,
    building: p.building,
    unit: p.unit,
    floor: p.floor ?? null,
    buildingFloors: p.buildingFloors ?? null,
    room: p.room,
    address: formatAddress({
      district: p.district,
      street: p.street,
      community: p.community,
      building: p.building,
      unit: p.unit,
      floor: p.floor ?? undefined,
      room: p.room,
    }),
    heatedAreaM2: p.heatedAreaM2 == null ? null : p.heatedAreaM2.toFixed(2),
    orientation: p.orientation ?? null,
    networkPosition: p.networkPosition ?? null,
    unitHeatUseRate: p.unitHeatUseRate == null ? null : p.unitHeatUseRate.toFixed(2),
  };
}

/** The text the search index reads: name, phones, account number and every address of the account. */
export function buildSearchText(c: {
  name: string;
  accountNo: string;
  phone: string | null;
  phone2: string | null;
  addresses: string[];
}): string {
  return normaliseForSearch(
    [c.name, c.phone, c.phone2, c.accountNo, ...c.addresses].filter(Boolean).join(' '),
  );
}

/** `kind` → its sector (gas / heating). */
export const sectorOf = (kind: CustomerKind): Sector => CUSTOMER_KINDS[kind].sector;

// ---- errors the account routes share ----

export const duplicate = (field: string, value: string) =>
  appError(
    'DUPLICATE',
    { zh: `${value} 已被本企业使用`, en: `${value} is already taken in this enterprise` },
    { field },
  );

export function checkContractDates(c: TContractInput) {
  if (c.validTo && c.validTo <= c.validFrom) {
    throw appError(
      'CONTRACT_DATES_INVALID',
      {
        zh: `合同终止日期（${c.validTo}）须晚于生效日期（${c.validFrom}）`,
        en: `A contract must end (${c.validTo}) after it starts (${c.validFrom})`,
      },
      { fields: ['validFrom', 'validTo'] },
    );
  }
}

export const premisesNotOfCustomer = (field: string) =>
  appError(
    'PREMISES_NOT_OF_CUSTOMER',
    { zh: '所选用气/用热地址不属于该客户', en: 'The premises named do not belong to this customer' },
    { field },
  );
