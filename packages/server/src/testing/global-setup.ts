import { randomBytes } from 'node:crypto';
import fs from 'node:fs';

/** Builds the migrated PGlite image once per run (embedded engine only). */
export default async function setup() {
  process.env.RANRE_TEMPLATE_ID = randomBytes(4).toString('hex');
  if (process.env.DATABASE_URL) return;
  const { writePgliteTemplate } = await import('./test-db.ts');
  const file = await writePgliteTemplate();
  return () => fs.rmSync(file, { force: true });
}
