import type { PaymentConfig } from './payments.config.ts';
import { AlipayAdapter } from './gateways/alipay.ts';
import { DemoGateway } from './gateways/demo-gateway.ts';
import type { OnlineChannel, PaymentChannelAdapter } from './gateways/gateway.ts';
import { WechatPayAdapter } from './gateways/wechatpay.ts';

export interface PaymentChannels {
  adapters: Partial<Record<OnlineChannel, PaymentChannelAdapter>>;
  /** Only with PAYMENT_GATEWAY=demo, which the configuration allows only in demo mode. */
  demo: DemoGateway | null;
}

/** The enabled channels from configuration: none (off), the demo gateway's, or the live ones that have keys. */
export function paymentChannels(cfg: PaymentConfig): PaymentChannels {
  if (cfg.gateway === 'off') return { adapters: {}, demo: null };
  if (cfg.gateway === 'demo') {
    const demo = new DemoGateway();
    return { adapters: demo.adapters, demo };
  }
  const notify = (c: OnlineChannel) => `${cfg.notifyBaseUrl}/api/payments/callback/${c}`;
  return {
    adapters: {
      ...(cfg.wechat ? { wechat: new WechatPayAdapter(cfg.wechat, notify('wechat')) } : {}),
      ...(cfg.alipay ? { alipay: new AlipayAdapter(cfg.alipay, notify('alipay')) } : {}),
    },
    demo: null,
  };
}
