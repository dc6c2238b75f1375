import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AliyunSmsAdapter } from './aliyun-sms.ts';
import type { OutboxRow } from './channel-adapters.ts';

// The Aliyun SMS adapter against a local fake of the provider's HTTP API (the RPC call the SDK makes): what reaches
// the provider, and how its answers become a sent message or an error the outbox retries.

const requests: URLSearchParams[] = [];
const headers: http.IncomingHttpHeaders[] = [];
let answer: Record<string, string> = {};
let server: http.Server;
let port = 0;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const params = new URLSearchParams(url.search);
      for (const [k, v] of new URLSearchParams(body)) params.set(k, v);
      requests.push(params);
      headers.push(req.headers);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const adapter = () =>
  new AliyunSmsAdapter({
    accessKeyId: 'test-key-id',
    accessKeySecret: 'test-key-secret',
    signName: '淄博示范燃气',
    templates: { default: 'SMS_000001', overdue_reminder: 'SMS_000002' },
    endpoint: `127.0.0.1:${port}`,
    protocol: 'http',
  });

const message = (over: Partial<OutboxRow> = {}): OutboxRow =>
  ({
    id: '7d9f2d4e-0000-4000-8000-000000000001',
    channel: 'sms',
    kind: 'overdue_reminder',
    recipient: '13905330002',
    body: '您的燃气费已逾期 3 天，请及时缴纳。',
    ...over,
  }) as OutboxRow;

describe('SMS through the Aliyun SDK (fake provider)', () => {
  it('G-5.8.3: sends the text by the kind’s template, signed, and keeps the provider’s id', async () => {
    answer = { Code: 'OK', Message: 'OK', BizId: '900619746936498440^0', RequestId: 'F655A8D5' };
    const sent = await adapter().send(message());
    expect(sent.ref).toBe('900619746936498440^0');
    const call = requests.at(-1)!;
    const head = headers.at(-1)!;
    expect(head['x-acs-action']).toBe('SendSms');
    expect(head['x-acs-version']).toBe('2017-05-25');
    expect(call.get('PhoneNumbers')).toBe('13905330002');
    expect(call.get('SignName')).toBe('淄博示范燃气');
    expect(call.get('TemplateCode')).toBe('SMS_000002');
    expect(JSON.parse(call.get('TemplateParam')!)).toEqual({
      content: '您的燃气费已逾期 3 天，请及时缴纳。',
    });
    // Signed by the SDK (ACS3-HMAC-SHA256) with the key id; the secret itself never travels.
    expect(head.authorization).toMatch(/^ACS3-HMAC-SHA256 Credential=test-key-id,.*Signature=[0-9a-f]{64}$/);
    expect(JSON.stringify(head) + [...call.values()].join()).not.toContain('test-key-secret');
  });

  it('G-5.8.3: a kind without its own template uses the default one; a refusal is an error the outbox retries', async () => {
    answer = { Code: 'OK', Message: 'OK', BizId: '1^0', RequestId: 'R2' };
    await adapter().send(message({ kind: 'price_change' }));
    expect(requests.at(-1)!.get('TemplateCode')).toBe('SMS_000001');
    answer = { Code: 'isv.MOBILE_NUMBER_ILLEGAL', Message: '非法手机号', RequestId: 'R3' };
    await expect(adapter().send(message())).rejects.toThrow(/isv\.MOBILE_NUMBER_ILLEGAL/);
    const before = requests.length;
    await expect(adapter().send(message({ recipient: '0533-2961000' }))).rejects.toThrow(/no mobile number/);
    expect(requests.length).toBe(before); // a landline never reaches the provider
  });
});
