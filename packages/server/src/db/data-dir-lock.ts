import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * PGlite is one PostgreSQL backend inside this process: two processes writing one data folder each believe they own
 * it, and their pages and WAL overwrite each other (a `ranre billing run` beside a running server left a folder that
 * no longer opened). So a process takes the folder for itself before opening it.
 *
 * The lock is a file created with O_EXCL holding the owner's PID and host. Why not `proper-lockfile`: it judges a lock
 * stale by an mtime it refreshes on a timer, so after a crash the folder stays refused for its stale period, and a busy
 * event loop (a billing batch) can miss a refresh and lose the lock under a live owner. A PID answers "is the owner
 * alive?" directly: a process that died (crash, kill -9) leaves a lock whose PID no longer runs, which is taken over.
 */
export const LOCK_FILE = 'ranre.lock';

type LockOwner = { pid: number; host: string; command: string; since: string };

/** A second process on a data folder in use: the message says who holds it and what to do instead. */
export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly owner: LockOwner,
  ) {
    super(
      `数据目录 ${dataDir} 正被另一个 ranre 进程使用（PID ${owner.pid}，${owner.command}，自 ${owner.since}）。` +
        `嵌入式数据库同一时间只能由一个进程打开：请先停止该进程（Ctrl-C），或通过正在运行的服务器的界面/API 操作` +
        `（如账务批量计费：界面“批量计费”或 POST /api/billing-runs）。\n` +
        `The data folder ${dataDir} is in use by another ranre process (PID ${owner.pid}, ${owner.command}, since ` +
        `${owner.since}). The embedded database can be open in one process only: stop that process first (Ctrl-C), ` +
        `or do this through the running server's screens or API (a billing run: the billing-runs screen or ` +
        `POST /api/billing-runs). Or set DATABASE_URL to a PostgreSQL server, which many processes can share.`,
    );
    this.name = 'DataDirLockedError';
  }
}

/** Folders locked by this process: a second open here is refused too (its PID is alive: ours). */
const heldHere = new Set<string>();

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to another user — alive.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(file: string): LockOwner | null {
  try {
    const o = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<LockOwner>;
    return typeof o.pid === 'number' ? (o as LockOwner) : null;
  } catch {
    return null; // vanished, or half-written by an owner that died while writing it
  }
}

/** A lock is stale when its owner on this host no longer runs, or names this process without it being held here. */
function stale(owner: LockOwner | null): boolean {
  if (!owner) return true;
  if (owner.host !== os.hostname()) return false; // another machine on a shared disk: cannot check, never steal
  if (owner.pid === process.pid) return true; // a PID reused after a restart (containers): not a holder
  return !alive(owner.pid);
}

/** Takes the folder or throws DataDirLockedError; returns the release (idempotent). */
export function lockDataDir(dataDir: string): () => void {
  const dir = path.resolve(dataDir);
  const file = path.join(dir, LOCK_FILE);
  if (heldHere.has(dir)) throw new DataDirLockedError(dir, readOwner(file) ?? ownerNow());
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx');
      fs.writeSync(fd, JSON.stringify(ownerNow()));
      fs.closeSync(fd);
      heldHere.add(dir);
      return release(dir, file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const owner = readOwner(file);
    if (!stale(owner)) throw new DataDirLockedError(dir, owner!);
    // Take over by removing the dead owner's file and racing for O_EXCL again: of two processes doing this at once,
    // one wins the create and the other then sees a live owner.
    fs.rmSync(file, { force: true });
  }
  throw new DataDirLockedError(dir, readOwner(file) ?? ownerNow());
}

function ownerNow(): LockOwner {
  return {
    pid: process.pid,
    host: os.hostname(),
    command: `ranre ${process.argv.slice(2).join(' ')}`.trim(),
    since: new Date().toISOString(),
  };
}

function release(dir: string, file: string): () => void {
  let done = false;
  const onExit = () => releaseNow();
  function releaseNow() {
    if (done) return;
    done = true;
    heldHere.delete(dir);
    process.off('exit', onExit);
    // Only our own lock: never remove one a later owner took after we were judged dead.
    if (readOwner(file)?.pid === process.pid) fs.rmSync(file, { force: true });
  }
  // An exit without close (process.exit after an error) still frees the folder; a crash leaves a dead PID (stale).
  process.on('exit', onExit);
  return releaseNow;
}
