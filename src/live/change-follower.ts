/**
 * One per process: follows the change log in Neo4j and fans each change out to the process's
 * `graphChanged` subscribers. Every instance behind a load balancer runs its own and reads the
 * same log, so a change written through any instance reaches the subscribers of all of them; no
 * event travels between processes.
 *
 * The poll loop runs only while someone listens: it starts with the first subscriber, from the
 * latest change number at that moment, asks `seq > last` every `pollIntervalMs` (all the batches
 * waiting, then it sleeps), and stops with the last subscriber. While Neo4j is unreachable it
 * logs once, keeps its position and asks again each interval; nothing is skipped when Neo4j
 * returns. The payload (nodes and edges as they are now) is read only for the changes some
 * subscriber wants, once for all of them.
 *
 * Each subscriber's queue is bounded (`maxQueuedChanges`): one that does not read (a stalled
 * client, a slow network) is closed with SUBSCRIBER_TOO_SLOW rather than holding memory without end.
 */
import { GraphQLError } from "graphql";
import { ErrorCode } from "../common/errors";
import type { Logger } from "../logger";
import type { ChangeRecord } from "./change-feed.repository";
import type { ChangeSource } from "./change-feed";
import { changeMatches, type ChangeFilter, type GraphChangeView } from "./graph-change.view";

/** Changes read per query; the loop reads batch after batch until it has caught up. */
export const CHANGE_BATCH = 100;

/** What a subscription yields: a change, or, last, why the server closed it. */
export type LiveEvent = GraphChangeView | GraphQLError;

export interface ChangeFollowerOptions {
  readonly pollIntervalMs: number;
  readonly maxQueuedChanges: number;
  readonly logger: Pick<Logger, "warn" | "info" | "error">;
  readonly batchSize?: number;
}

export class ChangeFollower {
  private readonly subscribers = new Set<LiveSubscription>();
  /** The last change fanned out; null while stopped (the next start begins from the latest). */
  private position: number | null = null;
  private timer: NodeJS.Timeout | undefined;
  private polling: Promise<void> | undefined;
  /** Bumped by each stop, so a poll in flight when the loop stopped delivers nothing. */
  private generation = 0;
  private failing = false;
  private closed = false;

  constructor(
    private readonly source: ChangeSource,
    private readonly options: ChangeFollowerOptions,
  ) {}

  /** Subscribers listening now. */
  get size(): number {
    return this.subscribers.size;
  }

  /** Subscriptions whose starting point is read: each receives every change committed after it. */
  get following(): number {
    let count = 0;
    for (const subscription of this.subscribers) if (subscription.started) count += 1;
    return count;
  }

  /** Whether the poll loop runs (it does exactly while there are subscribers). */
  get running(): boolean {
    return this.position !== null;
  }

  /**
   * A subscription to the changes committed from now on that pass `filter`. It is registered
   * before the latest number is read, so a change committed after that read reaches it even when
   * the loop fans it out before the read returns, and one committed before is dropped. Rejects
   * (SERVICE_UNAVAILABLE…) when the number cannot be read: the subscriber retries.
   */
  async subscribe(filter: ChangeFilter): Promise<LiveSubscription> {
    if (this.closed) throw new Error("The change follower is closed");
    const subscription = new LiveSubscription(filter, this.options.maxQueuedChanges, () => this.unsubscribe(subscription));
    this.subscribers.add(subscription);
    try {
      const latest = await this.source.latestSeq();
      subscription.startAfter(latest);
      if (this.subscribers.has(subscription) && this.position === null) {
        this.position = latest;
        this.schedule();
      }
      return subscription;
    } catch (error) {
      void subscription.return();
      throw error;
    }
  }

  /** Ends every subscription and the loop (the server is stopping). */
  close(): void {
    this.closed = true;
    for (const subscription of [...this.subscribers]) void subscription.return();
    this.stop();
  }

  private unsubscribe(subscription: LiveSubscription): void {
    this.subscribers.delete(subscription);
    if (this.subscribers.size === 0) this.stop();
  }

