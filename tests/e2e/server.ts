// Starts `ranre serve` on a free port with a fresh data directory, for browser tests.
import { execSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface TestServer {
  url: string;
  dataDir: string;
  logs: () => string;
  stop: () => Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** The server serves packages/web/dist; build it if `npm run test:e2e` did not already. */
export function ensureWebBuilt(): void {
  if (fs.existsSync(path.join(ROOT, 'packages/web/dist/index.html'))) return;
  execSync('npm run build -w @ranre/web', { cwd: ROOT, stdio: 'inherit' });
}

/** The seeded data directory global-setup.ts made for this run (embedded database only). */
export const TEMPLATE_KEY = 'ranreE2eTemplate';

async function seededTemplate(): Promise<string | undefined> {
  if (!process.env.VITEST) return undefined; // a benchmark, outside any test run
  const { inject } = await import('vitest');
  try {
    return inject(TEMPLATE_KEY);
  } catch {
    return undefined; // called from global set-up itself, outside a test file
  }
}

/**
 * RANRE_E2E_START_MS lengthens the wait on a loaded machine (default 2 minutes). The data directory is a copy of the
 * run's seeded template when there is one, else fresh (the server migrates and seeds it).
 */
export async function startServer(
  timeoutMs = Number(process.env.RANRE_E2E_START_MS ?? 120_000),
  options: { keepData?: boolean } = {},
): Promise<TestServer> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ranre-e2e-'));
  const template = options.keepData ? undefined : await seededTemplate();
  if (template && !process.env.DATABASE_URL) fs.cpSync(template, dataDir, { recursive: true });
  let output = '';
  const child: ChildProcess = spawn(process.execPath, ['packages/server/bin/ranre.js', 'serve'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, NODE_ENV: 'test' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (b: Buffer) => (output += b.toString()));
  child.stderr?.on('data', (b: Buffer) => (output += b.toString()));
  let exited = false;
  child.on('exit', () => (exited = true));

  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (!exited) {
      const done = new Promise<void>((r) => child.once('exit', () => r()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await done;
      clearTimeout(timer);
    }
    if (!options.keepData) fs.rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited) {
      await stop();
      throw new Error(`server exited during start-up:\n${output}`);
    }
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return { url, dataDir, logs: () => output, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`server did not become healthy within ${timeoutMs} ms:\n${output}`);
}
