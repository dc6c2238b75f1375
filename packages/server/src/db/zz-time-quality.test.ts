import { it } from 'vitest';
import { buildTestApp } from '../testing/harness.ts';
import { seedDemo } from './seed.ts';
import { seedQuality } from './seed-quality.ts';
it('time', async () => {
  const t = await buildTestApp();
  const now = new Date('2026-11-26T02:00:00Z');
  let s = Date.now();
  await seedDemo(t.database, now);
  const all = Date.now() - s;
  const { rows } = await t.database.executeSql("select id from enterprises where name like '%热力%' order by name limit 1");
  s = Date.now();
  await t.database.db.transaction(async (tx) => seedQuality(tx, String(rows[0]!.id), now));
  console.log(`TIMING seedDemo ${all} ms; seedQuality again ${Date.now() - s} ms`);
  await t.close();
}, 300_000);
