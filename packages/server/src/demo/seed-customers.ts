import {
  addDays,
  makeAccountNumber,
  toShanghaiDate,
  withIdCardCheckDigit,
  type CustomerKind,
  type Sector,
} from '@ranre/domain';
import { checkContractTerms, type TContractTermsInput } from '../modules/service/customers/contract-terms.ts';
import { buildSearchText, premisesValues } from '../modules/service/customers/customer-rules.ts';
import type { TPremisesInput } from '../modules/service/customers/customers.schemas.ts';
import { ACCOUNT_PREFIX } from '../modules/service/customers/customers.service.ts';
import type { Db } from '../db/client.ts';
import { contracts, customers, premises } from '../db/schema.ts';
import {
  COMPOUND_STEMS,
  COMPOUND_SUFFIXES,
  DEMO_DISTRICTS,
  DISABILITY_NOTES,
  ELDERLY_NOTES,
  GIVEN_FEMALE,
  GIVEN_MALE,
  MOBILE_PREFIXES,
  ORGANISATION_KINDS,
  ORGANISATION_STEMS,
  SURNAMES,
  VILLAGE_STEMS,
  prng,
  type Prng,
} from './seed-customers-data.ts';

export type SeedEnterprise = { id: string; kind: string; name: string; address?: string };
export type DemoAccount = {
  accountNo: string;
  kind: CustomerKind;
  name: string;
  idCard: string | null;
  phone: string;
  phone2: string | null;
  specialCare: boolean;
  specialCareNote: string;
  premises: Required<
    Pick<TPremisesInput, 'district' | 'street' | 'community' | 'building' | 'unit' | 'room'>
  > &
    TPremisesInput;
  contract: { contractNo: string; signedOn: string; validFrom: string; terms: TContractTermsInput };
};

export const DEMO_ACCOUNTS_PER_ENTERPRISE = 300;
const SECTOR_OF: Record<string, Sector> = { pipeline_gas: 'gas', heating: 'heating' };
const CORE = DEMO_DISTRICTS.slice(0, 5); // 张店 淄川 博山 临淄 周村
const OTHER_BIRTHPLACES = ['370102', '370202', '370502', '370702', '370902', '371602']; // 济南 青岛 东营 潍坊 泰安 滨州
const digits = (r: Prng, n: number) => String(r.int(0, 10 ** n - 1)).padStart(n, '0');

function person(r: Prng, regionCode: string, now: Date) {
  const male = r.chance(0.5);
  const pool = male ? GIVEN_MALE : GIVEN_FEMALE;
  const name = r.pick(SURNAMES) + r.pick(pool) + (r.chance(0.65) ? r.pick(pool) : '');
  const maxYear = Number(toShanghaiDate(now).slice(0, 4)) - 18;
  const year = r.int(1935, Math.min(2002, maxYear));
  const birth = `${year}${String(r.int(1, 12)).padStart(2, '0')}${String(r.int(1, 28)).padStart(2, '0')}`;
  const region = r.chance(0.8) ? regionCode : r.pick(OTHER_BIRTHPLACES);
  // GB 11643: the sequence's last digit is odd for men, even for women.
  const sequence = digits(r, 2) + String(r.int(0, 4) * 2 + (male ? 1 : 0));
  return { name, year, idCard: withIdCardCheckDigit(region + birth + sequence) };
}

const mobile = (r: Prng) => r.pick(MOBILE_PREFIXES) + digits(r, 8);
const landline = (r: Prng) => `0533-${r.pick(['2', '3', '4', '5', '6', '7'])}${digits(r, 6)}`;

function gasTerms(r: Prng, kind: CustomerKind): TContractTermsInput {
  const resident = kind !== 'pipeline_non_resident';
  const prepaid = resident && r.chance(0.7);
  return {
    gasType: 'natural_gas',
    gasQuality: '符合 GB 17820 一类天然气技术指标',
    calorificValueMJ: 35.59,
    pressureKPa: resident ? 2.0 : r.pick([10, 20, 200]),
    flowM3h: resident ? 2.5 : r.pick([10, 16, 25, 40]),
    billingStandard: resident
      ? '居民阶梯气价（演示值）：一档 3.05 元/m³（年用气 0–360 m³），二档 3.66 元/m³，三档 4.58 元/m³'
      : '非居民气价（演示值）：3.85 元/m³',
    settlementCycle: prepaid ? 'per_purchase' : resident ? 'bimonthly' : 'monthly',
    settlementMethod: prepaid ? 'prepaid_meter' : r.chance(0.5) ? 'bank_debit' : 'postpaid_reading',
    facilityDuties: '燃气表及表前设施由燃气公司负责维护；表后管道、阀门及燃气器具由用户负责（G-5.3.3）',
    freeServices: `每年至少 ${kind === 'pipeline_rural_resident' ? 2 : resident ? 1 : 4} 次免费入户安全检查（G-5.11.1）；免费安全用气咨询；24 小时免费报修受理`,
    dataProtection: '燃气公司对用户信息保密，仅用于供气服务，未经用户同意不向第三方提供（G-5.7.6）',
  };
}

