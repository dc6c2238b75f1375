import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  accountNumberProblem,
  formatAddress,
  makeAccountNumber,
  normaliseAccountNumber,
  normaliseForSearch,
} from './account.ts';
import {
  CUSTOMER_KINDS,
  CUSTOMER_KIND_CODES,
  ENTERPRISE_KIND_SECTOR,
  NETWORK_POSITIONS,
  ORIENTATIONS,
  customerKindsFor,
  enterpriseMayHold,
  isCustomerKind,
} from './customer-kinds.ts';
import {
  idCardBirthDate,
  idCardCheckDigit,
  idCardProblem,
  maskIdCard,
  normaliseIdCard,
  withIdCardCheckDigit,
} from './id-card.ts';
import { at } from '../testing/support.ts';

describe('resident ID number (GB 11643-1999)', () => {
  it("accepts the standard's own example, whose check character is X", () => {
    expect(idCardCheckDigit('11010519491231002')).toBe('X');
    expect(idCardProblem('11010519491231002X')).toBeNull();
  });

  it('accepts a Zibo (370303 张店区) number built with its check digit', () => {
    const id = withIdCardCheckDigit('37030319850612123');
    expect(id).toHaveLength(18);
    expect(idCardProblem(id)).toBeNull();
    expect(idCardBirthDate(id)).toBe('1985-06-12');
  });

  it('names the problem: length, format, birth date, check digit', () => {
    const good = withIdCardCheckDigit('37030319850612123');
    expect(idCardProblem(good.slice(0, 17))).toBe('length');
    expect(idCardProblem('3703031985061212A4')).toBe('format');
    expect(idCardProblem('11010519491231002x')).toBe('format'); // normaliseIdCard first
    expect(idCardProblem(withIdCardCheckDigit('99030319850612123'))).toBe('format'); // no province 99
    expect(idCardProblem(withIdCardCheckDigit('37000019850612123'))).toBe('format'); // no city and county
    expect(idCardProblem(withIdCardCheckDigit('81000019850612123'))).toBeNull(); // HK residence permit
    expect(idCardProblem(withIdCardCheckDigit('37030319850230123'))).toBe('birth_date');
    expect(idCardProblem(withIdCardCheckDigit('37030318990101123'))).toBe('birth_date');
    const wrong = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    expect(idCardProblem(wrong)).toBe('check');
  });

  it('refuses a birth date after `now` (Asia/Shanghai day) only when `now` is given', () => {
    const id = withIdCardCheckDigit('37030320260301123');
    expect(idCardProblem(id)).toBeNull();
    expect(idCardProblem(id, at('2026-02-28 23:59'))).toBe('birth_date');
    expect(idCardProblem(id, at('2026-03-01 00:00'))).toBeNull();
  });

  it('normalises full-width digits and a lower-case x', () => {
    expect(normaliseIdCard(' １１０１０５１９４９１２３１００２ｘ ')).toBe('11010519491231002X');
  });

  it('G-5.7.6: masks all but the region code and the last 4', () => {
    expect(maskIdCard('370303198506121234')).toBe('370303********1234');
    expect(maskIdCard(null)).toBeNull();
    expect(maskIdCard('12345')).toBe('*2345');
  });

  it('property: any 17 digits with the computed check digit pass the check-digit test', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{17}$/), (body) => {
        const id = withIdCardCheckDigit(body);
        expect(idCardProblem(id)).not.toBe('check');
        const other = '0123456789X'.replace(id[17] as string, '')[0] as string;
        expect(['check', 'format', 'birth_date']).toContain(idCardProblem(body + other));
      }),
    );
  });
});

describe('customer kinds', () => {
  it('pipeline customers carry their yearly inspection minimum (urban 1, rural 2, organisations 4)', () => {
    expect(CUSTOMER_KINDS.pipeline_urban_resident.inspectionsPerYear).toBe(1);
    expect(CUSTOMER_KINDS.pipeline_rural_resident.inspectionsPerYear).toBe(2);
    expect(CUSTOMER_KINDS.pipeline_non_resident.inspectionsPerYear).toBe(4);
  });

  it('every kind is held only by enterprises of its own sector', () => {
    for (const code of CUSTOMER_KIND_CODES) {
      const info = CUSTOMER_KINDS[code];
      expect(info.label.zh && info.label.en).toBeTruthy();
      for (const kind of info.enterpriseKinds) expect(ENTERPRISE_KIND_SECTOR[kind]).toBe(info.sector);
    }
  });

  it('H-10.4.1: a heating reseller holds heating residents; a vehicle-gas station holds only fleets', () => {
    expect(enterpriseMayHold('heating_reseller', 'heating_resident')).toBe(true);
    expect(customerKindsFor('vehicle_gas')).toEqual(['vehicle_fleet']);
    expect(enterpriseMayHold('pipeline_gas', 'heating_resident')).toBe(false);
    expect(isCustomerKind('bottled_gas')).toBe(true);
    expect(isCustomerKind('toString')).toBe(false);
  });

  it('H-5.4.2: premises attributes have zh/en labels', () => {
    expect(ORIENTATIONS.sunny.zh).toBe('向阳');
    expect(ORIENTATIONS.shaded.zh).toBe('背阴');
    expect(Object.keys(NETWORK_POSITIONS)).toEqual(['near', 'middle', 'end']);
    expect(NETWORK_POSITIONS.end.zh).toBe('末端');
  });
});

describe('search text, account numbers, addresses', () => {
  it('normaliseForSearch: trims, turns full-width digits and letters half-width, collapses spaces', () => {
    expect(normaliseForSearch('  张店区\u3000华光路  ３号楼　ＡＢ－１２ ')).toBe('张店区 华光路 3号楼 AB-12');
    expect(normaliseForSearch('\t\n')).toBe('');
  });

  it('account numbers: normalised from what was typed, then checked', () => {
    expect(normaliseAccountNumber(' zbg ０００１ 2345 ')).toBe('ZBG00012345');
    expect(accountNumberProblem('ZBG00012345')).toBeNull();
    expect(accountNumberProblem('')).toBe('empty');
    expect(accountNumberProblem('AB12')).toBe('length');
    expect(accountNumberProblem('ZBG--12345')).toBe('character');
    expect(accountNumberProblem('-ZBG12345')).toBe('character');
    expect(accountNumberProblem('ZB G12345')).toBe('character');
    expect(makeAccountNumber('ZBG', 123)).toBe('ZBG00000123');
    expect(accountNumberProblem(makeAccountNumber('RR', 99_999_999))).toBeNull();
    expect(() => makeAccountNumber('zb', 1)).toThrow();
  });

  it('formats an address from district to room, adding the usual suffixes once', () => {
    const address = formatAddress({
      district: '张店区',
      street: '华光路街道',
      community: 'ＸＸ社区',
      building: 3,
      unit: '2',
      floor: 5,
      room: '502',
    });
    expect(address).toBe('张店区 华光路街道 XX社区 3号楼 2单元 5层 502室');
    expect(formatAddress({ district: '淄川区', building: '7幢', room: '101室', floor: -1 })).toBe(
      '淄川区 7幢 地下1层 101室',
    );
    expect(formatAddress({})).toBe('');
  });
});
