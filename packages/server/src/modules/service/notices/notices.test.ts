import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { iso, noticeWorld, type Json, type NoticeWorld } from './notices.fixtures.ts';

// Filling and commissioning notices (H-6.1.4, H-6.2.6) through the API: the lead time, the fields, the households
// reached through the outbox, the public board; scoping and bad input.

let w: NoticeWorld;
beforeAll(async () => {
  w = await noticeWorld();
});
afterAll(async () => w.close());

const filling = (over: Json = {}) => ({
  kind: 'filling',
  title: '2026—2027采暖季管网注水',
  communities: ['华光小区'],
  managerName: '周建平',
  managerPhone: '0533-2345678',
  startsAt: iso('2026-11-15 08:00'),
  ...over,
});

describe('filling and commissioning notices', () => {
  it('H-6.1.4: a filling notice 7 days ahead is published and reaches each household of the community once', async () => {
    w.at('2026-11-07 10:00');
    const res = await w.call('heat_admin', 'POST', '/api/notices', filling());
    expect(res.statusCode).toBe(201);
    const n = res.json();
    expect(n).toMatchObject({ clause: 'H-6.1.4', revision: 1, status: 'published', recipients: 3 });
    expect(n.noticeNo).toBe('GG20261107-001');
    expect(n.outbox).toEqual({ queued: 3, sent: 0, failed: 0, total: 3 });
    expect(n.leadExplanation.zh).toContain('2026-11-07 24:00');
    // the closed account and the gas company's customer in a community of the same name are not reached
    expect(n.messages.map((m: Json) => m.customerName).sort()).toEqual(['张建国', '李秀英', '王海涛'].sort());
    const body = await w.count(
      `select count(*)::int as n from notifications where ref_id = '${n.id}' and body like '%片区负责人：周建平，电话 0533-2345678%' and body like '%时间：2026-11-15 08:00%'`,
    );
    expect(body).toBe(3);
  });

  it('H-6.1.4: the household without a phone gets a letter; each household once even with two premises', async () => {
    w.at('2026-11-07 11:00');
    const res = await w.call(
      'heat_admin',
      'POST',
      '/api/notices',
      filling({ communities: ['华光小区', '将军路小区'], kind: 'commissioning' }),
    );
    expect(res.statusCode).toBe(201);
    const n = res.json();
    expect(n.clause).toBe('H-6.2.6');
    expect(n.recipients).toBe(4); // 王海涛, 李秀英 (letter), 张建国 (two premises, once), 陈静
    expect(n.messages.find((m: Json) => m.customerName === '李秀英')).toMatchObject({
      channel: 'letter',
      recipient: '张店区华光小区1号楼',
    });
    expect(n.messages.find((m: Json) => m.customerName === '王海涛').recipient).toBe('138****1234');
  });

  it('H-6.1.4: a filling notice published 5 days ahead is refused in zh and en, naming the clause; nothing written', async () => {
    w.at('2026-11-10 09:00');
    const before = await w.count('select count(*)::int as n from service_notices');
    const zh = await w.call('heat_admin', 'POST', '/api/notices', filling());
    expect(zh.statusCode).toBe(422);
    expect(zh.json()).toMatchObject({ code: 'NOTICE_LEAD_TIME_SHORT' });
    expect(zh.json().message).toContain('H-6.1.4');
    expect(zh.json().message).toContain('2026-11-07 24:00');
    const en = await w.call('heat_admin', 'POST', '/api/notices', filling(), 'en');
    expect(en.json().message).toMatch(/H-6\.1\.4: this filling notice is too late/);
    expect(await w.count('select count(*)::int as n from service_notices')).toBe(before);
  });

  it('H-6.2.6: a commissioning notice without the area manager and phone is refused', async () => {
    w.at('2026-11-01 09:00');
    const res = await w.call(
      'heat_admin',
      'POST',
      '/api/notices',
      filling({ kind: 'commissioning', managerName: '', managerPhone: '' }),
    );
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      code: 'NOTICE_FIELD_MISSING',
      details: { clause: 'H-6.2.6', missing: ['managerName', 'managerPhone'] },
    });
  });

  it('H-6.2.6: the notice is kept on file (its revision cannot be edited) and shown on the public board without login', async () => {
    w.at('2026-11-07 12:00');
    const board = await w.call(null, 'GET', '/api/public/notices?sector=heating');
    expect(board.statusCode).toBe(200);
    const items = board.json().items as Json[];
    expect(
      items.some(
        (i) => i.kind === 'filling' && i.managerPhone === '0533-2345678' && i.communities[0] === '华光小区',
      ),
    ).toBe(true);
    expect(items[0]).not.toHaveProperty('messages');
    // an issued revision is kept as published: the trigger refuses edits and deletions
    await expect(
      w.t.database.executeSql(`update service_notice_revisions set reason = 'x'`),
    ).rejects.toThrow();
    await expect(w.t.database.executeSql('delete from service_notice_revisions')).rejects.toThrow();
    expect((await w.call(null, 'GET', '/api/public/notices?sector=gas')).json().items).toEqual([]);
  });

  it('scoping: an agent reads but cannot publish; another company sees nothing; the regulator reads across', async () => {
    w.at('2026-11-07 12:00');
    expect((await w.call('heat_agent', 'POST', '/api/notices', filling())).statusCode).toBe(403);
    const list = (await w.call('heat_agent', 'GET', '/api/notices')).json().items as Json[];
    expect(list.length).toBeGreaterThanOrEqual(2);
    expect((await w.call('gas_admin', 'GET', '/api/notices')).json().items).toEqual([]);
    expect((await w.call('gas_admin', 'GET', `/api/notices/${list[0]!.id}`)).statusCode).toBe(404);
    expect((await w.call('reg', 'GET', '/api/notices')).json().items.length).toBe(list.length);
    expect((await w.call('reg', 'POST', '/api/notices', filling())).statusCode).toBe(403);
    expect((await w.call(null, 'GET', '/api/notices')).statusCode).toBe(401);
  });

  it('bad input: unknown fields, unknown communities, a gas company filling notice, a bad phone', async () => {
    w.at('2026-11-01 09:00');
    const extra = await w.call('heat_admin', 'POST', '/api/notices', { ...filling(), sneaky: 1 });
    expect(extra.statusCode).toBe(400);
    const unknown = await w.call(
      'heat_admin',
      'POST',
      '/api/notices',
      filling({ communities: ['柳泉小区'] }),
    );
    expect(unknown.json()).toMatchObject({
      code: 'NOTICE_COMMUNITY_UNKNOWN',
      details: { unknown: ['柳泉小区'] },
    });
    const gas = await w.call('gas_admin', 'POST', '/api/notices', filling());
    expect(gas.json()).toMatchObject({ code: 'NOTICE_KIND_NOT_FOR_SECTOR' });
    const phone = await w.call('heat_admin', 'POST', '/api/notices', filling({ managerPhone: 'call me' }));
    expect(phone.json().code).toBe('NOTICE_PHONE_INVALID');
    const noDate = await w.call('heat_admin', 'POST', '/api/notices', filling({ startsAt: '2026-11-15' }));
    expect(noDate.statusCode).toBe(400);
  });

  it('the community picker lists our premises communities with households', async () => {
    const res = await w.call('heat_admin', 'GET', '/api/notices/communities');
    expect(res.json().items).toEqual([
      { community: '华光小区', district: '张店区', households: 3 },
      { community: '将军路小区', district: '张店区', households: 2 },
    ]);
  });
});

describe('the public board over time', () => {
  it('H-6.1.4: a filling notice is current until a week after it starts, recent for 45 days, then off the board', async () => {
    const board = async (at: string) => {
      w.at(at);
      return (
        (await w.call(null, 'GET', '/api/public/notices?sector=heating')).json().items as Json[]
      ).filter((i) => i.kind === 'filling');
    };
    expect((await board('2026-11-20 09:00')).every((i) => i.current)).toBe(true);
    const recent = await board('2026-11-25 09:00');
    expect(recent.length).toBeGreaterThan(0);
    expect(recent.every((i) => !i.current)).toBe(true);
    expect(await board('2027-01-30 09:00')).toEqual([]);
  });
});
