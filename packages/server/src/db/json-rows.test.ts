import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../testing/harness.ts';
import { insertFromJson, rowOfJson } from './json-rows.ts';
import { auditEvents } from './schema.ts';

// Issue 21: an intake writes its rows as one JSON parameter per table and reads them back from row_to_json. These
// prove the round trip gives exactly what drizzle's own insert and select give, on both databases.

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('rows as JSON', () => {
  it('insertFromJson stores each value as its column types it, a null as SQL NULL, an SQL value as written', async () => {
    const at = new Date('2026-03-02T01:02:03.456Z');
    const result = await t.database.db.execute(sql`
      with x as (${insertFromJson(auditEvents, [
        {
          at,
          actorId: null,
          actorName: '甲',
          enterpriseId: null,
          action: 'json.test',
          entity: 'test',
          entityId: sql`'computed-' || 'id'`,
          before: null,
          after: { a: 1, b: ['二', null], c: 'x"y' },
        },
        {
          at,
          actorId: null,
          actorName: "it's",
          enterpriseId: null,
          action: 'json.test',
          entity: 'test',
          entityId: sql`'computed-' || 'id'`,
          before: { n: null },
          after: null,
        },
      ])} returning *) select row_to_json(x) as j from x order by x.id`);
    const read = (result as unknown as { rows: { j: Record<string, unknown> }[] }).rows.map((r) =>
      rowOfJson(auditEvents, r.j),
    );
    const stored = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'json.test'))
      .orderBy(auditEvents.id);
    expect(read).toEqual(stored);
    expect(stored.map((r) => [r.entityId, r.actorName, r.at.toISOString()])).toEqual([
      ['computed-id', '甲', at.toISOString()],
      ['computed-id', "it's", at.toISOString()],
    ]);
    expect(stored[0]!.after).toEqual({ a: 1, b: ['二', null], c: 'x"y' });
    expect(stored[0]!.before).toBeNull();
    expect(stored[1]!.before).toEqual({ n: null });
    const sqlNulls = await t.database.db.execute(
      sql`select count(*)::int as n from audit_events where action = 'json.test' and (before is null or after is null)`,
    );
    expect((sqlNulls as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(2);
  });

  it('insertFromJson refuses rows that do not set the same columns', () => {
    expect(() =>
      insertFromJson(auditEvents, [
        { actorName: 'a', action: 'x', entity: 'x', entityId: '1', after: {} },
        { actorName: 'b', action: 'x', entity: 'x', entityId: '2' },
      ]),
    ).toThrow(/leaves after unset/);
  });
});
