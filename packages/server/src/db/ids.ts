import { createHash, randomFillSync } from 'node:crypto';

// Ids for documents written in bulk (bills, notices). A time-ordered UUID (RFC 9562 version 7: 48-bit Unix
// milliseconds, then a 12-bit sequence, then random bits) lands at the right-hand edge of its B-tree indexes, so a
// billing run of a million bills appends index pages instead of touching random ones; the table default
// `ranre_uuid_v7()` (migration 0016) does the same in SQL.

const pool = Buffer.alloc(16 * 1024);
let poolAt = pool.length;
let lastMs = -1;
let seq = 0;

function random16(): Buffer {
  if (poolAt + 16 > pool.length) {
    randomFillSync(pool);
    poolAt = 0;
  }
  const out = pool.subarray(poolAt, poolAt + 16);
  poolAt += 16;
  return out;
}

const hex = (b: Buffer) => {
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
};

/** A version-7 UUID; ids minted by one process are strictly increasing (the sequence orders one millisecond). */
export function uuidv7(nowMs: number = Date.now()): string {
  let ms = nowMs;
  if (ms <= lastMs) {
    ms = lastMs;
    seq++;
    if (seq > 0xfff) {
      ms = ++lastMs;
      seq = 0;
    }
  } else {
    seq = 0;
  }
  lastMs = ms;
  const b = Buffer.from(random16());
  b.writeUIntBE(ms, 0, 6);
  b[6] = 0x70 | (seq >> 8);
  b[7] = seq & 0xff;
  b[8] = 0x80 | (b[8]! & 0x3f);
  return hex(b);
}

/** A name-based UUID (version 8, SHA-256 of the parts): the same content always gets the same id. */
export function contentUuid(...parts: string[]): string {
  const b = createHash('sha256').update(parts.join('\u0000')).digest().subarray(0, 16);
  b[6] = 0x80 | (b[6]! & 0x0f);
  b[8] = 0x80 | (b[8]! & 0x3f);
  return hex(Buffer.from(b));
}
