import path from 'node:path';
import { z } from 'zod';
import {
  loadPaymentConfig,
  PAYMENT_ENV_VARS,
  PaymentConfigError,
  type PaymentConfig,
} from './modules/money/payments/payments.config.ts';
import {
  loadSmsConfig,
  SMS_ENV_VARS,
  SmsConfigError,
  type SmsConfig,
} from './modules/platform/notifications/sms.config.ts';

/** Environment parsed and validated once at start; a wrong value stops start-up with one message naming it. */
const ZEnv = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  // The owner's URL for `ranre migrate` (and migrations at start), when DATABASE_URL is the app's role (db/roles.ts).
  DATABASE_ADMIN_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(12),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_LOCK_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  JOBS: z.enum(['on', 'off']).default('on'),
  /** Demo data; on by default in demo mode, refused in production. */
  SEED: z.enum(['on', 'off']).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WEB_DIST: z.string().optional(),
  // demo (the default unless NODE_ENV=production): seeded data, the demo password and the demo payment gateway are
  // allowed; production refuses each of them at start.
  RANRE_MODE: z.enum(['demo', 'production']).optional(),
  NODE_ENV: z.string().optional(),
  // Behind a reverse proxy that terminates HTTPS: 'on' trusts X-Forwarded-* from any hop, a number trusts that many
  // hops, or a comma-separated list of proxy addresses/CIDRs. Decides request.protocol (Secure cookie) and the
  // address rate limits count by.
  TRUST_PROXY: z
    .string()
    .regex(
      /^(on|off|\d+|[0-9a-fA-F.:/]+(,[0-9a-fA-F.:/]+)*)$/,
      "must be 'on', 'off', a hop count or addresses",
    )
    .default('off'),
  // Requests per minute per session (or per address when signed out), for every route.
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(1200),
  // How long a busy read's answer may be given again from memory while nothing it shows has changed (issue 21); 0: never.
  READ_CACHE_SECONDS: z.coerce.number().int().min(0).max(60).default(5),
  READ_CACHE_MEGABYTES: z.coerce.number().int().min(1).default(64),
  // Sign-in attempts per LOGIN_RATE_WINDOW_MINUTES, per user name and per client address.
  LOGIN_RATE_PER_USER: z.coerce.number().int().min(1).default(20),
  LOGIN_RATE_PER_ADDRESS: z.coerce.number().int().min(1).default(100),
  LOGIN_RATE_WINDOW_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  // H-5.4.1: the MQTT broker heating gateways publish readings to (ranre/<enterprise>/<gateway>/readings); off unset.
  MQTT_URL: z
    .string()
    .regex(/^(mqtt|mqtts|tcp|ws|wss):\/\/[^/\s]+/, 'must be mqtt://host:port (or mqtts://, ws://, wss://)')
    .optional(),
});

export type Config = {
  mode: 'demo' | 'production';
  port: number;
  host: string;
  databaseUrl: string | undefined;
  databaseAdminUrl: string | undefined;
  dataDir: string;
  sessionTtlHours: number;
  loginMaxFailures: number;
  loginLockMinutes: number;
  jobs: boolean;
  seed: boolean;
  logLevel: z.infer<typeof ZEnv>['LOG_LEVEL'];
  webDist: string;
  payments: PaymentConfig;
  sms: SmsConfig;
  /** RANRE_MODE=demo (the default unless NODE_ENV=production): demo conveniences allowed. */
  isDemo: boolean;
  trustProxy: boolean | number | string;
  rateLimitPerMinute: number;
  /** Time to live of the read cache's answers (modules/platform/read-cache); 0: off. */
  readCacheSeconds: number;
  readCacheMegabytes: number;
  loginRatePerUser: number;
  loginRatePerAddress: number;
  loginRateWindowMinutes: number;
  /** The MQTT broker sensor readings arrive through; undefined: MQTT ingestion off. */
  mqttUrl: string | undefined;
};

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const known = Object.fromEntries(
    Object.keys(ZEnv.shape).map((k) => [k, env[k] === '' ? undefined : env[k]]),
  );
  const parsed = ZEnv.safeParse(known);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0]);
    throw new ConfigError(
      `配置错误 / invalid configuration: ${name}=${JSON.stringify(env[name])}: ${issue.message}`,
    );
  }
  const e = parsed.data;
  const mode = e.RANRE_MODE ?? (e.NODE_ENV === 'production' ? 'production' : 'demo');
  if (mode === 'production' && e.SEED === 'on') {
    throw new ConfigError(
      '配置错误 / invalid configuration: SEED=on: demo data (with the demo password) is for demo mode only; ' +
        'unset SEED or set RANRE_MODE=demo',
    );
  }
  let payments: PaymentConfig;
  try {
    const paymentEnv = Object.fromEntries(PAYMENT_ENV_VARS.map((k) => [k, env[k]]));
    payments = loadPaymentConfig(paymentEnv, mode);
  } catch (err) {
    if (err instanceof PaymentConfigError) {
      throw new ConfigError(`配置错误 / invalid configuration: ${err.message}`);
    }
    throw err;
  }
  let sms: SmsConfig;
  try {
    sms = loadSmsConfig(Object.fromEntries(SMS_ENV_VARS.map((k) => [k, env[k]])), mode);
  } catch (err) {
    if (err instanceof SmsConfigError)
      throw new ConfigError(`配置错误 / invalid configuration: ${err.message}`);
    throw err;
  }
  return {
    mode,
    sms,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    databaseAdminUrl: e.DATABASE_ADMIN_URL,
    // npm runs workspace scripts inside the package; INIT_CWD is where the user typed `npm start`.
    dataDir: path.resolve(env.INIT_CWD ?? process.cwd(), e.DATA_DIR),
    sessionTtlHours: e.SESSION_TTL_HOURS,
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    loginLockMinutes: e.LOGIN_LOCK_MINUTES,
    jobs: e.JOBS === 'on',
    seed: (e.SEED ?? (mode === 'demo' ? 'on' : 'off')) === 'on',
    logLevel: e.LOG_LEVEL,
    webDist: path.resolve(e.WEB_DIST ?? new URL('../../web/dist', import.meta.url).pathname),
    payments,
    isDemo: mode === 'demo',
    trustProxy:
      e.TRUST_PROXY === 'on'
        ? true
        : e.TRUST_PROXY === 'off'
          ? false
          : /^\d+$/.test(e.TRUST_PROXY)
            ? Number(e.TRUST_PROXY)
            : e.TRUST_PROXY,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    readCacheSeconds: e.READ_CACHE_SECONDS,
    readCacheMegabytes: e.READ_CACHE_MEGABYTES,
    mqttUrl: e.MQTT_URL,
    loginRatePerUser: e.LOGIN_RATE_PER_USER,
    loginRatePerAddress: e.LOGIN_RATE_PER_ADDRESS,
    loginRateWindowMinutes: e.LOGIN_RATE_WINDOW_MINUTES,
  };
}
