import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runReadinessWatcher } from '../readiness/watcher.job.ts';
import { orderWorld, type Detail, type OrderWorld } from '../../service/workorders/testing.ts';

let w: OrderWorld;
let policyId: string;
beforeAll(async () => {
  w = await orderWorld();
  w.at('2026-09-28 10:00');
  const res = await w.call('heat_admin', 'POST', '/insurance/policies', {
    insurer: '中国人民财产保险淄博分公司',
    policyNo: 'PICC-2026-0001',
    cover: '供热公众责任险',
    limitFen: 500_000_000,
    startsOn: '2026-01-01',
    endsOn: '2026-12-31',
  });
  expect(res.statusCode, res.body).toBe(201);
  policyId = res.json().id;
});
afterAll(() => w.close());

const claim = (over: Record<string, unknown> = {}) => ({
  policyId,
  claimant: '赵淑芬',
  description: '楼内供热管道爆裂，室内地板泡水',
  ...over,
});
// A real 1×1 PNG, a minimal MP4 head (an `ftyp` box), and a text file claiming to be a JPEG.
const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const MP4 = `data:video/mp4;base64,${Buffer.concat([
  Buffer.from([0, 0, 0, 0x18]),
  Buffer.from('ftypmp42', 'latin1'),
  Buffer.alloc(12),
]).toString('base64')}`;
const FAKE_JPEG = `data:image/jpeg;base64,${Buffer.from('not a picture at all').toString('base64')}`;
const upload = (id: string, dataUrl: string, who = 'heat_admin') =>
  w.call(who, 'POST', `/insurance/claims/${id}/media`, { dataUrl });

const act = async (id: string, event: object) => {
  const list = (await w.call('heat_admin', 'GET', '/insurance/claims')).json().items as Detail[];
  const version = list.find((c) => c.id === id)!.version;
  return w.call('heat_admin', 'POST', `/insurance/claims/${id}/events`, { version, event });
};

