import { describe, expect, it } from 'vitest';
import { findInvalidText } from '../core/text.ts';

describe('text the database cannot store (issue 12)', () => {
  it('finds a NUL or an unpaired surrogate and names where it is', () => {
    expect(findInvalidText({ name: 'a\u0000b' }, 'body')).toBe('body.name');
    expect(findInvalidText({ rows: [{ ok: 'x' }, { bankRef: 'x\ud800' }] }, 'body')).toBe(
      'body.rows.1.bankRef',
    );
    expect(findInvalidText({ a: { b: ['\udc00y'] } }, 'body')).toBe('body.a.b.0');
    expect(findInvalidText({ 'k\u0000': 1 }, 'body')).toBe('body.k?');
    expect(findInvalidText('\ud800', 'body')).toBe('body');
  });

  it('lets ordinary text through, a surrogate pair (an emoji, a rare character) included', () => {
    expect(findInvalidText({ name: '张三 😀 𠀀', n: 1, b: true, z: null, list: ['x'] }, 'body')).toBeNull();
    expect(findInvalidText(undefined, 'body')).toBeNull();
  });
});
