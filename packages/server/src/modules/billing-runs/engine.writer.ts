import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { contentUuid } from '../../db/ids.ts';

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

/** Estimated readings (G-6.2.5) the batch's bills rest on; an existing reading that day is kept. */
export async function insertEstimatedReadings(tx: Db, drafts: ReadingDraft[]): Promise<void> {
  if (drafts.length === 0) return;
  await tx.execute(sql`
    insert into meter_readings (enterprise_id, customer_id, meter_id, read_on, kind, register, usage, estimate_basis,
      note)
    select x.enterprise_id, x.customer_id, x.meter_id, x.read_on, 'estimated', x.register, x.usage, x.estimate_basis,
      '计费估抄 / estimated for billing (G-6.2.5)'
    from jsonb_to_recordset(${JSON.stringify(drafts.map(snake))}::jsonb) as x(enterprise_id uuid, customer_id uuid,
      meter_id uuid, read_on date, register bigint, usage bigint, estimate_basis jsonb)
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
  const { templates, noticeRows } = withTemplates(notices, shared);
  const result = await tx.execute(sql`
    with x as (
      select * from jsonb_to_recordset(${JSON.stringify(bills.map(snake))}::jsonb) as x(id uuid, enterprise_id uuid,
        customer_id uuid, period text, bill_no text, kind text, corrects_bill_id uuid, period_from date,
        period_to date, start_register bigint, end_register bigint, volume bigint, estimated boolean,
        amount_fen integer, lines jsonb, run_id uuid, note text, issued_on date, created_by uuid)
    ),
    b as (
      insert into bills (id, enterprise_id, customer_id, sector, period, bill_no, kind, corrects_bill_id, period_from,
        period_to, start_register, end_register, volume, estimated, amount_fen, lines, run_id, note, issued_on,
        created_by)
      select id, enterprise_id, customer_id, 'gas', period, bill_no, kind, corrects_bill_id, period_from, period_to,
        start_register, end_register, volume, estimated, amount_fen, lines, run_id, note, issued_on, created_by
      from x
      on conflict do nothing
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
      select t.id, t.enterprise_id, t.content
      from jsonb_to_recordset(${JSON.stringify(templates)}::jsonb) as t(id uuid, enterprise_id uuid, content jsonb)
      on conflict do nothing
    ),
    n as (
      insert into payment_notices (id, enterprise_id, customer_id, bill_id, notice_no, issued_on, due_date, fields,
        template_id)
      select y.id, b.enterprise_id, b.customer_id, b.id, y.notice_no, b.issued_on, y.due_date, y.fields, y.template_id
      from b join jsonb_to_recordset(${JSON.stringify(noticeRows)}::jsonb) as y(id uuid, bill_id uuid,
        notice_no text, due_date date, fields jsonb, template_id uuid) on y.bill_id = b.id
    )
    select id from b`);
  return new Set(rowsOf(result).map((r) => String(r.id)));
}

/**
 * G-6.2.7: the enterprise's part of a notice (and the G-6.2.6 explanation of its due date) is one template per
 * distinct content, its id a hash of that content; each notice keeps its own fields and names its template. The
 * template row is inserted in the same statement as the notice (a foreign key), and only once (`on conflict`).
 */
function withTemplates(
  notices: NoticeDraft[],
  shared: { base: object; explanations: Record<string, unknown> },
) {
  const byDays = new Map<string, { id: string; enterprise_id: string; content: object }>();
  const noticeRows = notices.map((n) => {
    const days = String(n.fields.dueDays ?? '');
    let t = byDays.get(days);
    if (!t) {
      const content = { ...shared.base, dueExplanation: shared.explanations[days] ?? null };
      t = {
        id: contentUuid(n.enterpriseId, JSON.stringify(content)),
        enterprise_id: n.enterpriseId,
        content,
      };
      byDays.set(days, t);
    }
    return { ...snake(n), template_id: t.id };
  });
  return { templates: [...byDays.values()], noticeRows };
}

const snakeKeys = new Map<string, string>();
function snake(o: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k in o) {
    let key = snakeKeys.get(k);
    if (key === undefined) {
      key = k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
      snakeKeys.set(k, key);
    }
    out[key] = (o as Record<string, unknown>)[k];
  }
  return out;
}
