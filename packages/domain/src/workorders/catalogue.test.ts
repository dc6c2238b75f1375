// The service catalogue (G-4.2.3, H-4.2.4, H-7.1.1, H-7.5.5) is data; these tests hold it to its own rules.

import { describe, expect, it } from 'vitest';
import { ENTERPRISE_KIND_SECTOR, SERVICE_ENTERPRISE_KINDS } from '../customers/customer-kinds.ts';
import { evaluateClock } from '../sla/clock.ts';
import { STATUTORY_LIMITS } from '../sla/statutory-limits.ts';
import { at, cal, codeOf } from '../testing/support.ts';
import { CATALOGUE, CATALOGUE_CODES, catalogueFor, catalogueItem } from './catalogue.ts';
import { AGREED_TIME_REACHED } from './catalogue-types.ts';
import { receptionScript } from './script.ts';
import { WORK_ORDER_EVENT_TYPES } from './transition-table.ts';

const REQUIRED = [
  'consultation',
  'gas_repair',
  'gas_indoor_leak',
  'valve_pit_cover',
  'gas_complaint',
  'heating_quality_complaint',
  'heating_leak',
  'room_temperature_test',
  'heating_repair',
  'gas_connection',
  'heating_connection',
  'gas_facility_change',
  'heating_suspension',
  'heating_resumption',
  'appliance_installation',
  'appliance_repair',
  'meter_test_dispute',
  'referral',
];

