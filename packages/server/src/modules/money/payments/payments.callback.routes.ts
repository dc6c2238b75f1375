import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { appError } from '../../../core/errors.ts';
import { assertStorableText } from '../../../core/text.ts';
import type { GatewayService } from './gateway.service.ts';
import type { OnlineChannel, RawNotification } from './gateways/gateway.ts';

const MEDIA_TYPE = { wechat: 'application/json', alipay: 'application/x-www-form-urlencoded' } as const;

/** The envelope of a WeChat Pay v3 notification (the resource inside is checked after the signature). */
const ZWechatEnvelope = z.looseObject({
  id: z.string().min(1).max(100),
  event_type: z.string().min(1).max(100),
  resource: z.looseObject({
    algorithm: z.string().max(50),
    ciphertext: z.string().min(1),
    nonce: z.string().min(1).max(64),
    associated_data: z.string().max(200).optional(),
  }),
});

/** The fields of an Alipay asynchronous notification that we read (the signature covers all of them). */
const text64 = z.string().min(1).max(64);
const ZAlipayForm = z.looseObject({
  app_id: text64,
  out_trade_no: text64,
  trade_no: text64,
  trade_status: text64,
  total_amount: text64,
  sign_type: text64,
  sign: z.string().min(1).max(2048),
});

const issues = (e: z.ZodError) =>
  e.issues.slice(0, 10).map((i) => ({ path: ['body', ...i.path].join('.'), message: i.message }));

const invalid = (channel: OnlineChannel, details: { path: string; message: string }[]) =>
  appError(
    'VALIDATION_FAILED',
    {
      zh: `不是${channel === 'wechat' ? '微信支付' : '支付宝'}支付通知`,
      en: `Not a ${channel === 'wechat' ? 'WeChat Pay' : 'Alipay'} payment notification`,
    },
    details,
  );

const unsupported = (channel: OnlineChannel) =>
  appError('UNSUPPORTED_MEDIA_TYPE', {
    zh: `支付通知须为 ${MEDIA_TYPE[channel]}`,
    en: `A payment notification must be ${MEDIA_TYPE[channel]}`,
  });

/** A notification is small; anything bigger is not one. */
const CALLBACK_BODY_LIMIT = 64 * 1024;

/**
 * The channels' servers call these: no session, the signature is the credential. The body is kept exactly as
 * sent (WeChat Pay signs the body text; Alipay posts a form), so this scope reads every content type as text.
 * The answer is only the channel's acknowledgement — never whose account was paid.
 */
export const callbackRoutes =
  (gateway: GatewayService): FastifyPluginAsyncZod =>
  async (app) => {
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: CALLBACK_BODY_LIMIT }, (_req, body, done) =>
      done(null, body),
    );

    const read = (channel: OnlineChannel, req: FastifyRequest): RawNotification => {
      const type = String(req.headers['content-type'] ?? '')
        .split(';')[0]!
        .trim()
        .toLowerCase();
      const text = typeof req.body === 'string' ? req.body : '';
      if (type !== MEDIA_TYPE[channel]) throw unsupported(channel);
      if (channel === 'wechat') {
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          throw invalid(channel, [{ path: 'body', message: 'not JSON' }]);
        }
        assertStorableText(parsed, 'body');
        const r = ZWechatEnvelope.safeParse(parsed);
        if (!r.success) throw invalid(channel, issues(r.error));
        return { headers: req.headers, body: text };
      }
      const params = Object.fromEntries(new URLSearchParams(text));
      assertStorableText(params, 'body');
      const r = ZAlipayForm.safeParse(params);
      if (!r.success) throw invalid(channel, issues(r.error));
      return { headers: req.headers, body: params };
    };

    for (const channel of ['wechat', 'alipay'] as const) {
      app.post(
        `/payments/callback/${channel}`,
        {
          bodyLimit: CALLBACK_BODY_LIMIT,
          schema: {
            tags: ['payments'],
            summary:
              channel === 'wechat'
                ? '微信支付 v3 支付通知（验签、解密、对单） / WeChat Pay v3 notification (verified, matched to an order)'
                : '支付宝异步通知（RSA2 验签、对单） / Alipay notification (RSA2 verified, matched to an order)',
            body: z.unknown(),
            // The channel's own acknowledgement, sent as the text it expects (never serialized again).
            response: {
              200:
                channel === 'wechat'
                  ? {
                      description: 'WeChat Pay acknowledgement',
                      content: {
                        'application/json': { schema: z.object({ code: z.string(), message: z.string() }) },
                      },
                    }
                  : {
                      description: 'Alipay acknowledgement',
                      content: { 'text/plain': { schema: z.string() } },
                    },
            },
          },
        },
        async (req, reply) => {
          await gateway.notify(channel, read(channel, req));
          const ack = gateway.ack(channel);
          return reply.status(200).type(ack.contentType).send(ack.body);
        },
      );
    }
  };
