import { describe, expect, it } from 'vitest';
import {
  addMonthsToDate,
  checkLeakStep,
  checkVehicleFill,
  minutesToIsolate,
  nextLeakStep,
  verificationStatus,
  VEHICLE_MEDIA,
  type VehicleFacts,
} from './index.ts';
import { addDays } from '../time/shanghai.ts';

const TODAY = '2026-12-05';
const taxi = (over: Partial<VehicleFacts> = {}): VehicleFacts => ({
  plate: '鲁C·T1234',
  medium: 'CNG',
  openLeakCase: false,
  cylinders: [
    { serialNo: 'A1', medium: 'CNG', certificateNo: 'JY-1', certificateExpiresOn: '2027-06-30' },
    { serialNo: 'A2', medium: 'CNG', certificateNo: 'JY-2', certificateExpiresOn: '2027-08-31' },
  ],
  ...over,
});

describe('vehicle filling check (G-8.1.1, G-8.1.4, G-8.1.10)', () => {
  it('G-8.1.1 a cylinder made for another medium is refused with the reason', () => {
    const r = checkVehicleFill(taxi(), 'LNG', TODAY);
    expect(r.outcome).toBe('refused');
    expect(r.findings.map((f) => [f.reason, f.serialNo])).toEqual([
      ['medium_mismatch', 'A1'],
      ['medium_mismatch', 'A2'],
    ]);
    expect(r.findings[0]!.message.zh).toContain('介质不符');
  });

  it('G-8.1.10 an expired periodic-inspection certificate is refused; valid through its date', () => {
    const v = taxi({
      cylinders: [{ serialNo: 'B1', medium: 'CNG', certificateNo: 'JY-9', certificateExpiresOn: TODAY }],
    });
    expect(checkVehicleFill(v, 'CNG', TODAY).outcome).toBe('accepted');
    const next = checkVehicleFill(v, 'CNG', addDays(TODAY, 1));
    expect(next.outcome).toBe('refused');
    expect(next.findings[0]).toMatchObject({ reason: 'certificate_expired', serialNo: 'B1' });
    expect(next.findings[0]!.message.zh).toContain(TODAY);
  });

  it('G-8.1.10 a certificate within the reminder window is filled with a reminder, just outside without', () => {
    const soon = (d: number) =>
      taxi({
        cylinders: [
          { serialNo: 'C1', medium: 'CNG', certificateNo: 'JY-3', certificateExpiresOn: addDays(TODAY, d) },
        ],
      });
    const r30 = checkVehicleFill(soon(30), 'CNG', TODAY);
    expect(r30.outcome).toBe('accepted');
    expect(r30.reminders).toMatchObject([{ serialNo: 'C1', daysLeft: 30 }]);
    expect(checkVehicleFill(soon(31), 'CNG', TODAY).reminders).toEqual([]);
    // The window is data: another window moves the reminder.
    expect(checkVehicleFill(soon(31), 'CNG', TODAY, 45).reminders).toHaveLength(1);
  });

  it('G-8.1.5 a vehicle whose leak is still being handled is refused until the case is closed', () => {
    expect(checkVehicleFill(taxi({ openLeakCase: true }), 'CNG', TODAY).findings[0]!.reason).toBe(
      'leak_open',
    );
  });

  it('G-8.1.4 a compliant vehicle is never refused, whatever its medium, cylinders and dates', () => {
    let s = 20261205;
    const rnd = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
    for (let i = 0; i < 2_000; i++) {
      const medium = VEHICLE_MEDIA[Math.floor(rnd() * 3)]!;
      const today = addDays(TODAY, Math.floor(rnd() * 2_000) - 1_000);
      const n = 1 + Math.floor(rnd() * 8);
      const v: VehicleFacts = {
        plate: `P${i}`,
        medium,
        openLeakCase: false,
        cylinders: Array.from({ length: n }, (_, k) => ({
          serialNo: `S${k}`,
          medium,
          certificateNo: `N${k}`,
          certificateExpiresOn: addDays(today, Math.floor(rnd() * 1_500)),
        })),
      };
      const r = checkVehicleFill(v, medium, today);
      expect(r.outcome, JSON.stringify({ v, today })).toBe('accepted');
    }
  });

  it('G-8.1.4 an unregistered plate is not a refusal: the attendant registers it and checks again', () => {
    const r = checkVehicleFill(null, 'CNG', TODAY);
    expect(r.outcome).toBe('unregistered');
    expect(r.findings).toEqual([]);
  });
});

describe('dispenser verification (G-8.1.2)', () => {
  const last = (validUntil: string, passed = true) => ({
    last: { verifiedOn: '2026-06-01', passed, validUntil },
  });
  it('G-8.1.2 a dispenser is usable until its verification runs out, alerted within the window', () => {
    expect(verificationStatus(last('2027-03-01'), TODAY)).toMatchObject({ state: 'valid', usable: true });
    expect(verificationStatus(last(addDays(TODAY, 30)), TODAY)).toMatchObject({
      state: 'due_soon',
      daysLeft: 30,
      usable: true,
    });
    expect(verificationStatus(last(TODAY), TODAY)).toMatchObject({ state: 'due_soon', usable: true });
    expect(verificationStatus(last(addDays(TODAY, -1)), TODAY)).toMatchObject({
      state: 'overdue',
      usable: false,
    });
  });
  it('G-8.1.2 a failed or never-verified dispenser may not meter fills', () => {
    expect(verificationStatus(last('2027-03-01', false), TODAY).usable).toBe(false);
    expect(verificationStatus({ last: null }, TODAY)).toMatchObject({ state: 'never', usable: false });
  });
  it('G-8.1.2 six months on from a month end falls on the shorter month’s end', () => {
    expect(addMonthsToDate('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonthsToDate('2026-12-05', 6)).toBe('2027-06-05');
  });
});

describe('leak procedure (G-8.1.5)', () => {
  it('G-8.1.5 the steps come in order: found, isolated, owner told, handled, closed', () => {
    expect(checkLeakStep([], 'found')).toEqual({ ok: true });
    expect(checkLeakStep(['found'], 'owner_told').ok).toBe(false);
    expect(checkLeakStep(['found'], 'isolated')).toEqual({ ok: true });
    expect(checkLeakStep(['found', 'isolated', 'owner_told'], 'closed').ok).toBe(false);
    expect(checkLeakStep(['found', 'isolated', 'owner_told', 'handled', 'closed'], 'found').ok).toBe(false);
    expect(nextLeakStep(['found', 'isolated'])).toBe('owner_told');
    expect(nextLeakStep(['found', 'isolated', 'owner_told', 'handled', 'closed'])).toBeNull();
  });
  it('G-8.1.5 the minutes from found to isolated are shown', () => {
    const t = new Date('2026-12-05T01:00:00Z');
    expect(
      minutesToIsolate([
        { step: 'found', at: t },
        { step: 'isolated', at: new Date(t.getTime() + 4 * 60_000) },
      ]),
    ).toBe(4);
  });
});
