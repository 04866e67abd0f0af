/**
 * Test servers built by `createApp`, exactly as in production (same schema, services,
 * repositories, query runner, limits) against the real Neo4j that `npm test` provisions.
 * Nothing is mocked.
 */
import "reflect-metadata";
import type { AddressInfo } from "node:net";
import type { GraphQLSchema } from "graphql";
import neo4j, { type Driver } from "neo4j-driver";
import { createApp, type App } from "../../src/app";
import { loadConfig, type AppConfig } from "../../src/config";
import { createLogger } from "../../src/logger";
import { createSchema } from "../../src/schema";

let schemaPromise: Promise<GraphQLSchema> | undefined;
export function sharedSchema(): Promise<GraphQLSchema> {
  return (schemaPromise ??= createSchema());
}

export function testConfig(env: NodeJS.ProcessEnv = {}): AppConfig {
  return loadConfig({ ...process.env, NODE_ENV: "test", LOG_LEVEL: "silent", ...env });
}

/** The units of work each request asked for, to prove batching and that refusals run no Cypher. */
export class QueryLog {
  readonly calls: string[] = [];
  /** The timeout each read asked for, by query name. */
  readonly timeouts = new Map<string, number | undefined>();
}

export interface TestServer {
  readonly app: App;
  readonly runner: QueryLog;
  readonly driver: Driver;
  /** Runs one operation through Apollo's full request pipeline; returns the single result. */
  execute(query: string, variables?: Record<string, unknown>): Promise<GraphQLResult>;
  close(): Promise<void>;
}

export interface GraphQLResult {
  data?: Record<string, any> | null;
  errors?: Array<{ message: string; path?: unknown; extensions?: Record<string, any> }>;
}

export async function createTestServer(config: AppConfig = testConfig()): Promise<TestServer> {
  const log = new QueryLog();
  const app = await createApp({
    config,
    logger: createLogger("silent"),
    onQuery: (name, options) => {
      log.calls.push(name);
      log.timeouts.set(name, options.timeoutMs);
    },
  });
  return {
    app,
    runner: log,
    driver: app.driver,
    async execute(query, variables) {
      const response = await app.http.apollo.executeOperation({ query, variables }, { contextValue: app.createContext() });
      if (response.body.kind !== "single") throw new Error("Expected a single result");
      return response.body.singleResult as GraphQLResult;
    },
    close: () => app.stop(),
  };
}

/** A plain driver to the test database, for checks that bypass the API. */
export function rawDriver(config: AppConfig = testConfig()): Driver {
  return neo4j.driver(config.neo4j.uri, neo4j.auth.basic(config.neo4j.username, config.neo4j.password));
}

export interface HttpTestApp {
  readonly app: App;
  /** e.g. http://127.0.0.1:40123 */
  readonly base: string;
  close(): Promise<void>;
}

/** The whole HTTP app on a free loopback port, with its own driver. */
export async function startHttpTestApp(config: AppConfig = testConfig(), logger = createLogger("silent")): Promise<HttpTestApp> {
  const app = await createApp({ config, logger });
  await app.listen(0, "127.0.0.1");
  return {
    app,
    base: `http://127.0.0.1:${(app.http.httpServer.address() as AddressInfo).port}`,
    close: () => app.stop(),
  };
}
