import { describe, expect, it } from 'vitest';
import { STANDARD_ROOM_TEMPERATURE_TENTHS } from '../heating/room-temperature.ts';
import { LEAK_ADVICE } from './emergency.ts';
import { charterSectorOf, publicCharter } from './public-charter.ts';
import { REOPEN_PERIOD_DAYS } from './reopen.ts';

const all = (c: ReturnType<typeof publicCharter>) => [
  ...c.commitments,
  ...c.quality,
  ...c.rightsAndDuties,
  ...c.safety,
  ...c.policies,
];

describe('the published charter (G-5.4.5, H-7.5.5, H-7.7.2.4)', () => {
  it('G-5.4.5 b, H-7.7.2.4 both sectors publish commitments with accountability naming the reopen period', () => {
    for (const sector of ['gas', 'heating'] as const) {
      const c = publicCharter(sector);
      for (const part of Object.values(c)) expect(part.length, sector).toBeGreaterThan(0);
      expect(
        c.commitments.some((m) => m.zh.includes('服务问责') && m.zh.includes(`${REOPEN_PERIOD_DAYS} 天`)),
      ).toBe(true);
      expect(c.commitments.some((m) => m.en.includes(`${REOPEN_PERIOD_DAYS} days`))).toBe(true);
      // Every line in both languages.
      for (const m of all(c)) expect(m.zh && m.en, m.zh).toBeTruthy();
    }
  });

  it('H-5.1, H-7.5.5 the heating quality line states the room temperature the temperature tests judge by', () => {
    const t = `${STANDARD_ROOM_TEMPERATURE_TENTHS / 10}℃`;
    const c = publicCharter('heating');
    expect(c.quality[0]!.zh).toContain(`不低于 ${t}`);
    expect(c.quality[0]!.en).toContain(`at least ${t}`);
    expect(c.policies.map((p) => p.zh)).toContain('《淄博市城镇冬季供热服务规范》');
  });

  it('G-5.4.5 e, G-6.2.13 the gas safety knowledge carries every step of the leak advice the report page shows', () => {
    const leak = publicCharter('gas').safety.find((m) => m.zh.startsWith('闻到燃气味'))!;
    for (const a of LEAK_ADVICE) expect(leak.zh).toContain(a.zh);
    expect(publicCharter('gas').rightsAndDuties.some((m) => m.zh.includes('配合入户安全检查'))).toBe(true);
  });

  it('heating companies publish the heating charter; every gas business the gas one', () => {
    expect(charterSectorOf('heating')).toBe('heating');
    expect(charterSectorOf('heating_reseller')).toBe('heating');
    for (const k of ['pipeline_gas', 'bottled_gas', 'vehicle_gas', 'appliance'])
      expect(charterSectorOf(k)).toBe('gas');
  });

  it('H-9.1, G-11.1 the heating charter encourages home-property heating insurance; the gas charter promotes gas insurance', () => {
    const text = (sector: 'gas' | 'heating') =>
      publicCharter(sector)
        .rightsAndDuties.map((m) => m.zh)
        .join('');
    expect(text('heating')).toContain('家庭财产供热专项险');
    expect(text('gas')).toContain('推广多种类的燃气保险');
  });
});
