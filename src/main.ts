/**
 * The server process: config → driver → schema → HTTP. Neo4j being down at start-up does not
 * stop the server: it answers SERVICE_UNAVAILABLE (and /ready 503) until Neo4j is back.
 */
import "reflect-metadata";
import type { Driver } from "neo4j-driver";
import { createApp } from "./app";
import { loadConfig, type AppConfig } from "./config";

export interface RunningServer {
  /** URL of the GraphQL endpoint. */
  readonly url: string;
  /** Stops accepting requests, drains those in flight, then closes the driver. */
  stop(): Promise<void>;
}

/**
 * Starts the server. `driver` lets a caller that already holds the process's driver (the
 * start script, which seeds first) hand it over, so there is one driver per process.
 */
export async function startServer(config: AppConfig = loadConfig(), driver?: Driver): Promise<RunningServer> {
  const app = await createApp({ config, driver });
  const { logger } = app;
  // The first connection to Neo4j is made while the port opens, not before (issue 9's cold start):
  // a request that comes first waits for a connection as it would for any other.
  const connected = app.driver.verifyConnectivity({ database: config.neo4j.database }).then(
    () => logger.info({ uri: config.neo4j.uri }, "connected to Neo4j"),
    (error: unknown) =>
      logger.warn({ uri: config.neo4j.uri, cause: (error as Error).message }, "Neo4j is not reachable yet; serving anyway"),
  );
  const url = await app.listen();
  await connected;
  logger.info({ url, environment: config.environment }, `GraphQL server ready at ${url}`);
  const sandbox = config.graphql.landingPage === "sandbox" ? "   (Apollo Sandbox in a browser)" : "";
  console.log(`\n  GraphQL:  ${url}${sandbox}`);
  const base = url.replace(/\/graphql$/, "");
  console.log(`  Explorer: ${base}/explorer   GraphiQL: ${base}/graphiql   Export: ${base}/graph.json`);
  console.log(`  Health:   ${base}/health   Ready: ${base}/ready\n`);
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      logger.info("shutting down");
      await app.stop();
    })());
  return { url, stop };
}

/**
 * For the process entry points (this file, scripts/start.ts): a promise rejection nobody handled
 * is a bug to log, not a reason to drop every request in flight, which is Node's default.
 */
export function logUnhandledRejections(): void {
  process.on("unhandledRejection", (reason) => {
    console.error(JSON.stringify({ level: 50, msg: "unhandled promise rejection", reason: String(reason) }));
  });
}

if (require.main === module) {
  logUnhandledRejections();
  startServer()
    .then((server) => {
      for (const signal of ["SIGINT", "SIGTERM"] as const) {
        process.once(signal, () => {
          server.stop().then(
            () => process.exit(0),
            () => process.exit(1),
          );
        });
      }
    })
    .catch((error: unknown) => {
      console.error(`server: ${(error as Error).message}`);
      process.exit(1);
    });
}
