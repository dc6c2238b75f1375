import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNoticeOverruns } from './overrun.job.ts';
import { iso, noticeWorld, type Json, type NoticeWorld } from './notices.fixtures.ts';

// Interruption notices: H-6.4.5 (heating, over 24 h → households told; again on overrun or repeat) and G-6.2.12
// (gas: planned outages 72 h ahead, normally ≤ 24 h; sudden ones with safety advice; again on overrun).

let w: NoticeWorld;
beforeAll(async () => {
  w = await noticeWorld();
});
afterAll(async () => w.close());

const outage = (over: Json = {}) => ({
  kind: 'unplanned_interruption',
  title: '共青团路主管网爆管抢修',
  cause: '主管网爆管',
  communities: ['华光小区'],
  repairSection: '共青团路（华光路至柳泉路）',
  managerName: '郑浩然',
  managerPhone: '13905330000',
  startsAt: iso('2026-11-26 06:00'),
  expectedRestoreAt: iso('2026-11-27 12:00'),
  ...over,
});

/** The body of a revision: the content without the kind, which never changes. */
const revised = (over: Json) => {
  const { kind: _kind, ...content } = outage(over);
  return content;
};

const gasPlanned = (over: Json = {}) => ({
  kind: 'planned_interruption',
  title: '中压管线碰口施工停气',
  cause: '中压管线碰口施工',
  communities: ['华光小区'],
  safetyAdvice: '停气期间请关闭灶前阀，恢复供气后先开窗通风',
  startsAt: iso('2026-11-30 09:00'),
  expectedRestoreAt: iso('2026-11-30 17:00'),
  ...over,
});

let notice: Json;

