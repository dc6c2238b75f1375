// Room-temperature quality (H-5.1, H-5.4.5, H-5.4.7): does one household measurement pass, fail, or count for
// analysis only? Temperatures are integers in tenths of a degree Celsius (180 = 18.0 °C) so boundaries are exact.
// The unit heat-use rate (单元用热率) is a percentage 0–100 (70 means 70 %), compared as given, never rescaled.

import { domainError, type Messages } from '../errors.ts';

/** H-5.1: 18.0 °C, in tenths of a degree. */
export const STANDARD_ROOM_TEMPERATURE_TENTHS = 180;
/** H-5.4.5: sensor at the room centre, 1.2 ± 0.1 m. */
export const SENSOR_HEIGHT_MIN_MM = 1100;
export const SENSOR_HEIGHT_MAX_MM = 1300;

/** The rooms H-5.1 names are the bedroom and the living room; other rooms are recorded but never decide. */
export type RoomKind = 'bedroom' | 'living_room' | 'other';

export interface RoomReading {
  room: RoomKind;
  /** Free text, e.g. '主卧'. */
  label?: string;
  /** Tenths of a degree Celsius (integer). */
  tenths: number;
}

/** H-5.1's preconditions: only when all hold does a reading decide pass/fail (H-5.4.7). */
export interface HeatingConditions {
  outdoorNotBelowDesign: boolean;
  envelopeToCode: boolean;
  indoorSystemWorking: boolean;
}

/** H-5.4.5 measurement protocol. The "noted" items are about recording, not about the household's choices. */
export interface MeasurementProtocol {
  systemRunning: boolean;
  conditionsNoted: boolean;
  doorsWindowsClosed30Min: boolean;
  /** Sensor height above the floor, mm (must be 1100–1300). */
  sensorHeightMm: number;
  sensorAtRoomCentre: boolean;
  radiatorsUncovered: boolean;
  noSunOrHeatSourceOnSensor: boolean;
  inspectorStill: boolean;
  enlargedAreaOrAddedRadiatorsNoted: boolean;
  modificationsNoted: boolean;
  customerSigned: boolean;
}

export interface MeasurementInput {
  readings: readonly RoomReading[];
  /** Percent 0–100. */
  unitHeatUseRate: number;
  /** Tenths of a degree; absent where there is no contract (then 18.0 °C applies in the 30–70 % band). */
  contractTemperature?: number;
  /** Below 30 % the company may decline to heat (H-5.1); default true (it heats). */
  heatingProvided?: boolean;
  conditions: HeatingConditions;
  protocol: MeasurementProtocol;
}

/** ≥ 70 % → 'full'; 30 % ≤ rate < 70 % → 'partial'; < 30 % → 'low'. */
export type HeatUseBand = 'full' | 'partial' | 'low';
export type MeasurementOutcome = 'pass' | 'fail' | 'analysis_only';

export interface Reason extends Messages {
  code: string;
}

export interface MeasurementAssessment {
  outcome: MeasurementOutcome;
  band: HeatUseBand;
  /** The temperature the decisive rooms must reach (tenths), when one applies. */
  requiredTenths?: number;
  /** Decisive readings below the requirement. */
  failingReadings: RoomReading[];
  reasons: Reason[];
}

export function heatUseBand(ratePercent: number): HeatUseBand {
  if (!Number.isFinite(ratePercent) || ratePercent < 0 || ratePercent > 100) {
    throw domainError(
      'HEAT_USE_RATE_INVALID',
      `单元用热率应为 0–100 的百分数，收到「${ratePercent}」。`,
      `The unit heat-use rate must be a percentage 0–100, got "${ratePercent}".`,
      { ratePercent },
    );
  }
  if (ratePercent >= 70) return 'full';
  if (ratePercent >= 30) return 'partial';
  return 'low';
}

/** H-5.1: the required temperature for a band (tenths). ≥ 70 % → 18.0 °C; otherwise the contract, else 18.0 °C. */
export function requiredTemperature(band: HeatUseBand, contractTemperature?: number): number {
  if (band === 'full' || contractTemperature === undefined) return STANDARD_ROOM_TEMPERATURE_TENTHS;
  return contractTemperature;
}

const PROTOCOL_ITEMS: readonly [keyof MeasurementProtocol, string, string][] = [
  ['systemRunning', '供热系统未正常运行', 'the heating system was not running'],
  ['conditionsNoted', '未记录测温条件', 'the measuring conditions were not noted'],
  ['doorsWindowsClosed30Min', '门窗未关闭满 30 分钟', 'doors and windows were not closed for 30 minutes'],
  ['sensorAtRoomCentre', '测点不在房间中央', 'the sensor was not at the room centre'],
  ['radiatorsUncovered', '散热器被遮挡', 'radiators were covered'],
  ['noSunOrHeatSourceOnSensor', '测点受阳光或热源影响', 'sun or a heat source reached the sensor'],
  ['inspectorStill', '测温人员未保持静止', 'the inspector was not still'],
  [
    'enlargedAreaOrAddedRadiatorsNoted',
    '未记录扩大面积或增加散热器情况',
    'enlarged area or added radiators not noted',
  ],
  ['modificationsNoted', '未记录私改情况', 'modifications were not noted'],
  ['customerSigned', '用户未签字', 'the customer did not sign'],
];

