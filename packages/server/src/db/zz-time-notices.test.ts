import { it } from 'vitest';
import { eq } from 'drizzle-orm';
import { buildTestApp } from '/work/main/packages/server/src/testing/harness.ts';
import { seedDemo } from '/work/main/packages/server/src/db/seed.ts';
import { seedNotices } from '/work/main/packages/server/src/db/seed-notices.ts';
import { enterprises } from '/work/main/packages/server/src/db/schema.ts';
it('time', async () => {
  const t = await buildTestApp();
  const now = new Date('2026-11-26T02:00:00Z');
  let a = Date.now();
  await seedDemo(t.database, now);
  console.log('seedDemo ms', Date.now() - a);
  const [heat] = await t.database.db.select().from(enterprises).where(eq(enterprises.name, '淄博示范热力有限公司'));
  const [gas] = await t.database.db.select().from(enterprises).where(eq(enterprises.kind, 'pipeline_gas')).limit(1);
  a = Date.now();
  await t.database.db.transaction((tx) => seedNotices(tx, { heat: heat!, gas: gas! }, now));
  console.log('seedNotices ms', Date.now() - a);
  await t.close();
}, 200_000);
