import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration', () => {
  it('has working defaults: embedded database under ./data, port 3000', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.dataDir).toMatch(/data$/);
    expect(c.jobs).toBe(true);
  });

  it('stops with one message naming the wrong variable', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT="abc"/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ SESSION_TTL_HOURS: '-1' })).toThrow(/SESSION_TTL_HOURS/);
  });
});

describe('data folder', () => {
  it('is resolved from where the user started npm, not from the workspace package', () => {
    expect(loadConfig({ INIT_CWD: '/srv/ranre' }).dataDir).toBe('/srv/ranre/data');
    expect(loadConfig({ INIT_CWD: '/srv/ranre', DATA_DIR: '/var/lib/ranre' }).dataDir).toBe('/var/lib/ranre');
  });
});

/** A production deployment sends SMS through a provider (the recording channel is demo-only). */
const SMS = {
  SMS_PROVIDER: 'aliyun',
  ALIYUN_SMS_ACCESS_KEY_ID: 'LTAI-test',
  ALIYUN_SMS_ACCESS_KEY_SECRET: 'secret-test',
  ALIYUN_SMS_SIGN_NAME: '淄博燃热',
  ALIYUN_SMS_TEMPLATES: '{"default":"SMS_100000001"}',
};

describe('demo and production mode (issue 12)', () => {
  it('demo by default: demo data and the demo payment gateway', () => {
    const c = loadConfig({});
    expect(c.mode).toBe('demo');
    expect(c.seed).toBe(true);
    expect(c.payments.gateway).toBe('demo');
  });

  it('production: no demo data and no online payment unless asked for', () => {
    const c = loadConfig({ RANRE_MODE: 'production', ...SMS });
    expect(c.seed).toBe(false);
    expect(c.payments.gateway).toBe('off');
  });

  it('production refuses the demo gateway and demo data with one message naming the variable', () => {
    expect(() => loadConfig({ RANRE_MODE: 'production', PAYMENT_GATEWAY: 'demo' })).toThrow(ConfigError);
    expect(() => loadConfig({ RANRE_MODE: 'production', PAYMENT_GATEWAY: 'demo' })).toThrow(
      /PAYMENT_GATEWAY=demo: the demo payment gateway exists only in demo mode/,
    );
    expect(() => loadConfig({ RANRE_MODE: 'production', SEED: 'on' })).toThrow(/SEED=on/);
  });

  it('G-5.8.3: production refuses the recording SMS channel and an incomplete provider, naming what is missing', () => {
    expect(() => loadConfig({ RANRE_MODE: 'production' })).toThrow(/set SMS_PROVIDER=aliyun/);
    expect(() => loadConfig({ RANRE_MODE: 'production', SMS_PROVIDER: 'recording' })).toThrow(
      /SMS_PROVIDER=recording .* demo mode only/,
    );
    const { ALIYUN_SMS_SIGN_NAME: _sign, ...unsigned } = SMS;
    expect(() => loadConfig({ RANRE_MODE: 'production', ...unsigned })).toThrow(/needs ALIYUN_SMS_SIGN_NAME/);
    expect(() => loadConfig({ RANRE_MODE: 'production', ...SMS, ALIYUN_SMS_TEMPLATES: 'SMS_1' })).toThrow(
      /ALIYUN_SMS_TEMPLATES must be JSON/,
    );
    const c = loadConfig({ RANRE_MODE: 'production', ...SMS });
    expect(c.sms).toMatchObject({
      provider: 'aliyun',
      aliyun: { endpoint: 'dysmsapi.aliyuncs.com', protocol: 'https' },
    });
    expect(loadConfig({}).sms.provider).toBe('recording');
  });

  it('production with online payment but without keys refuses, naming what is missing', () => {
    const live = { RANRE_MODE: 'production', PAYMENT_GATEWAY: 'live', ...SMS };
    expect(() => loadConfig(live)).toThrow(
      /no payment channel has keys.*WECHATPAY_MCH_ID.*ALIPAY_PUBLIC_KEY/,
    );
    expect(() => loadConfig({ ...live, ALIPAY_APP_ID: '2021004100000001' })).toThrow(
      /Alipay needs ALIPAY_PRIVATE_KEY, ALIPAY_PUBLIC_KEY \(missing\)/,
    );
    expect(() => loadConfig({ ...live, WECHATPAY_MCH_ID: '1230000109', WECHATPAY_APIV3_KEY: 'k' })).toThrow(
      /WeChat Pay needs WECHATPAY_APP_ID, WECHATPAY_PUBLIC_KEY, WECHATPAY_PUBLIC_KEY_ID, WECHATPAY_MERCHANT_PRIVATE_KEY, WECHATPAY_MERCHANT_SERIAL/,
    );
  });

  it('keys come from configuration, as PEM text or a file; a complete set starts', async () => {
    const { gatewayTestKeys } = await import('./modules/money/payments/payments.test-keys.ts');
    const { env } = gatewayTestKeys();
    const c = loadConfig({ RANRE_MODE: 'production', ...SMS, ...env });
    expect(c.payments.gateway).toBe('live');
    expect(c.payments.wechat?.publicKey).toContain('BEGIN PUBLIC KEY');
    expect(c.payments.alipay?.appId).toBe('2021004100000001');
    const escaped = env.ALIPAY_PUBLIC_KEY.replace(/\n/g, '\\n');
    expect(loadConfig({ ...env, ALIPAY_PUBLIC_KEY: escaped }).payments.alipay?.alipayPublicKey).toBe(
      env.ALIPAY_PUBLIC_KEY,
    );
    expect(() => loadConfig({ ...env, ALIPAY_PUBLIC_KEY: '/nonexistent/alipay.pem' })).toThrow(
      /ALIPAY_PUBLIC_KEY: neither PEM text nor a readable file/,
    );
    expect(() => loadConfig({ ...env, WECHATPAY_APIV3_KEY: 'short' })).toThrow(/WECHATPAY_APIV3_KEY/);
    expect(() => loadConfig({ ...env, PAYMENT_NOTIFY_BASE_URL: 'http://plain' })).toThrow(
      /PAYMENT_NOTIFY_BASE_URL/,
    );
  });
});

