import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// The README's system as a user runs it: `ranre serve` on an embedded database in a data folder, seeded on first
// start, stopped with SIGTERM, started again with its data intact. (Embedded engine only: that is what it proves.)
const bin = path.resolve(import.meta.dirname, '../../packages/server/bin/ranre.js');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ranre-life-'));
// Every server this file starts: a failing assertion or a time-out must not leave one running.
const started = new Set<ChildProcess>();
afterAll(() => {
  for (const proc of started) if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

async function start(port: number): Promise<{ proc: ChildProcess; out: () => string }> {
  let out = '';
  const env = { ...process.env, PORT: String(port), DATA_DIR: dataDir, JOBS: 'off' };
  delete env.DATABASE_URL;
  const proc = spawn('node', [bin, 'serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  started.add(proc);
  proc.stdout!.on('data', (b) => (out += b));
  proc.stderr!.on('data', (b) => (out += b));
  // First start migrates and seeds the demo (≈20 s on a quiet machine; much more on a loaded one).
  const end = Date.now() + 300_000;
  while (Date.now() < end) {
    // The banner is one write ending in a blank line; wait for all of it, not its first chunk.
    if (/is running[\s\S]*\n\n/.test(out)) return { proc, out: () => out };
    if (proc.exitCode !== null) throw new Error(`server exited: ${out}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  proc.kill('SIGKILL');
  throw new Error(`server did not start: ${out}`);
}

async function stop(proc: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (proc.exitCode !== null) return resolve(proc.exitCode);
    proc.on('exit', (code) => resolve(code));
    proc.kill('SIGTERM');
  });
}

describe.skipIf(Boolean(process.env.DATABASE_URL))('ranre serve on the embedded database', () => {
  it('seeds on first start, prints the URL and logins, closes cleanly on SIGTERM and keeps its data', async () => {
    const port = await freePort();
    const first = await start(port);
    expect(first.out()).toContain(`http://localhost:${port}/`);
    expect(first.out()).toContain('gas_agent');
    const base = `http://127.0.0.1:${port}/api`;
    const login = await fetch(`${base}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'regulator', password: 'Ranre@2026' }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const put = await fetch(`${base}/calendar/overrides/2026-12-30`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ kind: 'rest', note: 'lifecycle test' }),
    });
    expect(put.status).toBe(200);
    expect(await stop(first.proc)).toBe(0);

    const second = await start(port);
    expect(second.out()).toContain('created on first start'); // seeded once only
    const again = await fetch(`${base}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'regulator', password: 'Ranre@2026' }),
    });
    const cookie2 = again.headers.get('set-cookie')!.split(';')[0]!;
    const overrides = await (
      await fetch(`${base}/calendar/overrides`, { headers: { cookie: cookie2 } })
    ).json();
    expect(overrides.items.map((o: { date: string }) => o.date)).toContain('2026-12-30');
    expect(await stop(second.proc)).toBe(0);
  }, 700_000);
});
