/**
 * The one place the application is put together: config → driver → query runner → schema →
 * Apollo and HTTP. The server (`main.ts`), the tests and the benchmarks all call `createApp`, so
 * what they run is what production runs.
 */
import "reflect-metadata";
import type { Driver } from "neo4j-driver";
import type { Principal } from "./auth/principal";
import type { AppConfig } from "./config";
import { createRequestContext, type RequestContext } from "./context";
import { FailureLog } from "./failure-log";
import { createDriver } from "./graph/driver";
import { QueryRunner, type QueryRunnerOptions } from "./graph/query-runner";
import { createHttpApp, type HttpApp } from "./http/app";
import { createLogger, type Logger } from "./logger";
import { createSchema } from "./schema";

export interface AppOptions {
  readonly config: AppConfig;
  /** The process's driver, when the caller already holds one (the start script seeds first). */
  readonly driver?: Driver;
  readonly logger?: Logger;
  /** Sees each unit of work as it is asked for; tests count queries with it. */
  readonly onQuery?: QueryRunnerOptions["onQuery"];
}

export interface App {
  readonly config: AppConfig;
  readonly driver: Driver;
  readonly runner: QueryRunner;
  readonly http: HttpApp;
  readonly logger: Logger;
  /** A fresh per-request context, as the HTTP layer makes for each request (anonymous unless given a principal). */
  createContext(principal?: Principal | null): RequestContext;
  /** Listens (port 0 for any free port) and resolves with the GraphQL endpoint's URL. */
  listen(port?: number, host?: string): Promise<string>;
  /** Stops accepting requests, drains those in flight, then closes the driver. */
  stop(): Promise<void>;
}

let schemaPromise: ReturnType<typeof createSchema> | undefined;

export async function createApp(options: AppOptions): Promise<App> {
  const { config } = options;
  const logger = options.logger ?? createLogger(config.logLevel);
  const failures = new FailureLog(logger, config.http.failureLogIntervalMs);
  const driver = options.driver ?? createDriver(config.neo4j, failures);
  const runner = new QueryRunner(driver, { ...config.neo4j, onQuery: options.onQuery });
  // The schema is the same for every app of the process (tests build several apps).
  const schema = await (schemaPromise ??= createSchema());
  const http = await createHttpApp({ config, schema, runner, logger, failures });
  let stopping: Promise<void> | undefined;
  return {
    config,
    driver,
    runner,
    http,
    logger,
    createContext: (principal = null) => createRequestContext(runner, config, principal),
    listen: (port = config.http.port, host = config.http.host) => http.listen(port, host),
    stop: () =>
      (stopping ??= (async () => {
        await http.stop();
        await driver.close();
      })()),
  };
}
