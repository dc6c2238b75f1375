import { describe, expect, it } from 'vitest';
import {
  certificateTestProblem,
  chargedFen,
  consentProblem,
  missingCertificateFields,
  priceListProblem,
  priceListTotalFen,
  warrantyEnds,
  warrantyInForce,
  warrantyKindFor,
  warrantyMonths,
} from './index.ts';

const lines = [
  { kind: 'part' as const, name: '热电偶', quantity: 1, unitFen: 4500 },
  { kind: 'material' as const, name: '不锈钢波纹管', quantity: 1.5, unitFen: 2000 },
  { kind: 'labour' as const, name: '维修人工', quantity: 1, unitFen: 5000 },
];

describe('consent before work (G-9.2.6)', () => {
  it('G-9.2.6 appliance work may not start or complete without the signed consent', () => {
    expect(consentProblem('appliance_repair', 'started', false)?.zh).toContain('G-9.2.6');
    expect(consentProblem('appliance_installation', 'completed', false)?.en).toContain('signed consent');
    expect(consentProblem('appliance_repair', 'started', true)).toBeNull();
    expect(consentProblem('appliance_repair', 'arrived_on_site', false)).toBeNull();
    expect(consentProblem('gas_repair', 'completed', false)).toBeNull();
  });

  it('G-9.2.6 the price list is whole fen per line and totals quantity × unit price', () => {
    expect(priceListTotalFen(lines)).toBe(4500 + 3000 + 5000);
    expect(priceListProblem(lines)).toBeNull();
    expect(priceListProblem([])).not.toBeNull();
    expect(priceListProblem([{ ...lines[0]!, unitFen: 12.5 }])).not.toBeNull();
    expect(priceListProblem([{ ...lines[0]!, quantity: 0 }])).not.toBeNull();
  });

  it('G-9.2.8 a repair under warranty charges nothing', () => {
    expect(chargedFen(lines, true)).toBe(0);
    expect(chargedFen(lines, false)).toBe(12500);
  });
});

describe('warranty (G-9.2.8)', () => {
  it('G-9.2.8 at least 12 months for an installation and 3 for a repair', () => {
    expect(warrantyKindFor('appliance_installation')).toBe('installation');
    expect(warrantyKindFor('appliance_walk_in_repair')).toBe('repair');
    expect(warrantyMonths('installation')).toBe(12);
    expect(warrantyMonths('repair', 1)).toBe(3);
    expect(warrantyMonths('repair', 6)).toBe(6);
    expect(warrantyEnds('2026-03-15', 12)).toBe('2027-03-14');
    expect(warrantyEnds('2026-11-30', 3)).toBe('2027-02-28');
    expect(warrantyEnds('2026-01-31', 1)).toBe('2026-02-28');
  });

  it('G-9.2.8 a warranty is in force from its first through its last day', () => {
    const w = { startsOn: '2026-03-15', endsOn: '2027-03-14' };
    expect(warrantyInForce(w, '2027-03-14')).toBe(true);
    expect(warrantyInForce(w, '2027-03-15')).toBe(false);
    expect(warrantyInForce(w, '2026-03-14')).toBe(false);
  });
});

describe('quality certificate (G-9.2.7)', () => {
  it('G-9.2.7 names every missing field, signatures included', () => {
    expect(
      missingCertificateFields({ company: 'x', brand: ' ', flueCoPpm: 0, installerSignature: false }),
    ).toEqual(
      expect.arrayContaining([
        'brand',
        'customerName',
        'installerSignature',
        'leakTestPassed',
        'supervisionPhone',
      ]),
    );
    expect(missingCertificateFields({ flueCoPpm: 0 })).not.toContain('flueCoPpm');
  });

  it('G-9.2.7 a failed leak test or flue CO above its limit gives no certificate', () => {
    expect(certificateTestProblem({ leakTestPassed: false, flueCoPpm: 10, coLimitPpm: 500 })).not.toBeNull();
    expect(certificateTestProblem({ leakTestPassed: true, flueCoPpm: 501, coLimitPpm: 500 })?.zh).toContain(
      '500 ppm',
    );
    expect(certificateTestProblem({ leakTestPassed: true, flueCoPpm: 500, coLimitPpm: 500 })).toBeNull();
  });
});

describe('installation checklist (G-9.2.4)', () => {
  it('G-9.2.4 an installation needs the after-the-meter-outlet-valve confirmation; a repair does not', async () => {
    const { missingChecklist } = await import('./index.ts');
    expect(missingChecklist('appliance_installation', ['compliantParts'])).toEqual(['afterOutletValve']);
    expect(missingChecklist('appliance_installation', ['afterOutletValve', 'compliantParts'])).toEqual([]);
    expect(missingChecklist('appliance_repair', [])).toEqual([]);
  });
});

describe('sale (G-9.1.3)', () => {
  it('G-9.1.3 the gas at the address: LPG when bottled, the network’s gas when piped, unknown when none or two', async () => {
    const { addressGasType } = await import('./index.ts');
    expect(addressGasType('bottled', [])).toEqual({ gasType: 'lpg', source: 'bottled' });
    expect(addressGasType('pipeline', ['natural_gas', 'natural_gas'])).toEqual({
      gasType: 'natural_gas',
      source: 'pipeline_network',
    });
    expect(addressGasType('pipeline', [])).toBeNull();
    expect(addressGasType('pipeline', ['natural_gas', 'lpg'])).toBeNull();
  });

  it('G-9.1.3 an appliance for another gas is refused with the reason; the five handover items are all needed', async () => {
    const { gasTypeMismatch, missingHandover } = await import('./index.ts');
    expect(gasTypeMismatch('natural_gas', 'natural_gas')).toBeNull();
    expect(gasTypeMismatch('lpg', 'natural_gas')?.zh).toContain('液化石油气');
    expect(missingHandover(['receipt', 'manual'])).toEqual(['warrantyCard', 'certificate', 'gasTypeLabel']);
    expect(missingHandover(['receipt', 'warrantyCard', 'certificate', 'manual', 'gasTypeLabel'])).toEqual([]);
  });
});

describe('paid repair (H-7.3.8)', () => {
  it('H-7.3.8 a gas or heating repair needs the consent only when the facility is the customer’s own', () => {
    expect(consentProblem('gas_repair', 'started', false)).toBeNull();
    expect(consentProblem('gas_repair', 'started', false, 'company')).toBeNull();
    expect(consentProblem('heating_repair', 'completed', false, 'customer')?.zh).toContain('H-7.3.8');
    expect(consentProblem('heating_repair', 'completed', true, 'customer')).toBeNull();
  });
});

describe('return visits (G-9.3.1)', () => {
  it('G-9.3.1 visits at 1, 6 and 12 months after completion; a record needs all three points of advice and answers', async () => {
    const { returnVisitSchedule, returnVisitProblem } = await import('./index.ts');
    expect(returnVisitSchedule('2026-01-31', ['2026-02-28'], '2026-08-01')).toEqual([
      { dueOn: '2026-02-28', state: 'done' },
      { dueOn: '2026-07-31', state: 'due' },
      { dueOn: '2027-01-31', state: 'upcoming' },
    ]);
    expect(returnVisitProblem(['operation', 'precautions'], '好')?.zh).toContain('燃气泄漏处理方法');
    expect(returnVisitProblem(['operation', 'precautions', 'leak'], ' ')).not.toBeNull();
    expect(returnVisitProblem(['operation', 'precautions', 'leak'], '使用正常')).toBeNull();
  });
});
