import { describe, expect, it } from 'vitest';
import { announcementText, assertAnnouncement } from './announcement.ts';

describe('inspection announcements', () => {
  it('G-5.11.2 the household is told the day, the window and who comes, with his badge and the phone to change it', () => {
    const text = announcementText({
      company: '淄博绿博燃气',
      hotline: '0533-1234567',
      inspectorName: '张志强',
      badgeNo: 'AJ-007',
      date: '2026-12-08',
      timeWindow: '09:00-12:00',
    });
    expect(text.zh).toContain('2026-12-08（星期二）09:00-12:00');
    expect(text.zh).toContain('张志强（工号 AJ-007）');
    expect(text.zh).toContain('0533-1234567');
    expect(text.en).toContain('badge AJ-007');
  });

  it('G-5.11.2 an inspection is announced ahead: today is too late, tomorrow is not; a window must end after it starts', () => {
    expect(() => assertAnnouncement({ date: '2026-12-05', timeWindow: '09:00-12:00' }, '2026-12-05')).toThrow(
      /earliest day is 2026-12-06/,
    );
    expect(() =>
      assertAnnouncement({ date: '2026-12-06', timeWindow: '09:00-12:00' }, '2026-12-05'),
    ).not.toThrow();
    expect(() =>
      assertAnnouncement({ date: '2026-12-06', timeWindow: '14:00-12:00' }, '2026-12-05'),
    ).toThrow();
  });
});