describe('heating interruptions', () => {
  it('H-6.4.5: an interruption expected over 24 h tells the households the cause, area, repair section and restore time', async () => {
    w.at('2026-11-26 07:00');
    const res = await w.call('heat_dispatcher', 'POST', '/api/notices', outage());
    expect(res.statusCode).toBe(201);
    notice = res.json();
    expect(notice).toMatchObject({
      clause: 'H-6.4.5',
      recipients: 3,
      notifyHouseholds: true,
      overrun: false,
    });
    const withFields = await w.count(
      `select count(*)::int as n from notifications where ref_id = '${notice.id}' and kind = 'unplanned_interruption_notice'
         and body like '%原因：主管网爆管%' and body like '%范围：华光小区%'
         and body like '%抢修路段：共青团路（华光路至柳泉路）%' and body like '%预计恢复：2026-11-27 12:00%'`,
    );
    expect(withFields).toBe(3);
  });

  it("H-7.3.7: the agent sees the interruption over the caller's premises with an apology and the restore time", async () => {
    const id = async (name: string) =>
      String((await w.t.database.executeSql('select id from customers where name = $1', [name])).rows[0]!.id);
    const res = await w.call(
      'heat_agent',
      'GET',
      `/api/notices/for-customer?customerId=${await id('王海涛')}`,
    );
    expect(res.statusCode).toBe(200);
    const [item, ...rest] = res.json().items as Json[];
    expect(rest).toEqual([]);
    expect(item).toMatchObject({ id: notice.id, kind: 'unplanned_interruption' });
    expect(item!.script.zh).toMatch(/^非常抱歉！因主管网爆管，华光小区暂停供热，抢修路段为共青团路/);
    expect(item!.script.zh).toContain('预计 2026-11-27 12:00 恢复供热');
    // 陈静 lives in 将军路小区 only: nothing to tell; another company's agent may not ask
    expect(
      (await w.call('heat_agent', 'GET', `/api/notices/for-customer?customerId=${await id('陈静')}`)).json()
        .items,
    ).toEqual([]);
    expect(
      (await w.call('gas_agent', 'GET', `/api/notices/for-customer?customerId=${await id('王海涛')}`)).json()
        .items,
    ).toEqual([]);
    expect((await w.call('heat_agent', 'GET', '/api/notices/for-customer?customerId=nope')).statusCode).toBe(
      400,
    );
  });

  it('H-6.4.5: over 24 h it may not be only posted; 24 h or less it may', async () => {
    w.at('2026-11-26 07:00');
    const refused = await w.call('heat_admin', 'POST', '/api/notices', outage({ notifyHouseholds: false }));
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'NOTICE_NOTIFY_REQUIRED', details: { clause: 'H-6.4.5' } });
    expect(refused.json().message).toContain('超过24小时');
    const short = await w.call(
      'heat_admin',
      'POST',
      '/api/notices',
      outage({
        notifyHouseholds: false,
        communities: ['将军路小区'],
        expectedRestoreAt: iso('2026-11-27 06:00'),
      }),
    );
    expect(short.statusCode).toBe(201);
    expect(short.json()).toMatchObject({ recipients: 0, notifyHouseholds: false });
  });

  it('H-6.4.5: a missing repair section or a restore time already past is refused', async () => {
    w.at('2026-11-26 07:00');
    const missing = await w.call('heat_admin', 'POST', '/api/notices', outage({ repairSection: '' }));
    expect(missing.json()).toMatchObject({
      code: 'NOTICE_FIELD_MISSING',
      details: { missing: ['repairSection'] },
    });
    const past = await w.call(
      'heat_admin',
      'POST',
      '/api/notices',
      outage({ expectedRestoreAt: iso('2026-11-26 06:30') }),
    );
    expect(past.json().code).toBe('NOTICE_TIMES_INVALID');
  });

  it('H-6.4.5: past the expected restore the households are told again, once', async () => {
    // the ≤ 24 h one that was only posted (将军路小区, restore 06:00) overran: now its households are told
    w.at('2026-11-27 11:00');
    expect(await runNoticeOverruns(w.t.ctx, w.t.ctx.now())).toEqual({ notices: 1, messages: 2 });
    w.at('2026-11-27 12:05');
    expect(await runNoticeOverruns(w.t.ctx, w.t.ctx.now())).toEqual({ notices: 1, messages: 3 });
    expect(await runNoticeOverruns(w.t.ctx, w.t.ctx.now())).toEqual({ notices: 0, messages: 0 });
    const d = (await w.call('heat_admin', 'GET', `/api/notices/${notice.id}`)).json();
    expect(d).toMatchObject({ overrun: true, recipients: 6, overrunRecipients: 3 });
    expect(d.overrunNotifiedAt).toBe('2026-11-27T04:05:00.000Z');
    const second = await w.count(
      `select count(*)::int as n from notifications where ref_id = '${notice.id}' and kind = 'unplanned_interruption_overrun' and subject like '%超时未恢复%'`,
    );
    expect(second).toBe(3);
    const board = (await w.call(null, 'GET', '/api/public/notices')).json().items as Json[];
    expect(board.find((i) => i.id === notice.id)).toMatchObject({ overrun: true, status: 'published' });
  });

  it('H-6.4.5: a new expected restore time is a new revision, told again; the first stays on file', async () => {
    w.at('2026-11-27 13:00');
    const stale = await w.call('heat_admin', 'POST', `/api/notices/${notice.id}/revisions`, {
      ...revised({ expectedRestoreAt: iso('2026-11-28 08:00') }),
      reason: '抢修遇地下障碍',
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    const cur = (await w.call('heat_admin', 'GET', `/api/notices/${notice.id}`)).json();
    const res = await w.call('heat_admin', 'POST', `/api/notices/${notice.id}/revisions`, {
      ...revised({ expectedRestoreAt: iso('2026-11-28 08:00') }),
      reason: '抢修遇地下障碍',
      version: cur.version,
    });
    expect(res.statusCode).toBe(200);
    const d = res.json();
    expect(d).toMatchObject({ revision: 2, overrun: false, overrunNotifiedAt: null, recipients: 9 });
    expect(d.revisions.map((r: Json) => [r.revision, r.recipients, r.content.expectedRestoreAt])).toEqual([
      [1, 3, '2026-11-27T04:00:00.000Z'],
      [2, 3, '2026-11-28T00:00:00.000Z'],
    ]);
    // the new time can be overrun, and is told again
    w.at('2026-11-28 08:30');
    expect(await runNoticeOverruns(w.t.ctx, w.t.ctx.now())).toEqual({ notices: 1, messages: 3 });
  });

  it('H-6.4.5: once restored no more overrun notices; a restored notice is closed to changes', async () => {
    w.at('2026-11-28 09:00');
    const cur = (await w.call('heat_admin', 'GET', `/api/notices/${notice.id}`)).json();
    const future = await w.call('heat_admin', 'POST', `/api/notices/${notice.id}/restore`, {
      actualRestoreAt: iso('2026-11-28 10:00'),
      version: cur.version,
    });
    expect(future.json().code).toBe('NOTICE_TIMES_INVALID');
    const res = await w.call('heat_admin', 'POST', `/api/notices/${notice.id}/restore`, {
      version: cur.version,
    });
    // restored late: the overrun stays on record, like a breached clock
    expect(res.json()).toMatchObject({
      status: 'restored',
      actualRestoreAt: '2026-11-28T01:00:00.000Z',
      overrun: true,
    });
    const again = await w.call('heat_admin', 'POST', `/api/notices/${notice.id}/restore`, {
      version: res.json().version,
    });
    expect(again.json().code).toBe('NOTICE_CLOSED');
    w.at('2026-11-29 09:00');
    expect(await runNoticeOverruns(w.t.ctx, w.t.ctx.now())).toEqual({ notices: 0, messages: 0 });
    const audit = await w.count(
      `select count(*)::int as n from audit_events where entity_id = '${notice.id}' and action like 'notice.%'`,
    );
    expect(audit).toBe(5); // publish, overrun, revise, overrun, restore
  });
});

