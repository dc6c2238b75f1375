import { brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noticeWorld, type NoticeWorld } from '../../service/notices/notices.fixtures.ts';

// The public enterprise pages as server-rendered HTML (G-4.2.3, H-7.5.5; issue 16 "fast and indexable"): read
// without signing in, from the same service the API publishes, with no script, compressed for a slow network.

let w: NoticeWorld;
beforeAll(async () => {
  w = await noticeWorld();
  w.at('2026-11-26 09:00');
});
afterAll(() => w.close());

const get = (url: string, headers: Record<string, string> = {}) =>
  w.t.app.inject({ method: 'GET', url, headers });

describe('server-rendered public pages', () => {
  it('G-4.2.3 /info lists the service enterprises as links, without the regulator, and loads no script', async () => {
    const res = await get('/info');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain(`/info/${w.world.gas.id}`);
    expect(res.body).toContain('测试燃气公司');
    expect(res.body).not.toContain(w.world.regulator.id);
    expect(res.body).not.toContain('<script');
  });

  it('G-4.2.3, H-10.4.4 /info/:id carries the phones, the catalogue limits and the complaint rules, from the published data', async () => {
    const api = (await get(`/api/public/enterprises/${w.world.gas.id}`)).json();
    const res = await get(`/info/${w.world.gas.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`tel:${api.enterprise.hotline}`);
    expect(res.body).toContain('data-testid="public-hotline"');
    // Every published catalogue item, with the limit text the clocks use.
    for (const item of api.catalogue) expect(res.body).toContain(item.name.zh);
    expect(res.body).toContain(api.catalogue[0].clocks[0].limitText.zh);
    expect(res.body).toContain('data-testid="public-complaints"');
    expect(res.body).not.toContain('<script');
  });

  it('the page goes compressed to a browser that accepts Brotli, and an unknown enterprise is a 404 page', async () => {
    const br = await get(`/info/${w.world.gas.id}`, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    const html = brotliDecompressSync(br.rawPayload).toString('utf8');
    expect(html).toContain('data-testid="public-hotline"');
    expect(br.rawPayload.length).toBeLessThan(Buffer.byteLength(html) / 3);
    expect((await get('/info/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await get(`/info/${w.world.regulator.id}`)).statusCode).toBe(404);
    expect((await get('/info/not-an-id')).statusCode).toBe(404);
  });
});
