import { describe, expect, it } from 'vitest';
import { megajoules, percent, pressure } from './units.ts';

describe('gas-quality units', () => {
  it('G-5.1.8 the calorific value, composition and pressure read in MJ/m³, % and kPa/MPa', () => {
    expect(megajoules(35_590)).toBe('35.59 MJ/m³');
    expect(percent(9600)).toBe('96.00%');
    expect(pressure(2000)).toBe('2.0 kPa');
    expect(pressure(400_000)).toBe('0.40 MPa');
  });
});
