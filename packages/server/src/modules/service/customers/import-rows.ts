import type { Sector } from '@ranre/domain';
import { buildSearchText, checkAccount, checkPremises, premisesValues, sectorOf } from './customer-rules.ts';
import type * as repo from './customers.repository.ts';
import { ZCustomerCreate, type TImportReason } from './customers.schemas.ts';
import {
  COLUMN_BY_KEY,
  parseKind,
  parseNetworkPosition,
  parseNumber,
  parseOrientation,
  parseYesNo,
  type ColumnKey,
} from './import-columns.ts';

// One import row at a time: cells → an account with its premises, checked by the same shapes and rules as
// POST /customers, or every reason the row cannot be one (zh and en, with the column it concerns).

export type Good = {
  row: number;
  customer: repo.NewCustomer;
  premises: Omit<repo.NewPremises, 'customerId'>;
};
export type Bad = { row: number; reasons: TImportReason[] };

export function reason(code: string, key: ColumnKey | undefined, zh: string, en: string): TImportReason {
  return key ? { code, column: COLUMN_BY_KEY[key].zh, zh, en } : { code, zh, en };
}

/** One spreadsheet row → an account with its premises, or every reason it cannot be one. */
export function convertRow(
  cells: string[],
  keys: (ColumnKey | null)[],
  at: { row: number; lossy: Set<string> },
  enterprise: { id: string; kind: string; sector: Sector | null },
  now: Date,
): Good | Bad {
  const reasons: TImportReason[] = [];
  const get = (k: ColumnKey) => (cells[keys.indexOf(k)] ?? '').trim();
  const col = (k: ColumnKey) => COLUMN_BY_KEY[k];
  for (const k of ['accountNo', 'kind', 'name', 'district'] as const) {
    if (!get(k)) reasons.push(reason('REQUIRED', k, `${col(k).zh}不能为空`, `${col(k).en} is required`));
  }
  const kind = get('kind') ? parseKind(get('kind'), enterprise.sector) : null;
  if (get('kind') && !kind) {
    reasons.push(
      reason(
        'KIND_UNKNOWN',
        'kind',
        `无法识别的客户类型：${get('kind')}`,
        `Unknown customer kind: ${get('kind')}`,
      ),
    );
  }
  const number = (k: ColumnKey, integer = false) => {
    const n = parseNumber(get(k), integer);
    if (n !== undefined) return n;
    reasons.push(
      reason(
        'NUMBER_INVALID',
        k,
        `${col(k).zh}应为${integer ? '整数' : '数字'}：${get(k)}`,
        `${col(k).en} must be ${integer ? 'an integer' : 'a number'}: ${get(k)}`,
      ),
    );
    return null;
  };
  const choice = <T>(k: ColumnKey, v: T | null | undefined): T | null => {
    if (v !== undefined) return v;
    reasons.push(
      reason(
        'VALUE_INVALID',
        k,
        `${col(k).zh}的值无效：${get(k)}（${col(k).note}）`,
        `Invalid ${col(k).en}: ${get(k)} (${col(k).note})`,
      ),
    );
    return null;
  };
  const premises = {
    district: get('district'),
    street: get('street'),
    community: get('community'),
    building: get('building'),
    unit: get('unit'),
    floor: number('floor', true),
    buildingFloors: number('buildingFloors', true),
    room: get('room'),
    heatedAreaM2: number('heatedAreaM2'),
    orientation: choice('orientation', parseOrientation(get('orientation'))),
    networkPosition: choice('networkPosition', parseNetworkPosition(get('networkPosition'))),
    unitHeatUseRate: number('unitHeatUseRate'),
  };
  const care = choice('specialCare', parseYesNo(get('specialCare')));
  const candidate = {
    accountNo: get('accountNo') || undefined,
    kind: kind ?? 'pipeline_urban_resident',
    name: get('name'),
    idCard: get('idCard') || null,
    phone: get('phone') || null,
    phone2: get('phone2') || null,
    specialCare: care?.value ?? false,
    specialCareNote: care?.note ?? get('specialCareNote'),
    premises,
  };
  if (reasons.length > 0) return { row: at.row, reasons };

  // The same shape and rules as POST /customers.
  const parsed = ZCustomerCreate.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const k = String(issue.path.at(-1)) as ColumnKey;
      const c = COLUMN_BY_KEY[k];
      reasons.push(
        reason(
          'VALUE_INVALID',
          c ? k : undefined,
          `${c?.zh ?? k}的值超出范围或无效`,
          `${c?.en ?? k} is out of range or invalid`,
        ),
      );
    }
    return { row: at.row, reasons };
  }
  const input = parsed.data;
  const { value, problems } = checkAccount(input, enterprise.kind, now);
  problems.push(...checkPremises(input.premises, sectorOf(input.kind)));
  for (const p of problems) {
    const k = (p.field in COLUMN_BY_KEY ? p.field : undefined) as ColumnKey | undefined;
    const lossy = k === 'idCard' && at.lossy.has(`${at.row}:${keys.indexOf('idCard')}`);
    reasons.push(
      lossy
        ? reason(
            p.code,
            k,
            `${p.messages.zh}。该单元格被 Excel 存成了数字，末几位已丢失：请把该列设为文本后重新填写`,
            `${p.messages.en}. Excel stored the cell as a number and lost its last digits: format the column as text and type it again`,
          )
        : reason(p.code, k, p.messages.zh, p.messages.en),
    );
  }
  if (reasons.length > 0) return { row: at.row, reasons };
  const place = premisesValues(input.premises);
  const accountNo = value.accountNo!;
  return {
    row: at.row,
    customer: {
      enterpriseId: enterprise.id,
      accountNo,
      kind: input.kind,
      name: input.name,
      idCard: value.idCard,
      phone: value.phone,
      phone2: value.phone2,
      specialCare: input.specialCare,
      specialCareNote: input.specialCareNote,
      searchText: buildSearchText({ ...value, accountNo, name: input.name, addresses: [place.address] }),
      createdAt: now,
      updatedAt: now,
    },
    premises: { ...place, enterpriseId: enterprise.id, createdAt: now },
  };
}

/** Rows whose account number another row of the file or an existing account already has. */
export function duplicates(good: Good[], taken: Set<string>): Bad[] {
  const rowsOf = new Map<string, number[]>();
  for (const g of good)
    rowsOf.set(g.customer.accountNo, [...(rowsOf.get(g.customer.accountNo) ?? []), g.row]);
  const bad: Bad[] = [];
  for (const g of good) {
    const no = g.customer.accountNo;
    const rows = rowsOf.get(no)!;
    if (rows.length > 1) {
      bad.push({
        row: g.row,
        reasons: [
          reason(
            'DUPLICATE_IN_FILE',
            'accountNo',
            `户号 ${no} 在文件中重复（第 ${rows.join('、')} 行）`,
            `Account number ${no} appears more than once in the file (rows ${rows.join(', ')})`,
          ),
        ],
      });
    } else if (taken.has(no)) {
      bad.push({
        row: g.row,
        reasons: [
          reason('DUPLICATE', 'accountNo', `户号 ${no} 已存在`, `Account number ${no} already exists`),
        ],
      });
    }
  }
  return bad;
}
