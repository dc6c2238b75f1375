import { readFileSync } from 'node:fs';

/**
 * Online payment settings, read from the environment at start. Keys are never in the source: each key variable
 * holds the PEM text itself (newlines may be written as `\n`) or the path of a file that holds it.
 *
 * - `PAYMENT_GATEWAY=demo`: the built-in demo gateway (demo mode only) signs its notifications with keys made at
 *   start, in the real WeChat Pay v3 and Alipay formats, and the same verifiers as in production check them.
 * - `PAYMENT_GATEWAY=live`: the real channels; a channel is enabled when any of its variables is set, and then
 *   every one of them must be.
 * - `PAYMENT_GATEWAY=off`: online payment is refused (counter, bank and top-up payments still work).
 */
export type PaymentGatewayMode = 'off' | 'demo' | 'live';

export interface WechatPayConfig {
  mchId: string;
  appId: string;
  /** The 32-byte APIv3 key that decrypts a notification's resource. */
  apiV3Key: string;
  /** WeChat Pay's public key (or platform certificate) and its id, as sent in `Wechatpay-Serial`. */
  publicKey: string;
  publicKeyId: string;
  /** The merchant's API key and its certificate serial, to sign our requests (placing orders). */
  merchantPrivateKey: string;
  merchantSerial: string;
  /** WECHATPAY_BASE_URL, default WeChat Pay's API address. */
  baseUrl: string;
}

export interface AlipayConfig {
  appId: string;
  /** The application's private key (signs our requests). */
  privateKey: string;
  /** Alipay's public key (verifies notifications). */
  alipayPublicKey: string;
  /** ALIPAY_GATEWAY_URL, default Alipay's production gateway (the sandbox's may be set instead). */
  gatewayUrl: string;
}

export interface PaymentConfig {
  gateway: PaymentGatewayMode;
  /** How long a payment order stays open (the channel is told the same expiry). */
  intentMinutes: number;
  /** The public base URL the channels call back (`…/api/payments/callback/<channel>`); live only. */
  notifyBaseUrl: string | null;
  wechat: WechatPayConfig | null;
  alipay: AlipayConfig | null;
}

const WECHAT_VARS = {
  mchId: 'WECHATPAY_MCH_ID',
  appId: 'WECHATPAY_APP_ID',
  apiV3Key: 'WECHATPAY_APIV3_KEY',
  publicKey: 'WECHATPAY_PUBLIC_KEY',
  publicKeyId: 'WECHATPAY_PUBLIC_KEY_ID',
  merchantPrivateKey: 'WECHATPAY_MERCHANT_PRIVATE_KEY',
  merchantSerial: 'WECHATPAY_MERCHANT_SERIAL',
} as const;
const ALIPAY_VARS = {
  appId: 'ALIPAY_APP_ID',
  privateKey: 'ALIPAY_PRIVATE_KEY',
  alipayPublicKey: 'ALIPAY_PUBLIC_KEY',
} as const;
const KEY_VARS = new Set<string>([
  'WECHATPAY_PUBLIC_KEY',
  'WECHATPAY_MERCHANT_PRIVATE_KEY',
  'ALIPAY_PRIVATE_KEY',
  'ALIPAY_PUBLIC_KEY',
]);

/** Every variable read here, so the configuration table and `loadConfig` stay in step. */
const ENDPOINTS = {
  WECHATPAY_BASE_URL: 'https://api.mch.weixin.qq.com/',
  ALIPAY_GATEWAY_URL: 'https://openapi.alipay.com/gateway.do',
};

export const PAYMENT_ENV_VARS = [
  'PAYMENT_GATEWAY',
  'PAYMENT_INTENT_MINUTES',
  'PAYMENT_NOTIFY_BASE_URL',
  ...Object.keys(ENDPOINTS),
  ...Object.values(WECHAT_VARS),
  ...Object.values(ALIPAY_VARS),
];

type Env = Record<string, string | undefined>;
const value = (env: Env, name: string) => (env[name]?.trim() ? env[name]!.trim() : undefined);

/** PEM text as given, or read from the file the variable names. */
function pem(name: string, raw: string): string {
  const text = raw.replace(/\\n/g, '\n');
  if (text.startsWith('-----BEGIN')) return text;
  try {
    return readFileSync(text, 'utf8');
  } catch {
    throw new PaymentConfigError(`${name}: neither PEM text nor a readable file (${raw.slice(0, 80)})`);
  }
}

