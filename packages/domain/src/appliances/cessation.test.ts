import { describe, expect, it } from 'vitest';
import { cal } from '../testing/support.ts';
import {
  cessationClause,
  cessationNoticeOverdue,
  cessationDeadlines,
  cessationStatus,
  judgeCessationFiling,
  judgeCessationStep,
} from './cessation.ts';

describe('ceasing business (G-6.2.14, G-9.3.2)', () => {
  it('G-6.2.14 a pipeline company ceasing on 2026-07-01 applies by 2026-02-12 (90 working days), tells customers by 2026-05-31', () => {
    expect(cessationClause('pipeline_gas')).toBe('G-6.2.14');
    expect(cessationDeadlines('G-6.2.14', '2026-07-01', cal)).toEqual({
      applyBy: '2026-02-12',
      notifyBy: '2026-05-31',
    });
  });

  it('G-6.2.14 an application after the 90-working-day date is refused naming the date; on the date it is taken', () => {
    const deadlines = cessationDeadlines('G-6.2.14', '2026-07-01', cal);
    const base = { clause: 'G-6.2.14', deadlines, openOrders: 0, openWarranties: 0, successor: '' } as const;
    const late = judgeCessationFiling({ ...base, today: '2026-02-13' });
    expect(late?.code).toBe('CESSATION_TOO_LATE');
    expect(late?.messages.zh).toContain('2026-02-12');
    expect(judgeCessationFiling({ ...base, today: '2026-02-12' })).toBeNull();
  });

  it('G-9.3.2 an appliance company needs no approval, tells its customers ahead and names who takes over', () => {
    expect(cessationClause('appliance')).toBe('G-9.3.2');
    expect(cessationClause('heating')).toBeNull();
    const deadlines = cessationDeadlines('G-9.3.2', '2026-12-31', cal);
    expect(deadlines).toEqual({ applyBy: null, notifyBy: '2026-11-30' });
    const base = { clause: 'G-9.3.2', deadlines, today: '2026-11-26', successor: '' } as const;
    expect(judgeCessationFiling({ ...base, openOrders: 0, openWarranties: 0 })).toBeNull();
    expect(judgeCessationFiling({ ...base, openOrders: 0, openWarranties: 2 })?.code).toBe(
      'CESSATION_SUCCESSOR_REQUIRED',
    );
    expect(
      judgeCessationFiling({ ...base, openOrders: 1, openWarranties: 0, successor: '张店燃气具维修部' }),
    ).toBeNull();
    expect(
      judgeCessationFiling({ ...base, today: '2026-12-01', openOrders: 0, openWarranties: 0 })?.code,
    ).toBe('CESSATION_TOO_LATE');
    expect(judgeCessationStep('G-9.3.2', [], 'approved', '2026-11-26', '2026-12-31')?.code).toBe(
      'CESSATION_NO_APPROVAL',
    );
    expect(judgeCessationStep('G-9.3.2', [], 'customers_notified', '2026-11-26', '2026-12-31')).toBeNull();
  });

  it('G-6.2.14 customers are told only after the authority approves; a decision is taken once; nothing follows a refusal', () => {
    const step = (
      steps: Parameters<typeof judgeCessationStep>[1],
      s: Parameters<typeof judgeCessationStep>[2],
    ) => judgeCessationStep('G-6.2.14', steps, s, '2026-02-01', '2026-07-01')?.code ?? null;
    expect(cessationStatus('G-6.2.14', [])).toBe('awaiting_approval');
    expect(step([], 'customers_notified')).toBe('CESSATION_NOT_APPROVED');
    expect(step([], 'approved')).toBeNull();
    expect(step(['approved'], 'rejected')).toBe('CESSATION_STEP_DONE');
    expect(step(['approved'], 'customers_notified')).toBeNull();
    expect(step(['approved', 'customers_notified'], 'customers_notified')).toBe('CESSATION_STEP_DONE');
    expect(step(['approved', 'customers_notified'], 'withdrawn')).toBe('CESSATION_ALREADY_NOTIFIED');
    expect(step(['rejected'], 'customers_notified')).toBe('CESSATION_CLOSED');
    expect(cessationStatus('G-6.2.14', ['approved', 'customers_notified'])).toBe('customers_notified');
    expect(
      judgeCessationStep('G-6.2.14', ['approved'], 'customers_notified', '2026-07-01', '2026-07-01')?.code,
    ).toBe('CESSATION_TOO_LATE');
  });

  it('G-9.3.2 a filing whose customers are not told by the notice date is overdue; told, withdrawn or refused it is not', () => {
    expect(cessationNoticeOverdue('filed', '2026-11-30', '2026-11-30')).toBe(false);
    expect(cessationNoticeOverdue('filed', '2026-11-30', '2026-12-01')).toBe(true);
    expect(cessationNoticeOverdue('awaiting_approval', '2026-11-30', '2026-12-01')).toBe(true);
    expect(cessationNoticeOverdue('customers_notified', '2026-11-30', '2026-12-01')).toBe(false);
    expect(cessationNoticeOverdue('withdrawn', '2026-11-30', '2026-12-01')).toBe(false);
  });
});
