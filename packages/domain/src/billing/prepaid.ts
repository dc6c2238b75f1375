// Prepaid meters (G-6.2.2): a prepaid meter warns the customer when its balance runs low, and may allow a limited
// overdraft; beyond the overdraft the valve closes until the next top-up. Money in integer fen.

import { domainError } from '../errors.ts';
import { assertWhole, assertWholeNonNegative, formatFen } from './units.ts';
import type { Fen } from './units.ts';

export interface PrepaidSettings {
  /** Alarm when the balance falls below this; null: no alarm configured. */
  lowBalanceAlarmFen: Fen | null;
  /** How far below zero the meter may go; null or 0: no overdraft. */
  overdraftLimitFen: Fen | null;
}

export interface PrepaidDraw {
  balanceFen: Fen;
  /** The balance crossed below the alarm threshold with this draw (alarm once per crossing). */
  alarm: boolean;
  inOverdraft: boolean;
}

/** Gas drawn from a prepaid meter: refused beyond the overdraft limit (G-6.2.2: a limited overdraft only). */
export function drawPrepaid(balanceFen: Fen, amountFen: Fen, s: PrepaidSettings): PrepaidDraw {
  assertWhole(balanceFen, 'prepaid balance');
  assertWholeNonNegative(amountFen, 'draw amount');
  const limit = s.overdraftLimitFen ?? 0;
  const next = balanceFen - amountFen;
  if (next < -limit) {
    throw domainError(
      'PREPAID_OVERDRAFT_EXCEEDED',
      `预付费余额 ${formatFen(balanceFen)} 不足以支付 ${formatFen(amountFen)}，透支额度 ${formatFen(limit)}，请先充值（G-6.2.2）。`,
      `Prepaid balance ${formatFen(balanceFen)} cannot cover ${formatFen(amountFen)} within the overdraft of ${formatFen(limit)}; top up first (G-6.2.2).`,
      { balanceFen, amountFen, overdraftLimitFen: limit },
    );
  }
  return { balanceFen: next, alarm: crossedAlarm(balanceFen, next, s), inOverdraft: next < 0 };
}

/** Money loaded onto the meter. */
export function topUpPrepaid(balanceFen: Fen, amountFen: Fen): Fen {
  assertWhole(balanceFen, 'prepaid balance');
  assertWholeNonNegative(amountFen, 'top-up amount');
  return balanceFen + amountFen;
}

function crossedAlarm(before: Fen, after: Fen, s: PrepaidSettings): boolean {
  const at = s.lowBalanceAlarmFen;
  return at !== null && before >= at && after < at;
}

/** The low-balance message the customer receives (G-6.2.2). */
export function prepaidAlarmMessage(serialNo: string, balanceFen: Fen, s: PrepaidSettings) {
  const od = s.overdraftLimitFen ?? 0;
  const tail =
    od > 0
      ? {
          zh: `可透支至 -${formatFen(od).slice(1)}，超出后将停止供气`,
          en: `overdraft allowed down to -${formatFen(od).slice(1)}, after which the valve closes`,
        }
      : { zh: '余额用尽后将停止供气', en: 'the valve closes when the balance runs out' };
  return {
    zh: `您的预付费燃气表 ${serialNo} 余额 ${formatFen(balanceFen)}，已低于提醒额 ${formatFen(s.lowBalanceAlarmFen ?? 0)}，请及时充值；${tail.zh}（G-6.2.2）。`,
    en: `Your prepaid gas meter ${serialNo} has ${formatFen(balanceFen)} left, below the alarm level of ${formatFen(s.lowBalanceAlarmFen ?? 0)}; please top up — ${tail.en} (G-6.2.2).`,
  };
}
