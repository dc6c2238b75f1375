import { describe, expect, it } from 'vitest';
import { bookableKinds, bookingStatus, proposedTimeProblem } from './booking.ts';

const at = (s: string) => new Date(s);

describe('booking a visit', () => {
  it('G-5.9.2 each account books what its service offers: heating a temperature test, pipeline gas its inspection time, bottled gas a delivery', () => {
    expect(bookableKinds('heating_resident')).toEqual(['temperature_test']);
    expect(bookableKinds('pipeline_urban_resident')).toEqual(['inspection']);
    expect(bookableKinds('pipeline_rural_resident')).toEqual(['inspection']);
    expect(bookableKinds('bottled_gas')).toEqual(['bottled_gas_delivery']);
    expect(bookableKinds('vehicle_fleet')).toEqual([]);
  });

  it('G-5.9.2 a proposed time is at least an hour ahead and within 30 days', () => {
    const now = at('2026-12-01T01:00:00Z');
    expect(proposedTimeProblem(at('2026-12-01T01:30:00Z'), now)).toBe('too_soon');
    expect(proposedTimeProblem(at('2026-12-01T02:00:00Z'), now)).toBeNull();
    expect(proposedTimeProblem(at('2026-12-31T01:00:00Z'), now)).toBeNull();
    expect(proposedTimeProblem(at('2026-12-31T01:01:00Z'), now)).toBe('too_far');
  });

  it('G-5.9.2 a booking is proposed until a time is agreed, done with the work, ended if cancelled', () => {
    const agreed = at('2026-12-02T02:00:00Z');
    expect(bookingStatus({ orderState: 'received', inspectedAt: null, agreedAt: null })).toBe('proposed');
    expect(bookingStatus({ orderState: 'dispatched', inspectedAt: null, agreedAt: agreed })).toBe('agreed');
    expect(bookingStatus({ orderState: 'completed', inspectedAt: null, agreedAt: agreed })).toBe('done');
    expect(bookingStatus({ orderState: 'cancelled', inspectedAt: null, agreedAt: agreed })).toBe('ended');
    expect(bookingStatus({ orderState: null, inspectedAt: null, agreedAt: agreed })).toBe('agreed');
    expect(bookingStatus({ orderState: null, inspectedAt: agreed, agreedAt: agreed })).toBe('done');
  });
});