/** H-5.4.5: every protocol item not followed, as reasons (empty when the protocol was followed). */
export function protocolProblems(protocol: MeasurementProtocol): Reason[] {
  const reasons: Reason[] = [];
  for (const [key, zh, en] of PROTOCOL_ITEMS) {
    if (protocol[key] !== true)
      reasons.push({ code: `PROTOCOL_${snake(key)}`, zh: `H-5.4.5：${zh}`, en: `H-5.4.5: ${en}` });
  }
  const h = protocol.sensorHeightMm;
  if (!Number.isFinite(h) || h < SENSOR_HEIGHT_MIN_MM || h > SENSOR_HEIGHT_MAX_MM) {
    reasons.push({
      code: 'PROTOCOL_SENSOR_HEIGHT',
      zh: `H-5.4.5：测点高度 ${h} mm，应为 1.2 ± 0.1 m`,
      en: `H-5.4.5: sensor height ${h} mm, must be 1.2 ± 0.1 m`,
    });
  }
  return reasons;
}

const CONDITION_ITEMS: readonly [keyof HeatingConditions, string, string][] = [
  [
    'outdoorNotBelowDesign',
    '室外温度低于设计最低温度',
    'the outdoor temperature was below the design minimum',
  ],
  ['envelopeToCode', '建筑围护结构不符合节能标准', 'the building envelope is not to code'],
  ['indoorSystemWorking', '户内供热设施不正常', 'the indoor heating system was not working'],
];

/** H-5.1/H-5.4.7 and H-5.4.5: assess one household measurement. */
export function assessMeasurement(input: MeasurementInput): MeasurementAssessment {
  const band = heatUseBand(input.unitHeatUseRate);
  for (const reading of input.readings) assertTenths(reading.tenths, 'reading');
  if (input.contractTemperature !== undefined) assertTenths(input.contractTemperature, 'contractTemperature');

  const reasons: Reason[] = [];
  for (const [key, zh, en] of CONDITION_ITEMS) {
    if (input.conditions[key] !== true) {
      reasons.push({
        code: `CONDITION_${snake(key)}`,
        zh: `H-5.4.7：${zh}，仅作分析`,
        en: `H-5.4.7: ${en}; analysis only`,
      });
    }
  }
  reasons.push(...protocolProblems(input.protocol));
  if (band === 'low' && input.heatingProvided === false) {
    reasons.push({
      code: 'LOW_HEAT_USE_NOT_HEATED',
      zh: 'H-5.1：单元用热率低于 30 %，供热企业可不供热，且未供热',
      en: 'H-5.1: unit heat-use rate below 30 %; the company may decline to heat and did not heat',
    });
  }
  const decisive = input.readings.filter((r) => r.room === 'bedroom' || r.room === 'living_room');
  if (decisive.length === 0) {
    reasons.push({
      code: 'NO_DECISIVE_ROOM',
      zh: 'H-5.1：没有卧室或起居室的读数',
      en: 'H-5.1: no bedroom or living-room reading',
    });
  }
  if (reasons.length > 0) return { outcome: 'analysis_only', band, failingReadings: [], reasons };

  const requiredTenths = requiredTemperature(band, input.contractTemperature);
  const failingReadings = decisive.filter((r) => r.tenths < requiredTenths);
  const need = formatTenths(requiredTenths);
  const basis: Reason =
    band === 'full'
      ? {
          code: 'BAND_FULL',
          zh: `H-5.1：单元用热率 ≥ 70 %，应 ≥ ${need}`,
          en: `H-5.1: heat-use rate ≥ 70 %, needs ≥ ${need}`,
        }
      : {
          code: band === 'partial' ? 'BAND_PARTIAL' : 'BAND_LOW',
          zh: `H-5.1：单元用热率 ${band === 'partial' ? '30–70 %' : '< 30 %'}，按${input.contractTemperature === undefined ? '无合同时的 18 °C' : '合同温度'} ≥ ${need}`,
          en: `H-5.1: heat-use rate ${band === 'partial' ? '30–70 %' : '< 30 %'}, ${input.contractTemperature === undefined ? 'no contract so 18 °C' : 'contract temperature'} ≥ ${need}`,
        };
  reasons.push(basis);
  for (const r of failingReadings) {
    const name = r.label ?? (r.room === 'bedroom' ? '卧室/bedroom' : '起居室/living room');
    reasons.push({
      code: 'BELOW_REQUIRED',
      zh: `${name} ${formatTenths(r.tenths)} 低于 ${need}`,
      en: `${name} ${formatTenths(r.tenths)} is below ${need}`,
    });
  }
  return {
    outcome: failingReadings.length > 0 ? 'fail' : 'pass',
    band,
    requiredTenths,
    failingReadings,
    reasons,
  };
}

/** 179 → '17.9 °C'; -25 → '-2.5 °C'. */
export function formatTenths(tenths: number): string {
  const sign = tenths < 0 ? '-' : '';
  const abs = Math.abs(tenths);
  return `${sign}${Math.floor(abs / 10)}.${abs % 10} °C`;
}

function assertTenths(value: number, field: string): void {
  if (!Number.isInteger(value)) {
    throw domainError(
      'TEMPERATURE_INVALID',
      `温度须为 0.1 °C 的整数倍（整数，单位 0.1 °C），${field} 收到「${value}」。`,
      `Temperatures are integers in tenths of a degree; ${field} got "${value}".`,
      { field, value },
    );
  }
}

function snake(camel: string): string {
  return camel.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}
