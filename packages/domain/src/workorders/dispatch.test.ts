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

describe('certificates a job requires (G-5.6.1, G-9.2.2)', () => {
  const c = (name: string, expiresOn: string) => ({ name, number: 'N-1', expiresOn });
  const job = { staffLinked: true, required: ['从业人员证', '职业资格证'] };
  it('G-9.2.2 a required certificate missing, or no staff record, refuses; all held and valid passes', () => {
    expect(qualificationProblem([c('从业人员证', '2028-01-01')], '2026-12-01', job)?.zh).toContain(
      '职业资格证',
    );
    expect(qualificationProblem([], '2026-12-01', { ...job, staffLinked: false })?.zh).toContain(
      '未关联员工档案',
    );
    expect(
      qualificationProblem([c('从业人员证', '2028-01-01'), c('职业资格证', '2028-01-01')], '2026-12-01', job),
    ).toBeNull();
    expect(qualificationProblem([], '2026-12-01', { staffLinked: false, required: [] })).toBeNull();
  });
});
