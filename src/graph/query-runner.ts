/**
 * Runs units of work against Neo4j: a session per call, closed in `finally`; reads through
 * `executeRead` so a cluster can route them to followers; every transaction carries a timeout
 * and metadata naming the query (visible in Neo4j's query log and `SHOW TRANSACTIONS`). Driver
 * errors are mapped once, here.
 *
 * What one process and one request may hold is bounded here too: a process-wide gate on
 * transactions (below the pool size, so /ready and the seed always find a connection), a narrower
 * one on traversals, and the request's own scope (deadline, a few transactions at once, abort).
 * A full queue answers SERVER_BUSY at once. Neo4j enforces each timeout itself; when it does
 * not answer `responseGraceMs` past it (a hung server), the request stops waiting for it. Once
 * Neo4j is found unreachable, a circuit breaker answers SERVICE_UNAVAILABLE at once and probes
 * for its return (src/graph/circuit-breaker.ts).
 */
import type { Driver, ManagedTransaction } from "neo4j-driver";
import { Neo4jError } from "neo4j-driver-core";
import { QueryTimeoutError, ServerBusyError, ServiceUnavailableError } from "../common/errors";
import type { Neo4jConfig } from "../config";
import { CircuitBreaker } from "./circuit-breaker";
import { Gate, GateFullError } from "./gate";
import { mapNeo4jError } from "./neo4j-errors";
import type { RequestScope } from "./request-scope";

export type QueryRunnerOptions = Pick<
  Neo4jConfig,
  | "database"
  | "queryTimeoutMs"
  | "responseGraceMs"
  | "maxConcurrentQueries"
  | "maxQueuedQueries"
  | "maxConcurrentTraversals"
  | "maxQueuedTraversals"
  | "readyTimeoutMs"
  | "probeIntervalMs"
> & {
  /** Called as each unit of work is asked for; tests count queries with it. */
  readonly onQuery?: (name: string, options: ReadOptions) => void;
};

export interface ReadOptions {
  /** Overrides the default transaction timeout for this unit of work. */
  readonly timeoutMs?: number;
  /** A traversal (neighbourhood, paths, graph payloads): it also waits for a traversal slot. */
  readonly traversal?: boolean;
}

/** What every request of the process shares. */
interface Shared {
  readonly queries: Gate;
  readonly traversals: Gate;
  readonly breaker: CircuitBreaker;
}

export class QueryRunner {
  private readonly shared: Shared;
  /** The ping in flight, shared by concurrent /ready calls so they hold one connection, not many. */
  private pending: Promise<boolean> | undefined;

  constructor(
    private readonly driver: Driver,
    private readonly options: QueryRunnerOptions,
    private readonly scope?: RequestScope,
    shared?: Shared,
  ) {
    this.shared = shared ?? {
      queries: new Gate(options.maxConcurrentQueries, options.maxQueuedQueries),
      traversals: new Gate(options.maxConcurrentTraversals, options.maxQueuedTraversals),
      breaker: new CircuitBreaker(options.probeIntervalMs),
    };
  }

  /** The same runner (same driver, same process-wide gates and breaker) bound to one request's scope. */
  forRequest(scope: RequestScope): QueryRunner {
    return new QueryRunner(this.driver, this.options, scope, this.shared);
  }

  read<T>(name: string, work: (tx: ManagedTransaction) => Promise<T>, options: ReadOptions = {}): Promise<T> {
    return this.execute("READ", name, work, options);
  }

  write<T>(name: string, work: (tx: ManagedTransaction) => Promise<T>, options: Pick<ReadOptions, "timeoutMs"> = {}): Promise<T> {
    return this.execute("WRITE", name, work, options);
  }

  /**
   * True when Neo4j answers a trivial query within `readyTimeoutMs`; for the readiness probe.
   * It skips the gates: readiness is about Neo4j, and a busy server is still ready.
   */
  ping(): Promise<boolean> {
    const within = this.options.readyTimeoutMs;
    return (this.pending ??= this.guarded(() => this.run("READ", "ping", (tx) => tx.run("RETURN 1"), within, within, false), true)
      .then(
        () => true,
        () => false,
      )
      .finally(() => (this.pending = undefined)));
  }

