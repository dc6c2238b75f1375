// The gateways of bench/api.bench.ts's ingestion measurement, in a process of their own (as autocannon is for the
// other routes), so that making and sending the batches does not run on the server's event loop: a gateway is another
// machine. Argument: JSON { base, key, codes: [{ id, code }], nowMs, first, seconds, clients, batch }. Each client posts
// 5,000-reading batches back to back; batch k (across clients) takes instants of its own, so every reading is new.
// Prints JSON { readings, accepted, seconds, next } (next: the first batch number not used).
import { readingsOf } from './ingest-batch.mjs';

const { base, key, codes, nowMs, first, seconds, clients, batch } = JSON.parse(process.argv[2]);
let k = first;
let readings = 0;
let accepted = 0;

const body = (from) =>
  JSON.stringify({
    readings: readingsOf(codes, nowMs, from, batch).map(({ sensorId, at, temperature }) => ({
      sensorId,
      at,
      temperature,
    })),
  });

const t0 = performance.now();
const end = Date.now() + seconds * 1000;
async function post() {
  while (Date.now() < end) {
    const res = await fetch(`${base}/api/sensors/readings`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: body(3600 + k++ * 200),
    });
    const answer = await res.json();
    if (!res.ok) throw new Error(`ingest ${res.status} ${JSON.stringify(answer).slice(0, 300)}`);
    readings += batch;
    accepted += answer.accepted ?? 0;
  }
}
await Promise.all(Array.from({ length: clients }, post));
console.log(JSON.stringify({ readings, accepted, seconds: (performance.now() - t0) / 1000, next: k }));
