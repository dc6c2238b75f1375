// G-8.1.1, G-8.1.4, G-8.1.10: the check a station attendant makes before filling a vehicle. Refused only for a
// reason the standard gives — a cylinder made for another medium, an expired periodic-inspection certificate — or a
// leak still being handled (G-8.1.5); a certificate near its date gets a reminder but the vehicle is filled. A
// vehicle with none of these is never refused (G-8.1.4). Pure: today is an argument.

import type { Messages } from '../errors.ts';
import { daysBetween, type DateString } from '../time/shanghai.ts';
import { VEHICLE_GAS_RULES, type VehicleMedium } from './rules.ts';

export interface VehicleCylinderFacts {
  serialNo: string;
  medium: VehicleMedium;
  certificateNo: string;
  certificateExpiresOn: DateString;
}

export interface VehicleFacts {
  plate: string;
  medium: VehicleMedium;
  cylinders: readonly VehicleCylinderFacts[];
  /** A leak case on the vehicle not yet closed (G-8.1.5). */
  openLeakCase: boolean;
}

export type VehicleRefusal = 'medium_mismatch' | 'certificate_expired' | 'leak_open' | 'no_cylinders';

export interface VehicleFinding {
  reason: VehicleRefusal;
  serialNo: string | null;
  message: Messages;
}

export interface VehicleReminder {
  serialNo: string;
  expiresOn: DateString;
  daysLeft: number;
  message: Messages;
}

export type VehicleCheck =
  | { outcome: 'unregistered'; findings: []; reminders: []; message: Messages }
  | { outcome: 'accepted'; findings: []; reminders: VehicleReminder[] }
  | { outcome: 'refused'; findings: VehicleFinding[]; reminders: VehicleReminder[] };

const MEDIUM_ZH: Record<VehicleMedium, string> = { CNG: '压缩天然气', LNG: '液化天然气', LPG: '液化石油气' };

function finding(
  reason: VehicleRefusal,
  c: VehicleCylinderFacts | null,
  medium: VehicleMedium,
): VehicleFinding {
  const serialNo = c?.serialNo ?? null;
  switch (reason) {
    case 'medium_mismatch':
      return {
        reason,
        serialNo,
        message: {
          zh: `气瓶 ${serialNo} 规定充装${MEDIUM_ZH[c!.medium]}（${c!.medium}），本加气机为${MEDIUM_ZH[medium]}（${medium}），介质不符，不得加气（G-8.1.1）`,
          en: `Cylinder ${serialNo} is made for ${c!.medium}; this dispenser delivers ${medium}: the medium does not match, no fill (G-8.1.1)`,
        },
      };
    case 'certificate_expired':
      return {
        reason,
        serialNo,
        message: {
          zh: `气瓶 ${serialNo} 定期检验合格证（${c!.certificateNo}）已于 ${c!.certificateExpiresOn} 到期，请先检验，不得加气（G-8.1.10）`,
          en: `Cylinder ${serialNo}'s inspection certificate ${c!.certificateNo} expired on ${c!.certificateExpiresOn}: have it inspected first, no fill (G-8.1.10)`,
        },
      };
    case 'leak_open':
      return {
        reason,
        serialNo,
        message: {
          zh: '该车气瓶泄漏处置尚未结案，不得加气（G-8.1.5）',
          en: 'A leak on this vehicle is still being handled: no fill until the case is closed (G-8.1.5)',
        },
      };
    case 'no_cylinders':
      return {
        reason,
        serialNo,
        message: {
          zh: '该车未登记气瓶及其定期检验合格证，请先登记（G-8.1.10）',
          en: 'No cylinder and certificate registered for this vehicle: register them first (G-8.1.10)',
        },
      };
  }
}

/** The check at a dispenser delivering `medium`; `vehicle` null when the plate is not registered. */
export function checkVehicleFill(
  vehicle: VehicleFacts | null,
  medium: VehicleMedium,
  today: DateString,
  reminderDays: number = VEHICLE_GAS_RULES.reminderDays,
): VehicleCheck {
  if (!vehicle) {
    return {
      outcome: 'unregistered',
      findings: [],
      reminders: [],
      message: {
        zh: '车辆未登记：请查验气瓶定期检验合格证并登记后再检查（不是拒绝加气）',
        en: 'The vehicle is not registered: look at its cylinders’ inspection certificates, register them, then check again (not a refusal)',
      },
    };
  }
  const findings: VehicleFinding[] = [];
  if (vehicle.openLeakCase) findings.push(finding('leak_open', null, medium));
  if (vehicle.cylinders.length === 0) findings.push(finding('no_cylinders', null, medium));
  const reminders: VehicleReminder[] = [];
  for (const c of vehicle.cylinders) {
    if (c.medium !== medium) findings.push(finding('medium_mismatch', c, medium));
    if (c.certificateExpiresOn < today) {
      findings.push(finding('certificate_expired', c, medium));
      continue;
    }
    const daysLeft = daysBetween(today, c.certificateExpiresOn);
    if (daysLeft <= reminderDays) {
      reminders.push({
        serialNo: c.serialNo,
        expiresOn: c.certificateExpiresOn,
        daysLeft,
        message: {
          zh: `气瓶 ${c.serialNo} 定期检验合格证将于 ${c.certificateExpiresOn} 到期（剩 ${daysLeft} 天），请提示车主及时送检（G-8.1.10）`,
          en: `Cylinder ${c.serialNo}'s certificate expires on ${c.certificateExpiresOn} (${daysLeft} days left): remind the owner to have it inspected (G-8.1.10)`,
        },
      });
    }
  }
  if (findings.length > 0) return { outcome: 'refused', findings, reminders };
  return { outcome: 'accepted', findings: [], reminders };
}

/** The message of a stored finding, rebuilt from its reason (stored checks keep codes, not text). */
export function vehicleRefusalLabel(reason: string): Messages {
  const labels: Record<VehicleRefusal, Messages> = {
    medium_mismatch: { zh: '介质不符', en: 'Medium does not match' },
    certificate_expired: { zh: '检验合格证过期', en: 'Certificate expired' },
    leak_open: { zh: '泄漏处置未结案', en: 'Leak being handled' },
    no_cylinders: { zh: '未登记气瓶', en: 'No cylinder registered' },
  };
  return labels[reason as VehicleRefusal] ?? { zh: reason, en: reason };
}
