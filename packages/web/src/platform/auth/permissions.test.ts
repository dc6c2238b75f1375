import { describe, expect, it } from 'vitest';
import { canOpen, landingPath, pagesForUser } from './permissions.ts';

describe('menus follow the enterprise kind', () => {
  it('a heating company sees heating bills and room temperatures, no gas meters or gas billing', () => {
    const pages = pagesForUser({ role: 'enterprise_admin', enterpriseKind: 'heating' });
    expect(pages).toEqual(expect.arrayContaining(['heating', 'quality', 'counter', 'notices']));
    for (const gas of ['meters', 'readings', 'prices', 'billing', 'bills', 'disputes'])
      expect(pages).not.toContain(gas);
  });

  it('a pipeline gas company sees meters, readings and bills, no room-temperature pages', () => {
    const pages = pagesForUser({ role: 'enterprise_admin', enterpriseKind: 'pipeline_gas' });
    expect(pages).toEqual(expect.arrayContaining(['meters', 'readings', 'billing', 'bills', 'counter']));
    for (const heat of ['heating', 'quality', 'measure']) expect(pages).not.toContain(heat);
  });

  it('a bottled-gas company has no meter billing; the regulator sees both sectors', () => {
    expect(pagesForUser({ role: 'billing_clerk', enterpriseKind: 'bottled_gas' })).not.toContain('readings');
    const reg = pagesForUser({ role: 'regulator', enterpriseKind: 'regulator' });
    expect(reg).toEqual(expect.arrayContaining(['heating', 'quality', 'billing', 'prices']));
  });
});

describe('G-6.2.8: the bank file import is for those the server lets book it', () => {
  it('the admin and the billing clerk of gas and heating companies have it, next to the counter', () => {
    for (const enterpriseKind of ['pipeline_gas', 'bottled_gas', 'heating'] as const)
      for (const role of ['enterprise_admin', 'billing_clerk'] as const) {
        const pages = pagesForUser({ role, enterpriseKind });
        expect(pages.indexOf('bankImport'), `${role} ${enterpriseKind}`).toBe(pages.indexOf('counter') + 1);
      }
  });

  it('an agent, a dispatcher and the regulator do not', () => {
    for (const role of ['agent', 'dispatcher', 'regulator'] as const) {
      expect(pagesForUser({ role, enterpriseKind: 'pipeline_gas' })).not.toContain('bankImport');
      expect(canOpen(role, 'bankImport')).toBe(false);
    }
  });
});

describe('issue 15: gas safety inspections', () => {
  it('a pipeline gas inspector works the inspection route first and lands on it; a heating inspector has neither', () => {
    const gas = pagesForUser({ role: 'inspector', enterpriseKind: 'pipeline_gas' });
    expect(gas.slice(0, 3)).toEqual(['home', 'inspect', 'inspections']);
    expect(landingPath('inspector', 'pipeline_gas')).toBe('/inspect');
    const heat = pagesForUser({ role: 'inspector', enterpriseKind: 'heating' });
    expect(heat).not.toContain('inspect');
    expect(landingPath('inspector', 'heating')).toBe('/my');
  });

  it('the regulator reads the plans and the major-hazard queue; admins and dispatchers of gas companies plan', () => {
    expect(pagesForUser({ role: 'regulator', enterpriseKind: 'regulator' })).toContain('inspections');
    for (const role of ['enterprise_admin', 'dispatcher'] as const)
      expect(pagesForUser({ role, enterpriseKind: 'pipeline_gas' })).toContain('inspections');
    expect(pagesForUser({ role: 'enterprise_admin', enterpriseKind: 'heating' })).not.toContain(
      'inspections',
    );
  });
});

describe('issue 18: the vehicle-gas station', () => {
  it('G-8.1.10 the attendant of a vehicle-gas company starts at the filling check; other companies have no such menu', () => {
    const att = pagesForUser({ role: 'technician', enterpriseKind: 'vehicle_gas' });
    expect(att).toEqual(expect.arrayContaining(['vgFilling', 'vehicleGas']));
    expect(landingPath('technician', 'vehicle_gas')).toBe('/vehicle-filling');
    expect(pagesForUser({ role: 'enterprise_admin', enterpriseKind: 'vehicle_gas' })).toContain('vehicleGas');
    expect(pagesForUser({ role: 'technician', enterpriseKind: 'bottled_gas' })).not.toContain('vgFilling');
    expect(pagesForUser({ role: 'regulator', enterpriseKind: 'regulator' })).toContain('vehicleGas');
  });
});