describe('insurance claims (G-11.2–G-11.4, H-9.5, H-9.6)', () => {
  it('H-9.6 a claim for a customer modification is refused with the reason, and accepted with a written one', async () => {
    const refused = await w.call(
      'heat_admin',
      'POST',
      '/insurance/claims',
      claim({ facts: { customer_modification: true } }),
    );
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({
      code: 'CLAIM_EXCLUDED',
      details: { exclusions: ['customer_modification'] },
    });
    expect(refused.json().messages.zh).toContain('用户擅自改装');
    const accepted = await w.call(
      'heat_admin',
      'POST',
      '/insurance/claims',
      claim({
        facts: { customer_modification: true },
        overrideReason: '改装部分与爆裂点无关，经鉴定由主管网压力异常造成',
      }),
    );
    expect(accepted.statusCode, accepted.body).toBe(201);
    expect(accepted.json().exclusions).toEqual(['customer_modification']);
  });

  it('H-9.5 the agreed compensation is due 30 working days later by the calendar, and paid once', async () => {
    const c = (await w.call('heat_admin', 'POST', '/insurance/claims', claim())).json();
    expect((await upload(c.id, PNG)).statusCode).toBe(201);
    for (const event of [
      { type: 'insurer_called', insurer: '中国人民财产保险淄博分公司' },
      { type: 'loss_counted', withCustomer: true },
      { type: 'parts_kept', where: '公司物资库' },
      { type: 'assessed_told', amountFen: 1_250_000 },
    ]) {
      expect((await act(c.id, event)).statusCode).toBe(200);
    }
    // Agreed Mon 2026-09-28: 09-29, 09-30, then the National Day holiday (10-01 to 10-07) skipped, Sat 10-10
    // counted (a make-up working day): the 30th working day is Fri 11-13, due at its 24:00.
    const agreed = (await act(c.id, { type: 'agreed', amountFen: 1_200_000 })).json();
    expect(agreed.payDueAt).toBe(new Date('2026-11-13T16:00:00Z').toISOString());
    expect((await act(c.id, { type: 'paid', amountFen: 1 })).json().code).toBe('CLAIM_NOT_AGREED');
    const paid = (await act(c.id, { type: 'paid', amountFen: 1_200_000 })).json();
    expect(paid).toMatchObject({ late: false, agreedFen: 1_200_000 });
    expect(paid.events.map((e: Detail) => e.type)).toEqual([
      'opened',
      'insurer_called',
      'loss_counted',
      'parts_kept',
      'assessed_told',
      'agreed',
      'paid',
    ]);
    expect((await act(c.id, { type: 'paid', amountFen: 1_200_000 })).json().code).toBe('CLAIM_PAID');
    // The regulator reads claims across enterprises; another enterprise does not.
    const seen = (await w.call('reg', 'GET', '/insurance/claims')).json().items as Detail[];
    expect(seen.length).toBe(2);
    // PIPL, minimum necessary: the regulator reads the claim, not the claimant's name.
    expect(seen.map((x) => x.claimant)).toContain('赵**');
    expect(seen.map((x) => x.claimant)).not.toContain('赵淑芬');
    expect(
      ((await w.call('heat_admin', 'GET', '/insurance/claims')).json().items as Detail[])[0]!.claimant,
    ).not.toContain('*');
    expect((await w.call('gas_admin', 'GET', '/insurance/claims')).json().items).toHaveLength(0);
  });

  it('G-11.2 H-9.3 the loss is counted only with photos or video kept, and the count records those very files', async () => {
    const c = (await w.call('heat_admin', 'POST', '/insurance/claims', claim({ claimant: '孙建国' }))).json();
    const none = await act(c.id, { type: 'loss_counted', withCustomer: true });
    expect(none.json().code).toBe('CLAIM_MEDIA_MISSING');
    // A count typed in by hand is no longer accepted: the files are the count.
    const typed = await act(c.id, { type: 'loss_counted', withCustomer: true, photos: 6, video: true });
    expect(typed.statusCode).toBe(400);
    const photo = await upload(c.id, PNG);
    expect(photo.statusCode, photo.body).toBe(201);
    expect(photo.json()).toMatchObject({ kind: 'photo', mime: 'image/png', bytes: 70 });
    const video = await upload(c.id, MP4);
    expect(video.statusCode, video.body).toBe(201);
    expect(video.json()).toMatchObject({ kind: 'video', mime: 'video/mp4' });
    const counted = await act(c.id, { type: 'loss_counted', withCustomer: true });
    expect(counted.statusCode, counted.body).toBe(200);
    const event = (counted.json().events as Detail[]).find((e) => e.type === 'loss_counted')!;
    expect(event.data).toMatchObject({ photos: 1, video: true });
    // The very files, whatever their order (both were kept at the same instant of the test's clock).
    expect((event.data as { files: { id: string }[] }).files.map((f) => f.id).sort()).toEqual(
      [photo.json().id, video.json().id].sort(),
    );
    expect(counted.json().media).toHaveLength(2);
    expect((await act(c.id, { type: 'loss_counted', withCustomer: true })).json().code).toBe(
      'CLAIM_ALREADY_COUNTED',
    );
  });

  it('H-9.4 an injury keeps its site photos and medical receipts as files after the loss is counted; the injury step records them', async () => {
    const c = (await w.call('heat_admin', 'POST', '/insurance/claims', claim({ claimant: '冯刚' }))).json();
    expect((await upload(c.id, PNG)).statusCode).toBe(201);
    expect((await act(c.id, { type: 'loss_counted', withCustomer: true })).statusCode).toBe(200);
    // The loss is sealed, the injury is not: a receipt arrives after the count.
    const injuryPhoto = (purpose: string) =>
      w.call('heat_admin', 'POST', `/insurance/claims/${c.id}/media`, { dataUrl: PNG, purpose });
    expect((await injuryPhoto('loss')).json().code).toBe('CLAIM_MEDIA_LOCKED');
    const receipt = await injuryPhoto('injury');
    expect(receipt.statusCode, receipt.body).toBe(201);
    expect(receipt.json()).toMatchObject({ purpose: 'injury', kind: 'photo' });
    const injured = await act(c.id, { type: 'injury', hospital: '淄博市中心医院' });
    expect(injured.statusCode, injured.body).toBe(200);
    const step = (injured.json().events as Detail[]).find((e) => e.type === 'injury')!;
    expect(step.data).toMatchObject({ hospital: '淄博市中心医院' });
    expect((step.data.files as { id: string }[]).map((f) => f.id)).toEqual([receipt.json().id]);
    // The loss's count still covers only the loss's own file.
    const counted = (injured.json().events as Detail[]).find((e) => e.type === 'loss_counted')!;
    expect(counted.data.files).toHaveLength(1);
  });

  it('H-9.3 once the loss is counted its photos and video are closed: nothing added, nothing changed', async () => {
    const c = (await w.call('heat_admin', 'POST', '/insurance/claims', claim({ claimant: '钱丽' }))).json();
    expect((await upload(c.id, PNG)).statusCode).toBe(201);
    expect((await act(c.id, { type: 'loss_counted', withCustomer: true })).statusCode).toBe(200);
    const late = await upload(c.id, PNG);
    expect(late.statusCode).toBe(422);
    expect(late.json().code).toBe('CLAIM_MEDIA_LOCKED');
    // The table itself refuses a change or a removal.
    await expect(
      w.t.database.db.execute(sql`update insurance_claim_media set mime = 'image/jpeg'`),
    ).rejects.toThrow();
    await expect(w.t.database.db.execute(sql`delete from insurance_claim_media`)).rejects.toThrow();
  });

  it('G-11.2 H-9.3 a file is checked on the server: its bytes must be the type it claims, within its size', async () => {
    const c = (await w.call('heat_admin', 'POST', '/insurance/claims', claim({ claimant: '李红' }))).json();
    const fake = await upload(c.id, FAKE_JPEG);
    expect(fake.statusCode).toBe(422);
    expect(fake.json().code).toBe('ATTACHMENT_INVALID');
    const pdf = await upload(
      c.id,
      `data:application/pdf;base64,${Buffer.from('%PDF-1.4').toString('base64')}`,
    );
    expect(pdf.json().code).toBe('ATTACHMENT_INVALID');
    // A photo over 2 MB (a real PNG head, then padding).
    const big = Buffer.concat([Buffer.from(PNG.split(',')[1]!, 'base64'), Buffer.alloc(2 * 1024 * 1024)]);
    const large = await upload(c.id, `data:image/png;base64,${big.toString('base64')}`);
    expect(large.statusCode).toBe(422);
    expect(large.json()).toMatchObject({
      code: 'ATTACHMENT_TOO_LARGE',
      details: { maxBytes: 2 * 1024 * 1024 },
    });
    expect(
      (await w.call('heat_admin', 'GET', '/insurance/claims')).json().items.find((x: Detail) => x.id === c.id)
        .media,
    ).toEqual([]);
  });

  it('G-11.2 the staff view a photo; the regulator sees the list but not the picture; another enterprise neither', async () => {
    const c = (await w.call('heat_admin', 'POST', '/insurance/claims', claim({ claimant: '周强' }))).json();
    const id = (await upload(c.id, PNG)).json().id as string;
    const url = `/insurance/claims/${c.id}/media/${id}`;
    const file = await w.call('heat_admin', 'GET', url);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.rawPayload.equals(Buffer.from(PNG.split(',')[1]!, 'base64'))).toBe(true);
    expect((await w.call('reg', 'GET', url)).statusCode).toBe(403);
    const seen = ((await w.call('reg', 'GET', '/insurance/claims')).json().items as Detail[]).find(
      (x) => x.id === c.id,
    )!;
    expect(seen.media).toEqual([expect.objectContaining({ id, kind: 'photo', bytes: 70 })]);
    expect((await w.call('gas_admin', 'GET', url)).statusCode).toBe(404);
    expect((await upload(c.id, PNG, 'gas_admin')).statusCode).toBe(404);
  });

  it('H-9.5 an agreed compensation left unpaid is alerted five working days before its due, and again once past it', async () => {
    w.at('2026-09-28 10:00');
    const c = (await w.call('heat_admin', 'POST', '/insurance/claims', claim({ claimant: '吴敏' }))).json();
    expect((await upload(c.id, PNG)).statusCode).toBe(201);
    expect((await act(c.id, { type: 'loss_counted', withCustomer: true })).statusCode).toBe(200);
    // Due at the end of Fri 2026-11-13 (the 30th working day, as above).
    expect((await act(c.id, { type: 'agreed', amountFen: 300_000 })).json().payDueAt).toBe(
      new Date('2026-11-13T16:00:00Z').toISOString(),
    );
    const paymentAlerts = async () =>
      ((await w.call('heat_admin', 'GET', '/emergency/alerts')).json().items as Detail[]).filter(
        (a) => a.kind === 'claim_payment',
      );
    // Thu 11-05: six working days left (11-06, 11-09 … 11-13): nothing yet.
    await runReadinessWatcher(w.t.ctx, w.at('2026-11-05 09:00'));
    expect(await paymentAlerts()).toEqual([]);
    // Fri 11-06: five left — warned once, however often the watcher runs.
    await runReadinessWatcher(w.t.ctx, w.at('2026-11-06 09:00'));
    await runReadinessWatcher(w.t.ctx, w.at('2026-11-06 15:00'));
    const soon = await paymentAlerts();
    expect(soon.map((a) => a.clause)).toEqual(['H-9.5']);
    expect(soon[0]!.messages.zh).toContain('还剩 5 个工作日');
    // Sat 11-14: past the due.
    await runReadinessWatcher(w.t.ctx, w.at('2026-11-14 09:00'));
    expect(
      (await paymentAlerts()).map((a) => a.messages.zh as string).some((m) => m.includes('已超过')),
    ).toBe(true);
    // Another enterprise does not see them.
    expect(
      ((await w.call('gas_admin', 'GET', '/emergency/alerts')).json().items as Detail[]).filter(
        (a) => a.kind === 'claim_payment',
      ),
    ).toEqual([]);
  });

  it('G-11.3 H-9.7 damaged parts are disposed of only after they were kept, and with both parties agreeing', async () => {
    const c = (await w.call('heat_admin', 'POST', '/insurance/claims', claim({ claimant: '郑伟' }))).json();
    const early = await act(c.id, { type: 'parts_disposed', bothAgreed: true, how: '交废旧物资回收' });
    expect(early.json().code).toBe('CLAIM_PARTS_NOT_KEPT');
    expect((await act(c.id, { type: 'parts_kept', where: '公司物资库' })).statusCode).toBe(200);
    // Without both parties' agreement there is no disposal.
    expect(
      (await act(c.id, { type: 'parts_disposed', bothAgreed: false, how: '交废旧物资回收' })).statusCode,
    ).toBe(400);
    const done = await act(c.id, { type: 'parts_disposed', bothAgreed: true, how: '交废旧物资回收' });
    expect(done.statusCode, done.body).toBe(200);
    expect((done.json().events as Detail[]).map((e) => e.type)).toEqual([
      'opened',
      'parts_kept',
      'parts_disposed',
    ]);
  });
});