describe('mode, proxy and limits (issue 12)', () => {
  it('demo unless NODE_ENV=production or RANRE_MODE=production', () => {
    expect(loadConfig({}).isDemo).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production', ...SMS }).isDemo).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', RANRE_MODE: 'demo' }).isDemo).toBe(true);
    expect(loadConfig({ RANRE_MODE: 'production', ...SMS }).isDemo).toBe(false);
    expect(() => loadConfig({ RANRE_MODE: 'prod' })).toThrow(/RANRE_MODE/);
  });

  it('TRUST_PROXY: off by default; on, a hop count, or proxy addresses', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'on' }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.1,127.0.0.1/8' }).trustProxy).toBe('10.0.0.1,127.0.0.1/8');
    expect(() => loadConfig({ TRUST_PROXY: 'yes please' })).toThrow(/TRUST_PROXY/);
  });

  it('rate limits have generous defaults and are configurable', () => {
    const c = loadConfig({});
    expect([
      c.rateLimitPerMinute,
      c.loginRatePerUser,
      c.loginRatePerAddress,
      c.loginRateWindowMinutes,
    ]).toEqual([1200, 20, 100, 15]);
    expect(loadConfig({ RATE_LIMIT_PER_MINUTE: '50' }).rateLimitPerMinute).toBe(50);
    expect(() => loadConfig({ LOGIN_RATE_PER_USER: '0' })).toThrow(/LOGIN_RATE_PER_USER/);
  });
});

describe('MQTT ingestion (H-5.4.1)', () => {
  it('is off unless MQTT_URL is set, and a URL that is not a broker address stops start-up naming it', () => {
    expect(loadConfig({}).mqttUrl).toBeUndefined();
    expect(loadConfig({ MQTT_URL: 'mqtt://127.0.0.1:1883' }).mqttUrl).toBe('mqtt://127.0.0.1:1883');
    expect(() => loadConfig({ MQTT_URL: 'http://broker:1883' })).toThrow(/MQTT_URL/);
    expect(() => loadConfig({ MQTT_URL: '127.0.0.1:1883' })).toThrow(/MQTT_URL/);
  });
});