  private stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.position = null;
    this.generation += 1;
  }

  private schedule(): void {
    if (this.timer || this.polling || this.position === null) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.polling = this.poll().finally(() => {
        this.polling = undefined;
        this.schedule();
      });
    }, this.options.pollIntervalMs);
  }

  /** Reads and fans out every change past the position; on failure the position stays. */
  private async poll(): Promise<void> {
    const generation = this.generation;
    const batch = this.options.batchSize ?? CHANGE_BATCH;
    try {
      for (;;) {
        const position = this.position;
        if (position === null || generation !== this.generation) return;
        const changes = await this.source.changesAfter(position, batch);
        if (generation !== this.generation) return;
        const wanted = changes.filter((change) => this.wanted(change));
        const payloads = await this.source.payloads(wanted);
        if (generation !== this.generation) return;
        const bySeq = new Map(payloads.map((payload) => [payload.seq, payload]));
        for (const change of changes) {
          const payload = bySeq.get(change.seq);
          if (payload) for (const subscription of this.subscribers) subscription.offer(change, payload);
          this.position = change.seq;
        }
        if (changes.length < batch) break;
      }
      if (this.failing) {
        this.failing = false;
        this.options.logger.info({ position: this.position }, "live updates: the change log is readable again; following it");
      }
    } catch (error) {
      if (!this.failing) {
        this.failing = true;
        this.options.logger.warn(
          { err: error, position: this.position, retryInMs: this.options.pollIntervalMs },
          "live updates: cannot read the change log; retrying every interval from the same position",
        );
      }
    }
  }

  private wanted(change: ChangeRecord): boolean {
    for (const subscription of this.subscribers) if (subscription.wants(change)) return true;
    return false;
  }
}

/**
 * One subscriber's changes, as an async iterator (what a GraphQL subscription's `subscribe`
 * returns). `return()` (the client unsubscribed or went away) ends it at once, even while it waits.
 */
export class LiveSubscription implements AsyncIterableIterator<LiveEvent> {
  private readonly queue: LiveEvent[] = [];
  private waiting: ((result: IteratorResult<LiveEvent>) => void) | undefined;
  /** Changes numbered up to this were committed before the subscription: never delivered. */
  private startSeq: number | null = null;
  private done = false;

  constructor(
    private readonly filter: ChangeFilter,
    private readonly maxQueued: number,
    private readonly onEnd: () => void,
  ) {}

  /** Whether its starting point is read (before that, what it will receive is not yet decided). */
  get started(): boolean {
    return this.startSeq !== null;
  }

  startAfter(seq: number): void {
    this.startSeq = seq;
    // Offered while the start was being read: keep only what came after it.
    const kept = this.queue.filter((event) => event instanceof GraphQLError || event.seq > seq);
    this.queue.splice(0, this.queue.length, ...kept);
  }

  wants(change: ChangeRecord): boolean {
    return !this.done && (this.startSeq === null || change.seq > this.startSeq) && changeMatches(this.filter, change);
  }

  offer(change: ChangeRecord, payload: GraphChangeView): void {
    if (!this.wants(change)) return;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = undefined;
      resolve({ value: payload, done: false });
      return;
    }
    if (this.queue.length >= this.maxQueued) {
      this.overflow();
      return;
    }
    this.queue.push(payload);
  }

  /** Too far behind: what is queued is dropped and the subscriber gets the reason, then the end. */
  private overflow(): void {
    this.queue.splice(0, this.queue.length, tooSlow(this.maxQueued));
    this.finish();
  }

  next(): Promise<IteratorResult<LiveEvent>> {
    const value = this.queue.shift();
    if (value !== undefined) return Promise.resolve({ value, done: false });
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => (this.waiting = resolve));
  }

  return(): Promise<IteratorResult<LiveEvent>> {
    this.queue.length = 0;
    this.finish();
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error?: unknown): Promise<IteratorResult<LiveEvent>> {
    void this.return();
    return Promise.reject(error);
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private finish(): void {
    if (this.done) return;
    this.done = true;
    const resolve = this.waiting;
    this.waiting = undefined;
    resolve?.({ value: undefined, done: true });
    this.onEnd();
  }
}

function tooSlow(maxQueued: number): GraphQLError {
  return new GraphQLError(
    `Subscription closed: ${maxQueued} changes were waiting to be sent to this client (LIVE_MAX_QUEUED_CHANGES); ` +
      "it reads more slowly than the graph changes. Subscribe again, then reload what is drawn.",
    { extensions: { code: ErrorCode.SUBSCRIBER_TOO_SLOW } },
  );
}
