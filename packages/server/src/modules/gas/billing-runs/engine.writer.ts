import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { contentUuid } from '../../../db/ids.ts';
import { fromJsonRows, type JsonColumn } from '../../../db/json-rows.ts';
import { pgCode } from '../../../core/errors.ts';

// The batch's documents in one statement: bills (ON CONFLICT DO NOTHING — `bills_regular_uq` and `bills_no_uq`
// make a rerun or a resumed run write nothing twice), and only for the bills actually inserted, their charge
// entries in the ledger and their payment notices. All in the caller's transaction.

export interface BillDraft {
  id: string;
  enterpriseId: string;
  customerId: string;
  period: string;
  billNo: string;
  kind: 'regular' | 'correction';
  correctsBillId: string | null;
  periodFrom: string;
  periodTo: string;
  startRegister: number;
  endRegister: number;
  volume: number;
  estimated: boolean;
  amountFen: number;
  lines: Record<string, unknown>[];
  runId: string | null;
  note: string;
  issuedOn: string;
  createdBy: string | null;
}

export interface NoticeDraft {
  id: string;
  enterpriseId: string;
  billId: string;
  noticeNo: string;
  dueDate: string;
  fields: Record<string, unknown>;
  /** Set by the writer: the template holding the enterprise's part of this notice. */
  templateId?: string;
}

export interface ReadingDraft {
  enterpriseId: string;
  customerId: string;
  meterId: string;
  readOn: string;
  register: number;
  usage: number;
  estimateBasis: Record<string, unknown>;
}

const rowsOf = (r: unknown) => (r as { rows: Record<string, unknown>[] }).rows;

// The drafts travel as one JSON parameter of positional rows (db/json-rows.ts); each column list below is the one
// place that names a column, its type and where its value comes from.

const READING_COLUMNS: readonly JsonColumn<ReadingDraft>[] = [
  ['enterprise_id', 'uuid', (r) => r.enterpriseId],
  ['customer_id', 'uuid', (r) => r.customerId],
  ['meter_id', 'uuid', (r) => r.meterId],
  ['read_on', 'date', (r) => r.readOn],
  ['register', 'bigint', (r) => r.register],
  ['usage', 'bigint', (r) => r.usage],
  ['estimate_basis', 'jsonb', (r) => r.estimateBasis],
];

const BILL_COLUMNS: readonly JsonColumn<BillDraft>[] = [
  ['id', 'uuid', (b) => b.id],
  ['enterprise_id', 'uuid', (b) => b.enterpriseId],
  ['customer_id', 'uuid', (b) => b.customerId],
  ['period', 'text', (b) => b.period],
  ['bill_no', 'text', (b) => b.billNo],
  ['kind', 'text', (b) => b.kind],
  ['corrects_bill_id', 'uuid', (b) => b.correctsBillId],
  ['period_from', 'date', (b) => b.periodFrom],
  ['period_to', 'date', (b) => b.periodTo],
  ['start_register', 'bigint', (b) => b.startRegister],
  ['end_register', 'bigint', (b) => b.endRegister],
  ['volume', 'bigint', (b) => b.volume],
  ['estimated', 'boolean', (b) => b.estimated],
  ['amount_fen', 'integer', (b) => b.amountFen],
  ['lines', 'jsonb', (b) => b.lines],
  ['run_id', 'uuid', (b) => b.runId],
  ['note', 'text', (b) => b.note],
  ['issued_on', 'date', (b) => b.issuedOn],
  ['created_by', 'uuid', (b) => b.createdBy],
];

const NOTICE_COLUMNS: readonly JsonColumn<NoticeDraft>[] = [
  ['id', 'uuid', (n) => n.id],
  ['bill_id', 'uuid', (n) => n.billId],
  ['notice_no', 'text', (n) => n.noticeNo],
  ['due_date', 'date', (n) => n.dueDate],
  ['fields', 'jsonb', (n) => n.fields],
  ['template_id', 'uuid', (n) => n.templateId ?? null],
];

type Template = { id: string; enterpriseId: string; content: object };
const TEMPLATE_COLUMNS: readonly JsonColumn<Template>[] = [
  ['id', 'uuid', (t) => t.id],
  ['enterprise_id', 'uuid', (t) => t.enterpriseId],
  ['content', 'jsonb', (t) => t.content],
];

