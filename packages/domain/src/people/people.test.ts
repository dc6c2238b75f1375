import { describe, expect, it } from 'vitest';
import { creditCodeProblem, withCreditCodeCheckChar } from './credit-code.ts';
import { passwordMeetsPolicy } from './password-policy.ts';
import { isValidPhone, maskPhone } from './phone.ts';

describe('unified social credit code (GB 32100)', () => {
  it('accepts published codes with a correct check character', () => {
    expect(creditCodeProblem('91350100M000100Y43')).toBeNull();
    expect(creditCodeProblem('91110000600037341L')).toBeNull();
  });
  it('rejects a wrong check character, bad characters and bad length', () => {
    expect(creditCodeProblem('91350100M000100Y44')).toBe('check');
    expect(creditCodeProblem('91350100M000100YI3')).toBe('character');
    expect(creditCodeProblem('91350100M000100Y4')).toBe('length');
  });
  it('builds valid codes for demo data', () => {
    expect(creditCodeProblem(withCreditCodeCheckChar('91370300MA3C00000'))).toBeNull();
  });
});

describe('password policy', () => {
  it('needs 8 characters and 3 of 4 classes', () => {
    expect(passwordMeetsPolicy('Ranre@2026')).toBe(true);
    expect(passwordMeetsPolicy('abcdefg1A')).toBe(true);
    expect(passwordMeetsPolicy('Ab1@')).toBe(false);
    expect(passwordMeetsPolicy('abcdefgh1')).toBe(false);
  });
});

describe('phones: G-5.7.6 masking', () => {
  it('validates mobile, landline and service numbers', () => {
    expect(isValidPhone('13805331234')).toBe(true);
    expect(isValidPhone('0533-2345678')).toBe(true);
    expect(isValidPhone('12345')).toBe(true);
    expect(isValidPhone('1380533123')).toBe(false);
    expect(isValidPhone('abc')).toBe(false);
  });
  it('G-5.7.6, H-7.6.6.3: masks the middle digits', () => {
    expect(maskPhone('13805331234')).toBe('138****1234');
    expect(maskPhone(null)).toBeNull();
  });
});
