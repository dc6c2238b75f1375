import { describe, expect, it } from 'vitest';
import { codeOf } from '../testing/support.ts';
import {
  balanceRoutes,
  INSPECTION_MINIMUMS,
  planYear,
  visitWindows,
  visitsPerYear,
  type PlanCustomer,
} from './plan.ts';

const customer = (
  id: string,
  kind: PlanCustomer['kind'],
  community = '华侨城',
  building = '1号楼',
): PlanCustomer => ({
  id,
  kind,
  community,
  building,
});

describe('yearly inspection plan', () => {
  it('G-5.11.1 minimums are data: non-residential 4, urban resident 1, rural resident 2, each citing the clause', () => {
    const byKind = Object.fromEntries(INSPECTION_MINIMUMS.map((m) => [m.kind, m]));
    expect(byKind.pipeline_non_resident).toMatchObject({ visitsPerYear: 4, clause: 'G-5.11.1' });
    expect(byKind.pipeline_urban_resident).toMatchObject({ visitsPerYear: 1, clause: 'G-5.11.1' });
    expect(byKind.pipeline_rural_resident).toMatchObject({ visitsPerYear: 2, clause: 'G-5.11.1' });
    expect(byKind.heating_resident).toBeUndefined();
  });

  it('G-5.11.1 a rural resident is planned twice a year, one visit per half-year; an organisation once a quarter', () => {
    const visits = planYear({
      year: 2026,
      customers: [customer('r', 'pipeline_rural_resident'), customer('n', 'pipeline_non_resident')],
      inspectorIds: ['i1'],
    });
    expect(visits.filter((v) => v.customerId === 'r').map((v) => [v.windowFrom, v.windowTo])).toEqual([
      ['2026-01-01', '2026-06-30'],
      ['2026-07-01', '2026-12-31'],
    ]);
    expect(visits.filter((v) => v.customerId === 'n').map((v) => v.windowFrom)).toEqual([
      '2026-01-01',
      '2026-04-01',
      '2026-07-01',
      '2026-10-01',
    ]);
  });

  it('G-5.11.1 an urban resident once in the year; heating customers are not planned', () => {
    const visits = planYear({
      year: 2026,
      customers: [customer('u', 'pipeline_urban_resident'), customer('h', 'heating_resident')],
      inspectorIds: ['i1'],
    });
    expect(visits).toEqual([
      expect.objectContaining({ customerId: 'u', windowFrom: '2026-01-01', windowTo: '2026-12-31' }),
    ]);
  });

  it('G-5.11.1 an enterprise may plan more visits, never fewer than the minimum', () => {
    expect(visitsPerYear({ pipeline_urban_resident: 2 }).get('pipeline_urban_resident')).toBe(2);
    expect(codeOf(() => visitsPerYear({ pipeline_non_resident: 3 }))).toBe('INSPECTION_BELOW_MINIMUM');
  });

  it('windows cover every day of the year once, also when the count does not divide twelve', () => {
    const w = visitWindows(2028, 5);
    expect(w[0]!.from).toBe('2028-01-01');
    expect(w.at(-1)!.to).toBe('2028-12-31');
    for (let i = 1; i < w.length; i++) expect(w[i]!.from > w[i - 1]!.to).toBe(true);
  });

  it('routes (community and building) are never split and the load is balanced across inspectors', () => {
    const customers: PlanCustomer[] = [];
    let n = 0;
    for (const [b, size] of [
      ['1号楼', 6],
      ['2号楼', 5],
      ['3号楼', 4],
      ['4号楼', 3],
    ] as const)
      for (let i = 0; i < size; i++)
        customers.push(customer(`c${n++}`, 'pipeline_urban_resident', '华侨城', b));
    const visits = planYear({ year: 2026, customers, inspectorIds: ['a', 'b'] });
    const owners = new Map<string, Set<string | null>>();
    for (const v of visits) owners.set(v.building, (owners.get(v.building) ?? new Set()).add(v.inspectorId));
    for (const s of owners.values()) expect(s.size).toBe(1);
    const load = (id: string) => visits.filter((v) => v.inspectorId === id).length;
    expect([load('a'), load('b')].sort()).toEqual([9, 9]);
  });

  it('with no inspector the routes stay unassigned', () => {
    expect(balanceRoutes([{ community: 'a', building: 'b', visits: 3 }], []).size).toBe(0);
  });
});
