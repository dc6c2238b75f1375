import { createHash } from 'node:crypto';
import { ENTERPRISE_KIND_SECTOR, type Sector } from '@ranre/domain';
import type { Db } from '../../db/client.ts';
import type { Actor, AppContext } from '../../http/context.ts';
import { appError } from '../../http/errors.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { buildSearchText, checkAccount, checkPremises, premisesValues, sectorOf } from './customer-rules.ts';
import * as repo from './customers.repository.ts';
import { ZCustomerCreate, type TImportInput, type TImportReason, type TImportResult } from './customers.schemas.ts';
import {
  COLUMN_BY_KEY,
  mapHeader,
  parseKind,
  parseNetworkPosition,
  parseNumber,
  parseOrientation,
  parseYesNo,
  type ColumnKey,
} from './import-columns.ts';
import { readCsv, readXlsx, type Sheet } from './spreadsheet.ts';

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 50_000;
const CHUNK = 500;

type Good = { row: number; customer: repo.NewCustomer; premises: Omit<repo.NewPremises, 'customerId'> };
type Bad = { row: number; reasons: TImportReason[] };

function reason(code: string, key: ColumnKey | undefined, zh: string, en: string): TImportReason {
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
    reasons.push(reason('KIND_UNKNOWN', 'kind', `无法识别的客户类型：${get('kind')}`, `Unknown customer kind: ${get('kind')}`));
  }
  const number = (k: ColumnKey, integer = false) => {
    const n = parseNumber(get(k), integer);
    if (n !== undefined) return n;
    reasons.push(reason('NUMBER_INVALID', k, `${col(k).zh}应为${integer ? '整数' : '数字'}：${get(k)}`, `${col(k).en} must be ${integer ? 'an integer' : 'a number'}: ${get(k)}`));
    return null;
  };
  const choice = <T>(k: ColumnKey, v: T | null | undefined): T | null => {
    if (v !== undefined) return v;
    reasons.push(reason('VALUE_INVALID', k, `${col(k).zh}的值无效：${get(k)}（${col(k).note}）`, `Invalid ${col(k).en}: ${get(k)} (${col(k).note})`));
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
      reasons.push(reason('VALUE_INVALID', c ? k : undefined, `${c?.zh ?? k}的值超出范围或无效`, `${c?.en ?? k} is out of range or invalid`));
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
        ? reason(p.code, k, `${p.messages.zh}。该单元格被 Excel 存成了数字，末几位已丢失：请把该列设为文本后重新填写`, `${p.messages.en}. Excel stored the cell as a number and lost its last digits: format the column as text and type it again`)
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
function duplicates(good: Good[], taken: Set<string>): Bad[] {
  const rowsOf = new Map<string, number[]>();
  for (const g of good) rowsOf.set(g.customer.accountNo, [...(rowsOf.get(g.customer.accountNo) ?? []), g.row]);
  const bad: Bad[] = [];
  for (const g of good) {
    const no = g.customer.accountNo;
    const rows = rowsOf.get(no)!;
    if (rows.length > 1) {
      bad.push({ row: g.row, reasons: [reason('DUPLICATE_IN_FILE', 'accountNo', `户号 ${no} 在文件中重复（第 ${rows.join('、')} 行）`, `Account number ${no} appears more than once in the file (rows ${rows.join(', ')})`)] });
    } else if (taken.has(no)) {
      bad.push({ row: g.row, reasons: [reason('DUPLICATE', 'accountNo', `户号 ${no} 已存在`, `Account number ${no} already exists`)] });
    }
  }
  return bad;
}

export class ImportService {
  constructor(private readonly ctx: AppContext) {}

  /** Import accounts with their premises: bad rows reported, good rows kept, no row ever half-written. */
  async run(actor: Actor, input: TImportInput): Promise<TImportResult> {
    const bytes = decodeFile(input.fileBase64);
    const sheet: Sheet = input.format === 'csv' ? readCsv(bytes) : await readXlsx(bytes);
    const keys = mapHeader(sheet.header);
    const data = sheet.rows
      .map((cells, i) => ({ cells, row: sheet.rowNumbers[i]! }))
      .filter((r) => r.cells.some((c) => c.trim() !== ''));
    if (data.length > MAX_IMPORT_ROWS) {
      throw appError(
        'IMPORT_TOO_MANY_ROWS',
        { zh: `一次最多导入 ${MAX_IMPORT_ROWS} 行，本文件 ${data.length} 行`, en: `At most ${MAX_IMPORT_ROWS} rows per import; this file has ${data.length}` },
        { rows: data.length, maxRows: MAX_IMPORT_ROWS },
      );
    }
    const now = this.ctx.now();
    const kind = actor.enterpriseKind;
    const enterprise = { id: actor.enterpriseId, kind, sector: (ENTERPRISE_KIND_SECTOR as Record<string, Sector>)[kind] ?? null };
    const converted = data.map((r) => convertRow(r.cells, keys, { row: r.row, lossy: sheet.lossy }, enterprise, now));
    const bad = converted.filter((c): c is Bad => 'reasons' in c);
    const good = converted.filter((c): c is Good => 'customer' in c);

    const settle = async (db: Db) => {
      const taken = await repo.takenAccountNos(db, enterprise.id, [...new Set(good.map((g) => g.customer.accountNo))]);
      const dup = duplicates(good, taken);
      const dupRows = new Set(dup.map((d) => d.row));
      return { dup, rows: good.filter((g) => !dupRows.has(g.row)) };
    };
    const result = (imported: number, rejected: Bad[]): TImportResult => ({
      imported,
      rejected: rejected.sort((a, b) => a.row - b.row),
      dryRun: input.dryRun,
    });

    if (input.dryRun) {
      const { dup, rows } = await settle(this.ctx.database.db);
      return result(rows.length, [...bad, ...dup]);
    }
    return this.ctx.database.db.transaction(async (tx) => {
      await repo.lockAccounts(tx, enterprise.id);
      const { dup, rows } = await settle(tx);
      const failed: Bad[] = [];
      for (let i = 0; i < rows.length; i += CHUNK) failed.push(...(await writeChunk(tx, rows.slice(i, i + CHUNK))));
      const failedRows = new Set(failed.map((f) => f.row));
      const written = rows.filter((r) => !failedRows.has(r.row));
      await appendAudit(tx, {
        actor,
        enterpriseId: enterprise.id,
        action: 'customer.import',
        entity: 'customer_import',
        entityId: createHash('sha256').update(bytes).digest('hex'),
        after: {
          format: input.format,
          imported: written.length,
          rejected: bad.length + dup.length + failed.length,
          accountNos: written.map((r) => r.customer.accountNo),
        },
      });
      return result(written.length, [...bad, ...dup, ...failed]);
    });
  }
}

/** A chunk in one savepoint; if anything in it fails, row by row, each account with its premises or neither. */
async function writeChunk(tx: Db, rows: Good[]): Promise<Bad[]> {
  const write = async (db: Db, part: Good[]) => {
    const ids = new Map((await repo.insertCustomers(db, part.map((r) => r.customer))).map((c) => [c.accountNo, c.id]));
    await repo.insertManyPremises(db, part.map((r) => ({ ...r.premises, customerId: ids.get(r.customer.accountNo)! })));
  };
  try {
    await tx.transaction((sp) => write(sp, rows));
    return [];
  } catch {
    const failed: Bad[] = [];
    for (const r of rows) {
      try {
        await tx.transaction((sp) => write(sp, [r]));
      } catch (e) {
        const why = (e as { cause?: { message?: string } }).cause?.message ?? (e as Error).message;
        failed.push({ row: r.row, reasons: [reason('ROW_WRITE_FAILED', undefined, `该行未能保存（整行未写入）：${why}`, `The row could not be saved (nothing of it was written): ${why}`)] });
      }
    }
    return failed;
  }
}

function decodeFile(base64: string): Buffer {
  const clean = base64.replace(/^data:[^,]*,/, '').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 !== 0) {
    throw appError('IMPORT_FILE_INVALID', { zh: '文件内容不是有效的 Base64 编码', en: 'The file is not valid base64' }, { field: 'fileBase64' });
  }
  const bytes = Buffer.from(clean, 'base64');
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw appError(
      'BODY_TOO_LARGE',
      { zh: `文件过大：${(bytes.length / 1048576).toFixed(1)} MB，最大 10 MB`, en: `The file is too large: ${(bytes.length / 1048576).toFixed(1)} MB, at most 10 MB` },
      { bytes: bytes.length, maxBytes: MAX_IMPORT_BYTES },
    );
  }
  return bytes;
}
