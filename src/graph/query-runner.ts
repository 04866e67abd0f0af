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
 * not answer `responseGraceMs` past it (a hung server), the request stops waiting for it.
 */
import neo4j, { type Driver, type ManagedTransaction } from "neo4j-driver";
import { ServerBusyError, ServiceUnavailableError } from "../common/errors";
import type { Neo4jConfig } from "../config";
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

interface Gates {
  readonly queries: Gate;
  readonly traversals: Gate;
}

export class QueryRunner {
  private readonly gates: Gates;

  constructor(
    private readonly driver: Driver,
    private readonly options: QueryRunnerOptions,
    private readonly scope?: RequestScope,
    gates?: Gates,
  ) {
    this.gates = gates ?? {
      queries: new Gate(options.maxConcurrentQueries, options.maxQueuedQueries),
      traversals: new Gate(options.maxConcurrentTraversals, options.maxQueuedTraversals),
    };
  }

  /** The same runner (same driver, same process-wide gates) bound to one request's scope. */
  forRequest(scope: RequestScope): QueryRunner {
    return new QueryRunner(this.driver, this.options, scope, this.gates);
  }

  read<T>(name: string, work: (tx: ManagedTransaction) => Promise<T>, options: ReadOptions = {}): Promise<T> {
    return this.execute("READ", name, work, options);
  }

  write<T>(name: string, work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    return this.execute("WRITE", name, work, {});
  }

  /**
   * True when Neo4j answers a trivial query within `readyTimeoutMs`; for the readiness probe.
   * It skips the gates: readiness is about Neo4j, and a busy server is still ready.
   */
  async ping(): Promise<boolean> {
    try {
      const within = this.options.readyTimeoutMs;
      await this.run("READ", "ping", (tx) => tx.run("RETURN 1"), within, within);
      return true;
    } catch {
      return false;
    }
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
      if (scope) releases.push(await scope.slots.acquire(scope.signal));
      if (options.traversal) releases.push(await this.enter(this.gates.traversals, "traversals"));
      releases.push(await this.enter(this.gates.queries, "queries"));
      // Neo4j stops the work when the request is out of time, not only the server.
      const timeoutMs = Math.min(options.timeoutMs ?? this.options.queryTimeoutMs, scope?.remainingMs() ?? Infinity);
      if (timeoutMs <= 0) scope?.signal.throwIfAborted();
      return await this.run(mode, name, work, Math.max(timeoutMs, 1), Math.max(timeoutMs, 1) + this.options.responseGraceMs);
    } finally {
      for (const release of releases.reverse()) release();
    }
  }

  private async enter(gate: Gate, what: string): Promise<() => void> {
    try {
      return await gate.acquire(this.scope?.signal);
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
  ): Promise<T> {
    const session = this.driver.session({
      database: this.options.database,
      defaultAccessMode: mode === "READ" ? neo4j.session.READ : neo4j.session.WRITE,
    });
    const config = { timeout: timeoutMs, metadata: { app: "knowledge-graph-server", query: name } };
    const transaction = mode === "READ" ? session.executeRead(work, config) : session.executeWrite(work, config);
    // We may stop waiting before the driver settles: its late failure must not go unhandled.
    transaction.catch(() => undefined);
    const signal = this.scope?.signal;
    let timer: NodeJS.Timeout | undefined;
    let onAbort: (() => void) | undefined;
    let gaveUp = false;
    const givenUp = new Promise<never>((_resolve, reject) => {
      const giveUp = (reason: unknown) => {
        gaveUp = true;
        reject(reason);
      };
      timer = setTimeout(
        () => giveUp(new ServiceUnavailableError(undefined, `The graph database did not answer within ${answerWithinMs} ms; try again shortly.`)),
        answerWithinMs,
      );
      onAbort = () => giveUp(signal?.reason);
      signal?.addEventListener("abort", onAbort, { once: true });
    });
    try {
      return await Promise.race([transaction, givenUp]);
    } catch (error) {
      throw mapNeo4jError(error, timeoutMs);
    } finally {
      clearTimeout(timer);
      if (onAbort) signal?.removeEventListener("abort", onAbort);
      // Closing resets a connection whose query still runs, so Neo4j stops it. After giving up
      // on an answer the close goes on in the background: a hung server never acknowledges it.
      const closed = session.close().catch(() => undefined);
      if (!gaveUp) await closed;
    }
  }
}

