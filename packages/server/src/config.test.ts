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

describe('mode, proxy and limits (issue 12)', () => {
  it('demo unless NODE_ENV=production or RANRE_MODE=production', () => {
    expect(loadConfig({}).isDemo).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production' }).isDemo).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', RANRE_MODE: 'demo' }).isDemo).toBe(true);
    expect(loadConfig({ RANRE_MODE: 'production' }).isDemo).toBe(false);
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
