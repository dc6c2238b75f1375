import { PGlite } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';
import fs from 'node:fs';

/**
 * PGlite on Node stores its data folder through Emscripten's NODEFS, which has no fsync: PostgreSQL's fsync() lands
 * on a stream without one and returns success, and fdatasync() is a no-op syscall. PGlite also starts PostgreSQL
 * with `-F` (fsync=off). So even "fsync on" would reach nothing: a commit is only in the OS page cache.
 *
 * This file system gives NODEFS the fsync it lacks (fs.fsyncSync on the real descriptor), and DURABLE_START_PARAMS
 * turns PostgreSQL's fsync back on with the WAL flushed through fsync() (the default method, fdatasync, would
 * still be the no-op). A commit then returns only after its WAL record is on the disk, and a checkpoint only after
 * the data files are (bench/pglite-durability measures the cost; ARCHITECTURE.md says what each setting survives).
 */
export const fsyncCount = { calls: 0 };

type Module = { NODEFS?: { stream_ops: Record<string, unknown> } };

export class DurableNodeFS extends NodeFS {
  override async init(pg: PGlite, opts: Parameters<NodeFS['init']>[1]) {
    const { emscriptenOpts } = await super.init(pg, opts);
    const patch = (mod: Module) => {
      const ops = mod.NODEFS?.stream_ops;
      // Fail loudly if a PGlite upgrade moves NODEFS: silently losing durability is what this file exists to stop.
      if (!ops) throw new Error('PGlite: NODEFS not found; cannot enable fsync on the data folder');
      ops.fsync = (stream: { nfd?: number }) => {
        if (stream.nfd === undefined) return 0;
        try {
          fs.fsyncSync(stream.nfd);
          fsyncCount.calls++;
          return 0;
        } catch {
          return 29; // EIO: PostgreSQL treats a failed fsync as fatal rather than trusting the data
        }
      };
    };
    const preRun = [...((emscriptenOpts.preRun as unknown[]) ?? []), patch];
    return { emscriptenOpts: { ...emscriptenOpts, preRun } as typeof emscriptenOpts };
  }
}

/** PGlite's start parameters without `-F`, with the WAL flushed by fsync() (which DurableNodeFS makes real). */
export const DURABLE_START_PARAMS = [
  ...PGlite.defaultStartParams.filter((p) => p !== '-F'),
  '-c',
  'wal_sync_method=fsync',
];
