import { createHash } from 'node:crypto';
import { ENTERPRISE_KIND_SECTOR, type Sector } from '@ranre/domain';
import type { Db } from '../../../db/client.ts';
import type { Actor } from '../../../core/actor.ts';
import type { AppContext } from '../../../core/context.ts';
import { appError } from '../../../core/errors.ts';
import { appendAudit } from '../../platform/audit/audit.repository.ts';
import * as repo from './customers.repository.ts';
import type { TImportInput, TImportResult } from './customers.schemas.ts';
import { mapHeader } from './import-columns.ts';
import { convertRow, duplicates, reason, type Bad, type Good } from './import-rows.ts';
import { readCsv, readXlsx, type Sheet } from './spreadsheet.ts';

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 50_000;
const CHUNK = 500;

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
        {
          zh: `一次最多导入 ${MAX_IMPORT_ROWS} 行，本文件 ${data.length} 行`,
          en: `At most ${MAX_IMPORT_ROWS} rows per import; this file has ${data.length}`,
        },
        { rows: data.length, maxRows: MAX_IMPORT_ROWS },
      );
    }
    const now = this.ctx.now();
    const kind = actor.enterpriseKind;
    const enterprise = {
      id: actor.enterpriseId,
      kind,
      sector: (ENTERPRISE_KIND_SECTOR as Record<string, Sector>)[kind] ?? null,
    };
    const converted = data.map((r) =>
      convertRow(r.cells, keys, { row: r.row, lossy: sheet.lossy }, enterprise, now),
    );
    const bad = converted.filter((c): c is Bad => 'reasons' in c);
    const good = converted.filter((c): c is Good => 'customer' in c);

    const settle = async (db: Db) => {
      const taken = await repo.takenAccountNos(db, enterprise.id, [
        ...new Set(good.map((g) => g.customer.accountNo)),
      ]);
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
      for (let i = 0; i < rows.length; i += CHUNK)
        failed.push(...(await writeChunk(tx, rows.slice(i, i + CHUNK))));
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
    const ids = new Map(
      (
        await repo.insertCustomers(
          db,
          part.map((r) => r.customer),
        )
      ).map((c) => [c.accountNo, c.id]),
    );
    await repo.insertManyPremises(
      db,
      part.map((r) => ({ ...r.premises, customerId: ids.get(r.customer.accountNo)! })),
    );
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
        failed.push({
          row: r.row,
          reasons: [
            reason(
              'ROW_WRITE_FAILED',
              undefined,
              `该行未能保存（整行未写入）：${why}`,
              `The row could not be saved (nothing of it was written): ${why}`,
            ),
          ],
        });
      }
    }
    return failed;
  }
}

function decodeFile(base64: string): Buffer {
  const clean = base64.replace(/^data:[^,]*,/, '').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 !== 0) {
    throw appError(
      'IMPORT_FILE_INVALID',
      { zh: '文件内容不是有效的 Base64 编码', en: 'The file is not valid base64' },
      { field: 'fileBase64' },
    );
  }
  const bytes = Buffer.from(clean, 'base64');
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw appError(
      'BODY_TOO_LARGE',
      {
        zh: `文件过大：${(bytes.length / 1048576).toFixed(1)} MB，最大 10 MB`,
        en: `The file is too large: ${(bytes.length / 1048576).toFixed(1)} MB, at most 10 MB`,
      },
      { bytes: bytes.length, maxBytes: MAX_IMPORT_BYTES },
    );
  }
  return bytes;
}
