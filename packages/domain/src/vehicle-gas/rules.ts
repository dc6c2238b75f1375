// Vehicle gas (G-8.1) rules as data, each with its source. The standard gives no number for "near the inspection
// date" (G-8.1.10) nor for when to warn before a dispenser's verification falls due (G-8.1.2): the windows below
// are this system's stated choices, shown beside the results, and a company may be given others.

import type { Messages } from '../errors.ts';

/** The media a vehicle cylinder is made for and a dispenser delivers (GB 18047 CNG, GB 19159 LPG, LNG). */
export const VEHICLE_MEDIA = ['CNG', 'LNG', 'LPG'] as const;
export type VehicleMedium = (typeof VEHICLE_MEDIA)[number];

/** What a dispenser's display counts: CNG and LNG by mass (JJG 996-2012 made CNG kg), LPG by volume. */
export const MEDIUM_UNIT: Record<VehicleMedium, 'kg' | 'L'> = { CNG: 'kg', LNG: 'kg', LPG: 'L' };

const m = (zh: string, en: string): Messages => ({ zh, en });

export const VEHICLE_GAS_RULES = {
  /** G-8.1.10: a certificate expiring within this many days (inclusive) gets a reminder at the pump. */
  reminderDays: 30,
  /** G-8.1.2: a dispenser's verification due within this many days raises an alert. */
  verificationAlertDays: 30,
  /** The verification period a new record is given when its certificate states none (months). */
  defaultVerificationMonths: 6,
  sources: {
    reminder: m(
      '气瓶定期检验合格证有效期剩余30天内（含）提示用户检修：G-8.1.10 要求对临近检验期限的气瓶提示，未规定天数，30天为本系统设定，约为每周加气的车辆到期前提示四次',
      'A certificate with 30 days or fewer left gets a reminder: G-8.1.10 asks for one near the inspection date without a number; 30 days is this system’s choice (about four reminders for a car filling weekly)',
    ),
    expired: m(
      '气瓶定期检验合格证有效期截至证载日期（含当日），过期不得加气（G-8.1.10，TSG 23-2021《气瓶安全技术规程》）',
      'A periodic-inspection certificate is valid through its stated date; once past it the vehicle may not be filled (G-8.1.10, TSG 23-2021)',
    ),
    medium: m(
      '充装介质须与气瓶规定的充装介质一致（G-8.1.1）',
      'The medium filled must be the one the cylinder is made for (G-8.1.1)',
    ),
    verification: m(
      '加气机计量检定按检定证书的有效期（JJG 996-2012 压缩天然气加气机、JJG 1029 液化天然气加气机、JJG 997 液化石油气加气机）；到期前30天预警为本系统设定，未填有效期时按6个月计（G-8.1.2）',
      'Dispensers are verified by their certificate’s validity (JJG 996-2012 CNG, JJG 1029 LNG, JJG 997 LPG dispensers); the 30-day warning is this system’s choice, and 6 months apply when a certificate states no date (G-8.1.2)',
    ),
    leak: m(
      '发现气瓶泄漏应立即按程序处置：停止加气并隔离车辆、告知车主、处置、结案（G-8.1.5）',
      'A leaking cylinder is handled at once by procedure: stop filling and isolate the vehicle, tell the owner, handle, close (G-8.1.5)',
    ),
  },
} as const;

export function isMedium(v: string): v is VehicleMedium {
  return (VEHICLE_MEDIA as readonly string[]).includes(v);
}

/** A plate as typed or scanned (鲁C·T1234, 鲁c t1234) in one form: no separators, letters upper case. */
export function normalizePlate(plate: string): string {
  return plate.replace(/[\s·•.\-_]/g, '').toUpperCase();
}

/** A Chinese plate: province character, city letter, then 5 (or 6 for new-energy) letters and digits. */
export function isPlate(plate: string): boolean {
  return /^[\u4e00-\u9fa5][A-Z][A-Z0-9]{4}[A-Z0-9\u4e00-\u9fa5]{1,2}$/.test(plate);
}
