import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './client.ts';
import { DataDirLockedError, LOCK_FILE } from './data-dir-lock.ts';

// Issue 12: `ranre billing run` on the DATA_DIR of a running server corrupted the embedded database. A second
// process (or a second open here) must be refused before PGlite touches the folder, with what to do instead.
const bin = path.resolve(import.meta.dirname, '../../bin/ranre.js');
const dirs: string[] = [];
function freshDir() {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'ranre-lock-'));
  dirs.push(d);
  return d;
}
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function runCli(args: string[], dataDir: string): Promise<{ code: number | null; out: string; ms: number }> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  const t0 = Date.now();
  return new Promise((resolve) => {
    const p = spawn('node', [bin, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    p.stdout.on('data', (b) => (out += b));
    p.stderr.on('data', (b) => (out += b));
    const kill = setTimeout(() => p.kill('SIGKILL'), 60_000); // never leave it running if it hangs
    p.on('exit', (code) => {
      clearTimeout(kill);
      resolve({ code, out, ms: Date.now() - t0 });
    });
  });
}

describe('the embedded data folder is locked to one process', () => {
  it('refuses a second open of a folder in use, saying what to do; opens again after close', async () => {
    const dir = freshDir();
    const first = await openDatabase({ dataDir: dir });
    try {
      await expect(openDatabase({ dataDir: dir })).rejects.toThrow(DataDirLockedError);
      await expect(openDatabase({ dataDir: dir })).rejects.toThrow(/stop that process first/);
      // Another process: `ranre migrate` and `ranre billing run` on the same folder exit at once with the message.
      for (const args of [['migrate'], ['billing', 'run', '--enterprise', 'x', '--period', '2026-11']]) {
        const r = await runCli(args, dir);
        expect(r.code).toBe(2);
        expect(r.out).toContain(`PID ${process.pid}`);
        expect(r.out).toContain('POST /api/billing-runs');
        expect(r.out).not.toMatch(/at .*\.ts:\d+/); // a message, not a stack
      }
    } finally {
      await first.close();
    }
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);
    const again = await openDatabase({ dataDir: dir });
    await again.executeSql('select 1');
    await again.close();
  }, 120_000);

  it('takes over a lock left by a process that died (crash, kill -9)', async () => {
    const dir = freshDir();
    const dead = spawnSync('node', ['-e', '0']).pid!; // has exited by now: its PID no longer runs
    const lock = path.join(dir, LOCK_FILE);
    const since = '2026-12-01T00:00:00.000Z';
    fs.writeFileSync(lock, JSON.stringify({ pid: dead, host: os.hostname(), command: 'ranre serve', since }));
    const d = await openDatabase({ dataDir: dir });
    expect(JSON.parse(fs.readFileSync(lock, 'utf8')).pid).toBe(process.pid);
    await d.close();
  }, 60_000);

  it('does not take over a live owner on another host (a shared disk): refused', async () => {
    const dir = freshDir();
    const owner = { pid: 1, host: `${os.hostname()}-other`, command: 'ranre serve', since: 'x' };
    fs.writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify(owner));
    await expect(openDatabase({ dataDir: dir })).rejects.toThrow(DataDirLockedError);
  });
});