function heatingTerms(r: Prng, kind: CustomerKind): TContractTermsInput {
  const resident = kind === 'heating_resident';
  return {
    medium: 'hot_water',
    supplyTempC: resident ? 65 : 85,
    returnTempC: resident ? 50 : 60,
    pressureMPa: 0.6,
    billingStandard: resident
      ? '按供热面积计费（演示值）：居民 22.00 元/m²·采暖期'
      : '按供热面积计费（演示值）：非居民 32.00 元/m²·采暖期',
    settlementCycle: 'season',
    settlementMethod: r.chance(0.3) ? 'bank_debit' : 'advance_payment',
    liability: '供热期内经测温室温低于 18℃ 的，按低温天数退还相应热费（演示条款，H-7.1.5）',
    penalty: '用户逾期缴纳热费的，自逾期之日起按日加收欠费金额 0.05% 的违约金（演示条款）',
    facilityDuties: '户外管网及换热站由热力公司维护；户内管道、散热器及阀门由用户负责',
    freeServices: '免费室温测量；户外管网故障免费维修；24 小时报修受理',
    dataProtection: '热力公司对用户信息保密，仅用于供热服务（H-7.6.6.3）',
  };
}

function premisesFor(r: Prng, kind: CustomerKind, sector: Sector, district: (typeof DEMO_DISTRICTS)[number]) {
  const heating =
    sector === 'heating'
      ? {
          heatedAreaM2: kind === 'heating_resident' ? r.int(5500, 14500) / 100 : r.int(200, 3000),
          orientation: r.chance(0.5) ? ('sunny' as const) : ('shaded' as const),
          networkPosition: r.pick([
            'near',
            'near',
            'middle',
            'middle',
            'middle',
            'end',
            'end',
            'end',
            'end',
            'end',
          ] as const),
          unitHeatUseRate: r.int(140, 200) / 2,
        }
      : {};
  if (kind === 'pipeline_rural_resident') {
    return {
      district: district.name,
      street: r.pick(district.towns),
      community: `${r.pick(VILLAGE_STEMS)}村`,
      building: '',
      unit: '',
      room: `${r.int(1, 80)}号`,
    };
  }
  const community = r.pick(COMPOUND_STEMS) + r.pick(COMPOUND_SUFFIXES);
  if (kind === 'pipeline_non_resident' || kind === 'heating_non_resident') {
    return {
      district: district.name,
      street: r.pick(district.streets),
      community,
      building: '',
      unit: '',
      room: `${r.int(1, 300)}号`,
      ...heating,
    };
  }
  const buildingFloors = r.pick([6, 6, 6, 6, 11, 18, 26, 33]);
  const floor = r.int(1, buildingFloors);
  return {
    district: district.name,
    street: r.pick(district.streets),
    community,
    building: String(r.int(1, 40)),
    unit: String(r.int(1, buildingFloors > 6 ? 2 : 4)),
    floor,
    buildingFloors,
    room: `${floor}0${r.int(1, buildingFloors > 6 ? 4 : 2)}`,
    ...heating,
  };
}