describe('gas interruptions', () => {
  it('G-6.2.12: a planned outage is announced 72 h ahead to the gas customers of the area', async () => {
    w.at('2026-11-27 09:00');
    const res = await w.call('gas_admin', 'POST', '/api/notices', gasPlanned());
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ clause: 'G-6.2.12', sector: 'gas', recipients: 1 });
    expect(res.json().messages[0]).toMatchObject({ customerName: '赵丽', channel: 'sms' });
    w.at('2026-11-27 09:01');
    const short = await w.call('gas_admin', 'POST', '/api/notices', gasPlanned(), 'en');
    expect(short.json()).toMatchObject({ code: 'NOTICE_LEAD_TIME_SHORT' });
    expect(short.json().message).toContain('G-6.2.12');
  });

  it('G-6.2.12: a sudden gas outage is told to the customers at once and reported — the regulator sees it', async () => {
    w.at('2026-11-27 10:00');
    const res = await w.call(
      'gas_admin',
      'POST',
      '/api/notices',
      gasPlanned({
        kind: 'unplanned_interruption',
        title: '柳泉小区中压管线泄漏抢修停气',
        communities: ['柳泉小区'],
        startsAt: iso('2026-11-27 09:30'),
        expectedRestoreAt: iso('2026-11-27 20:00'),
      }),
    );
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ clause: 'G-6.2.12', recipients: 1, notifyHouseholds: true });
    const body = await w.count(
      `select count(*)::int as n from notifications where ref_id = '${res.json().id}' and body like '%安全提示：停气期间请关闭灶前阀%'`,
    );
    expect(body).toBe(1);
    const seen = (await w.call('reg', 'GET', '/api/notices?kind=unplanned_interruption')).json()
      .items as Json[];
    expect(seen.map((n) => n.id)).toContain(res.json().id);
  });

  it('G-6.2.12: a planned outage over 24 h needs a reason; a sudden one needs safety advice', async () => {
    w.at('2026-11-20 09:00');
    const long = gasPlanned({ expectedRestoreAt: iso('2026-12-01 12:00') });
    expect((await w.call('gas_admin', 'POST', '/api/notices', long)).json().code).toBe(
      'NOTICE_DURATION_REASON_REQUIRED',
    );
    const ok = await w.call('gas_admin', 'POST', '/api/notices', {
      ...long,
      durationReason: '穿越铁路须连续施工',
    });
    expect(ok.statusCode).toBe(201);
    const sudden = gasPlanned({
      kind: 'unplanned_interruption',
      startsAt: iso('2026-11-20 08:00'),
      safetyAdvice: '',
    });
    expect((await w.call('gas_admin', 'POST', '/api/notices', sudden)).json()).toMatchObject({
      code: 'NOTICE_FIELD_MISSING',
      details: { missing: ['safetyAdvice'] },
    });
    const heat = await w.call('heat_admin', 'POST', '/api/notices', gasPlanned());
    expect(heat.json().code).toBe('NOTICE_KIND_NOT_FOR_SECTOR');
  });
});
