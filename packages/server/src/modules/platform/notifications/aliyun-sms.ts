// SMS through Aliyun's own SDK (@alicloud/dysmsapi20170525): the channel a production deployment configures
// (issue 16: a real provider, not a hand-written HTTP client). Aliyun sends by approved template, so each kind of
// message maps to a template whose one variable `content` carries the text the outbox already holds.
import Dysmsapi, { SendSmsRequest } from '@alicloud/dysmsapi20170525';
import { $OpenApiUtil } from '@alicloud/openapi-core';
import type { ChannelAdapter, OutboxRow } from './channel-adapters.ts';

export interface AliyunSmsConfig {
  accessKeyId: string;
  accessKeySecret: string;
  signName: string;
  /** Template code per message kind; `default` for kinds not listed. */
  templates: Record<string, string>;
  /** dysmsapi.aliyuncs.com unless set (a test points it at a local fake of the API). */
  endpoint: string;
  protocol: 'https' | 'http';
}

export class AliyunSmsAdapter implements ChannelAdapter {
  readonly name = 'aliyun-sms';
  private readonly client: Dysmsapi;

  constructor(private readonly config: AliyunSmsConfig) {
    this.client = new Dysmsapi(
      new $OpenApiUtil.Config({
        accessKeyId: config.accessKeyId,
        accessKeySecret: config.accessKeySecret,
        endpoint: config.endpoint,
        protocol: config.protocol,
        // A message the provider did not answer in time is retried by the outbox, not hung on.
        connectTimeout: 5000,
        readTimeout: 10000,
      }),
    );
  }

  async send(m: OutboxRow): Promise<{ ref: string }> {
    if (!/^\+?\d{11,15}$/.test(m.recipient))
      throw new Error(`no mobile number for SMS (recipient "${m.recipient}")`);
    const templateCode = this.config.templates[m.kind] ?? this.config.templates.default;
    if (!templateCode) throw new Error(`no Aliyun SMS template for messages of kind ${m.kind}`);
    const res = await this.client.sendSms(
      new SendSmsRequest({
        phoneNumbers: m.recipient.replace(/^\+86/, ''),
        signName: this.config.signName,
        templateCode,
        templateParam: JSON.stringify({ content: m.body }),
        outId: m.id,
      }),
    );
    const body = res.body;
    if (body?.code !== 'OK')
      throw new Error(`Aliyun SMS refused: ${body?.code ?? 'no answer'} ${body?.message ?? ''}`.trim());
    return { ref: body.bizId ?? body.requestId ?? m.id };
  }
}
