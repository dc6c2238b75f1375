import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../testing/harness.ts';
import { JobRunner } from './runner.ts';

let t: TestApp;
let runner: JobRunner;
beforeAll(async () => {
  t = await buildTestApp({ JOBS: 'on' });
  runner = new JobRunner(t.database, { info: () => {}, error: () => {} });
  await runner.start();
});
afterAll(async () => {
  await runner.stop();
  await t.close();
});

async function until<T>(fn: () => Promise<T | undefined>, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('job runner (pg-boss on the same database)', () => {
  it('runs the heartbeat job, which /api/health reports', async () => {
    const beat = await until(async () => {
      const { rows } = await t.database.executeSql(`select at from job_heartbeats where name = 'heartbeat'`);
      return rows[0]?.at as Date | undefined;
    });
    t.setNow(new Date(new Date(beat).getTime() + 1000));
    const res = await t.app.inject({ url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'ok',
      database: { ok: true },
      jobs: { ok: true, enabled: true },
    });
    // A heartbeat older than three intervals means the runner is not working.
    t.setNow(new Date(new Date(beat).getTime() + 10 * 60_000));
    expect((await t.app.inject({ url: '/api/health' })).json()).toMatchObject({
      status: 'degraded',
      jobs: { ok: false },
    });
  });

  it('runs a registered job exactly once per message', async () => {
    const seen: unknown[] = [];
    await runner.register('test-echo', async (data) => {
      seen.push(data);
    });
    await runner.send('test-echo', { n: 1 });
    await until(async () => (seen.length > 0 ? true : undefined));
    await new Promise((r) => setTimeout(r, 2500));
    expect(seen).toEqual([{ n: 1 }]);
  });
});