  private async execute<T>(
    mode: "READ" | "WRITE",
    name: string,
    work: (tx: ManagedTransaction) => Promise<T>,
    options: ReadOptions,
  ): Promise<T> {
    this.options.onQuery?.(name, options);
    const scope = this.scope;
    const releases: Array<() => void> = [];
    try {
      this.refuseWhileDown();
      // A free slot is taken at once; only a full gate costs a promise.
      if (scope) releases.push(scope.slots.tryAcquire() ?? (await scope.slots.acquire(scope)));
      if (options.traversal)
        releases.push(this.shared.traversals.tryAcquire() ?? (await this.enter(this.shared.traversals, "traversals")));
      releases.push(this.shared.queries.tryAcquire() ?? (await this.enter(this.shared.queries, "queries")));
      // Out of time or refused while it waited: it runs nothing. Otherwise its timeout is cut to
      // what the request has left, so Neo4j itself stops the work when the request is out of time.
      scope?.throwIfAborted();
      const timeoutMs = Math.max(1, Math.min(options.timeoutMs ?? this.options.queryTimeoutMs, scope?.remainingMs() ?? Infinity));
      return await this.guarded(() => this.run(mode, name, work, timeoutMs, timeoutMs + this.options.responseGraceMs));
    } finally {
      for (const release of releases.reverse()) release();
    }
  }

  /** While the breaker is open, calls that are not its probe get SERVICE_UNAVAILABLE at once. */
  private refuseWhileDown(): void {
    const { breaker } = this.shared;
    if (!breaker.wouldAdmit()) throw this.unreachable();
  }

  private unreachable(): ServiceUnavailableError {
    return new ServiceUnavailableError(
      undefined,
      `The graph database has been unreachable for the last ${this.shared.breaker.openForMs} ms; try again shortly.`,
    );
  }

  /** Runs a call that reaches Neo4j, telling the breaker whether Neo4j answered. */
  private async guarded<T>(call: () => Promise<T>, bypassBreaker = false): Promise<T> {
    const { breaker } = this.shared;
    const { admitted, probe } = bypassBreaker ? { admitted: true, probe: false } : breaker.admit();
    if (!admitted) throw this.unreachable();
    try {
      const result = await call();
      breaker.succeeded();
      return result;
    } catch (error) {
      // Unreachable or silent: open. Neo4j's own timeout means it is there. Anything else (our
      // request's deadline or abort, a saturated pool, a bug) says nothing about Neo4j.
      if (error instanceof ServiceUnavailableError && error.unreachable) breaker.failed();
      else if (error instanceof QueryTimeoutError && error.originalError instanceof Neo4jError) breaker.succeeded();
      else breaker.settled(probe);
      throw error;
    }
  }

  private async enter(gate: Gate, what: string): Promise<() => void> {
    try {
      return await gate.acquire(this.scope);
    } catch (error) {
      throw error instanceof GateFullError ? new ServerBusyError(what) : error;
    }
  }

  private async run<T>(
    mode: "READ" | "WRITE",
    name: string,
    work: (tx: ManagedTransaction) => Promise<T>,
    timeoutMs: number,
    answerWithinMs: number,
    /** Whether no answer within `answerWithinMs` means Neo4j is unreachable (not for /ready's short wait). */
    silenceMeansUnreachable = true,
  ): Promise<T> {
    const session = this.driver.session({
      database: this.options.database,
      defaultAccessMode: mode,
    });
    const config = { timeout: timeoutMs, metadata: { app: "knowledge-graph-server", query: name } };
    const transaction = mode === "READ" ? session.executeRead(work, config) : session.executeWrite(work, config);
    // We may stop waiting before the driver settles: its late failure must not go unhandled.
    transaction.catch(() => undefined);
    let timer: NodeJS.Timeout | undefined;
    let stopListening: (() => void) | undefined;
    let gaveUp = false;
    const givenUp = new Promise<never>((_resolve, reject) => {
      const giveUp = (reason: unknown) => {
        gaveUp = true;
        reject(reason);
      };
      timer = setTimeout(
        () =>
          giveUp(
            new ServiceUnavailableError(
              undefined,
              `The graph database did not answer within ${answerWithinMs} ms; try again shortly.`,
              silenceMeansUnreachable,
            ),
          ),
        answerWithinMs,
      );
      stopListening = this.scope?.onAbort(giveUp);
    });
    try {
      return await Promise.race([transaction, givenUp]);
    } catch (error) {
      throw mapNeo4jError(error, timeoutMs);
    } finally {
      clearTimeout(timer);
      stopListening?.();
      // A session must not be closed while its transaction runs: the driver can then hand the
      // connection, still in the transaction, to another session (seen under load as "BeginMessage
      // cannot be handled by a session in the IN_TRANSACTION state"). After giving up, the session
      // closes once the transaction settles, which Neo4j's timeout (cut to the request's deadline)
      // bounds. Otherwise the close is awaited, but no longer than the grace.
      const close = () => session.close().catch(() => undefined);
      if (gaveUp) void transaction.then(close, close);
      else {
        let graceTimer: NodeJS.Timeout | undefined;
        const grace = new Promise<void>((resolve) => {
          graceTimer = setTimeout(resolve, this.options.responseGraceMs);
          graceTimer.unref();
        });
        await Promise.race([close(), grace]);
        // Cleared, not left to fire: a timer per transaction would outlive it by the whole grace.
        clearTimeout(graceTimer);
      }
    }
  }
}
