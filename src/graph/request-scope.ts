/**
 * What one GraphQL request may take of Neo4j: a deadline that every transaction's timeout is cut
 * to (so Neo4j itself stops the work when the request is out of time), a few transactions at
 * once (so 30 aliases cannot hold the pool), and an abort raised when the deadline passes or a
 * field of the operation is refused, after which the rest of the operation runs no query.
 *
 * The abort is a plain list of listeners, not an AbortController: every transaction of every
 * request listens and stops listening, and Node's EventTarget made that (with the controller per
 * request) about a third of the query runner's CPU under load (issue 9).
 */
import { OperationAbortedError, QueryTimeoutError } from "../common/errors";
import { Gate, type Abortable } from "./gate";

export class RequestScope implements Abortable {
  readonly deadline: number;
  readonly slots: Gate;
  private reason: Error | undefined;
  private readonly listeners = new Set<(reason: Error) => void>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    readonly timeoutMs: number,
    maxConcurrentQueries: number,
  ) {
    this.deadline = Date.now() + timeoutMs;
    this.slots = new Gate(maxConcurrentQueries, Number.POSITIVE_INFINITY);
    this.timer = setTimeout(() => this.abort(new QueryTimeoutError(timeoutMs, undefined, "request")), timeoutMs);
    this.timer.unref();
  }

  /** Why the request stopped (its deadline passed, or a field was refused); undefined while it runs. */
  get abortReason(): Error | undefined {
    return this.reason;
  }

  throwIfAborted(): void {
    if (this.reason) throw this.reason;
  }

  /** Calls `listener` with the reason when the request stops (at once if it has); returns the way to stop listening. */
  onAbort(listener: (reason: Error) => void): () => void {
    if (this.reason) {
      listener(this.reason);
      return () => undefined;
    }
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  remainingMs(): number {
    return this.deadline - Date.now();
  }

  /** A field was refused (bad input): nothing more of this operation goes to Neo4j. */
  refuse(): void {
    this.abort(new OperationAbortedError());
  }

  /** The response is on its way: release the timer. */
  end(): void {
    clearTimeout(this.timer);
  }

  private abort(reason: Error): void {
    clearTimeout(this.timer);
    if (this.reason) return;
    this.reason = reason;
    const listeners = [...this.listeners];
    this.listeners.clear();
    for (const listener of listeners) listener(reason);
  }
}
