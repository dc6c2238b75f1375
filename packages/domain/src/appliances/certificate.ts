// G-9.2.7: the quality certificate after the test — company and seal, customer name and address, brand and model,
// the test results (leak test, flue-gas CO with the limit it was judged against), installer and tester signatures,
// date, service and supervision phones. A certificate with any of these missing is refused naming them all; one
// whose tests failed is not a quality certificate at all.

import type { Messages } from '../errors.ts';

export interface CertificateFacts {
  company?: string;
  customerName?: string;
  address?: string;
  brand?: string;
  model?: string;
  leakTestPassed?: boolean;
  /** Measured CO in the dry flue gas, ppm (α = 1). */
  flueCoPpm?: number;
  /** The limit the measurement is judged against, ppm, and where it comes from (the appliance's standard). */
  coLimitPpm?: number;
  coLimitBasis?: string;
  installerName?: string;
  testerName?: string;
  installerSignature?: boolean;
  testerSignature?: boolean;
  servicePhone?: string;
  supervisionPhone?: string;
}

export const CERTIFICATE_FIELDS: readonly (keyof CertificateFacts)[] = [
  'company',
  'customerName',
  'address',
  'brand',
  'model',
  'leakTestPassed',
  'flueCoPpm',
  'coLimitPpm',
  'coLimitBasis',
  'installerName',
  'testerName',
  'installerSignature',
  'testerSignature',
  'servicePhone',
  'supervisionPhone',
];

/** The fields G-9.2.7 asks for that are absent or blank (a signature counts only when given). */
export function missingCertificateFields(f: CertificateFacts): (keyof CertificateFacts)[] {
  return CERTIFICATE_FIELDS.filter((k) => {
    const v = f[k];
    if (k === 'installerSignature' || k === 'testerSignature') return v !== true;
    if (typeof v === 'string') return v.trim() === '';
    if (typeof v === 'number') return !Number.isFinite(v) || v < 0;
    return v === undefined || v === null;
  });
}

/** Why the tests do not allow a certificate, or null: the leak test failed or the flue CO is above its limit. */
export function certificateTestProblem(f: {
  leakTestPassed: boolean;
  flueCoPpm: number;
  coLimitPpm: number;
}): Messages | null {
  if (!f.leakTestPassed) {
    return {
      zh: '气密性检测未通过，不能出具质量合格证（G-9.2.7）',
      en: 'The leak test failed; no quality certificate can be issued (G-9.2.7)',
    };
  }
  if (f.flueCoPpm > f.coLimitPpm) {
    return {
      zh: `烟气 CO 含量 ${f.flueCoPpm} ppm 超过限值 ${f.coLimitPpm} ppm，不能出具质量合格证（G-9.2.7）`,
      en: `Flue CO ${f.flueCoPpm} ppm is above the limit of ${f.coLimitPpm} ppm; no quality certificate (G-9.2.7)`,
    };
  }
  return null;
}

/** What the installer confirms on an installation before the certificate, each with the clause it comes from. */
export const INSTALLATION_CHECKLIST = [
  {
    key: 'afterOutletValve',
    clause: 'G-9.2.4',
    zh: '器具安装在燃气计量表出口阀门之后，阀门及其之前的燃气设施未作任何改动',
    en: 'The appliance is fitted after the meter’s outlet valve; nothing at or before the valve was touched',
  },
  {
    key: 'compliantParts',
    clause: 'G-9.1.1',
    zh: '器具及配件（含连接软管）均为合格产品',
    en: 'The appliance and its parts, hoses included, are compliant products',
  },
] as const;
export type ChecklistKey = (typeof INSTALLATION_CHECKLIST)[number]['key'];

/** The checklist items not confirmed; an installation needs them all (G-9.2.4), a repair none. */
export function missingChecklist(itemCode: string, confirmed: readonly string[]): ChecklistKey[] {
  if (itemCode !== 'appliance_installation') return [];
  return INSTALLATION_CHECKLIST.map((c) => c.key).filter((k) => !confirmed.includes(k));
}
