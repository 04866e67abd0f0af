/**
 * Runs units of work against Neo4j: a session per call, closed in `finally`; reads through
 * `executeRead` so a cluster can route them to followers; every transaction carries the
 * configured timeout and metadata naming the query (visible in Neo4j's query log and
 * `SHOW TRANSACTIONS`). Driver errors are mapped once, here.
 */
import neo4j, { type Driver, type ManagedTransaction } from "neo4j-driver";
import { mapNeo4jError } from "./neo4j-errors";

export interface QueryRunnerOptions {
  readonly database: string;
  readonly queryTimeoutMs: number;
}

export interface ReadOptions {
  /** Overrides the default transaction timeout for this unit of work. */
  readonly timeoutMs?: number;
}

export class QueryRunner {
  constructor(
    private readonly driver: Driver,
    private readonly options: QueryRunnerOptions,
  ) {}

  read<T>(name: string, work: (tx: ManagedTransaction) => Promise<T>, options: ReadOptions = {}): Promise<T> {
    return this.execute("READ", name, work, options.timeoutMs ?? this.options.queryTimeoutMs);
  }

  write<T>(name: string, work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    return this.execute("WRITE", name, work, this.options.queryTimeoutMs);
  }

  /** True when Neo4j answers a trivial query; for the readiness probe. */
  async ping(): Promise<boolean> {
    try {
      await this.read("ping", (tx) => tx.run("RETURN 1"));
      return true;
    } catch {
      return false;
    }
  }

  private async execute<T>(
    mode: "READ" | "WRITE",
    name: string,
    work: (tx: ManagedTransaction) => Promise<T>,
    timeoutMs: number,
  ) {
    const session = this.driver.session({
      database: this.options.database,
      defaultAccessMode: mode === "READ" ? neo4j.session.READ : neo4j.session.WRITE,
    });
    const config = { timeout: timeoutMs, metadata: { app: "knowledge-graph-server", query: name } };
    try {
      return mode === "READ" ? await session.executeRead(work, config) : await session.executeWrite(work, config);
    } catch (error) {
      throw mapNeo4jError(error, timeoutMs);
    } finally {
      await session.close();
    }
  }
}