/** Estimated readings (G-6.2.5) the batch's bills rest on; an existing reading that day is kept. */
export async function insertEstimatedReadings(tx: Db, drafts: ReadingDraft[]): Promise<void> {
  if (drafts.length === 0) return;
  await tx.execute(sql`
    insert into meter_readings (enterprise_id, customer_id, meter_id, read_on, kind, register, usage, estimate_basis,
      note)
    select x.enterprise_id, x.customer_id, x.meter_id, x.read_on, 'estimated', x.register, x.usage, x.estimate_basis,
      '计费估抄 / estimated for billing (G-6.2.5)'
    from (${fromJsonRows(READING_COLUMNS, drafts)}) x
    on conflict do nothing`);
}

/**
 * Inserts bills with their ledger entry (charge for a regular bill; a signed adjustment for a correction) and
 * notice; returns the ids of the bills written (a bill that already existed is not among them).
 */
export async function insertBills(
  tx: Db,
  bills: BillDraft[],
  notices: NoticeDraft[],
  shared: { base: object; explanations: Record<string, unknown> } = { base: {}, explanations: {} },
): Promise<Set<string>> {
  if (bills.length === 0) return new Set();
  const templates = assignTemplates(notices, shared);
  // Almost always none of these bills exists yet (the loader skips accounts already billed), and a plain INSERT is
  // cheaper than ON CONFLICT's speculative insertion, which checks every unique index first (about 4% of a run's
  // CPU, measured). A bill written meanwhile by another run or request makes the plain statement fail on a unique
  // index; the batch then rolls back to the savepoint and writes with ON CONFLICT DO NOTHING, so it never fails.
  const statement = (skipExisting: boolean) => sql`
    with x as (${fromJsonRows(BILL_COLUMNS, bills)}),
    b as (
      insert into bills (id, enterprise_id, customer_id, sector, period, bill_no, kind, corrects_bill_id, period_from,
        period_to, start_register, end_register, volume, estimated, amount_fen, lines, run_id, note, issued_on,
        created_by)
      select id, enterprise_id, customer_id, 'gas', period, bill_no, kind, corrects_bill_id, period_from, period_to,
        start_register, end_register, volume, estimated, amount_fen, lines, run_id, note, issued_on, created_by
      from x
      ${skipExisting ? sql`on conflict do nothing` : sql``}
      returning id, enterprise_id, customer_id, kind, amount_fen, issued_on, created_by, bill_no
    ),
    l as (
      insert into ledger_entries (enterprise_id, customer_id, sector, kind, amount_fen, ref_type, ref_id, reason,
        booked_on, created_by)
      select enterprise_id, customer_id, 'gas', case when kind = 'correction' then 'adjustment' else 'charge' end,
        amount_fen, 'bill', id::text,
        case when kind = 'correction' then '账单更正 ' || bill_no || '（G-6.2.5 多退少补）' else '' end,
        issued_on, created_by
      from b
    ),
    t as (
      insert into notice_templates (id, enterprise_id, content)
      select id, enterprise_id, content from (${fromJsonRows(TEMPLATE_COLUMNS, templates)}) t
      on conflict do nothing
    ),
    n as (
      insert into payment_notices (id, enterprise_id, customer_id, bill_id, notice_no, issued_on, due_date, fields,
        template_id)
      select y.id, b.enterprise_id, b.customer_id, b.id, y.notice_no, b.issued_on, y.due_date, y.fields, y.template_id
      from b join (${fromJsonRows(NOTICE_COLUMNS, notices)}) y on y.bill_id = b.id
    )
    select id from b`;
  await tx.execute(sql`savepoint insert_bills`);
  let result: unknown;
  try {
    result = await tx.execute(statement(false));
    await tx.execute(sql`release savepoint insert_bills`);
  } catch (err) {
    if (pgCode(err) !== '23505') throw err;
    await tx.execute(sql`rollback to savepoint insert_bills`);
    result = await tx.execute(statement(true));
  }
  return new Set(rowsOf(result).map((r) => String(r.id)));
}

/**
 * G-6.2.7: the enterprise's part of a notice (and the G-6.2.6 explanation of its due date) is one template per
 * distinct content, its id a hash of that content; each notice keeps its own fields and names its template. The
 * template row is inserted in the same statement as the notice (whose reference to it is checked at the end of that
 * statement), and only once (`on conflict`).
 */
function assignTemplates(
  notices: NoticeDraft[],
  shared: { base: object; explanations: Record<string, unknown> },
): Template[] {
  const byDays = new Map<string, Template>();
  for (const n of notices) {
    const days = String(n.fields.dueDays ?? '');
    let t = byDays.get(days);
    if (!t) {
      const content = { ...shared.base, dueExplanation: shared.explanations[days] ?? null };
      t = { id: contentUuid(n.enterpriseId, JSON.stringify(content)), enterpriseId: n.enterpriseId, content };
      byDays.set(days, t);
    }
    n.templateId = t.id;
  }
  return [...byDays.values()];
}
