import type { WorkOrderState } from '../workorders/states.ts';
import { isHandlingDone } from './reopen.ts';

// A resident books a visit from the phone at a time he proposes (G-5.9.2, H-7.6.5.1 visits by appointment): a
// room-temperature test for a heating household (H-7.3.2), a time for the gas household's planned safety inspection
// (G-5.11.1, G-5.11.2), a bottled-gas delivery for a bottled-gas customer. The company agrees that time or another.

export type BookingKind = 'temperature_test' | 'inspection' | 'bottled_gas_delivery';

/** A proposal at least this far ahead, so the company can agree it before the time comes. */
export const BOOKING_MIN_LEAD_MINUTES = 60;
/** And no further ahead than this: a booking is for the coming weeks, not a standing order. */
export const BOOKING_MAX_AHEAD_DAYS = 30;

/** The bookings an account of this customer kind may make. */
export function bookableKinds(customerKind: string): BookingKind[] {
  if (customerKind === 'heating_resident' || customerKind === 'heating_non_resident')
    return ['temperature_test'];
  if (customerKind === 'bottled_gas') return ['bottled_gas_delivery'];
  if (customerKind.startsWith('pipeline_')) return ['inspection'];
  return [];
}

/** Why a proposed time cannot be taken, or null. */
export function proposedTimeProblem(proposedAt: Date, now: Date): 'too_soon' | 'too_far' | null {
  const ahead = proposedAt.getTime() - now.getTime();
  if (ahead < BOOKING_MIN_LEAD_MINUTES * 60_000) return 'too_soon';
  if (ahead > BOOKING_MAX_AHEAD_DAYS * 86_400_000) return 'too_far';
  return null;
}

export type BookingStatus = 'proposed' | 'agreed' | 'done' | 'ended';

/** Where a booking stands: the order's or the visit's own state decides, then whether a time was agreed. */
export function bookingStatus(b: {
  orderState: string | null;
  inspectedAt: Date | null;
  agreedAt: Date | null;
}): BookingStatus {
  if (b.orderState === 'cancelled') return 'ended';
  if (b.orderState && isHandlingDone(b.orderState as WorkOrderState)) return 'done';
  if (b.inspectedAt) return 'done';
  return b.agreedAt ? 'agreed' : 'proposed';
}
