import { describe, expect, it } from 'vitest';
import { patrolProblem } from './patrol.ts';
import { bottledGasProblem, networkCondition, refusalProblem } from './supply-conditions.ts';

const covered = (cap: number | null, connected: number) => ({
  coverage: { covered: true, capacityHouseholds: cap },
  connected,
});

describe('supply conditions', () => {
  it('G-6.1.1 the network condition: covered, and capacity left when it is limited', () => {
    expect(networkCondition(covered(null, 5000))).toEqual({ met: true });
    expect(networkCondition(covered(10, 9))).toEqual({ met: true });
    expect(networkCondition(covered(10, 10))).toEqual({ met: false, condition: 'no_capacity' });
    expect(networkCondition({ coverage: null, connected: 0 })).toEqual({
      met: false,
      condition: 'not_covered',
    });
    expect(
      networkCondition({ coverage: { covered: false, capacityHouseholds: null }, connected: 0 }),
    ).toEqual({
      met: false,
      condition: 'not_covered',
    });
  });

  it('G-5.3.1 G-6.1.3 an eligible application is not refused; a refusal names a condition the data bears out', () => {
    expect(refusalProblem({}, covered(null, 1))?.zh).toContain('不得拒绝');
    expect(refusalProblem({ condition: 'no_capacity' }, covered(null, 1))).not.toBeNull();
    expect(refusalProblem({ condition: 'premises_unsafe' }, covered(null, 1))).toBeNull();
    expect(refusalProblem({ condition: 'documents_missing' }, covered(null, 1))).not.toBeNull();
    expect(
      refusalProblem({ condition: 'documents_missing', missingDocuments: ['身份证'] }, covered(null, 1)),
    ).toBeNull();
    expect(refusalProblem({}, covered(1, 1))?.zh).toContain('供气能力不足');
    expect(refusalProblem({ condition: 'no_capacity' }, covered(1, 1))).toBeNull();
    expect(refusalProblem({ condition: 'not_covered' }, covered(1, 1))).not.toBeNull();
  });

  it('G-7.1.1 no bottled gas where a pipeline covers the address', () => {
    expect(bottledGasProblem([], '华侨城')).toBeNull();
    expect(bottledGasProblem([{ name: '淄博绿博燃气' }], '华侨城')?.zh).toContain('淄博绿博燃气');
  });

  it('G-5.11.10 a patrol ends after it starts, within a day, not in the future', () => {
    const now = new Date('2026-03-02T10:00:00Z');
    const p = (a: string, b: string) => patrolProblem({ startedAt: new Date(a), endedAt: new Date(b) }, now);
    expect(p('2026-03-02T01:00:00Z', '2026-03-02T03:00:00Z')).toBeNull();
    expect(p('2026-03-02T03:00:00Z', '2026-03-02T01:00:00Z')).not.toBeNull();
    expect(p('2026-02-28T01:00:00Z', '2026-03-02T03:00:00Z')).not.toBeNull();
    expect(p('2026-03-02T09:00:00Z', '2026-03-02T11:00:00Z')).not.toBeNull();
  });
});
