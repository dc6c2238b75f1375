import { describe, expect, it } from 'vitest';
import { contentUuid, uuidv7 } from './ids.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-([0-9a-f])[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('document ids', () => {
  it('uuidv7: version 7, the RFC variant, the millisecond in the first 48 bits', () => {
    const id = uuidv7(Date.UTC(2026, 10, 26, 12));
    expect(id).toMatch(UUID);
    expect(UUID.exec(id)![1]).toBe('7');
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(Date.UTC(2026, 10, 26, 12));
  });

  it('uuidv7: strictly increasing within one millisecond and when the clock steps back', () => {
    const t = Date.UTC(2030, 0, 1);
    const ids = [uuidv7(t), uuidv7(t), uuidv7(t), uuidv7(t - 5), uuidv7(t + 1)];
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    const many = Array.from({ length: 5000 }, () => uuidv7(t + 2));
    expect([...many].sort()).toEqual(many);
  });

  it('contentUuid: the same parts give the same id, other parts another (version 8)', () => {
    const a = contentUuid('e1', '{"x":1}');
    expect(a).toBe(contentUuid('e1', '{"x":1}'));
    expect(a).not.toBe(contentUuid('e1', '{"x":2}'));
    expect(a).not.toBe(contentUuid('e1{"x":1}'));
    expect(UUID.exec(a)![1]).toBe('8');
  });
});
