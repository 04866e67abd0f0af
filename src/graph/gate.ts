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

/** What a waiter can be stopped by (a request's scope, src/graph/request-scope.ts). */
export interface Abortable {
  readonly abortReason: unknown;
  /** Calls `listener` with the reason when it aborts; returns the way to stop listening. */
  onAbort(listener: (reason: unknown) => void): () => void;
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

  /**
   * A release function when a slot is free now, else undefined: no promise and no tick on the
   * common path, which every transaction takes two or three times.
   */
  tryAcquire(): (() => void) | undefined {
    if (this.active >= this.maxActive) return undefined;
    this.active += 1;
    if (this.active > this.peak) this.peak = this.active;
    return this.releaser();
  }

  /** Resolves with a release function (safe to call twice) once a slot is free. */
  acquire(abortable?: Abortable): Promise<() => void> {
    if (abortable?.abortReason !== undefined) return Promise.reject(abortable.abortReason);
    const release = this.tryAcquire();
    if (release) return Promise.resolve(release);
    if (this.queue.length >= this.maxQueued) return Promise.reject(new GateFullError("queue full"));
    return new Promise((resolve, reject) => {
      const grant = () => {
        stopListening?.();
        resolve(this.releaser());
      };
      this.queue.push(grant);
      // Not aborted (checked above), so this does not call back before `grant` can see it.
      const stopListening = abortable?.onAbort((reason) => {
        const index = this.queue.indexOf(grant);
        if (index >= 0) this.queue.splice(index, 1);
        reject(reason);
      });
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
