/**
 * Counts failed authentication attempts per client address, in fixed windows: once an address
 * has failed `limit` times in `windowMs`, its further attempts with a key are refused at once
 * (RATE_LIMITED, HTTP 429, `Retry-After`) until the window ends, without looking the key up.
 *
 * Why a refusal rather than a delay: holding a slowed request open costs the server a socket and
 * a timer per attempt and does not slow an attacker who sends in parallel, while a refusal costs
 * nothing, spares Neo4j the lookups, and tells a misconfigured client when to try again. Keys
 * have 256 bits, so the point is not to stop guessing (hopeless anyway) but to keep a flood of
 * bad keys from costing lookups and log lines.
 *
 * The counts live in this process only (each instance counts what it sees; they are lost on a
 * restart), which is all a rate limit of this kind needs; the server keeps no other state. The
 * table is bounded: past `maxAddresses`, expired windows are swept, then the oldest dropped.
 */
export interface FailureThrottleOptions {
  readonly limit: number;
  readonly windowMs: number;
  readonly maxAddresses?: number;
  /** The clock, for tests. */
  readonly now?: () => number;
}

interface Window {
  start: number;
  failures: number;
}

export type ThrottleVerdict = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterMs: number };

export class FailureThrottle {
  private readonly windows = new Map<string, Window>();
  private readonly now: () => number;
  private readonly maxAddresses: number;

  constructor(private readonly options: FailureThrottleOptions) {
    this.now = options.now ?? Date.now;
    this.maxAddresses = options.maxAddresses ?? 10_000;
  }

  /** Whether an attempt from `address` may be checked now. */
  check(address: string): ThrottleVerdict {
    const window = this.current(address);
    if (!window || window.failures < this.options.limit) return { allowed: true };
    return { allowed: false, retryAfterMs: window.start + this.options.windowMs - this.now() };
  }

  /** Records a failed attempt; returns the address's failures in the current window. */
  recordFailure(address: string): number {
    let window = this.current(address);
    if (!window) {
      if (this.windows.size >= this.maxAddresses) this.makeRoom();
      window = { start: this.now(), failures: 0 };
      this.windows.set(address, window);
    }
    window.failures += 1;
    return window.failures;
  }

  /** Failures of `address` in its current window (0 when none). */
  failures(address: string): number {
    return this.current(address)?.failures ?? 0;
  }

  get size(): number {
    return this.windows.size;
  }

  private current(address: string): Window | undefined {
    const window = this.windows.get(address);
    if (window && this.now() - window.start >= this.options.windowMs) {
      this.windows.delete(address);
      return undefined;
    }
    return window;
  }

  private makeRoom(): void {
    const now = this.now();
    for (const [address, window] of this.windows) {
      if (now - window.start >= this.options.windowMs) this.windows.delete(address);
    }
    // Still full: the oldest entries (Map keeps insertion order) go first.
    for (const address of this.windows.keys()) {
      if (this.windows.size < this.maxAddresses) break;
      this.windows.delete(address);
    }
  }
}
