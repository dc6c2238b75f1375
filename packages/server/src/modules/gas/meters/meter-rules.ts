import { daysBetween, gasCustomerClassOf } from '@ranre/domain';
import type { Db } from '../../../db/client.ts';
import type { Actor } from '../../../core/actor.ts';
import { appError, notFound } from '../../../core/errors.ts';
import * as customers from '../../service/customers/customers.repository.ts';
import type { MeterRow, MeterView } from './meters.repository.ts';
import type { TMeter } from './meters.schemas.ts';

/** The meter, if the caller may see it; another enterprise's meter answers as not found. */
export function assertVisible<T extends { enterpriseId: string }>(
  actor: Actor,
  row: T | null,
  what: string,
): T {
  if (!row || (actor.role !== 'regulator' && row.enterpriseId !== actor.enterpriseId)) throw notFound(what);
  return row;
}

/** A pipeline-gas account of the caller's enterprise that is billed from a meter. */
export async function meteredCustomer(db: Db, actor: Actor, customerId: string) {
  const row = assertVisible(actor, await customers.findCustomer(db, customerId), 'customer');
  if (!gasCustomerClassOf(row.kind)) {
    throw appError(
      'METER_CUSTOMER_NOT_METERED',
      {
        zh: '该用户不是管道燃气计量用户，不能安装燃气表。',
        en: 'This account is not a metered pipeline-gas account.',
      },
      { field: 'customerId' },
    );
  }
  return row;
}

/** G-6.2.2: a prepaid meter either warns at a low balance or allows a limited overdraft. */
export function checkPrepaid(m: {
  prepaid: boolean;
  lowBalanceAlarmFen: number | null;
  overdraftLimitFen: number | null;
}) {
  if (m.prepaid && m.lowBalanceAlarmFen === null && m.overdraftLimitFen === null) {
    throw appError(
      'METER_PREPAID_SETTINGS_REQUIRED',
      {
        zh: '预付费表须设置低余额报警金额或有限透支额度（G-6.2.2）。',
        en: 'A prepaid meter needs a low-balance alarm or a limited overdraft (G-6.2.2).',
      },
      { field: 'lowBalanceAlarmFen' },
    );
  }
  return m.prepaid
    ? { lowBalanceAlarmFen: m.lowBalanceAlarmFen, overdraftLimitFen: m.overdraftLimitFen }
    : { lowBalanceAlarmFen: null, overdraftLimitFen: null };
}

export function checkVerificationDates(verifiedOn: string | null, nextDue: string | null) {
  if (verifiedOn && nextDue && nextDue <= verifiedOn) {
    throw appError(
      'METER_VERIFICATION_DATES',
      { zh: '下次检定日期须晚于检定日期。', en: 'The next verification must be after the last one.' },
      { field: 'nextVerificationDue' },
    );
  }
}

export function wrongStatus(meter: MeterRow, action: string, expected: string) {
  return appError(
    'METER_STATUS',
    {
      zh: `表 ${meter.serialNo} 当前状态为「${meter.status}」，不能${action}（须为「${expected}」）。`,
      en: `Meter ${meter.serialNo} is ${meter.status}; it cannot be ${action} (must be ${expected}).`,
    },
    { status: meter.status },
  );
}

export function toMeter(m: MeterView, today: string): TMeter {
  const dates = [m.nextVerificationDue, m.replaceBy].filter((d): d is string => d !== null).sort();
  return {
    id: m.id,
    enterpriseId: m.enterpriseId,
    customerId: m.customerId,
    customerName: m.customerName,
    accountNo: m.accountNo,
    address: m.address,
    serialNo: m.serialNo,
    model: m.model,
    manufacturer: m.manufacturer,
    status: m.status,
    installedOn: m.installedOn,
    removedOn: m.removedOn,
    initialReading: m.initialReading,
    verifiedOn: m.verifiedOn,
    nextVerificationDue: m.nextVerificationDue,
    replaceBy: m.replaceBy,
    dueInDays: dates[0] ? daysBetween(today, dates[0]) : null,
    remoteReading: m.remoteReading,
    prepaid: m.prepaid,
    lowBalanceAlarmFen: m.lowBalanceAlarmFen,
    overdraftLimitFen: m.overdraftLimitFen,
    prepaidBalanceFen: m.prepaidBalanceFen,
    version: m.version,
  };
}
