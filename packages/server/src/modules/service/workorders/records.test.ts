import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PNG_1PX, orderWorld, repair, snapshot, toOnSite, type OrderWorld } from './testing.ts';

let w: OrderWorld;
beforeAll(async () => {
  w = await orderWorld();
  w.at('2026-03-02 09:00');
});
afterAll(() => w.close());

const attach = (who: string, id: string, kind: string, dataUrl: string) =>
  w.call(who, 'POST', `/work-orders/${id}/attachments`, { kind, dataUrl });

/** A PNG-headed data URL of `bytes` decoded bytes. */
function png(bytes: number): string {
  const b = Buffer.alloc(bytes, 7);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(b);
  return `data:image/png;base64,${b.toString('base64')}`;
}

describe('on-site record and feedback', () => {
  it('G-5.9.7 an on-site record is signed by the customer: a signature on file, or the reason there is none', async () => {
    const o = await w.create('gas_agent', repair());
    await toOnSite(w, o.id);
    await w.call('gas_tech2', 'GET', '/work-orders'); // signs in (an audited event) before the count
    const before = await snapshot(w);
    const unsigned = await w.tryAct('gas_tech', o.id, {
      type: 'completed',
      record: { result: '修好', onSite: true },
    });
    expect(unsigned.json()).toMatchObject({
      code: 'PAYLOAD_MISSING',
      details: { field: 'record.signature' },
    });
    const claimed = await w.tryAct('gas_tech', o.id, {
      type: 'completed',
      record: { result: '修好', onSite: true, signature: true },
    });
    expect(claimed.statusCode).toBe(422);
    expect(claimed.json()).toMatchObject({ code: 'SIGNATURE_MISSING', details: { clause: 'G-5.9.7' } });
    expect(await snapshot(w)).toEqual(before);

    // The image must be what it says, and not too large.
    const jpegClaim = await attach('gas_tech', o.id, 'signature', PNG_1PX.replace('image/png', 'image/jpeg'));
    expect(jpegClaim.json()).toMatchObject({ code: 'ATTACHMENT_INVALID', details: { field: 'dataUrl' } });
    const big = await attach('gas_tech', o.id, 'photo', png(2 * 1024 * 1024 + 10));
    expect(big.statusCode, big.body.slice(0, 200)).toBe(422);
    expect(big.json().code).toBe('ATTACHMENT_TOO_LARGE');
    const notOurs = await attach('gas_tech2', o.id, 'photo', PNG_1PX);
    expect(notOurs.statusCode).toBe(404);
    expect(await snapshot(w)).toEqual(before);

    const photo = (await attach('gas_tech', o.id, 'photo', png(200_000))).json();
    const wrongKind = await w.tryAct('gas_tech', o.id, {
      type: 'completed',
      record: { result: '修好', onSite: true, signature: true, signatureAttachmentId: photo.id },
    });
    expect(wrongKind.json()).toMatchObject({
      code: 'SIGNATURE_MISSING',
      details: { field: 'record.signatureAttachmentId' },
    });
    expect((await attach('gas_tech', o.id, 'signature', PNG_1PX)).statusCode).toBe(201);
    const done = await w.act('gas_tech', o.id, {
      type: 'completed',
      record: { result: '更换胶管', onSite: true, signature: true, photoAttachmentIds: [photo.id] },
    });
    expect(done.state).toBe('completed');
    expect(done.attachments.map((a: { kind: string }) => a.kind).sort()).toEqual(['photo', 'signature']);

    // The customer refused to sign: recorded with the reason instead.
    const p = await w.create('gas_agent', repair());
    await toOnSite(w, p.id);
    const refused = await w.act('gas_tech', p.id, {
      type: 'completed',
      record: { result: '关闭表前阀', onSite: true, signatureRefusedReason: '用户拒绝签字' },
    });
    expect(refused.events.at(-1).payload.record).toMatchObject({ signatureRefusedReason: '用户拒绝签字' });
  });

  it('G-5.9.8 feedback names the staff member, the customer, the handling time and the result', async () => {
    const o = await w.create('gas_agent', repair());
    await toOnSite(w, o.id);
    await w.act('gas_tech', o.id, {
      type: 'completed',
      record: { result: '修好', onSite: true, signatureRefusedReason: '家中老人不会写字' },
    });
    const full = {
      staffName: '王海涛',
      customer: '李秀英',
      handledAt: '2026-03-02T10:00:00+08:00',
      result: '修好',
    };
    for (const field of ['staffName', 'customer', 'handledAt', 'result'] as const) {
      const { [field]: _left, ...rest } = full;
      const res = await w.tryAct('gas_tech', o.id, { type: 'feedback_given', feedback: rest });
      expect(res.statusCode, field).toBe(422);
      expect(res.json()).toMatchObject({ code: 'PAYLOAD_MISSING', details: { field: `feedback.${field}` } });
    }
    const missing = await w.tryAct('gas_tech', o.id, { type: 'feedback_given' });
    expect(missing.json()).toMatchObject({ code: 'PAYLOAD_MISSING', details: { field: 'feedback' } });
    const d = await w.act('gas_tech', o.id, {
      type: 'feedback_given',
      feedback: { ...full, satisfaction: 'satisfied' },
    });
    expect(d.events.at(-1).payload.feedback).toEqual({
      ...full,
      handledAt: '2026-03-02T02:00:00.000Z',
      satisfaction: 'satisfied',
    });
    // A closed order takes no more attachments.
    await w.act('gas_agent', o.id, { type: 'return_visited', satisfaction: 'satisfied' });
    await w.act('gas_agent', o.id, { type: 'closed' });
    const late = await attach('gas_agent', o.id, 'photo', PNG_1PX);
    expect(late.json().code).toBe('WORK_ORDER_CLOSED');
  });
});
