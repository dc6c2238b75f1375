import { brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnterprise, createUser } from '../../../testing/harness.ts';
import { esc } from './public-pages.render.ts';
import { iso, noticeWorld, type NoticeWorld } from '../../service/notices/notices.fixtures.ts';

// The public enterprise pages as server-rendered HTML (G-4.2.3, H-7.5.5; issue 16 "fast and indexable"): read
// without signing in, from the same service the API publishes, with no script, compressed for a slow network.

let w: NoticeWorld;
beforeAll(async () => {
  w = await noticeWorld();
  w.at('2026-11-26 09:00');
  // A filling notice of the heating company, published 9 days ahead, for the board.
  const notice = await w.call('heat_admin', 'POST', '/api/notices', {
    kind: 'filling',
    title: '2026—2027采暖季管网注水',
    communities: ['华光小区'],
    managerName: '周建平',
    managerPhone: '0533-2345678',
    startsAt: iso('2026-12-05 08:00'),
  });
  expect(notice.statusCode, notice.body).toBe(201);
  // A bottled-gas company with one registered cylinder, for the lookup.
  const lpg = await createEnterprise(w.t.database, 'bottled_gas', '测试液化气公司');
  await createUser(w.t.database, lpg.id, 'lpg_admin', 'enterprise_admin');
  const cylinder = await w.call('lpg_admin', 'POST', '/api/cylinders', {
    code: 'YH0000001',
    manufacturer: '淄博示范钢瓶厂',
    serialNo: 'S-YH0000001',
    manufacturedOn: '2022-03-01',
    model: 'YSP35.5',
    marking: '示范液化气',
    lastInspectedOn: '2025-04-10',
  });
  expect(cylinder.statusCode, cylinder.body).toBe(201);
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

  it('H-10.5.6, G-12.3 /info/:id shows the evaluation results as published, with their targets; before any, says so', async () => {
    const before = await get(`/info/${w.world.heat.id}`);
    expect(before.body).toContain('data-testid="public-results"');
    expect(before.body).toContain('尚未公布评价结果');
    const pub = await w.call('heat_admin', 'POST', '/api/evaluation/publications', { period: '2026-10' });
    expect(pub.statusCode, pub.body).toBe(201);
    const api = (await get(`/api/public/evaluation-results?enterpriseId=${w.world.heat.id}`)).json() as {
      items: { period: string; figures: { name: { zh: string }; value: number | null; target: string }[] }[];
    };
    const figures = api.items.flatMap((s) => s.figures);
    expect(figures.length).toBeGreaterThan(0);
    const html = (await get(`/info/${w.world.heat.id}`)).body;
    expect(html).not.toContain('尚未公布评价结果');
    expect(html).toContain('<b>2026-10</b>');
    expect([...html.matchAll(/data-testid="public-result"/g)]).toHaveLength(figures.length);
    for (const f of figures) {
      expect(html).toContain(`${f.name.zh}：${f.value === null ? '—' : `${f.value}%`}`);
    }
    // Another enterprise's page does not carry these figures.
    expect((await get(`/info/${w.world.gas.id}`)).body).toContain('尚未公布评价结果');
  });

  it('G-5.4.5, H-7.5.5, H-7.7.2.4 /info/:id publishes the charter of its sector: commitments and accountability, quality, rights and duties, safety, rules', async () => {
    for (const e of [w.world.gas, w.world.heat]) {
      const api = (await get(`/api/public/enterprises/${e.id}`)).json() as {
        charter: Record<string, { zh: string }[]>;
      };
      const html = (await get(`/info/${e.id}`)).body;
      for (const [part, testId] of [
        ['commitments', 'public-charter-commitments'],
        ['quality', 'public-charter-quality'],
        ['rightsAndDuties', 'public-charter-rights'],
        ['safety', 'public-charter-safety'],
        ['policies', 'public-charter-policies'],
      ] as const) {
        expect(html).toContain(`data-testid="${testId}"`);
        expect(api.charter[part]!.length).toBeGreaterThan(0);
        for (const m of api.charter[part]!) expect(html).toContain(esc(m.zh));
      }
    }
    const heat = (await get(`/info/${w.world.heat.id}`)).body;
    expect(heat).toContain('不低于 18℃');
    expect(heat).toContain('《淄博市城镇冬季供热服务规范》');
    const gas = (await get(`/info/${w.world.gas.id}`)).body;
    expect(gas).toContain('闻到燃气味');
    expect(gas).not.toContain('不低于 18℃');
  });

  it('G-4.2.3 indexable: robots.txt opens the public pages and closes the API; the sitemap lists every public enterprise page', async () => {
    const robots = await get('/robots.txt', { host: 'ranre.example.cn' });
    expect(robots.statusCode).toBe(200);
    const lines = robots.body.split('\n');
    for (const p of ['/info', '/catalogue', '/notice-board', '/cylinder-lookup'])
      expect(lines).toContain(`Allow: ${p}`);
    expect(lines).toContain('Disallow: /');
    expect(lines).toContain('Sitemap: http://ranre.example.cn/sitemap.xml');
    const sitemap = await get('/sitemap.xml', { host: 'ranre.example.cn' });
    expect(sitemap.headers['content-type']).toContain('application/xml');
    const { items } = (await get('/api/public/enterprises')).json() as { items: { id: string }[] };
    for (const e of items) expect(sitemap.body).toContain(`<loc>http://ranre.example.cn/info/${e.id}</loc>`);
    expect(sitemap.body).not.toContain(w.world.regulator.id);
    expect(sitemap.body).toContain('<loc>http://ranre.example.cn/catalogue?sector=heating</loc>');
    // A forged host is not echoed into the sitemap.
    expect((await get('/sitemap.xml', { host: 'x"><script>' })).body).not.toContain('<script>');
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

describe('the service guide, the notice board and the cylinder lookup as server-rendered pages (issue 16: under 1 s on a slow phone network)', () => {
  it('G-4.2.3, H-7.1.1 /catalogue shows every item of the sector the API publishes, with its limit text and clause, without script', async () => {
    for (const sector of ['gas', 'heating'] as const) {
      const api = (await get(`/api/catalogue?sector=${sector}`)).json() as {
        items: {
          code: string;
          name: { zh: string };
          clocks: { clause: string; limitText: { zh: string } }[];
        }[];
      };
      const res = await get(`/catalogue?sector=${sector}`);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('data-testid="page-catalogue"');
      expect(res.body).not.toContain('<script');
      const shown = [...res.body.matchAll(/data-testid="catalogue-item-([^"]+)"/g)].map((m) => m[1]);
      expect(shown.sort()).toEqual(api.items.map((i) => i.code).sort());
      for (const item of api.items) {
        expect(res.body).toContain(item.name.zh);
        for (const c of item.clocks)
          expect(res.body).toContain(`${c.limitText.zh}</b> <span class="muted">${c.clause}`);
      }
    }
    // The default is the gas sector; a search narrows the list; an unknown sector falls back, never a 500.
    expect((await get('/catalogue')).body).toContain('catalogue-item-gas_complaint');
    const searched = (await get(`/catalogue?sector=gas&q=${encodeURIComponent('投诉')}`)).body;
    expect(searched).toContain('catalogue-item-gas_complaint');
    expect(searched).not.toContain('catalogue-item-gas_repair');
    expect((await get('/catalogue?sector=x&q=<b>')).statusCode).toBe(200);
    expect((await get('/catalogue?q=<b>')).body).toContain('value="&lt;b&gt;"');
  });

  it('H-6.1.4, H-6.2.6 /notice-board shows the notices the API publishes, with the manager and the hotline, by sector', async () => {
    const api = (await get('/api/public/notices')).json() as { items: { title: string; noticeNo: string }[] };
    expect(api.items.length).toBeGreaterThan(0);
    const res = await get('/notice-board');
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('<script');
    expect([...res.body.matchAll(/data-testid="board-notice"/g)]).toHaveLength(api.items.length);
    for (const n of api.items) expect(res.body).toContain(n.noticeNo);
    expect(res.body).toContain('2026—2027采暖季管网注水');
    expect(res.body).toContain('片区负责人 周建平 0533-2345678');
    expect(res.body).toContain('2026-12-05 08:00');
    expect(res.body).toContain('注水公告');
    // The heating company's notice is not on the gas tab.
    expect((await get('/notice-board?sector=gas')).body).not.toContain('2026—2027采暖季管网注水');
    expect((await get('/notice-board?sector=heating')).body).toContain('2026—2027采暖季管网注水');
  });

  it('G-7.1.13 /cylinder-lookup?code= answers like the API: the verdict, the filling company, the dates and the standards', async () => {
    const empty = await get('/cylinder-lookup');
    expect(empty.statusCode).toBe(200);
    expect(empty.body).toContain('<form class="search" action="/cylinder-lookup" method="get">');
    expect(empty.body).not.toContain('data-testid="pc-verdict"');
    const api = (await get('/api/public/cylinders/YH0000001')).json();
    const res = await get('/cylinder-lookup?code=YH0000001');
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('<script');
    expect(res.body).toContain('data-testid="pc-verdict"');
    expect(res.body).toContain(api.usable ? '可以使用' : '请勿使用');
    expect(res.body).toContain('测试液化气公司');
    expect(res.body).toContain(`<dt>下次检验</dt><dd>${api.nextInspectionOn}</dd>`);
    expect(res.body).toContain(`充装量的 ${api.standards.residueLimitPercent}%`);
    // An unregistered code: do not use it, and tell the authority.
    const unknown = (await get('/cylinder-lookup?code=ZZ0000001')).body;
    expect(unknown).toContain('请勿使用');
    expect(unknown).toContain('该编码未登记');
    // A malformed code is a 400 page that names the format; nothing is looked up.
    const bad = await get(`/cylinder-lookup?code=${encodeURIComponent('<x>')}`);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('data-testid="pc-invalid"');
    expect(bad.body).not.toContain('<x>');
  });

  it('H-7.5.5 each of the three pages goes Brotli-compressed under 8 kB to a phone browser', async () => {
    for (const url of ['/catalogue', '/notice-board', '/cylinder-lookup?code=YH0000001']) {
      const br = await get(url, { 'accept-encoding': 'gzip, deflate, br' });
      expect(br.headers['content-encoding'], url).toBe('br');
      expect(brotliDecompressSync(br.rawPayload).toString('utf8'), url).toContain('</html>');
      expect(br.rawPayload.length, url).toBeLessThan(8 * 1024);
    }
  });
});
