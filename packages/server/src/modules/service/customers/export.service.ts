import {
  CUSTOMER_KINDS,
  NETWORK_POSITIONS,
  ORIENTATIONS,
  SERVICE_ENTERPRISE_KINDS,
  customerKindsFor,
  isCustomerKind,
  toShanghaiDate,
  type ServiceEnterpriseKind,
} from '@ranre/domain';
import type { Actor } from '../../../core/actor.ts';
import type { AppContext } from '../../../core/context.ts';
import { appError } from '../../../core/errors.ts';
import { enterpriseScope } from '../../../core/scope.ts';
import { appendAudit } from '../../platform/audit/audit.repository.ts';
import * as repo from './customers.repository.ts';
import { toCustomer } from './customers.views.ts';
import { COLUMNS, type ColumnKey } from './import-columns.ts';
import { writeCsv, writeXlsx } from './spreadsheet.ts';

export const MAX_EXPORT_ROWS = 50_000;
const TEXT_COLUMNS: ColumnKey[] = ['accountNo', 'idCard', 'phone', 'phone2', 'building', 'unit', 'room'];
const STATUS_ZH: Record<string, string> = { active: '正常', suspended: '报停', closed: '销户' };
const MIME = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

export type FileReply = { filename: string; zhName: string; contentType: string; body: Buffer };
type Format = 'xlsx' | 'csv';

/** attachment; with an ASCII name for old clients and the Chinese one (RFC 5987) for the rest. */
export const contentDisposition = (f: FileReply) =>
  `attachment; filename="${f.filename}"; filename*=UTF-8''${encodeURIComponent(f.zhName)}`;

const cell = (v: string | number | null | undefined) => (v === undefined || v === '' ? null : v);

export class ExportService {
  constructor(private readonly ctx: AppContext) {}

  /** Accounts with their first premises, personal data masked (G-5.7.6, H-7.6.6.3); the export is audited. */
  async export(
    actor: Actor,
    query: { format: Format; q?: string; kind?: string; enterpriseId?: string },
  ): Promise<FileReply> {
    const enterpriseId = enterpriseScope(actor, query.enterpriseId);
    return this.ctx.database.db.transaction(async (tx) => {
      const { rows } = await repo.searchCustomers(tx, {
        enterpriseId,
        q: query.q,
        kind: query.kind,
        limit: MAX_EXPORT_ROWS + 1,
      });
      if (rows.length > MAX_EXPORT_ROWS) {
        throw appError(
          'EXPORT_TOO_LARGE',
          {
            zh: `一次最多导出 ${MAX_EXPORT_ROWS} 户，请按关键字或客户类型缩小范围`,
            en: `At most ${MAX_EXPORT_ROWS} accounts per export; narrow it with a search or a kind`,
          },
          { maxRows: MAX_EXPORT_ROWS },
        );
      }
      const places = await repo.firstPremisesOf(
        tx,
        rows.map((r) => r.id),
      );
      const header = [...COLUMNS.map((c) => c.zh), '地址', '状态'];
      const data = rows.map((r) => {
        const c = toCustomer(r);
        const p = places.get(r.id);
        const values: Record<ColumnKey, string | number | null> = {
          accountNo: c.accountNo,
          kind: isCustomerKind(c.kind) ? CUSTOMER_KINDS[c.kind].label.zh : c.kind,
          name: c.name,
          idCard: c.idCard,
          phone: c.phone,
          phone2: c.phone2,
          district: cell(p?.district),
          street: cell(p?.street),
          community: cell(p?.community),
          building: cell(p?.building),
          unit: cell(p?.unit),
          floor: p?.floor ?? null,
          buildingFloors: p?.buildingFloors ?? null,
          room: cell(p?.room),
          heatedAreaM2: p?.heatedAreaM2 == null ? null : Number(p.heatedAreaM2),
          orientation: p?.orientation ? ORIENTATIONS[p.orientation as 'sunny'].zh : null,
          networkPosition: p?.networkPosition ? NETWORK_POSITIONS[p.networkPosition as 'near'].zh : null,
          unitHeatUseRate: p?.unitHeatUseRate == null ? null : Number(p.unitHeatUseRate),
          specialCare: c.specialCare ? '是' : '否',
          specialCareNote: cell(c.specialCareNote),
        };
        return [...COLUMNS.map((col) => values[col.key]), cell(c.address), STATUS_ZH[c.status] ?? c.status];
      });
      await appendAudit(tx, {
        actor,
        enterpriseId,
        action: 'customer.export',
        entity: 'customer_export',
        entityId: enterpriseId ?? 'all',
        after: { format: query.format, rows: rows.length, q: query.q ?? null, kind: query.kind ?? null },
      });
      const day = toShanghaiDate(this.ctx.now()).replace(/-/g, '');
      const body =
        query.format === 'csv'
          ? writeCsv(header, data)
          : await writeXlsx([{ name: '客户档案', header, rows: data, textColumns: this.textColumns() }]);
      return {
        filename: `customers-${day}.${query.format}`,
        zhName: `客户档案-${day}.${query.format}`,
        contentType: MIME[query.format],
        body,
      };
    });
  }

  /** The import template: the documented headers, text columns, drop-downs, and a sheet explaining each column. */
  async template(actor: Actor, format: Format): Promise<FileReply> {
    const header = COLUMNS.map((c) => c.zh);
    const name = { filename: `customer-import-template.${format}`, zhName: `客户导入模板.${format}` };
    if (format === 'csv') return { ...name, contentType: MIME.csv, body: writeCsv(header, []) };
    const ek = actor.enterpriseKind as ServiceEnterpriseKind;
    const kinds = (SERVICE_ENTERPRISE_KINDS.includes(ek) ? customerKindsFor(ek) : []).map(
      (k) => CUSTOMER_KINDS[k].label.zh,
    );
    const at = (k: ColumnKey) => COLUMNS.findIndex((c) => c.key === k);
    const body = await writeXlsx([
      {
        name: '客户',
        header,
        rows: [],
        textColumns: this.textColumns(),
        lists: {
          [at('kind')]: kinds,
          [at('orientation')]: Object.values(ORIENTATIONS).map((l) => l.zh),
          [at('networkPosition')]: Object.values(NETWORK_POSITIONS).map((l) => l.zh),
          [at('specialCare')]: ['是', '否'],
        },
      },
      {
        name: '填写说明 Instructions',
        header: ['列名', 'Column', '必填 Required', '说明 Notes'],
        rows: COLUMNS.map((c) => [c.zh, c.en, c.required ? '是 yes' : '', c.note]),
        widths: [14, 20, 14, 70],
      },
    ]);
    return { ...name, contentType: MIME.xlsx, body };
  }

  private textColumns() {
    return TEXT_COLUMNS.map((k) => COLUMNS.findIndex((c) => c.key === k));
  }
}
