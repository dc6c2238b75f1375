import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { GatewayService } from './gateway.service.ts';
import type { OnlineChannel, RawNotification } from './gateways/gateway.ts';

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

    const read = (channel: OnlineChannel, headers: RawNotification['headers'], body: unknown) => {
      const text = typeof body === 'string' ? body : '';
      if (channel === 'wechat') return { headers, body: text };
      return { headers, body: Object.fromEntries(new URLSearchParams(text)) };
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
          },
        },
        async (req, reply) => {
          await gateway.notify(channel, read(channel, req.headers, req.body));
          const ack = gateway.ack(channel);
          return reply.status(200).type(ack.contentType).send(ack.body);
        },
      );
    }
  };
