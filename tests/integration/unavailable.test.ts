/**
 * Neo4j going away: requests get SERVICE_UNAVAILABLE quickly, /ready says 503, the server stays
 * up, and it serves again as soon as Neo4j is back. The outage is a TCP proxy cut in front of
 * the real database.
 */
import pino from "pino";
import { TcpProxy } from "./tcp-proxy";
import { startHttpTestApp, testConfig, type HttpTestApp } from "./test-server";

const realConfig = testConfig();
const real = new URL(realConfig.neo4j.uri.replace(/^neo4j(\+s|\+ssc)?:/, "bolt:"));
const proxy = new TcpProxy(real.hostname, Number(real.port || 7687));
let server: HttpTestApp | undefined;
let base: string;
/** What the server logged, one JSON line each. */
const logLines: string[] = [];

beforeAll(async () => {
  await proxy.open();
  // Direct bolt:// through the proxy: a neo4j:// routing driver would learn the real address.
  const config = testConfig({
    NEO4J_URI: `bolt://127.0.0.1:${proxy.port}`,
    NEO4J_USERNAME: realConfig.neo4j.username,
    NEO4J_PASSWORD: realConfig.neo4j.password,
    NEO4J_CONNECTION_TIMEOUT_MS: "1000",
    NEO4J_MAX_RETRY_TIME_MS: "0",
  });
  server = await startHttpTestApp(config, pino({ level: "warn" }, { write: (line: string) => logLines.push(line) }));
  base = server.base;
});
afterAll(async () => {
  await server?.close();
  await proxy.cut();
});

const ask = async (): Promise<any> =>
  (
    await fetch(`${base}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `{ entity(id: "openai") { name } }` }),
    })
  ).json();

it("answers SERVICE_UNAVAILABLE while Neo4j is down and recovers when it is back", async () => {
  expect((await ask()).data.entity.name).toBe("OpenAI");

  await proxy.cut();
  const started = Date.now();
  const down = await ask();
  expect(down.errors[0].extensions).toEqual({ code: "SERVICE_UNAVAILABLE" });
  expect(down.errors[0].message).not.toMatch(/bolt|127\.0\.0\.1|Neo4jError/);
  expect(Date.now() - started).toBeLessThan(15000);
  // An outage is not a log flood: 40 more failures add no line (they are counted for the interval).
  const linesAfterFirst = logLines.length;
  const more = await Promise.all(Array.from({ length: 40 }, ask));
  expect(more.every((answer) => answer.errors[0].extensions.code === "SERVICE_UNAVAILABLE")).toBe(true);
  expect(logLines.length).toBe(linesAfterFirst);
  expect(logLines.join("")).not.toMatch(/"stack"/);
  const notReady = await fetch(`${base}/ready`);
  expect(notReady.status).toBe(503);
  expect((await fetch(`${base}/health`)).status).toBe(200);

  await proxy.open();
  let recovered: any;
  for (let attempt = 0; attempt < 20; attempt += 1) {
    recovered = await ask();
    if (recovered.data?.entity) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  expect(recovered.data.entity.name).toBe("OpenAI");
  expect((await fetch(`${base}/ready`)).status).toBe(200);
});

it("starts while Neo4j is unreachable, answers SERVICE_UNAVAILABLE and /ready 503, and stays up", async () => {
  // A port nothing listens on: the proxy's, cut.
  const closed = new TcpProxy(real.hostname, Number(real.port || 7687));
  await closed.open();
  const port = closed.port;
  await closed.cut();
  const { startServer } = await import("../../src/main");
  const config = testConfig({
    NEO4J_URI: `bolt://127.0.0.1:${port}`,
    NEO4J_PASSWORD: "irrelevant",
    NEO4J_CONNECTION_TIMEOUT_MS: "500",
    NEO4J_MAX_RETRY_TIME_MS: "0",
    PORT: "0",
    HOST: "127.0.0.1",
  });
  const log = jest.spyOn(console, "log").mockImplementation(() => undefined);
  const server = await startServer(config);
  log.mockRestore();
  try {
    const response: any = await (
      await fetch(server.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: `{ entity(id: "openai") { name } }` }),
      })
    ).json();
    expect(response.errors[0].extensions).toEqual({ code: "SERVICE_UNAVAILABLE" });
    expect((await fetch(server.url.replace(/\/graphql$/, "/ready"))).status).toBe(503);
    expect((await fetch(server.url.replace(/\/graphql$/, "/health"))).status).toBe(200);
  } finally {
    await server.stop();
  }
});
