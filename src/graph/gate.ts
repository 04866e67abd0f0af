/**
 * A counting semaphore with a bounded queue: at most `maxActive` holders at once, at most
 * `maxQueued` waiting. A full queue refuses at once (the caller answers SERVER_BUSY) rather than
 * letting waiters pile up; a waiter whose signal aborts (its request's deadline) leaves the queue.
 * Written here because the libraries we looked at (p-limit, async-sema) bound neither the queue
 * nor the wait.
 */
export class GateFullError extends Error {
  override readonly name = "GateFullError";
}

export class Gate {
  private active = 0;
  private peak = 0;
  private readonly queue: Array<() => void> = [];

  constructor(
    readonly maxActive: number,
    readonly maxQueued: number,
  ) {}

  get activeCount(): number {
    return this.active;
  }

  /** The most holders there have been at once. */
  get peakActiveCount(): number {
    return this.peak;
  }

  get queuedCount(): number {
    return this.queue.length;
  }

  /** Resolves with a release function (safe to call twice) once a slot is free. */
  acquire(signal?: AbortSignal): Promise<() => void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.active < this.maxActive) {
      this.active += 1;
      this.peak = Math.max(this.peak, this.active);
      return Promise.resolve(this.releaser());
    }
    if (this.queue.length >= this.maxQueued) return Promise.reject(new GateFullError("queue full"));
    return new Promise((resolve, reject) => {
      const grant = () => {
        signal?.removeEventListener("abort", onAbort);
        resolve(this.releaser());
      };
      const onAbort = () => {
        const index = this.queue.indexOf(grant);
        if (index >= 0) this.queue.splice(index, 1);
        reject(signal?.reason);
      };
      this.queue.push(grant);
      signal?.addEventListener("abort", onAbort, { once: true });
    });
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.queue.shift();
      // The slot passes straight to the next waiter, so `active` stays the same.
      if (next) next();
      else this.active -= 1;
    };
  }
}
