import { describe, expect, it } from 'vitest';
import { at, codeOf, thrown } from '../testing/support.ts';
import type { DomainError } from '../errors.ts';
import { checkNotice, overrunDue, requiredNoticeFields } from './rules.ts';
import { noticeText } from './text.ts';
import type { NoticeDraft } from './types.ts';

const filling = (over: Partial<NoticeDraft> = {}): NoticeDraft => ({
  sector: 'heating',
  kind: 'filling',
  title: '2026—2027采暖季管网注水',
  cause: '',
  communities: ['华光小区'],
  repairSection: '',
  managerName: '周建平',
  managerPhone: '0533-2345678',
  startsAt: at('2026-11-15 00:00'),
  expectedRestoreAt: null,
  safetyAdvice: '',
  durationReason: '',
  ...over,
});

const heatOutage = (over: Partial<NoticeDraft> = {}): NoticeDraft =>
  filling({
    kind: 'unplanned_interruption',
    title: '共青团路主管网爆管抢修',
    cause: '主管网爆管',
    repairSection: '共青团路（华光路至柳泉路）',
    startsAt: at('2026-11-26 08:00'),
    expectedRestoreAt: at('2026-11-27 12:00'),
    ...over,
  });

const gasPlanned = (over: Partial<NoticeDraft> = {}): NoticeDraft =>
  filling({
    sector: 'gas',
    kind: 'planned_interruption',
    title: '中压管线碰口施工',
    cause: '管道碰口施工',
    startsAt: at('2026-12-01 09:00'),
    expectedRestoreAt: at('2026-12-01 17:00'),
    ...over,
  });

describe('filling and commissioning notices', () => {
  it('H-6.1.4: exactly 7 days (168 h) before a midnight start is on time', () => {
    const c = checkNotice(filling(), at('2026-11-08 00:00'));
    expect(c).toMatchObject({ clause: 'H-6.1.4', notifyRequired: true });
    expect(c.lead?.latestDate).toBe('2026-11-07');
  });

  it('H-6.1.4: 6 days 23 h before the start is refused, naming the clause and the latest time', () => {
    const e = thrown(() => checkNotice(filling(), at('2026-11-08 01:00'))) as DomainError;
    expect(e.code).toBe('NOTICE_LEAD_TIME_SHORT');
    expect(e.messages.zh).toContain('H-6.1.4');
    expect(e.messages.zh).toContain('2026-11-07 24:00');
    expect(e.messages.en).toContain('give it by 2026-11-07 24:00');
  });

  it('H-6.1.4: calendar days — the publication day does not count, so 7 × 24 h on the same wall-clock hour is short', () => {
    const start = at('2026-11-15 08:00');
    expect(codeOf(() => checkNotice(filling({ startsAt: start }), at('2026-11-07 23:59')))).toBe('NO_ERROR');
    expect(codeOf(() => checkNotice(filling({ startsAt: start }), at('2026-11-08 08:00')))).toBe(
      'NOTICE_LEAD_TIME_SHORT',
    );
  });

  it('H-6.2.6: a commissioning notice needs the community, the area manager and the phone, and 7 days', () => {
    const draft = filling({ kind: 'commissioning', communities: [' '], managerName: '', managerPhone: '' });
    const e = thrown(() => checkNotice(draft, at('2026-11-01 09:00'))) as DomainError;
    expect(e.code).toBe('NOTICE_FIELD_MISSING');
    expect(e.details).toMatchObject({
      clause: 'H-6.2.6',
      missing: ['communities', 'managerName', 'managerPhone'],
    });
    expect(e.messages.zh).toContain('片区负责人');
    expect(checkNotice(filling({ kind: 'commissioning' }), at('2026-11-01 09:00')).clause).toBe('H-6.2.6');
    expect(codeOf(() => checkNotice(filling({ kind: 'commissioning' }), at('2026-11-10 09:00')))).toBe(
      'NOTICE_LEAD_TIME_SHORT',
    );
  });

  it('H-6.2.6: a phone that is not a phone number is refused', () => {
    expect(codeOf(() => checkNotice(filling({ managerPhone: '12ab' }), at('2026-11-01 09:00')))).toBe(
      'NOTICE_PHONE_INVALID',
    );
  });

  it('H-6.1.4: a gas company does not publish heating filling notices', () => {
    expect(codeOf(() => checkNotice(filling({ sector: 'gas' }), at('2026-11-01 09:00')))).toBe(
      'NOTICE_KIND_NOT_FOR_SECTOR',
    );
  });
});

