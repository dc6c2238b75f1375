import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Issue 12, production shape: a city deployment scales out by running several `ranre serve` processes on one
// PostgreSQL. Two real processes here, both with the job runner on. Each job is fired on both at the same moment
// (two pg-boss jobs, as two schedulers ticking together would), and its effect must happen once: the outbox message
// sent once, overdue reminders queued once, a billing run's accounts counted once, every job completed (a unique
// violation in the second runner would fail it). The schedules themselves produce one job per tick for both
// processes, and a session made on one is honoured by the other (sessions live in the database).
const serverUrl = process.env.DATABASE_URL;
const SKIP =
  'PostgreSQL server only: PGlite is one process on one data folder (locked), there is no second server';
const bin = path.resolve(import.meta.dirname, '../../packages/server/bin/ranre.js');
const FIRED = ['deadline-watcher', 'notification-sender', 'overdue-reminders'];

type Server = { proc: ChildProcess; base: string; out: () => string };
const procs: ChildProcess[] = [];
// A failing test, a timeout or an interrupted run never leaves a server running.
const killAll = () => procs.forEach((p) => p.exitCode === null && p.signalCode === null && p.kill('SIGKILL'));
process.once('exit', killAll);

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

async function start(url: string, adminUrl?: string): Promise<Server> {
  const port = await freePort();
  let out = '';
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    DATABASE_URL: url,
    JOBS: 'on',
    SEED: 'on',
  };
  if (adminUrl) env.DATABASE_ADMIN_URL = adminUrl;
  else delete env.DATABASE_ADMIN_URL;
  const proc = spawn('node', [bin, 'serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  procs.push(proc);
  proc.stdout!.on('data', (b) => (out += b));
  proc.stderr!.on('data', (b) => (out += b));
  const end = Date.now() + 120_000;
  while (Date.now() < end) {
    if (out.includes('is running')) return { proc, base: `http://127.0.0.1:${port}/api`, out: () => out };
    if (proc.exitCode !== null) throw new Error(`server exited: ${out}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  proc.kill('SIGKILL');
  throw new Error(`server did not start: ${out}`);
}

async function until<T>(what: string, fn: () => Promise<T | undefined | false>, ms = 90_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

describe.skipIf(!serverUrl)(`two server processes on one PostgreSQL (${serverUrl ? 'server' : SKIP})`, () => {
  const name = `ranre_t_${randomBytes(6).toString('hex')}`;
  const role = `ranre_app_${randomBytes(4).toString('hex')}`;
  let sql: pg.Client;
  let a: Server;
  let b: Server;

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    // As deployed: both connect as the plain app role; the first also has the owner's URL to migrate with.
    const u = new URL(serverUrl!);
    u.pathname = `/${name}`;
    const adminUrl = u.toString();
    u.username = role;
    u.password = 'Two-Servers-1';
    a = await start(u.toString(), adminUrl); // migrates as the owner, makes the app role, seeds
    b = await start(u.toString()); // the app role alone: finds the schema up to date and the data seeded
    sql = new pg.Client({ connectionString: adminUrl });
    await sql.connect();
  }, 300_000);

  afterAll(async () => {
    killAll();
    await Promise.all(
      procs.map((p) =>
        p.exitCode === null && p.signalCode === null ? new Promise((r) => p.once('exit', r)) : null,
      ),
    );
    await sql?.end();
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`drop role if exists ${role}`);
    await admin.end();
  }, 60_000);

  async function login(s: Server, username: string): Promise<string> {
    const r = await fetch(`${s.base}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: 'Ranre@2026' }),
    });
    expect(r.status).toBe(200);
    return r.headers.get('set-cookie')!.split(';')[0]!;
  }

  it('a session made on one process works on the other', async () => {
    const cookie = await login(a, 'gas_agent');
    const me = await fetch(`${b.base}/auth/me`, { headers: { cookie } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ user: { username: 'gas_agent' } });
  });

  it('each job fired on both at once has its effect once, and every firing completes', async () => {
    const [ent] = (await sql.query(`select id from enterprises where kind = 'pipeline_gas' limit 1`)).rows;
    const [msg] = (
      await sql.query(
        `insert into notifications (enterprise_id, channel, kind, recipient, subject, body, dedupe_key)
         values ($1, 'sms', 'two-servers', '13905330001', '测试', '两台服务器只发一次', 'two-servers-once') returning id`,
        [ent.id],
      )
    ).rows;
    const reminders = `select count(*)::int as n, count(distinct (enterprise_id, dedupe_key))::int as distinct_keys
      from notifications where kind = 'overdue_reminder'`;
    const before = (await sql.query(reminders)).rows[0];
    // Two of each at once: the two processes' workers each take one (pg-boss hands a job to one worker).
    const ids = (
      await sql.query(
        `insert into pgboss.job (name, data) select n, '{}'::jsonb from unnest($1::text[]) n, generate_series(1, 2)
         returning id`,
        [FIRED],
      )
    ).rows.map((r) => r.id as string);
    const states = await until('the fired jobs to finish', async () => {
      const { rows } = await sql.query(
        `select name, state from pgboss.job where id = any($1::uuid[])
         union all select name, state from pgboss.archive where id = any($1::uuid[])`,
        [ids],
      );
      return (
        rows.length === ids.length && rows.every((r) => ['completed', 'failed'].includes(r.state)) && rows
      );
    });
    expect(states.map((r) => r.state)).toEqual(ids.map(() => 'completed'));
    const sent = (await sql.query(`select status, attempts from notifications where id = $1`, [msg.id]))
      .rows[0];
    expect(sent).toEqual({ status: 'sent', attempts: 1 });
    const after = (await sql.query(reminders)).rows[0];
    expect(after.n).toBe(after.distinct_keys); // each reminder step once per notice
    expect(after.n).toBeGreaterThanOrEqual(before.n);
    const dupAlerts = await sql.query(
      `select order_id from clock_alerts group by order_id, clock, kind, due_at having count(*) > 1`,
    );
    expect(dupAlerts.rows).toEqual([]);
  }, 120_000);

  it('a billing run started on both at once is one run, each account counted once', async () => {
    const [ca, cb] = [await login(a, 'gas_billing'), await login(b, 'gas_billing')];
    const period = '2026-06';
    const post = (s: Server, cookie: string) =>
      fetch(`${s.base}/billing-runs`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ period }),
      }).then(async (r) => ({ status: r.status, body: await r.json() }));
    const count = `select count(*)::int as n from billing_runs where period = $1`;
    const runsBefore = (await sql.query(count, [period])).rows[0].n as number;
    const answers = await Promise.all([post(a, ca), post(b, cb)]);
    const started = answers.filter((r) => r.status === 202);
    expect(started.length).toBeGreaterThanOrEqual(1);
    const runIds = new Set(started.map((r) => r.body.id as string));
    expect(runIds.size).toBe(1); // the second start found the first, or was refused
    const [runId] = [...runIds];
    // The run's job once more, so both processes execute it at the same time.
    await sql.query(`insert into pgboss.job (name, data) values ('billing-run', $1)`, [{ runId }]);
    const run = await until('the run to finish', async () => {
      const { rows } = await sql.query(`select * from billing_runs where id = $1`, [runId]);
      return rows[0]?.status === 'done' && rows[0];
    });
    expect(run.processed).toBe(run.total);
    expect(run.billed + run.estimated + run.skipped).toBeLessThanOrEqual(run.total);
    const bills = await sql.query(`select count(*)::int as n from bills where run_id = $1`, [runId]);
    expect(bills.rows[0].n).toBe(run.billed + run.estimated);
    const runs = await sql.query(count, [period]);
    expect(runs.rows[0].n).toBe(runsBefore + 1); // the demo data's finished runs, and this one
  }, 180_000);

  it('the schedules make one job per tick for both processes', async () => {
    const since = new Date();
    // Both processes schedule every queue; each minute's tick must become one job, not two.
    await until(
      'a scheduled tick after both started',
      async () =>
        (
          await sql.query(
            `select 1 from pgboss.job where name = 'deadline-watcher' and created_on > $1
             union all select 1 from pgboss.archive where name = 'deadline-watcher' and created_on > $1`,
            [since],
          )
        ).rows.length > 0,
      130_000,
    );
    // A tick is a job in pg-boss's `__pgboss__send-it` queue keyed by the schedule's name and minute, which then
    // sends the job itself: one per (key, minute) means each schedule fired once per tick across both processes.
    const dup = await sql.query(
      `select name, singleton_key, singleton_on, count(*)::int as n from (
         select name, singleton_key, singleton_on from pgboss.job where singleton_on is not null
         union all select name, singleton_key, singleton_on from pgboss.archive where singleton_on is not null) j
       group by 1, 2, 3 having count(*) > 1`,
    );
    const ticks = await sql.query(
      `select singleton_key from pgboss.job where name = '__pgboss__send-it' and singleton_key = 'deadline-watcher'
       union all select singleton_key from pgboss.archive
       where name = '__pgboss__send-it' and singleton_key = 'deadline-watcher'`,
    );
    expect(ticks.rows.length).toBeGreaterThan(0);
    expect(dup.rows).toEqual([]);
    expect(a.out() + b.out()).not.toMatch(/job runner error/);
  }, 150_000);
});
