import { normaliseForSearch } from '@ranre/domain';
import { and, asc, desc, eq, getTableColumns, inArray, notInArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { contracts, customers, enterprises, premises } from '../../../db/schema.ts';

export type CustomerRow = typeof customers.$inferSelect & { enterpriseName: string; address: string | null };
export type NewCustomer = typeof customers.$inferInsert;
export type PremisesRow = typeof premises.$inferSelect;
export type NewPremises = typeof premises.$inferInsert;
export type ContractRow = typeof contracts.$inferSelect;
export type NewContract = typeof contracts.$inferInsert;
export type CustomerChanges = Partial<
  Pick<
    CustomerRow,
    | 'kind'
    | 'name'
    | 'idCard'
    | 'phone'
    | 'phone2'
    | 'specialCare'
    | 'specialCareNote'
    | 'status'
    | 'searchText'
  >
>;

const withEnterprise = {
  ...getTableColumns(customers),
  enterpriseName: enterprises.name,
  address: sql<string | null>`(select p.address from ${premises} p where p.customer_id = ${customers.id}
    order by p.created_at, p.id limit 1)`,
};

export async function findCustomer(
  db: Db,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<CustomerRow | null> {
  const q = db
    .select(withEnterprise)
    .from(customers)
    .innerJoin(enterprises, eq(enterprises.id, customers.enterpriseId))
    .where(eq(customers.id, id));
  const [row] = opts.forUpdate ? await q.for('update', { of: customers }) : await q;
  return row ?? null;
}

export async function insertCustomer(db: Db, values: NewCustomer) {
  const [row] = await db.insert(customers).values(values).returning();
  return row!;
}

/** Writes only if the row still has `version`; bumps it. False when someone else wrote first. */
export async function updateCustomer(
  db: Db,
  id: string,
  version: number,
  changes: CustomerChanges,
  now: Date,
) {
  const rows = await db
    .update(customers)
    .set({ ...changes, version: sql`${customers.version} + 1`, updatedAt: now })
    .where(and(eq(customers.id, id), eq(customers.version, version)))
    .returning({ id: customers.id });
  return rows.length === 1;
}

/** The search text follows the account's data; it is not an edit of the account, so the version stays. */
export async function setSearchText(db: Db, id: string, searchText: string) {
  await db.update(customers).set({ searchText }).where(eq(customers.id, id));
}

/** Many accounts at once (the import); returns their ids by account number. */
export async function insertCustomers(db: Db, values: NewCustomer[]) {
  if (values.length === 0) return [];
  return db.insert(customers).values(values).returning({ id: customers.id, accountNo: customers.accountNo });
}

export async function insertManyPremises(db: Db, values: NewPremises[]) {
  if (values.length > 0) await db.insert(premises).values(values);
}

export async function insertPremises(db: Db, values: NewPremises) {
  const [row] = await db.insert(premises).values(values).returning();
  return row!;
}

export async function premisesOf(db: Db, customerId: string): Promise<PremisesRow[]> {
  return db
    .select()
    .from(premises)
    .where(eq(premises.customerId, customerId))
    .orderBy(asc(premises.createdAt), asc(premises.id));
}

/** The first premises of each account, by account id (the export's one row per account). */
export async function firstPremisesOf(db: Db, customerIds: string[]): Promise<Map<string, PremisesRow>> {
  const first = new Map<string, PremisesRow>();
  for (let i = 0; i < customerIds.length; i += 1000) {
    const rows = await db
      .selectDistinctOn([premises.customerId])
      .from(premises)
      .where(inArray(premises.customerId, customerIds.slice(i, i + 1000)))
      .orderBy(asc(premises.customerId), asc(premises.createdAt), asc(premises.id));
    for (const r of rows) first.set(r.customerId, r);
  }
  return first;
}

export async function insertContract(db: Db, values: NewContract) {
  const [row] = await db.insert(contracts).values(values).returning();
  return row!;
}

export async function contractsOf(db: Db, customerId: string): Promise<ContractRow[]> {
  return db
    .select()
    .from(contracts)
    .where(eq(contracts.customerId, customerId))
    .orderBy(asc(contracts.validFrom), asc(contracts.contractNo));
}

export async function contractNoTaken(db: Db, enterpriseId: string, contractNo: string) {
  const rows = await db
    .select({ id: contracts.id })
    .from(contracts)
    .where(and(eq(contracts.enterpriseId, enterpriseId), eq(contracts.contractNo, contractNo)))
    .limit(1);
  return rows.length > 0;
}

/** Which of these account numbers the enterprise already holds. */
export async function takenAccountNos(
  db: Db,
  enterpriseId: string,
  accountNos: string[],
): Promise<Set<string>> {
  const taken = new Set<string>();
  for (let i = 0; i < accountNos.length; i += 1000) {
    const rows = await db
      .select({ accountNo: customers.accountNo })
      .from(customers)
      .where(
        and(
          eq(customers.enterpriseId, enterpriseId),
          inArray(customers.accountNo, accountNos.slice(i, i + 1000)),
        ),
      );
    for (const r of rows) taken.add(r.accountNo);
  }
  return taken;
}

/** Serialises account creation per enterprise until the transaction ends (numbering, import duplicate checks). */
export async function lockAccounts(db: Db, enterpriseId: string) {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${'customers:' + enterpriseId}))`);
}

/**
 * The highest account number of the form `prefix` + 8 digits the enterprise holds, read under the per-enterprise
 * lock so that two agents opening accounts at once get different numbers.
 */
export async function lastIssuedAccountNo(
  db: Db,
  enterpriseId: string,
  prefix: string,
): Promise<string | null> {
  await lockAccounts(db, enterpriseId);
  const [row] = await db
    .select({ accountNo: customers.accountNo })
    .from(customers)
    .where(
      and(
        eq(customers.enterpriseId, enterpriseId),
        sql`${customers.accountNo} between ${prefix + '00000000'} and ${prefix + '99999999'}`,
        sql`${customers.accountNo} ~ ${'^' + prefix + '[0-9]{8}$'}`,
      ),
    )
    .orderBy(desc(customers.accountNo))
    .limit(1);
  return row?.accountNo ?? null;
}

// ---- search (the agent's "find the caller") ----

export type SearchCursor = { accountNo: string; id: string };
export type SearchParams = {
  /** null: every enterprise (the regulator). */
  enterpriseId: string | null;
  q?: string;
  kind?: string;
  limit: number;
  /** Continue after this row; the exact matches come only on the first page. */
  after?: SearchCursor;
  /** Account number and phone as stored (see customer-rules canonicalPhone); default: q itself. */
  exact?: { accountNo: string; phone: string };
};

const escapeLike = (s: string) => s.replace(/[\\%_]/g, '\\$&');
/** search_key contains the key of `text`: served by the trigram index on search_key. */
const containsKey = (text: string) =>
  sql`${customers.searchKey} like '%' || ranre_search_key(${escapeLike(text)}) || '%'`;

/**
 * Exact account number or phone first (btree indexes), then every account whose search text contains the
 * fragment, by account number. The fragment is compared as `ranre_search_key` writes it (search_key, migration
 * 0005), which the trigram index serves even for one Chinese character. Without an enterprise (the regulator) the
 * exact lookup also names what the search text must contain, so that the trigram index finds it too.
 */
export async function searchCustomers(
  db: Db,
  p: SearchParams,
): Promise<{ rows: CustomerRow[]; next: SearchCursor | null }> {
  const scope: SQL[] = [];
  if (p.enterpriseId) scope.push(eq(customers.enterpriseId, p.enterpriseId));
  if (p.kind) scope.push(eq(customers.kind, p.kind));
  const q = p.q ? normaliseForSearch(p.q) : '';
  const base = () =>
    db
      .select(withEnterprise)
      .from(customers)
      .innerJoin(enterprises, eq(enterprises.id, customers.enterpriseId));

  let exact: CustomerRow[] = [];
  const where = [...scope];
  if (q) {
    const acc = p.exact?.accountNo ?? q;
    const phone = p.exact?.phone ?? q;
    if (!p.after) {
      const implied = p.enterpriseId ? [] : [or(containsKey(acc), containsKey(phone))!];
      exact = await base()
        .where(
          and(
            ...scope,
            ...implied,
            or(eq(customers.accountNo, acc), eq(customers.phone, phone), eq(customers.phone2, phone)),
          ),
        )
        .orderBy(asc(customers.accountNo), asc(customers.id))
        .limit(p.limit);
    }
    where.push(containsKey(q));
    if (exact.length > 0)
      where.push(
        notInArray(
          customers.id,
          exact.map((r) => r.id),
        ),
      );
    // Later pages must not repeat the exact matches the first page showed.
    if (p.after) {
      where.push(
        sql`not (${customers.accountNo} = ${acc} or ${customers.phone} is not distinct from ${phone}
          or ${customers.phone2} is not distinct from ${phone})`,
      );
    }
  }
  if (p.after)
    where.push(sql`(${customers.accountNo}, ${customers.id}) > (${p.after.accountNo}, ${p.after.id})`);

  const room = p.limit - exact.length;
  const fragment = await base()
    .where(where.length > 0 ? and(...where) : undefined)
    .orderBy(asc(customers.accountNo), asc(customers.id))
    .limit(room + 1);
  const shown = fragment.slice(0, room);
  const more = fragment.length > room;
  const last = shown.at(-1);
  const next = !more ? null : last ? { accountNo: last.accountNo, id: last.id } : { accountNo: '', id: NIL };
  return { rows: [...exact, ...shown], next };
}
const NIL = '00000000-0000-0000-0000-000000000000';
