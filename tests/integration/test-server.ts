/**
 * A test server wired exactly as in production (same schema, services, repositories, query
 * runner) against the real Neo4j that `npm test` provisions. Nothing is mocked.
 */
import "reflect-metadata";
import type { AddressInfo } from "node:net";
import type { ApolloServer } from "@apollo/server";
import type { GraphQLSchema } from "graphql";
import neo4j, { type Driver, type ManagedTransaction } from "neo4j-driver";
import { loadConfig, type AppConfig } from "../../src/config";
import { createRepositories, createRequestContext, type RequestContext } from "../../src/context";
import { createDriver } from "../../src/graph/driver";
import { QueryRunner, type ReadOptions } from "../../src/graph/query-runner";
import { createApolloServer, createHttpApp, type HttpApp } from "../../src/http/app";
import { createLogger } from "../../src/logger";
import { createSchema } from "../../src/schema";

let schemaPromise: Promise<GraphQLSchema> | undefined;
export function sharedSchema(): Promise<GraphQLSchema> {
  return (schemaPromise ??= createSchema());
}

export function testConfig(env: NodeJS.ProcessEnv = {}): AppConfig {
  return loadConfig({ ...process.env, NODE_ENV: "test", LOG_LEVEL: "silent", ...env });
}

/** Counts the transactions each repository method runs, to prove batching. */
export class CountingQueryRunner extends QueryRunner {
  readonly calls: string[] = [];

  /** The timeout each read ran with, by query name. */
  readonly timeouts = new Map<string, number | undefined>();

  override read<T>(name: string, work: (tx: ManagedTransaction) => Promise<T>, options: ReadOptions = {}): Promise<T> {
    this.calls.push(name);
    this.timeouts.set(name, options.timeoutMs);
    return super.read(name, work, options);
  }
}

export interface TestServer {
  readonly apollo: ApolloServer<RequestContext>;
  readonly runner: CountingQueryRunner;
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
  const logger = createLogger("silent");
  const driver = createDriver(config.neo4j, logger);
  const runner = new CountingQueryRunner(driver, {
    database: config.neo4j.database,
    queryTimeoutMs: config.neo4j.queryTimeoutMs,
  });
  const repositories = createRepositories(runner, config.neo4j);
  const apollo = createApolloServer({ config, schema: await sharedSchema(), logger });
  await apollo.start();
  return {
    apollo,
    runner,
    driver,
    async execute(query, variables) {
      const response = await apollo.executeOperation(
        { query, variables },
        { contextValue: createRequestContext(repositories) },
      );
      if (response.body.kind !== "single") throw new Error("Expected a single result");
      return response.body.singleResult as GraphQLResult;
    },
    async close() {
      await apollo.stop();
      await driver.close();
    },
  };
}

/** A plain driver to the test database, for checks that bypass the API. */
export function rawDriver(config: AppConfig = testConfig()): Driver {
  return neo4j.driver(config.neo4j.uri, neo4j.auth.basic(config.neo4j.username, config.neo4j.password));
}

export interface HttpTestApp {
  readonly app: HttpApp;
  /** e.g. http://127.0.0.1:40123 */
  readonly base: string;
  close(): Promise<void>;
}

/** The whole HTTP app on a free loopback port, with its own driver. */
export async function startHttpTestApp(config: AppConfig = testConfig()): Promise<HttpTestApp> {
  const driver = createDriver(config.neo4j, createLogger("silent"));
  const runner = new QueryRunner(driver, { database: config.neo4j.database, queryTimeoutMs: config.neo4j.queryTimeoutMs });
  const app = await createHttpApp({
    config,
    schema: await sharedSchema(),
    runner,
    repositories: createRepositories(runner, config.neo4j),
    logger: createLogger("silent"),
  });
  await app.listen(0, "127.0.0.1");
  return {
    app,
    base: `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}`,
    close: async () => {
      await app.stop();
      await driver.close();
    },
  };
}
