// An open load for bench/api.bench.ts, in a process of its own: requests start at a fixed rate whatever the answers
// take (one every 1000/rate ms, on a schedule that does not drift), so the latency is read at that rate, as callers
// arriving on their own would see it. autocannon's -R sends each second's requests in a burst at its start and waits
// for connections, which measures a burst instead. Argument: JSON { url, method, headers, body, rate, seconds }.
// Prints JSON { sent, ok, failed, p50, p99, max } (milliseconds).
import http from 'node:http';

const { url, method, headers, body, rate, seconds } = JSON.parse(process.argv[2]);
const agent = new http.Agent({ keepAlive: true, maxSockets: 1000 });
const times = [];
let failed = 0;
let sent = 0;

function one() {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const req = http.request(url, { method, headers, agent }, (res) => {
      res.resume();
      res.on('end', () => {
        if (res.statusCode >= 200 && res.statusCode < 300) times.push(performance.now() - t0);
        else failed++;
        resolve();
      });
    });
    req.on('error', () => {
      failed++;
      resolve();
    });
    req.end(body);
  });
}

const start = performance.now();
const total = Math.round(rate * seconds);
const pending = [];
await new Promise((done) => {
  const tick = () => {
    const due = Math.min(total, Math.floor(((performance.now() - start) * rate) / 1000) + 1);
    while (sent < due) {
      sent++;
      pending.push(one());
    }
    if (sent >= total) done();
    else setTimeout(tick, 1);
  };
  tick();
});
await Promise.all(pending);
times.sort((a, b) => a - b);
const at = (q) => Math.round(times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0);
console.log(JSON.stringify({ sent, ok: times.length, failed, p50: at(0.5), p99: at(0.99), max: at(1) }));
agent.destroy();
