import type { NoticeMeterSegment } from '@ranre/domain';
import type { AccountRow } from './engine.repository.ts';

// G-6.2.2: a meter exchanged or removed inside the billing period still owes the gas it measured up to its final
// register. Its part of the period is billed with the current meter's on the same bill (one bill per account and
// period), priced on the sum, and the notice lists each meter's readings (domain NoticeMeterSegment).

export type RemovedUsage =
  | { segments: NoticeMeterSegment[]; volume: number }
  | { skip: 'no_reading' | 'exchange_after_estimate' | 'register_decreased' };

export function removedUsage(row: AccountRow): RemovedUsage {
  const segments: NoticeMeterSegment[] = [];
  for (const m of row.removedMeters) {
    if (!m.open || m.final === null) return { skip: 'no_reading' };
    // An estimate billed on the old meter (G-6.2.5) is settled by hand: bills do not record which meter they read,
    // so the automatic correction against the next actual register cannot tell the two meters apart.
    if (m.open.kind === 'estimated') return { skip: 'exchange_after_estimate' };
    const volume = m.final - m.open.register;
    if (volume < 0) return { skip: 'register_decreased' };
    segments.push({
      serialNo: m.serialNo,
      startReading: m.open.register,
      endReading: m.final,
      volume,
      removedOn: m.removedOn as NoticeMeterSegment['removedOn'],
    });
  }
  return { segments, volume: segments.reduce((s, m) => s + m.volume, 0) };
}
