/**
 * What one GraphQL request may take of Neo4j: a deadline that every transaction's timeout is cut
 * to (so Neo4j itself stops the work when the request is out of time), a few transactions at
 * once (so 30 aliases cannot hold the pool), and an abort signal raised when the deadline passes
 * or a field of the operation is refused, after which the rest of the operation runs no query.
 */
import { setMaxListeners } from "node:events";
import { OperationAbortedError, QueryTimeoutError } from "../common/errors";
import { Gate } from "./gate";

export class RequestScope {
  readonly deadline: number;
  readonly slots: Gate;
  private readonly controller = new AbortController();
  private readonly timer: NodeJS.Timeout;

  constructor(
    readonly timeoutMs: number,
    maxConcurrentQueries: number,
  ) {
    this.deadline = Date.now() + timeoutMs;
    this.slots = new Gate(maxConcurrentQueries, Number.POSITIVE_INFINITY);
    // Every waiting or running query of the request listens; 30 aliases are not a leak.
    setMaxListeners(0, this.controller.signal);
    this.timer = setTimeout(() => this.abort(new QueryTimeoutError(timeoutMs, undefined, "request")), timeoutMs);
    this.timer.unref();
  }

  get signal(): AbortSignal {
    return this.controller.signal;
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
    if (!this.signal.aborted) this.controller.abort(reason);
    clearTimeout(this.timer);
  }
}
