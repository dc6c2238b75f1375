// Issue 16's page time (H-7.5.5, G-4.2.3 "fast"): each public page, first visit without a session, on a slow phone
// network — 400 kbit/s each way, 400 ms latency, emulated through CDP in Debian's chromium at 390 × 844 — until its
// content is painted (the browser's first-contentful-paint). Target: ≤ 1 s. The baseline, measured in the same run,
// is the very same response (its bytes and headers, fetched from the server just before) served by a bare Node
// HTTP server with nothing behind it: what the network and the phone cost for those bytes, the floor of any server.
//
//   npx tsx bench/public-pages.bench.ts        (builds nothing: run `npm run build -w @ranre/web` first)
import http from 'node:http';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../tests/e2e/browser.ts';
import { startServer } from '../tests/e2e/server.ts';

const SLOW = { offline: false, latency: 400, downloadThroughput: 50_000, uploadThroughput: 50_000 };
const TARGET_MS = 1000;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

/** Serves one recorded response (status, headers, body) for any path: the baseline. */
async function replay(res: {
  headers: Record<string, string>;
  body: Buffer;
}): Promise<{ url: string; close: () => void }> {
  const srv = http.createServer((_req, out) => {
    out.writeHead(200, res.headers);
    out.end(res.body);
  });
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, close: () => srv.close() };
}

/** The response as the phone gets it (brotli where the server has it), raw bytes and headers. */
function record(url: string): Promise<{ headers: Record<string, string>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { 'accept-encoding': 'br, gzip' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const headers: Record<string, string> = {};
          for (const k of ['content-type', 'content-encoding', 'cache-control', 'content-security-policy'])
            if (res.headers[k]) headers[k] = String(res.headers[k]);
          resolve({ headers, body: Buffer.concat(chunks) });
        });
      })
      .on('error', reject);
  });
}

/** First contentful paint of `url` as a first visit on the slow profile (the median of RUNS fresh contexts). */
async function paint(browser: Browser, url: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', SLOW);
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    // The paint entry is queued after the frame is shown: wait for it (buffered) rather than read it at once.
    const fcp = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          new PerformanceObserver((list) => {
            const e = list.getEntriesByName('first-contentful-paint')[0];
            if (e) resolve(e.startTime);
          }).observe({ type: 'paint', buffered: true });
          setTimeout(() => resolve(Number.NaN), 10_000);
        }),
    );
    times.push(Math.round(fcp));
    await context.close();
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

// The tests' server start-up (a fresh data directory, migrated and seeded with the demo), waited for up to 10 min.
const server = await startServer(600_000);
const browser = await launchBrowser();
try {
  const { items } = (await (await fetch(`${server.url}/api/public/enterprises`)).json()) as {
    items: { id: string; name: string }[];
  };
  const gas = items.find((e) => e.name.includes('燃气'))!;
  const pages = ['/info', `/info/${gas.id}`, '/catalogue', '/notice-board', '/cylinder-lookup'];
  // Warm the server and the phone's browser: a production server is warm, and the browser's first page ever pays
  // its renderer's start-up, not the network.
  for (const p of pages) await fetch(`${server.url}${p}`);
  await paint(browser, `${server.url}/info`);
  console.log(
    `public pages, first visit on 400 kbit/s and 400 ms, 390 × 844; median of ${RUNS}; target ≤ ${TARGET_MS} ms`,
  );
  for (const p of pages) {
    const recorded = await record(`${server.url}${p}`);
    const base = await replay(recorded);
    const route = await paint(browser, `${server.url}${p}`);
    const floor = await paint(browser, `${base.url}${p}`);
    base.close();
    console.log(
      `  ${p.padEnd(48)} ${String(route).padStart(5)} ms (${(recorded.body.length / 1024).toFixed(1)} kB)  baseline ${String(floor).padStart(5)} ms  ratio ${(route / floor).toFixed(2)}×  ${route <= TARGET_MS ? 'within' : 'OVER'} the target`,
    );
  }
} finally {
  await browser.close();
  await server.stop();
}
