import type { Actor } from '../../../core/actor.ts';
import type { AppContext } from '../../../core/context.ts';
import * as repo from './read-cache.repository.ts';

/** An answer as it was sent, with the snapshot it is valid from and when it was computed (the app's clock). */
type Entry = { body: Buffer; enterpriseId: string; snapshot: string; at: number };

/** A view being computed for the cache: kept once its answer is sent. */
export type Pending = { key: string; enterpriseId: string; snapshot: string; at: number; flight: Flight };

/** A computation under way, that the same person's reads arriving meanwhile wait for instead of computing too. */
type Flight = { done: Promise<void>; settle: () => void };

/**
 * Answers of the busiest reads (the order list, board and detail, the customer search) kept in this process (issue 21),
 * so that a person's repeated read costs one probe instead of the view's queries and rendering. An answer is given
 * from memory only while
 * - nothing of its enterprise, nor anything everyone's, has changed since the snapshot it was read after: one probe of
 *   `data_changes` (migration 0057) on every answer, so a change made through any server process, or straight in the
 *   database, is seen by the very next read, as without the cache;
 * - it is younger than its time to live (READ_CACHE_SECONDS): what a view derives from the clock (a clock's minutes
 *   used, its state at its due time) is at most that old.
 * Only an enterprise's own staff are answered from it: a regulator's views span every enterprise, and a resident's
 * depend on his links to accounts, which the triggers do not watch.
 */
export class ReadCache {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  private readonly probes = new Map<string, ProbeBatch>();
  private readonly flights = new Map<string, Flight>();

  constructor(
    private readonly ctx: AppContext,
    private readonly limits: { ttlMs: number; maxBytes: number },
  ) {}

  get enabled(): boolean {
    return this.limits.ttlMs > 0;
  }

  serves(actor: Actor): boolean {
    return this.enabled && actor.role !== 'regulator' && actor.role !== 'resident';
  }

  /** The key of one person's read: who asks, as whom, in which enterprise, and the whole path with its query. */
  keyOf(actor: Actor, url: string): string {
    return `${actor.id}\u0000${actor.role}\u0000${actor.enterpriseId}\u0000${url}`;
  }

  /** The kept answer, if it is still what the view would say; null: compute it. */
  async answer(key: string): Promise<Buffer | null> {
    const entry = this.entries.get(key);
    if (!entry) return null;
    const age = this.ctx.now().getTime() - entry.at;
    const fresh =
      age >= 0 && age < this.limits.ttlMs && !(await this.changedSince(entry.enterpriseId, entry.snapshot));
    if (!fresh) {
      this.forget(key, entry);
      return null;
    }
    // Most recently used last: the first entries are the ones to evict.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.body;
  }

  /**
   * Waits for the same read's computation already under way, if there is one (true), so that a burst of reads after
   * a change or at the end of a time to live computes the view once. Its answer is then asked for like any kept one:
   * the probe that gives it runs after this read arrived, so it is as fresh as a computation of this read's own.
   */
  async awaitComputation(key: string): Promise<boolean> {
    const flight = this.flights.get(key);
    if (!flight) return false;
    await flight.done;
    return true;
  }

  /** Read before the view is computed: the snapshot its answer will be valid from. */
  async begin(key: string, enterpriseId: string): Promise<Pending> {
    const at = this.ctx.now().getTime();
    let settle!: () => void;
    const flight: Flight = { done: new Promise<void>((r) => (settle = r)), settle: () => settle() };
    if (!this.flights.has(key)) this.flights.set(key, flight);
    try {
      return { key, enterpriseId, snapshot: await repo.snapshotNow(this.ctx.database.db), at, flight };
    } catch (err) {
      this.end({ key, flight });
      throw err;
    }
  }

  /** The computation gave no answer to keep (an error, a refusal, a request given up): those waiting go on. */
  end(pending: Pick<Pending, 'key' | 'flight'>): void {
    if (this.flights.get(pending.key) === pending.flight) this.flights.delete(pending.key);
    pending.flight.settle();
  }

  /** Keeps an answer as sent, evicting the least recently used beyond the size limit. */
  keep(pending: Pending, payload: string): void {
    this.store(pending, payload);
    this.end(pending);
  }

  private store(pending: Pending, payload: string): void {
    const previous = this.entries.get(pending.key);
    if (previous) this.forget(pending.key, previous);
    // As bytes: a kept answer is not encoded again on each send.
    const body = Buffer.from(payload);
    if (body.length > this.limits.maxBytes) return;
    const { key: _key, flight: _flight, ...valid } = pending;
    this.entries.set(pending.key, { ...valid, body });
    this.bytes += body.length;
    for (const [key, entry] of this.entries) {
      if (this.bytes <= this.limits.maxBytes) break;
      this.forget(key, entry);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  /** Drops an entry, unless another answer has replaced it while this one was being checked. */
  private forget(key: string, entry: Entry): void {
    if (this.entries.get(key) !== entry) return;
    this.entries.delete(key);
    this.bytes -= entry.body.length;
  }

  /**
   * The probe of `data_changes`, shared by the reads that arrive while another probe of the same snapshot runs: they
   * wait for the next one, which starts after all of them arrived, so each still sees every change committed before
   * it came. Under load, a handful of probes a second instead of one a read.
   */
  private changedSince(enterpriseId: string, snapshot: string): Promise<boolean> {
    const key = `${enterpriseId}/${snapshot}`;
    let batch = this.probes.get(key);
    if (!batch) {
      batch = new ProbeBatch(
        () => repo.changedSince(this.ctx.database.db, enterpriseId, snapshot),
        () => this.probes.delete(key),
      );
      this.probes.set(key, batch);
    }
    return batch.ask();
  }
}

/** Reads waiting for one probe; each batch's probe starts only after every read in it has arrived. */
class ProbeBatch {
  private waiting: { resolve: (v: boolean) => void; reject: (e: unknown) => void }[] = [];
  private running = false;

  constructor(
    private readonly probe: () => Promise<boolean>,
    private readonly idle: () => void,
  ) {}

  ask(): Promise<boolean> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      if (!this.running) void this.run();
    });
  }

  private async run(): Promise<void> {
    this.running = true;
    while (this.waiting.length > 0) {
      const batch = this.waiting;
      this.waiting = [];
      try {
        const changed = await this.probe();
        for (const w of batch) w.resolve(changed);
      } catch (err) {
        for (const w of batch) w.reject(err);
      }
    }
    this.running = false;
    this.idle();
  }
}

const caches = new WeakMap<AppContext, ReadCache>();

/** The one cache of an application (its context): the routes that use it share it. */
export function readCacheOf(ctx: AppContext): ReadCache {
  let cache = caches.get(ctx);
  if (!cache) {
    cache = new ReadCache(ctx, {
      ttlMs: ctx.config.readCacheSeconds * 1000,
      maxBytes: ctx.config.readCacheMegabytes * 1024 * 1024,
    });
    caches.set(ctx, cache);
  }
  return cache;
}
