/** The server over real HTTP on a free port: GraphQL, Sandbox, health and readiness. */
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { createApp, type App } from "../../src/app";
import { createLogger } from "../../src/logger";
import { startHttpTestApp, testConfig, type HttpTestApp } from "./test-server";

let server: HttpTestApp;
let app: App;
let base: string;
const config = testConfig({ NODE_ENV: "development" });

beforeAll(async () => {
  server = await startHttpTestApp(config);
  app = server.app;
  base = server.base;
});
afterAll(async () => {
  await server.close();
});

const post = (body: unknown): Promise<Response> =>
  fetch(`${base}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

describe("HTTP", () => {
  it("answers GraphQL over POST /graphql", async () => {
    const response = await post({
      query: `{ entity(id: "windsurf") { name relations { relation { type } counterparty { id } } } }`,
    });
    expect(response.status).toBe(200);
    const body: any = await response.json();
    expect(body.data.entity.name).toBe("Windsurf");
    expect(body.data.entity.relations.map((r: any) => r.counterparty.id).sort()).toEqual(["microsoft", "openai"]);
  });

  it("answers errors with codes and no stack trace, even in development", async () => {
    const body: any = await (await post({ query: `{ relations(asOf: "2024-13") { totalCount } }` })).json();
    expect(body.errors[0].extensions).toEqual({ code: "BAD_USER_INPUT", argument: "asOf" });
    const syntax = await post({ query: `{ entity(id: "openai") { name ` });
    expect(syntax.status).toBe(400);
    expect(((await syntax.json()) as any).errors[0].extensions).toEqual({ code: "GRAPHQL_PARSE_FAILED" });
  });

  it("answers a document whose operation cannot be told with OPERATION_RESOLUTION_FAILURE, 400, before and after its named operation is compiled", async () => {
    // GraphiQL once sent the previous tab's operationName: the server answered INTERNAL_SERVER_ERROR.
    const document = 'query Windsurf { entity(id: "windsurf") { name } } query Summary { summary { entities } }';
    // Twice: the named operation's second run is compiled by graphql-jit (src/http/compiled-execution.ts).
    for (let run = 0; run < 2; run++) {
      const unknown = await post({ query: document, operationName: "OpenAINeighbourhood" });
      expect(unknown.status).toBe(400);
      expect(((await unknown.json()) as any).errors).toEqual([
        {
          message: 'Unknown operation named "OpenAINeighbourhood"; this document has "Windsurf", "Summary".',
          extensions: { code: "OPERATION_RESOLUTION_FAILURE" },
        },
      ]);
      const unnamed = await post({ query: document });
      expect(unnamed.status).toBe(400);
      expect(((await unnamed.json()) as any).errors[0]).toEqual({
        message: 'Must provide operation name if query contains multiple operations (this document has "Windsurf", "Summary").',
        extensions: { code: "OPERATION_RESOLUTION_FAILURE" },
      });
      const named = (await (await post({ query: document, operationName: "Windsurf" })).json()) as any;
      expect(named).toEqual({ data: { entity: { name: "Windsurf" } } });
    }
  });

  it("answers a malformed or oversized JSON body with BAD_REQUEST as JSON, not an HTML stack trace", async () => {
    const malformed = await fetch(`${base}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"query": "{ entity(id: \\"openai\\") { name } }"',
    });
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get("content-type")).toMatch(/application\/json/);
    const body: any = await malformed.json();
    expect(body.errors[0].extensions).toEqual({ code: "BAD_REQUEST" });
    expect(JSON.stringify(body)).not.toMatch(/at .*\.js:\d+/);
    const oversized = await post({ query: `{ entity(id: "openai") { name } }`, padding: "x".repeat(2 * 1024 * 1024) });
    expect(oversized.status).toBe(413);
    expect(((await oversized.json()) as any).errors[0].extensions).toEqual({ code: "BAD_REQUEST" });
  });

  it("answers the other shapes of HTTP request as Express did (/graphql is served without it)", async () => {
    const query = JSON.stringify({ query: "{ __typename }" });
    const asJson = { "content-type": "application/json" };
    const latin1 = await fetch(`${base}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json; charset=latin1" },
      body: query,
    });
    expect(latin1.status).toBe(415);
    expect(await latin1.json()).toEqual({
      errors: [{ message: 'Bad request: unsupported charset "LATIN1"', extensions: { code: "BAD_REQUEST" } }],
    });
    const gzipped = await fetch(`${base}/graphql`, {
      method: "POST",
      headers: { ...asJson, "content-encoding": "gzip" },
      body: gzipSync(query),
    });
    expect(await gzipped.json()).toEqual({ data: { __typename: "Query" } });
    const get = await fetch(`${base}/graphql/?query=${encodeURIComponent("{ __typename }")}`, {
      headers: { "apollo-require-preflight": "1" },
    });
    expect(await get.json()).toEqual({ data: { __typename: "Query" } });
    const put = await fetch(`${base}/graphql`, { method: "PUT", headers: asJson, body: query });
    expect(put.status).toBe(405);
    const empty = await fetch(`${base}/graphql`, { method: "POST", headers: asJson, body: "" });
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as any).errors[0].extensions).toEqual({ code: "BAD_REQUEST" });
    const page = await fetch(`${base}/graphql`, { headers: { accept: "text/html" } });
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    // Other paths are still Express's, with its JSON 404.
    expect((await fetch(`${base}/graphql/more`)).status).toBe(404);
  });

  it("serves Apollo Sandbox as the landing page in development", async () => {
    const response = await fetch(`${base}/graphql`, { headers: { accept: "text/html" } });
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/sandbox/i);
    // Sandbox opens on the first example operation, with its variables.
    const html = await (await fetch(`${base}/graphql`, { headers: { accept: "text/html" } })).text();
    expect(html).toContain("EntityRelations");
  });

  it("serves a home page at / (in production too), and every example operation it offers runs without error", async () => {
    const root = await fetch(`${base}/`);
    expect(root.status).toBe(200);
    expect(root.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await root.text()).toContain('href="/explorer"');
    const examples = (await (await fetch(`${base}/home/examples.json`)).json()) as any[];
    expect(examples.length).toBeGreaterThanOrEqual(5);
    for (const example of examples) {
      const body: any = await (await post({ query: example.query, variables: example.variables })).json();
      expect([example.title, body.errors]).toEqual([example.title, undefined]);
    }
    const summary: any = await (await post({ query: "{ summary { entities relations entitiesByKind { kind count } } }" })).json();
    const byKind = summary.data.summary.entitiesByKind.reduce((sum: number, row: any) => sum + row.count, 0);
    expect(byKind).toBe(summary.data.summary.entities);
    expect(summary.data.summary.relations).toBeGreaterThan(50);
  });

  it("reports liveness and readiness", async () => {
    expect(await (await fetch(`${base}/health`)).json()).toEqual({ status: "ok" });
    const ready = await fetch(`${base}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready", neo4j: "up" });
  });
});

