import { DomainError } from '@ranre/domain';
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import { z } from 'zod';
import type { AppContext } from '../../../core/context.ts';
import { GatewayKeyService, type IngestSource } from '../gateway-keys/gateway-keys.service.ts';
import { ZIngest, type TIngest } from './sensors.schemas.ts';
import { SensorService } from './sensors.service.ts';

// H-5.4.1 over MQTT: heating gateways publish batches to ranre/<enterprise id>/<gateway>/readings as JSON
// { "key": "rgk_…", "readings": [ { sensorId, at, temperature }, … ] }. The key must be the active key of that
// enterprise and gateway; the batch goes through the same checks and the same store as POST /sensors/readings, and
// the answer (accepted, each rejection with its reason, or why the batch was refused) is published to
// ranre/<enterprise id>/<gateway>/results.
//
// Nothing is lost while the database is briefly unavailable: the subscription is QoS 1 and a message is
// acknowledged only once stored (or refused for good). Until then it is retried with a growing pause, and the
// broker keeps the unacknowledged message for the persistent session (clean: false), so a restart of ranre
// receives it again.

export const READINGS_TOPIC = 'ranre/+/+/readings';
const TOPIC = /^ranre\/([0-9a-f-]{36})\/([A-Za-z0-9_-]{1,64})\/readings$/i;

const ZMqttBatch = ZIngest.extend({ key: z.string().max(200) });

type Answer = Record<string, unknown>;

export interface MqttIngestionOptions {
  url: string;
  clientId?: string;
  /** The topics to subscribe to; READINGS_TOPIC (every enterprise and gateway) unless narrowed (tests). */
  filter?: string;
  /** Pauses between attempts to store while the database is failing, in ms; the last is repeated. */
  retryDelays?: number[];
  log?: { info: (m: string) => void; warn: (m: string) => void };
  /** Tests put a failing database in front of the store here. */
  store?: (source: IngestSource, input: TIngest) => Promise<Answer>;
}

/** A refusal for good (bad key, bad payload): acknowledged and answered, never retried. */
const isFinal = (err: unknown) =>
  err instanceof DomainError || err instanceof z.ZodError || err instanceof SyntaxError;

export class MqttIngestion {
  private client: MqttClient | null = null;
  private stopping = false;
  private readonly keys: GatewayKeyService;
  private readonly store: (source: IngestSource, input: TIngest) => Promise<Answer>;
  private readonly delays: number[];
  private readonly filter: string;

  constructor(
    ctx: AppContext,
    private readonly opts: MqttIngestionOptions,
  ) {
    this.keys = new GatewayKeyService(ctx);
    const sensors = new SensorService(ctx);
    this.store = opts.store ?? ((source, input) => sensors.ingest(source, input));
    this.delays = opts.retryDelays ?? [200, 500, 1000, 2000, 5000];
    this.filter = opts.filter ?? READINGS_TOPIC;
  }

  /** Connects, subscribes (QoS 1) and resolves once the subscription is in place. */
  async start(): Promise<void> {
    const options: IClientOptions = {
      clientId: this.opts.clientId ?? 'ranre-ingest',
      clean: false,
      reconnectPeriod: 1000,
    };
    const client = mqtt.connect(this.opts.url, options);
    // mqtt.js processes the next message only after this callback: messages are stored one after another, and a
    // message is acknowledged (PUBACK) only when the callback is called.
    client.handleMessage = (packet, callback) => {
      if (packet.cmd !== 'publish') return callback();
      void this.handle(packet.topic, packet.payload as Buffer).then(
        () => callback(),
        // Stopping while still failing: no ack, the broker sends the message again to the next session.
        () => undefined,
      );
    };
    client.on('error', (err) => this.opts.log?.warn(`MQTT: ${err.message}`));
    this.client = client;
    await new Promise<void>((resolve, reject) => {
      client.once('connect', () => {
        client.subscribe(this.filter, { qos: 1 }, (err) => (err ? reject(err) : resolve()));
      });
      client.once('error', reject);
    });
    this.opts.log?.info(`MQTT: subscribed to ${this.filter} at ${this.opts.url}`);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.client?.endAsync(true);
    this.client = null;
  }

  /** One message: refused for good, or stored (retrying while the database fails); then answered. */
  private async handle(topic: string, payload: Buffer): Promise<void> {
    const m = TOPIC.exec(topic);
    if (!m) return;
    const [, enterpriseId, gateway] = m as unknown as [string, string, string];
    const results = `ranre/${enterpriseId}/${gateway}/results`;
    let answer: Answer;
    try {
      const batch = ZMqttBatch.parse(JSON.parse(payload.toString('utf8')));
      const source = await this.retrying(() => this.keys.authenticate(batch.key, { enterpriseId, gateway }));
      answer = await this.retrying(() => this.store(source, { readings: batch.readings }));
    } catch (err) {
      if (!isFinal(err)) throw err; // stopping while the database is still failing
      answer =
        err instanceof DomainError
          ? { code: err.code, zh: err.messages.zh, en: err.messages.en }
          : {
              code: 'VALIDATION_FAILED',
              zh: '消息格式无效',
              en: `invalid message: ${String(err).slice(0, 200)}`,
            };
    }
    this.client?.publish(results, JSON.stringify(answer), { qos: 0 });
  }

  /** Runs `f` until it succeeds or refuses for good, pausing longer after each failure. */
  private async retrying<T>(f: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await f();
      } catch (err) {
        if (isFinal(err) || this.stopping) throw err;
        const pause = this.delays[Math.min(attempt, this.delays.length - 1)]!;
        this.opts.log?.warn(`MQTT: storing readings failed (${String(err)}); again in ${pause} ms`);
        await new Promise((r) => setTimeout(r, pause));
      }
    }
  }
}