describe('service catalogue', () => {
  it('G-4.2.3: holds every item the standards name, each with a stable snake_case code', () => {
    expect(CATALOGUE_CODES).toEqual(expect.arrayContaining(REQUIRED));
    expect(new Set(CATALOGUE_CODES).size).toBe(CATALOGUE_CODES.length);
    for (const code of CATALOGUE_CODES) expect(code).toMatch(/^[a-z]+(_[a-z]+)*$/);
  });

  it('H-7.1.1: each item publishes name, procedure, fee and basis in both languages', () => {
    for (const item of CATALOGUE) {
      expect(item.name.zh && item.name.en, item.code).toBeTruthy();
      expect(item.procedure.length, item.code).toBeGreaterThan(0);
      for (const text of [...item.procedure, ...item.conditions, ...item.documents, ...item.freeItems]) {
        expect(text.zh && text.en, item.code).toBeTruthy();
      }
      expect(item.basis.length, item.code).toBeGreaterThan(0);
      for (const clause of item.basis) expect(clause, item.code).toMatch(/^[GH]-\d+(\.\d+)*$/);
      if (item.fee.kind === 'amount') expect(Number.isInteger(item.fee.fen)).toBe(true);
      for (const kind of item.enterpriseKinds) {
        if (item.sector !== 'both') expect(ENTERPRISE_KIND_SECTOR[kind], item.code).toBe(item.sector);
      }
    }
  });

  it('every clock is a valid sla clock over the work-order event vocabulary', () => {
    const vocabulary = new Set<string>([...WORK_ORDER_EVENT_TYPES, AGREED_TIME_REACHED]);
    for (const item of CATALOGUE) {
      expect(new Set(item.clocks.map((c) => c.name)).size, item.code).toBe(item.clocks.length);
      for (const clock of item.clocks) {
        const start = typeof clock.startOn === 'string' ? [clock.startOn] : clock.startOn;
        const types = [
          ...start,
          ...clock.stopOn,
          ...(clock.pauseOn ?? []),
          ...(clock.resumeOn ?? []),
          ...(clock.agreedOn ?? []),
          ...(clock.extendOn ?? []),
        ];
        for (const type of types)
          expect(vocabulary.has(type), `${item.code}.${clock.name}: ${type}`).toBe(true);
        expect(evaluateClock(clock, [], at('2025-12-01 08:00'), cal).state).toBe('not_started');
        expect(clock.description.zh && clock.description.en).toBeTruthy();
        // Every clock stops when the order ends without the service, so none runs forever.
        expect(clock.stopOn, `${item.code}.${clock.name}`).toEqual(
          expect.arrayContaining(['referred', 'cancelled']),
        );
      }
    }
  });

  it('statute clocks use the limits of sla/statutory-limits.ts, clause for clause', () => {
    const expected: [string, string, keyof typeof STATUTORY_LIMITS][] = [
      ['gas_complaint', 'answer', 'gasComplaintAnswer'],
      ['gas_connection', 'handling', 'gasConnection'],
      ['gas_facility_change', 'answer', 'gasFacilityChangeAnswer'],
      ['gas_facility_change', 'work', 'gasFacilityChangeWork'],
      ['gas_facility_change_non_resident', 'answer', 'gasFacilityChangeAnswer'],
      ['valve_pit_cover', 'repair', 'gasPitCoverRepair'],
      ['appliance_installation', 'on_site', 'applianceInstallation'],
      ['appliance_repair', 'on_site', 'applianceRepair'],
      ['heating_resumption', 'open_valve', 'heatingResume'],
      ['heating_leak', 'reply', 'heatingLeakReply'],
      ['heating_quality_complaint', 'response', 'heatingQualityComplaintResponse'],
    ];
    for (const [code, name, key] of expected) {
      const clock = catalogueItem(code).clocks.find((c) => c.name === name);
      expect(clock, `${code}.${name}`).toMatchObject({
        basis: 'statute',
        limit: STATUTORY_LIMITS[key].limit,
        clause: STATUTORY_LIMITS[key].clause,
      });
    }
    // A limit the standard does not set is never labelled as statute.
    const statute = CATALOGUE.flatMap((item) =>
      item.clocks.filter((c) => c.basis === 'statute').map((c) => `${item.code}.${c.name}`),
    );
    expect(statute).toHaveLength(expected.length);
  });

  it('lookups: unknown codes are refused; each enterprise kind sees its own items', () => {
    expect(codeOf(() => catalogueItem('teleport'))).toBe('CATALOGUE_ITEM_UNKNOWN');
    const appliance = catalogueFor('appliance').map((i) => i.code);
    expect(appliance).toEqual(
      expect.arrayContaining(['appliance_installation', 'appliance_repair', 'consultation', 'gas_complaint']),
    );
    expect(appliance).not.toContain('gas_connection');
    expect(catalogueFor('heating_reseller').map((i) => i.code)).toContain('heating_resumption');
    for (const kind of SERVICE_ENTERPRISE_KINDS)
      expect(catalogueFor(kind).map((i) => i.code)).toContain('referral');
  });
});

describe('reception script', () => {
  it('G-5.5.4: greeting, company name and badge number, purpose, service, farewell — in that order', () => {
    const lines = receptionScript({
      companyName: '淄博港华燃气有限公司',
      badgeNumber: '1024',
      agentName: '孙晓燕',
      channel: 'phone',
    });
    expect(lines.map((l) => l.step)).toEqual(['greeting', 'identify', 'purpose', 'service', 'farewell']);
    expect(lines[1]?.zh).toContain('淄博港华燃气有限公司');
    expect(lines[1]?.zh).toContain('1024');
    expect(lines[1]?.zh).not.toContain('孙晓燕');
    expect(lines[4]?.en).toContain('Goodbye');
  });

  it('G-5.5.4 / H-7.6.1.2: face to face the agent also gives the name on the badge', () => {
    const lines = receptionScript({
      companyName: '淄博热力',
      badgeNumber: 'R-07',
      agentName: '李国栋',
      channel: 'on_site',
    });
    expect(lines[1]?.zh).toContain('李国栋');
    expect(lines[1]?.en).toContain('badge number R-07');
  });

  it('G-5.5.4: without the badge number there is no script', () => {
    expect(
      codeOf(() => receptionScript({ companyName: '淄博热力', badgeNumber: ' ', channel: 'counter' })),
    ).toBe('RECEPTION_SCRIPT_INCOMPLETE');
  });
});
