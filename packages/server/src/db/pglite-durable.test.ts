import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './client.ts';
import { fsyncCount } from './pglite-durable.ts';

// Issue 12: PGlite ran with fsync=off, and Emscripten's NODEFS has no fsync at all, so an acknowledged write on the
// embedded database was only in the OS page cache. A data folder opened by ranre must flush each commit to the disk.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ranre-durable-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the embedded database on disk', () => {
  it('runs with fsync on, the WAL flushed through fsync(), and each commit reaches the disk before it returns', async () => {
    const d = await openDatabase({ dataDir: dir });
    try {
      const { rows } = await d.executeSql(
        `select current_setting('fsync') as fsync, current_setting('wal_sync_method') as method`,
      );
      expect(rows[0]).toEqual({ fsync: 'on', method: 'fsync' });
      await d.executeSql('create table acknowledged (id serial primary key, body text)');
      const before = fsyncCount.calls;
      for (let i = 0; i < 10; i++)
        await d.executeSql('insert into acknowledged (body) values ($1)', [`w${i}`]);
      expect(fsyncCount.calls - before).toBeGreaterThanOrEqual(10);
    } finally {
      await d.close();
    }
  }, 60_000);
});
