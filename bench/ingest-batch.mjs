// The readings of one ingestion batch, shared by the gateways (bench/ingest-client.mjs, which posts them) and the
// COPY baseline (bench/api.bench.ts), so that both write the same rows.

/**
 * `batch` readings: every given sensor at each instant, instants a second apart starting `from` seconds before
 * `nowMs` (5,000 readings of 50 sensors are 100 instants).
 * @param {{ id: string; code: string }[]} codes
 * @param {number} nowMs
 * @param {number} from
 * @param {number} batch
 * @returns {{ sensorId: string; id: string; at: string; temperature: number }[]}
 */
export function readingsOf(codes, nowMs, from, batch) {
  const out = [];
  const per = Math.ceil(batch / codes.length);
  for (let j = 0; j < per && out.length < batch; j++) {
    const at = new Date(nowMs - (from + j) * 1000).toISOString();
    for (const c of codes) {
      if (out.length === batch) break;
      out.push({ sensorId: c.code, id: c.id, at, temperature: 19 + ((j * 7) % 40) / 10 });
    }
  }
  return out;
}
