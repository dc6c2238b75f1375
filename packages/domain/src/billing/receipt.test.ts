import { describe, expect, it } from 'vitest';
import { amountInWords, receiptNumber, receiptSequence } from './receipt.ts';

describe('receipts', () => {
  it('G-6.2.8: receipt numbers are SJ + month + sequence, ordered', () => {
    expect(receiptNumber('2026-11', 1)).toBe('SJ202611000001');
    expect(receiptSequence('SJ202611000042')).toBe(42);
    expect(receiptSequence(null)).toBe(0);
    expect(receiptNumber('2026-11', 9) < receiptNumber('2026-11', 10)).toBe(true);
  });
  it('G-6.2.8: the amount in Chinese capital numerals', () => {
    expect(amountInWords(12345)).toBe('壹佰贰拾叁元肆角伍分');
    expect(amountInWords(10000)).toBe('壹佰元整');
    expect(amountInWords(100050)).toBe('壹仟元伍角整');
    expect(amountInWords(100005)).toBe('壹仟元零伍分');
    expect(amountInWords(5)).toBe('伍分');
    expect(amountInWords(0)).toBe('零元整');
    expect(amountInWords(100_000_000)).toBe('壹佰万元整');
    expect(amountInWords(1_000_100)).toBe('壹万零壹元整');
    expect(amountInWords(10_010_000)).toBe('壹拾万零壹佰元整');
  });
});