describe("listening", () => {
  it("says plainly when the port is taken", async () => {
    const port = (app.http.httpServer.address() as AddressInfo).port;
    const second = await createApp({ config, logger: createLogger("silent") });
    try {
      await expect(second.listen(port, "127.0.0.1")).rejects.toThrow(
        `Port ${port} is already in use (is the server already running?); set PORT to another port.`,
      );
    } finally {
      await second.stop();
    }
  });
});

describe("CORS", () => {
  const preflight = (origin: string) =>
    fetch(`${base}/graphql`, {
      method: "OPTIONS",
      headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "content-type" },
    });

  it("admits Apollo Studio and localhost pages by default, preflight included, on /graphql and /graph.json", async () => {
    for (const origin of ["https://studio.apollographql.com", "http://localhost:5173", "http://127.0.0.1:8888"]) {
      const response = await preflight(origin);
      expect([origin, response.status]).toEqual([origin, 204]);
      expect(response.headers.get("access-control-allow-origin")).toBe(origin);
      expect(response.headers.get("access-control-allow-headers")).toContain("content-type");
    }
    const graph = await fetch(`${base}/graph.json?id=openai`, { headers: { origin: "http://localhost:5173" } });
    expect(graph.status).toBe(200);
    expect(graph.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
  });

  it("gives other origins no CORS headers, and keeps CSRF protection for allowed ones", async () => {
    const foreign = await preflight("https://evil.example");
    expect(foreign.headers.get("access-control-allow-origin")).toBeNull();
    const lookalike = await preflight("http://localhost.evil.example");
    expect(lookalike.headers.get("access-control-allow-origin")).toBeNull();
    // A "simple" request (what a cross-site form can send) is still refused, whatever its origin.
    const simple = await fetch(`${base}/graphql?query=${encodeURIComponent('{ entity(id: "openai") { id } }')}`, {
      headers: { origin: "http://localhost:5173" },
    });
    expect(simple.status).toBe(400);
    expect(await simple.text()).toMatch(/CSRF|preflight/i);
  });
});
