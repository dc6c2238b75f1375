// After `vite build`: a Brotli and a gzip twin of every text file in dist/, which the server sends to browsers
// that accept them (@fastify/static preCompressed). A resident on a slow phone network gets the UI at about a
// quarter of its size (issue 16: pages under 1 s on a slow profile); nothing is compressed per request.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dist = new URL('../dist/', import.meta.url).pathname;
const TEXT = /\.(js|css|html|svg|json|txt|map)$/;

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const file = join(dir, name);
    return statSync(file).isDirectory() ? walk(file) : [file];
  });
}

let before = 0;
let after = 0;
for (const file of walk(dist).filter((f) => TEXT.test(f))) {
  const body = readFileSync(file);
  if (body.length < 1024) continue;
  const br = brotliCompressSync(body, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
  });
  writeFileSync(`${file}.br`, br);
  writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
  before += body.length;
  after += br.length;
}
console.log(`precompressed: ${Math.round(before / 1024)} KiB → ${Math.round(after / 1024)} KiB (brotli)`);
