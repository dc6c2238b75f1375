import { describe, expect, it } from 'vitest';
import {
  BINDING_MAX_ATTEMPTS,
  bindingCodeExpiry,
  bindingPhone,
  checkBindingCode,
  mayReopen,
  reopenUntil,
  residueRefundFen,
} from './index.ts';

const holder = { name: '李 秀英', phone: '13905330001', phone2: '0533-2345678' };
const at = (iso: string) => new Date(iso);

describe('binding check (G-5.8.1, H-7.5.2; G-5.7.6)', () => {
  it('G-5.8.1 the code goes to the mobile on file only when the name and its last four digits match', () => {
    expect(bindingPhone(holder, { name: '李秀英', phoneLast4: '0001' })).toBe('13905330001');
    expect(bindingPhone(holder, { name: '李秀英', phoneLast4: '0002' })).toBeNull();
    expect(bindingPhone(holder, { name: '李秀', phoneLast4: '0001' })).toBeNull();
    // a landline cannot receive the code, even when its digits match
    expect(bindingPhone(holder, { name: '李秀英', phoneLast4: '5678' })).toBeNull();
    expect(bindingPhone({ ...holder, phone: null }, { name: '李秀英', phoneLast4: '0001' })).toBeNull();
  });

  it('G-5.8.1 a code is refused after it expires or after too many wrong tries', () => {
    const now = at('2026-12-01T02:00:00Z');
    const pending = { expiresAt: bindingCodeExpiry(now), attempts: 0, status: 'pending' as const };
    expect(checkBindingCode(pending, true, now)).toBe('ok');
    expect(checkBindingCode(pending, false, now)).toBe('wrong');
    expect(checkBindingCode(pending, true, at('2026-12-01T02:10:01Z'))).toBe('expired');
    expect(checkBindingCode({ ...pending, attempts: BINDING_MAX_ATTEMPTS }, true, now)).toBe('spent');
    expect(checkBindingCode({ ...pending, status: 'verified' }, true, now)).toBe('spent');
  });
});

describe('reopen period (H-7.3.4, G-5.9.8)', () => {
  it('H-7.3.4 an order completed on a day may be reopened until 24:00 Beijing time seven days later', () => {
    const completed = at('2026-12-01T15:30:00Z'); // 2026-12-01 23:30 Beijing
    expect(reopenUntil(completed).toISOString()).toBe('2026-12-08T16:00:00.000Z');
    expect(mayReopen('closed', completed, at('2026-12-08T15:59:00Z'))).toMatchObject({ ok: true });
    expect(mayReopen('closed', completed, at('2026-12-08T16:00:01Z'))).toMatchObject({
      ok: false,
      reason: 'period_over',
    });
  });

  it('H-7.3.4 an order still being handled cannot be reopened', () => {
    expect(mayReopen('in_progress', null, at('2026-12-01T00:00:00Z'))).toEqual({
      ok: false,
      reason: 'not_done',
    });
    expect(mayReopen('cancelled', at('2026-12-01T00:00:00Z'), at('2026-12-01T01:00:00Z'))).toMatchObject({
      ok: false,
    });
  });
});

describe('bottled-gas residue (G-7.1.13, G-7.1.14)', () => {
  it('G-7.1.13 only the residue above 3 % of the fill is refunded, at the fill price', () => {
    // 14.5 kg fill: 435 g allowed. 300 g residue: nothing; 935 g: 500 g over at ¥8.00/kg = ¥4.00.
    expect(residueRefundFen(14_500, 300, 800)).toBe(0);
    expect(residueRefundFen(14_500, 435, 800)).toBe(0);
    expect(residueRefundFen(14_500, 935, 800)).toBe(400);
  });
});
