// G-5.11.3, G-6.2.1: a first-time or newly renovated customer is inspected before supply, and not supplied until
// that inspection passed.

import { DomainError } from '../errors.ts';

export interface SupplyGateFacts {
  /** The latest inspection that passed (inspected, no open major or serious hazard), if any. */
  lastPassedAt: Date | null;
  /** When the premises were last renovated (an inspection before that does not count). */
  renovatedAt?: Date | null;
  /** Open hazards graded serious or major. */
  openSeriousHazards: number;
}

/** Throws SUPPLY_INSPECTION_MISSING naming what is missing, or returns when supply may be switched on. */
export function assertSupplyAllowed(facts: SupplyGateFacts): void {
  if (!facts.lastPassedAt)
    throw new DomainError('SUPPLY_INSPECTION_MISSING', {
      zh: '该用户尚无合格的通气前安全检查记录，不得通气（G-5.11.3、G-6.2.1）',
      en: 'this customer has no passed safety inspection before supply; supply cannot be switched on (G-5.11.3, G-6.2.1)',
    });
  if (facts.renovatedAt && facts.renovatedAt.getTime() > facts.lastPassedAt.getTime())
    throw new DomainError('SUPPLY_INSPECTION_MISSING', {
      zh: '用户房屋装修后尚未重新安检合格，不得通气（G-5.11.3）',
      en: 'the premises were renovated after the last passed inspection; inspect again before supply (G-5.11.3)',
    });
  if (facts.openSeriousHazards > 0)
    throw new DomainError('SUPPLY_INSPECTION_MISSING', {
      zh: `尚有 ${facts.openSeriousHazards} 项较大及以上隐患未整改，不得通气（G-5.11.3）`,
      en: `${facts.openSeriousHazards} serious or major hazard(s) still open; supply cannot be switched on (G-5.11.3)`,
    });
}
