// Once per browser run on the embedded database: start one server on a fresh data directory (migrations and the demo
// seed, ~30 s), stop it so PGlite flushes, and let every test file start from a copy of that directory (~5 s).
// Without this each of the ~40 files paid the 30 s again, which took CI past its time limit. On the PostgreSQL server
// (DATABASE_URL) the files share one database that is migrated and seeded once, so there is nothing to copy.
import fs from 'node:fs';
import type { TestProject } from 'vitest/node';
import { ensureWebBuilt, startServer, TEMPLATE_KEY } from './server.ts';

export default async function setup(project: TestProject) {
  if (process.env.DATABASE_URL) return;
  ensureWebBuilt();
  const template = await startServer(Number(process.env.RANRE_E2E_START_MS ?? 300_000), { keepData: true });
  await template.stop();
  project.provide(TEMPLATE_KEY, template.dataDir);
  return () => fs.rmSync(template.dataDir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    ranreE2eTemplate: string;
  }
}
