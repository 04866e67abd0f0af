/**
 * The floor of the scale benchmark, run as its own process: a bare `node:http` server that
 * answers each shape of shapes.ts by calling the project's services and repositories (so the
 * same Cypher, the same round trips, the same mapping of records) over the raw driver: no
 * GraphQL, no Express, no gates, no circuit breaker, no request deadline. Only Neo4j's own
 * transaction timeouts stay, as in the server, so a timeout means the same on both.
 *
 *   POST /  {"shape": "<name>", "variables": {...}}  →  {"data": ...} or {"errors": [...]}
 *   GET /ready  →  200 once Neo4j answers
 *
 * Configuration: the server's environment (NEO4J_URI ... ; loadConfig), PORT.
 */
import "reflect-metadata";
import http from "node:http";
import neo4j, { type Driver, type ManagedTransaction } from "neo4j-driver";
import { loadConfig, type AppConfig } from "../../src/config";
import { createRequestContext } from "../../src/context";
import { FailureLog } from "../../src/failure-log";
import { createDriver } from "../../src/graph/driver";
import { mapNeo4jError } from "../../src/graph/neo4j-errors";
import { QueryRunner, type ReadOptions } from "../../src/graph/query-runner";
import { createLogger } from "../../src/logger";
import { SHAPES } from "./shapes";

/** The project's QueryRunner with its gates, breaker and deadline taken out: a session per unit of work. */
class RawDriverRunner extends QueryRunner {
  constructor(
    private readonly raw: Driver,
    private readonly rawConfig: AppConfig["neo4j"],
  ) {
    super(raw, rawConfig);
  }

  override forRequest(): QueryRunner {
    return this;
  }

  override async read<T>(name: string, work: (tx: ManagedTransaction) => Promise<T>, options: ReadOptions = {}): Promise<T> {
    const timeout = options.timeoutMs ?? this.rawConfig.queryTimeoutMs;
    const session = this.raw.session({ database: this.rawConfig.database, defaultAccessMode: neo4j.session.READ });
    try {
      return await session.executeRead(work, { timeout, metadata: { app: "bench-floor", query: name } });
    } catch (error) {
      throw mapNeo4jError(error, timeout);
    } finally {
      await session.close();
    }
  }
}

async function main(): Promise<void> {
  const config = loadConfig();
  const driver = createDriver(config.neo4j, new FailureLog(createLogger("warn"), 10_000));
  const runner = new RawDriverRunner(driver, config.neo4j);
  const shapes = new Map(SHAPES.map((shape) => [shape.name, shape]));

  const server = http.createServer((request, response) => {
    const answer = (status: number, body: unknown) => {
      const text = JSON.stringify(body);
      response.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
      response.end(text);
    };
    if (request.method === "GET" && request.url === "/ready") {
      driver.executeQuery("RETURN 1", {}, { database: config.neo4j.database }).then(
        () => answer(200, { ready: true }),
        () => answer(503, { ready: false }),
      );
      return;
    }
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      let shapeName = "";
      let variables: Record<string, string> = {};
      try {
        ({ shape: shapeName, variables } = JSON.parse(Buffer.concat(chunks).toString("utf8")) as {
          shape: string;
          variables: Record<string, string>;
        });
      } catch {
        return answer(400, { errors: [{ message: "bad JSON", extensions: { code: "BAD_REQUEST" } }] });
      }
      const shape = shapes.get(shapeName);
      if (!shape) return answer(400, { errors: [{ message: `no shape ${shapeName}`, extensions: { code: "BAD_REQUEST" } }] });
      // A context per request, as the server makes one: fresh DataLoaders, so nothing is cached across requests.
      shape.floor(createRequestContext(runner, config), variables).then(
        (data) => answer(200, { data }),
        (error: unknown) => {
          const code = (error as { extensions?: { code?: string } }).extensions?.code ?? "INTERNAL_SERVER_ERROR";
          answer(200, { errors: [{ message: (error as Error).message, extensions: { code } }] });
        },
      );
    });
  });
  server.keepAliveTimeout = 60_000;
  server.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => {
    const address = server.address() as { port: number };
    console.log(`floor listening on http://127.0.0.1:${address.port}`);
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      server.close();
      void driver.close().finally(() => process.exit(0));
    });
  }
}

main().catch((error: unknown) => {
  console.error(`bench floor: ${(error as Error).message}`);
  process.exit(1);
});