/** The demo accounts of one enterprise: deterministic for its sector, its ordinal among the same kind and `now`. */
export function demoAccounts(
  e: SeedEnterprise,
  ordinal: number,
  now: Date,
  count = DEMO_ACCOUNTS_PER_ENTERPRISE,
): DemoAccount[] {
  const sector = SECTOR_OF[e.kind];
  if (!sector) return [];
  const r = prng((sector === 'gas' ? 0x5a1b : 0x7e11) * 100 + ordinal);
  // 淄博临淄示范… → 临淄区; without a district in the name or address, 张店区 (the city centre).
  const home =
    DEMO_DISTRICTS.find((d) => `${e.name}${e.address ?? ''}`.includes(d.name.slice(0, 2))) ?? CORE[0]!;
  const prefix = ACCOUNT_PREFIX[sector];
  const today = toShanghaiDate(now);
  return Array.from({ length: count }, (_, i): DemoAccount => {
    const x = r.next();
    const kind: CustomerKind =
      sector === 'heating'
        ? x < 0.07
          ? 'heating_non_resident'
          : 'heating_resident'
        : x < 0.08
          ? 'pipeline_non_resident'
          : x < 0.18
            ? 'pipeline_rural_resident'
            : 'pipeline_urban_resident';
    const district = r.chance(0.7) ? home : r.pick(CORE);
    const organisation = kind.endsWith('non_resident');
    const p = person(r, district.code, now);
    const elderly = Number(today.slice(0, 4)) - p.year >= 75;
    const care = !organisation && r.chance(elderly ? 0.15 : 0.02);
    const signedOn = addDays(today, -r.int(30, 3650));
    return {
      accountNo: makeAccountNumber(prefix, i + 1),
      kind,
      name: organisation
        ? `${district.name.slice(0, 2)}${r.pick(ORGANISATION_STEMS)}${r.pick(ORGANISATION_KINDS)}`
        : p.name,
      idCard: organisation ? null : p.idCard,
      phone: organisation ? landline(r) : mobile(r),
      phone2: organisation ? mobile(r) : r.chance(0.15) ? landline(r) : null,
      specialCare: care,
      specialCareNote: care ? r.pick(elderly ? ELDERLY_NOTES : DISABILITY_NOTES) : '',
      premises: premisesFor(r, kind, sector, district),
      contract: {
        contractNo: `${prefix}HT${String(i + 1).padStart(6, '0')}`,
        signedOn,
        validFrom: signedOn,
        terms: sector === 'gas' ? gasTerms(r, kind) : heatingTerms(r, kind),
      },
    };
  });
}

/**
 * ~300 accounts per demo pipeline-gas and heating company, each with its premises and a complete supply contract
 * (G-5.3.3, H-7.1.5); some flagged for special care (G-5.9.9). Other enterprise kinds get none. Call it inside the
 * demo seed's transaction.
 */
export async function seedCustomers(
  tx: Db,
  enterprises: readonly SeedEnterprise[],
  now: Date,
): Promise<{ customers: number; premises: number; contracts: number }> {
  const counts = { customers: 0, premises: 0, contracts: 0 };
  const ordinals: Record<string, number> = {};
  for (const e of enterprises) {
    const sector = SECTOR_OF[e.kind];
    if (!sector) continue;
    ordinals[e.kind] = (ordinals[e.kind] ?? 0) + 1;
    const accounts = demoAccounts(e, ordinals[e.kind]!, now);
    const places = accounts.map((a) => premisesValues({ floor: null, buildingFloors: null, ...a.premises }));
    const created = await tx
      .insert(customers)
      .values(
        accounts.map((a, i) => ({
          enterpriseId: e.id,
          accountNo: a.accountNo,
          kind: a.kind,
          name: a.name,
          idCard: a.idCard,
          phone: a.phone,
          phone2: a.phone2,
          specialCare: a.specialCare,
          specialCareNote: a.specialCareNote,
          searchText: buildSearchText({ ...a, addresses: [places[i]!.address] }),
          createdAt: now,
          updatedAt: now,
        })),
      )
      .returning({ id: customers.id, accountNo: customers.accountNo });
    const idOf = new Map(created.map((c) => [c.accountNo, c.id]));
    const sites = await tx
      .insert(premises)
      .values(
        places.map((p, i) => ({
          ...p,
          enterpriseId: e.id,
          customerId: idOf.get(accounts[i]!.accountNo)!,
          createdAt: now,
        })),
      )
      .returning({ id: premises.id, customerId: premises.customerId });
    const siteOf = new Map(sites.map((s) => [s.customerId, s.id]));
    await tx.insert(contracts).values(
      accounts.map((a) => {
        // The same check as the API: a demo contract holds every field its clause asks for.
        const terms = checkContractTerms(sector, a.contract.terms);
        const customerId = idOf.get(a.accountNo)!;
        return {
          enterpriseId: e.id,
          customerId,
          premisesId: siteOf.get(customerId)!,
          contractNo: a.contract.contractNo,
          sector,
          signedOn: a.contract.signedOn,
          validFrom: a.contract.validFrom,
          settlementCycle: terms.settlementCycle,
          terms,
          createdAt: now,
        };
      }),
    );
    counts.customers += created.length;
    counts.premises += sites.length;
    counts.contracts += accounts.length;
  }
  return counts;
}
