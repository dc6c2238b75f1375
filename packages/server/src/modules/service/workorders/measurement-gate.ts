import { catalogueItem, isCatalogueCode, type Messages } from '@ranre/domain';
import type { Db } from '../../../db/client.ts';
import * as related from './related.repository.ts';

// H-7.2.3 / H-5.4.5: an order whose catalogue item settles on a room-temperature measurement (a low-temperature
// complaint) is completed only once a measurement taken by the protocol is recorded on it. One place for the rule's
// words, so the refusal of the event and the order detail's "what is missing" say the same thing.

export interface MeasurementStatus {
  /** The protocol the measurement follows (H-5.4.5). */
  protocol: string;
  /** Whether a measurement is recorded on this order. */
  recorded: boolean;
}

/** Why completion waits for the measurement. */
export function measurementMissing(protocol: string): Messages {
  return {
    zh: `须先按 ${protocol} 测温规程入户测温并在本工单记录结果，才能处理完毕`,
    en: `Measure the room temperature by the ${protocol} protocol and record it on this order before completing it`,
  };
}

/** The order's measurement requirement and whether it is met; null for an item that needs none. */
export async function measurementStatus(
  db: Db,
  order: { id: string; itemCode: string },
): Promise<MeasurementStatus | null> {
  return measurementOf(order.itemCode, () => related.hasMeasurement(db, order.id));
}

/** The same, with whether a measurement is recorded given (read beside the order, or none on a new one). */
export async function measurementOf(
  itemCode: string,
  recorded: () => Promise<boolean> | boolean,
): Promise<MeasurementStatus | null> {
  const protocol = isCatalogueCode(itemCode) ? catalogueItem(itemCode).measurementRequired : undefined;
  if (!protocol) return null;
  return { protocol, recorded: await recorded() };
}