export class PaymentConfigError extends Error {}

function channel<K extends string>(env: Env, vars: Record<K, string>, label: string) {
  const names = Object.values<string>(vars);
  if (!names.some((n) => value(env, n))) return null;
  const missing = names.filter((n) => !value(env, n));
  if (missing.length) {
    throw new PaymentConfigError(`PAYMENT_GATEWAY=live: ${label} needs ${missing.join(', ')} (missing)`);
  }
  const out = {} as Record<K, string>;
  for (const [k, n] of Object.entries<string>(vars) as [K, string][]) {
    out[k] = KEY_VARS.has(n) ? pem(n, value(env, n)!) : value(env, n)!;
  }
  return out;
}

/**
 * Reads the payment settings; throws `PaymentConfigError` with one message naming what is wrong or missing.
 * In production the demo gateway is refused, and live payment without a complete set of keys is refused.
 */
export function loadPaymentConfig(env: Env, mode: 'demo' | 'production'): PaymentConfig {
  const given = value(env, 'PAYMENT_GATEWAY');
  if (given && !['off', 'demo', 'live'].includes(given)) {
    throw new PaymentConfigError(`PAYMENT_GATEWAY=${given}: must be off, demo or live`);
  }
  const gateway = (given ?? (mode === 'demo' ? 'demo' : 'off')) as PaymentGatewayMode;
  if (gateway === 'demo' && mode === 'production') {
    throw new PaymentConfigError(
      'PAYMENT_GATEWAY=demo: the demo payment gateway exists only in demo mode (RANRE_MODE=demo); ' +
        'in production set PAYMENT_GATEWAY=live with the WeChat Pay / Alipay keys, or PAYMENT_GATEWAY=off',
    );
  }
  const minutesText = value(env, 'PAYMENT_INTENT_MINUTES') ?? '30';
  const intentMinutes = Number(minutesText);
  if (!Number.isInteger(intentMinutes) || intentMinutes < 1 || intentMinutes > 24 * 60) {
    throw new PaymentConfigError(`PAYMENT_INTENT_MINUTES=${minutesText}: a whole number of minutes, 1–1440`);
  }
  const base: PaymentConfig = { gateway, intentMinutes, notifyBaseUrl: null, wechat: null, alipay: null };
  if (gateway !== 'live') return base;

  const wechat = channel(env, WECHAT_VARS, 'WeChat Pay');
  const alipay = channel(env, ALIPAY_VARS, 'Alipay');
  if (!wechat && !alipay) {
    throw new PaymentConfigError(
      `PAYMENT_GATEWAY=live: no payment channel has keys; set WeChat Pay (${Object.values(WECHAT_VARS).join(', ')}) ` +
        `and/or Alipay (${Object.values(ALIPAY_VARS).join(', ')}), or PAYMENT_GATEWAY=off`,
    );
  }
  if (wechat && Buffer.byteLength(wechat.apiV3Key) !== 32) {
    throw new PaymentConfigError('WECHATPAY_APIV3_KEY: must be the 32-character APIv3 key');
  }
  const notifyBaseUrl = value(env, 'PAYMENT_NOTIFY_BASE_URL');
  if (!notifyBaseUrl || !/^https:\/\//.test(notifyBaseUrl)) {
    throw new PaymentConfigError(
      'PAYMENT_GATEWAY=live: PAYMENT_NOTIFY_BASE_URL must be the https:// address the channels call back',
    );
  }
  const endpoint = (name: keyof typeof ENDPOINTS) => {
    const url = value(env, name) ?? ENDPOINTS[name];
    if (!/^https?:\/\/[^\s]+$/.test(url))
      throw new PaymentConfigError(`${name}=${url}: not an http(s) address`);
    return url;
  };
  return {
    ...base,
    notifyBaseUrl: notifyBaseUrl.replace(/\/+$/, ''),
    wechat: wechat && { ...wechat, baseUrl: endpoint('WECHATPAY_BASE_URL') },
    alipay: alipay && { ...alipay, gatewayUrl: endpoint('ALIPAY_GATEWAY_URL') },
  };
}
