import { describe, expect, it } from 'vitest';
import { assigneeRolesFor, qualificationProblem } from './dispatch.ts';

const cert = (name: string, expiresOn: string) => ({ name, number: `N-${expiresOn}`, expiresOn });

describe('who may be dispatched', () => {
  it('G-5.6.1: a certificate that expired yesterday stops dispatch; on its expiry day it is still valid', () => {
    expect(qualificationProblem([cert('燃气作业人员证', '2026-11-30')], '2026-12-01')?.zh).toContain(
      '资格证书已过期：燃气作业人员证',
    );
    expect(qualificationProblem([cert('燃气作业人员证', '2026-12-01')], '2026-12-01')).toBeNull();
  });

  it('G-5.6.1: a renewed certificate of the same name counts; another expired one still stops dispatch', () => {
    const renewed = [cert('燃气作业人员证', '2026-06-30'), cert('燃气作业人员证', '2029-06-30')];
    expect(qualificationProblem(renewed, '2026-12-01')).toBeNull();
    expect(
      qualificationProblem([...renewed, cert('特种设备作业证', '2026-01-31')], '2026-12-01')?.en,
    ).toContain('特种设备作业证');
  });

  it('a repair or an emergency goes to a technician only; a safety check may go to an inspector', () => {
    expect(assigneeRolesFor('repair')).toEqual(['technician']);
    expect(assigneeRolesFor('emergency')).toEqual(['technician']);
    expect(assigneeRolesFor('installation')).toContain('inspector');
  });
});
