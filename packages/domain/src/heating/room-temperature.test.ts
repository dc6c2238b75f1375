import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors.ts';
import {
  assessMeasurement,
  formatTenths,
  heatUseBand,
  protocolProblems,
  type MeasurementInput,
  type MeasurementProtocol,
} from './room-temperature.ts';

const PROTOCOL: MeasurementProtocol = {
  systemRunning: true,
  conditionsNoted: true,
  doorsWindowsClosed30Min: true,
  sensorHeightMm: 1200,
  sensorAtRoomCentre: true,
  radiatorsUncovered: true,
  noSunOrHeatSourceOnSensor: true,
  inspectorStill: true,
  enlargedAreaOrAddedRadiatorsNoted: true,
  modificationsNoted: true,
  customerSigned: true,
};

function input(over: Partial<MeasurementInput> = {}, tenths = 180): MeasurementInput {
  return {
    readings: [
      { room: 'bedroom', tenths },
      { room: 'living_room', tenths: 200 },
    ],
    unitHeatUseRate: 80,
    conditions: { outdoorNotBelowDesign: true, envelopeToCode: true, indoorSystemWorking: true },
    protocol: PROTOCOL,
    ...over,
  };
}

describe('H-5.1 unit heat-use rate bands', () => {
  it('exactly 70 % is the ≥ 70 % band; 69.9 % is not', () => {
    expect(heatUseBand(70)).toBe('full');
    expect(heatUseBand(69.9)).toBe('partial');
  });
  it('exactly 30 % is the 30–70 % band; 29.9 % is below 30 %', () => {
    expect(heatUseBand(30)).toBe('partial');
    expect(heatUseBand(29.9)).toBe('low');
  });
  it('rejects a rate outside 0–100', () => {
    expect(() => heatUseBand(101)).toThrowError(/0–100/);
    try {
      heatUseBand(-1);
    } catch (e) {
      expect(isDomainError(e, 'HEAT_USE_RATE_INVALID')).toBe(true);
    }
  });
});

describe('H-5.1 pass/fail', () => {
  it('≥ 70 %: bedroom at exactly 18.0 °C passes, 17.9 °C fails', () => {
    expect(assessMeasurement(input({}, 180)).outcome).toBe('pass');
    const fail = assessMeasurement(input({}, 179));
    expect(fail.outcome).toBe('fail');
    expect(fail.requiredTenths).toBe(180);
    expect(fail.failingReadings).toEqual([{ room: 'bedroom', tenths: 179 }]);
    expect(fail.reasons.some((r) => r.en.includes('17.9 °C is below 18.0 °C'))).toBe(true);
  });
  it('≥ 70 %: 18 °C applies even with a lower contract temperature', () => {
    expect(assessMeasurement(input({ unitHeatUseRate: 70, contractTemperature: 160 }, 179)).outcome).toBe(
      'fail',
    );
  });
  it('living room decides too; other rooms never decide', () => {
    const r = assessMeasurement({
      ...input(),
      readings: [
        { room: 'bedroom', tenths: 190 },
        { room: 'living_room', tenths: 179 },
        { room: 'other', tenths: 100 },
      ],
    });
    expect(r.outcome).toBe('fail');
    expect(r.failingReadings).toHaveLength(1);
  });
  it('30–70 %: the contract temperature decides (boundary at exactly 30 %)', () => {
    expect(assessMeasurement(input({ unitHeatUseRate: 30, contractTemperature: 160 }, 160)).outcome).toBe(
      'pass',
    );
    expect(assessMeasurement(input({ unitHeatUseRate: 30, contractTemperature: 160 }, 159)).outcome).toBe(
      'fail',
    );
    expect(assessMeasurement(input({ unitHeatUseRate: 69.9, contractTemperature: 200 }, 199)).outcome).toBe(
      'fail',
    );
  });
  it('30–70 % without a contract: 18.0 °C passes, 17.9 °C fails', () => {
    expect(assessMeasurement(input({ unitHeatUseRate: 50 }, 180)).outcome).toBe('pass');
    expect(assessMeasurement(input({ unitHeatUseRate: 50 }, 179)).outcome).toBe('fail');
  });
  it('< 30 % and heated: the contract temperature decides', () => {
    const r = assessMeasurement(input({ unitHeatUseRate: 29.9, contractTemperature: 170 }, 169));
    expect(r.band).toBe('low');
    expect(r.outcome).toBe('fail');
    expect(assessMeasurement(input({ unitHeatUseRate: 10, contractTemperature: 170 }, 170)).outcome).toBe(
      'pass',
    );
  });
  it('< 30 % and the company declined to heat: analysis only', () => {
    const r = assessMeasurement(input({ unitHeatUseRate: 20, heatingProvided: false }, 120));
    expect(r.outcome).toBe('analysis_only');
    expect(r.reasons.map((x) => x.code)).toContain('LOW_HEAT_USE_NOT_HEATED');
  });
  it('rejects non-integer tenths', () => {
    expect(() => assessMeasurement(input({}, 179.5))).toThrowError(/tenths/);
  });
});

describe('H-5.4.7 analysis only when the H-5.1 conditions do not hold', () => {
  it.each(['outdoorNotBelowDesign', 'envelopeToCode', 'indoorSystemWorking'] as const)('%s false', (key) => {
    const conditions = {
      outdoorNotBelowDesign: true,
      envelopeToCode: true,
      indoorSystemWorking: true,
      [key]: false,
    };
    const r = assessMeasurement(input({ conditions }, 150));
    expect(r.outcome).toBe('analysis_only');
    expect(r.reasons).toHaveLength(1);
    expect(r.reasons[0]?.en).toMatch(/analysis only/);
    expect(r.reasons[0]?.zh).toMatch(/仅作分析/);
  });
  it('no bedroom or living-room reading: analysis only', () => {
    const r = assessMeasurement({ ...input(), readings: [{ room: 'other', tenths: 200 }] });
    expect(r.outcome).toBe('analysis_only');
  });
});

describe('H-5.4.5 measurement protocol', () => {
  it('a followed protocol has no problems', () => {
    expect(protocolProblems(PROTOCOL)).toEqual([]);
  });
  it('sensor height 1.1 m and 1.3 m are allowed; 1.09 m and 1.31 m are not', () => {
    expect(protocolProblems({ ...PROTOCOL, sensorHeightMm: 1100 })).toEqual([]);
    expect(protocolProblems({ ...PROTOCOL, sensorHeightMm: 1300 })).toEqual([]);
    expect(protocolProblems({ ...PROTOCOL, sensorHeightMm: 1090 })[0]?.code).toBe('PROTOCOL_SENSOR_HEIGHT');
    expect(protocolProblems({ ...PROTOCOL, sensorHeightMm: 1310 })).toHaveLength(1);
  });
  it('each unfollowed item is a reason and makes the reading analysis only', () => {
    const protocol = { ...PROTOCOL, doorsWindowsClosed30Min: false, customerSigned: false };
    const r = assessMeasurement(input({ protocol }, 150));
    expect(r.outcome).toBe('analysis_only');
    expect(r.reasons.map((x) => x.code)).toEqual([
      'PROTOCOL_DOORS_WINDOWS_CLOSED30_MIN',
      'PROTOCOL_CUSTOMER_SIGNED',
    ]);
  });
});

describe('formatTenths', () => {
  it('formats tenths', () => {
    expect(formatTenths(179)).toBe('17.9 °C');
    expect(formatTenths(-25)).toBe('-2.5 °C');
  });
});
