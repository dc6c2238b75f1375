import PgBoss from 'pg-boss';
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { jobHeartbeats } from '../db/schema.ts';

export const HEARTBEAT_JOB = 'heartbeat';
export const HEARTBEAT_EVERY_SECONDS = 60;

export type JobHandler = (data: unknown) => Promise<void>;

/**
 * pg-boss on the application's own database: through the pg pool on a server, through PGlite's executeSql when
 * embedded. Queues are created here; modules register handlers with `work`.
 */
export class JobRunner {
  private boss: PgBoss;
  private started = false;

  constructor(
    private readonly database: Database,
    private readonly log: { info: (m: string) => void; error: (o: unknown, m: string) => void },
  ) {
    this.boss = new PgBoss({
      db: { executeSql: (text: string, values?: unknown[]) => database.executeSql(text, values) },
      schema: 'pgboss',
      // The embedded engine serves one connection: a modest poll keeps it free for requests.
      supervise: true,
      migrate: true,
    } as unknown as PgBoss.ConstructorOptions);
    this.boss.on('error', (err) => this.log.error({ err }, 'job runner error'));
  }

  async start(): Promise<void> {
    await this.boss.start();
    this.started = true;
    await this.boss.createQueue(HEARTBEAT_JOB);
    await this.boss.work(HEARTBEAT_JOB, { pollingIntervalSeconds: 2 }, async () => {
      await this.database.db
        .insert(jobHeartbeats)
        .values({ name: HEARTBEAT_JOB, at: new Date() })
        .onConflictDoUpdate({ target: jobHeartbeats.name, set: { at: sql`now()` } });
    });
    await this.boss.schedule(HEARTBEAT_JOB, '* * * * *', {}, { tz: 'Asia/Shanghai' });
    await this.boss.send(HEARTBEAT_JOB, {});
    this.log.info('job runner started (pg-boss)');
  }

  async register(name: string, handler: JobHandler, cron?: string): Promise<void> {
    await this.boss.createQueue(name);
    await this.boss.work(name, { pollingIntervalSeconds: 2 }, async (jobs) => {
      for (const job of jobs) await handler(job.data);
    });
    if (cron) await this.boss.schedule(name, cron, {}, { tz: 'Asia/Shanghai' });
  }

  async send(name: string, data: object): Promise<string | null> {
    return this.boss.send(name, data);
  }

  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    await this.boss.stop({ graceful: true, wait: true, timeout: 5000 });
  }
}
