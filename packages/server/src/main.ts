import type { FastifyInstance } from 'fastify';
import { loadConfig } from './config.ts';
import { configureChannels } from './modules/platform/notifications/notifications.service.ts';
import type { Database } from './db/client.ts';
import { openMigratedDatabase } from './db/roles.ts';
import { buildApp } from './http/app.ts';
import type { AppContext } from './core/context.ts';
import { registerJobs } from './jobs/deadline-watcher.ts';
import { JobRunner } from './jobs/runner.ts';
import { CalendarService } from './modules/platform/calendar/calendar.service.ts';
import { MqttIngestion } from './modules/heating/sensors/mqtt-ingestion.ts';

/** Starts the whole system in one process: HTTP API, web UI and job runner on one database. */
export async function serve(): Promise<void> {
  const started = Date.now();
  const config = loadConfig();
  configureChannels(config.sms);
  const { database } = await openMigratedDatabase(config);
  const now = () => new Date();
  const ctx: AppContext = { config, database, now, calendar: new CalendarService(database, now) };

  let seeded = false;
  if (config.seed) {
    const { seedDemo } = await import('./demo/seed.ts');
    seeded = (await seedDemo(database, now(), (m) => console.log(m))).created;
  }

  const app = await buildApp(ctx, { logger: true });
  const runner = new JobRunner(database, {
    info: (m) => app.log.info(m),
    error: (o, m) => app.log.error(o, m),
  });
  if (config.jobs) {
    await runner.start();
    await registerJobs(runner, ctx);
  }
  await app.listen({ port: config.port, host: config.host });
  // H-5.4.1: readings from heating gateways over MQTT, when a broker is configured.
  const mqtt = config.mqttUrl
    ? new MqttIngestion(ctx, {
        url: config.mqttUrl,
        log: { info: (m) => app.log.info(m), warn: (m) => app.log.warn(m) },
      })
    : null;
  await mqtt?.start();
  installShutdown(app, runner, database, mqtt);

  // One write, logins included: whoever watches for "is running" (a person, a test, a supervisor) sees the whole banner.
  const url = `http://localhost:${config.port}`;
  const pay = config.payments;
  const banner = [
    '',
    `  ranre 燃热 is running (${database.engine}, started in ${Date.now() - started} ms)`,
    `  Web UI:   ${url}/`,
    `  API docs: ${url}/api/docs`,
    `  SMS:      ${config.sms.provider === 'aliyun' ? 'Aliyun SMS' : 'recorded in the outbox, not sent (demo)'}`,
    `  Mode:     ${config.mode}; online payment ${pay.gateway === 'live' ? `live (${[pay.wechat && 'WeChat Pay', pay.alipay && 'Alipay'].filter(Boolean).join(', ')})` : pay.gateway === 'demo' ? 'through the demo gateway' : 'off'}`,
    ...(config.seed ? await demoLoginLines(seeded) : []),
    '',
  ];
  process.stdout.write(banner.join('\n') + '\n');
}

/** On SIGINT/SIGTERM: stop taking requests, let jobs finish, then close the database so PGlite flushes to disk. */
function installShutdown(
  app: FastifyInstance,
  runner: JobRunner,
  database: Database,
  mqtt: MqttIngestion | null,
) {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info(`${signal}: shutting down`);
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    try {
      await app.close();
      await mqtt?.stop();
      await runner.stop();
      await database.close();
      process.exit(0);
    } catch (err) {
      app.log.error({ err }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

async function demoLoginLines(justCreated: boolean): Promise<string[]> {
  const { DEMO_ENTERPRISES, DEMO_LOGINS, DEMO_PASSWORD } = await import('./demo/seed-data.ts');
  const nameOf = new Map(DEMO_ENTERPRISES.map((e) => [e.key, e.name]));
  const when = justCreated ? 'created now' : 'created on first start; changed passwords stay changed';
  return [
    `  Demo logins (${when}), password ${DEMO_PASSWORD}:`,
    ...DEMO_LOGINS.map(
      (l) => `    ${l.username.padEnd(16)} ${l.role.padEnd(18)} ${nameOf.get(l.enterprise) ?? l.enterprise}`,
    ),
  ];
}