describe('interruptions', () => {
  it('H-6.4.5: an interruption expected to last over 24 h must be sent to the households', () => {
    const c = checkNotice(heatOutage(), at('2026-11-26 09:00'));
    expect(c).toMatchObject({ clause: 'H-6.4.5', notifyRequired: true, expectedHours: 28 });
  });

  it('H-6.4.5: exactly 24 h is not "over 24 h"; posting is enough', () => {
    const c = checkNotice(heatOutage({ expectedRestoreAt: at('2026-11-27 08:00') }), at('2026-11-26 09:00'));
    expect(c).toMatchObject({ notifyRequired: false, expectedHours: 24 });
  });

  it('H-6.4.5: cause, area, repair section and expected restore are required', () => {
    const e = thrown(() =>
      checkNotice(
        heatOutage({ cause: '', repairSection: '', expectedRestoreAt: null }),
        at('2026-11-26 09:00'),
      ),
    ) as DomainError;
    expect(e.details).toMatchObject({ missing: ['cause', 'repairSection', 'expectedRestoreAt'] });
    expect(requiredNoticeFields('heating', 'unplanned_interruption')).toContain('repairSection');
  });

  it('H-6.4.5: the expected restore must lie after the start and after publication', () => {
    const past = heatOutage({ expectedRestoreAt: at('2026-11-26 08:30') });
    expect(codeOf(() => checkNotice(past, at('2026-11-26 09:00')))).toBe('NOTICE_TIMES_INVALID');
  });

  it('H-6.4.5: an overrun is due once, after the expected restore, while not restored', () => {
    const n = {
      kind: 'unplanned_interruption' as const,
      status: 'published',
      expectedRestoreAt: at('2026-11-27 12:00'),
      actualRestoreAt: null,
      overrunNotifiedAt: null,
    };
    expect(overrunDue(n, at('2026-11-27 12:00'))).toBe(false);
    expect(overrunDue(n, at('2026-11-27 12:01'))).toBe(true);
    expect(overrunDue({ ...n, overrunNotifiedAt: at('2026-11-27 12:01') }, at('2026-11-27 13:00'))).toBe(
      false,
    );
    expect(overrunDue({ ...n, actualRestoreAt: at('2026-11-27 11:00') }, at('2026-11-27 13:00'))).toBe(false);
    expect(overrunDue({ ...n, kind: 'filling' }, at('2026-11-27 13:00'))).toBe(false);
  });

  it('H-6.4.5: the household message names cause, area, repair section and expected restore', () => {
    const text = noticeText(heatOutage(), {
      enterpriseName: '示范热力',
      clause: 'H-6.4.5',
      occasion: 'overrun',
      revision: 1,
    });
    expect(text.body.zh).toContain('原因：主管网爆管');
    expect(text.body.zh).toContain('范围：华光小区');
    expect(text.body.zh).toContain('抢修路段：共青团路');
    expect(text.body.zh).toContain('预计恢复：2026-11-27 12:00');
    expect(text.subject).toContain('超时未恢复');
    expect(text.body.en).toContain('Repair section');
  });

  it('G-6.2.12: a planned gas outage is announced 72 h ahead', () => {
    expect(checkNotice(gasPlanned(), at('2026-11-28 09:00')).lead?.latestAt).toEqual(at('2026-11-28 09:00'));
    const e = thrown(() => checkNotice(gasPlanned(), at('2026-11-28 09:01'))) as DomainError;
    expect(e.code).toBe('NOTICE_LEAD_TIME_SHORT');
    expect(e.messages.en).toContain('G-6.2.12');
  });

  it('G-6.2.12: a planned outage over 24 h needs a stated reason', () => {
    const long = gasPlanned({ expectedRestoreAt: at('2026-12-02 12:00') });
    expect(codeOf(() => checkNotice(long, at('2026-11-26 09:00')))).toBe('NOTICE_DURATION_REASON_REQUIRED');
    const explained = { ...long, durationReason: '穿越铁路段须夜间连续施工' };
    expect(checkNotice(explained, at('2026-11-26 09:00')).expectedHours).toBe(27);
  });

  it('G-6.2.12: a sudden gas outage needs cause, area, expected restore and safety advice, and is always sent', () => {
    const sudden = gasPlanned({ kind: 'unplanned_interruption', startsAt: at('2026-11-26 08:00') });
    const e = thrown(() => checkNotice(sudden, at('2026-11-26 09:00'))) as DomainError;
    expect(e.details).toMatchObject({ missing: ['safetyAdvice'] });
    const ok = checkNotice({ ...sudden, safetyAdvice: '恢复前请关闭灶前阀' }, at('2026-11-26 09:00'));
    expect(ok).toMatchObject({ clause: 'G-6.2.12', notifyRequired: true, lead: null });
  });
});

describe('what the hotline tells a caller', () => {
  it('H-7.3.7: an outage caller hears an apology and the expected restore time', async () => {
    const { callerScript } = await import('./text.ts');
    const s = callerScript(heatOutage());
    expect(s.zh).toMatch(/^非常抱歉！因主管网爆管，华光小区暂停供热/);
    expect(s.zh).toContain('预计 2026-11-27 12:00 恢复供热');
    expect(s.en).toContain('expected back at 2026-11-27 12:00');
    expect(callerScript(filling()).zh).toContain('片区负责人周建平，联系电话 0533-2345678');
  });
});
