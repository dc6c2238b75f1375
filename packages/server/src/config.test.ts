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
