import type { notifications } from '../../../db/schema.ts';

export type OutboxRow = typeof notifications.$inferSelect;

/** Hands one message to its channel (SMS gateway, WeChat template message, letter print queue …). */
export interface ChannelAdapter {
  readonly name: string;
  /** Resolves with the channel's reference when accepted; throws when the channel refused or failed. */
  send(message: OutboxRow): Promise<{ ref: string }>;
}

/**
 * The built-in test channel: accepts every message with a recipient and keeps what it "sent", so the outbox
 * shows real sent states without a contract with an SMS provider.
 */
export class RecordingAdapter implements ChannelAdapter {
  readonly sent: { id: string; recipient: string; body: string }[] = [];
  constructor(readonly name: string) {}

  async send(m: OutboxRow): Promise<{ ref: string }> {
    if (m.channel === 'sms' && !/^\+?\d[\d-]{5,}$/.test(m.recipient)) {
      throw new Error(`no valid phone number for SMS (recipient "${m.recipient}")`);
    }
    this.sent.push({ id: m.id, recipient: m.recipient, body: m.body });
    return { ref: `${this.name}-${this.sent.length}` };
  }
}

/** A channel that is down: every send fails (tests of retries). */
export class FailingAdapter implements ChannelAdapter {
  constructor(
    readonly name: string,
    private readonly error = 'channel unavailable',
  ) {}
  async send(): Promise<{ ref: string }> {
    throw new Error(this.error);
  }
}

export type ChannelAdapters = Record<string, ChannelAdapter>;

export const defaultAdapters = (): ChannelAdapters => ({
  sms: new RecordingAdapter('sms-test'),
  wechat: new RecordingAdapter('wechat-test'),
  app: new RecordingAdapter('app-test'),
  letter: new RecordingAdapter('letter-test'),
});
