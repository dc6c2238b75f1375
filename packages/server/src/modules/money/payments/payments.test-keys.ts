import { generateKeyPairSync, randomBytes } from 'node:crypto';

const pair = () =>
  generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });

/**
 * Keys made in the test, standing in for WeChat Pay's and Alipay's (the gateway side signs with the private ones)
 * and for the merchant's own; the server gets only what a deployment would configure.
 */
export function gatewayTestKeys() {
  const wechatPlatform = pair();
  const wechatMerchant = pair();
  const alipay = pair();
  const alipayApp = pair();
  const apiV3Key = randomBytes(16).toString('hex');
  const env = {
    PAYMENT_GATEWAY: 'live',
    PAYMENT_NOTIFY_BASE_URL: 'https://pay.example.test',
    WECHATPAY_MCH_ID: '1230000109',
    WECHATPAY_APP_ID: 'wx8888888888888888',
    WECHATPAY_APIV3_KEY: apiV3Key,
    WECHATPAY_PUBLIC_KEY: wechatPlatform.publicKey,
    WECHATPAY_PUBLIC_KEY_ID: 'PUB_KEY_ID_0112345678',
    WECHATPAY_MERCHANT_PRIVATE_KEY: wechatMerchant.privateKey,
    WECHATPAY_MERCHANT_SERIAL: '5157F09EFDC096DE15EBE81A47057A7232F1B8E1',
    ALIPAY_APP_ID: '2021004100000001',
    ALIPAY_PRIVATE_KEY: alipayApp.privateKey,
    ALIPAY_PUBLIC_KEY: alipay.publicKey,
    // Nothing listens there: a test that placed a real order by mistake fails at once and never leaves the machine.
    WECHATPAY_BASE_URL: 'http://127.0.0.1:9/',
    ALIPAY_GATEWAY_URL: 'http://127.0.0.1:9/gateway.do',
  };
  return {
    env,
    wechatSigner: {
      privateKey: wechatPlatform.privateKey,
      publicKeyId: env.WECHATPAY_PUBLIC_KEY_ID,
      apiV3Key,
      mchId: env.WECHATPAY_MCH_ID,
      appId: env.WECHATPAY_APP_ID,
    },
    alipaySigner: { privateKey: alipay.privateKey, appId: env.ALIPAY_APP_ID },
    /** A key pair nobody configured: what a forger would sign with. */
    stranger: pair(),
  };
}
