/**
 * Issue 7's reproductions, each answered with a coded error in well under a second, and the
 * limits that stop them. Over HTTP (what an attacker sends) and through Apollo's pipeline.
 */
import { ErrorCode } from "../../src/common/errors";
import net from "node:net";
import { TcpProxy } from "./tcp-proxy";
import { createTestServer, startHttpTestApp, testConfig, type HttpTestApp, type TestServer } from "./test-server";

/** N(k): k nested levels of relations { counterparty { … id } }. */
const nested = (levels: number): string => (levels === 0 ? "id" : `relations { counterparty { ${nested(levels - 1)} } }`);

let http: HttpTestApp;
let server: TestServer;
beforeAll(async () => {
  [http, server] = await Promise.all([startHttpTestApp(), createTestServer()]);
});
afterAll(async () => {
  await Promise.all([http.close(), server.close()]);
});

async function post(body: unknown): Promise<{ status: number; body: any; ms: number }> {
  const started = Date.now();
  const response = await fetch(`${http.base}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json(), ms: Date.now() - started };
}

describe("defect 1: a negative page size cannot cancel the cost estimate", () => {
  it("refuses the whole operation before any Cypher runs", async () => {
    // Within the depth limit, so that only the cost estimate stands in the way.
    const query = `{ neg: relations(first: -1) { nodes { from { ${nested(4)} } } } deep: entity(id: "openai") { ${nested(4)} } }`;
    server.runner.calls.length = 0;
    const result = await server.execute(query);
    expect(result.errors?.map((error) => error.extensions?.code)).toEqual([ErrorCode.QUERY_TOO_COMPLEX]);
    expect(result.data).toBeUndefined();
    expect(server.runner.calls).toEqual([]);
    const overHttp = await post({ query });
    expect(overHttp.status).toBe(400);
    expect(overHttp.ms).toBeLessThan(1000);
  });

  it("fails closed: a null for a defaulted variable or a fragment fan-out cannot skip the estimate", async () => {
    const deep = `deep: entity(id: "openai") { ${nested(6)} }`;
    server.runner.calls.length = 0;
    const nullVariable = await server.execute(`query($id: ID = "openai") { bad: entity(id: $id) { id } ${deep} }`, { id: null });
    expect(nullVariable.errors?.[0].extensions?.code).toBe(ErrorCode.BAD_USER_INPUT);
    const fragments = [
      "fragment F1 on Entity { id }",
      ...[2, 3, 4, 5].map(
        (level) => `fragment F${level} on Entity { ${Array.from({ length: 11 }, () => `...F${level - 1}`).join(" ")} }`,
      ),
    ].join(" ");
    const fanOut = await server.execute(`{ a: entity(id: "openai") { ...F5 } ${deep} } ${fragments}`);
    expect(fanOut.errors?.[0].extensions?.code).toBe(ErrorCode.QUERY_TOO_COMPLEX);
    expect(server.runner.calls).toEqual([]);
  });

  it("refuses the issue's reproduction in under a second", async () => {
    const { status, body, ms } = await post({
      query: `{ neg: relations(first: -1) { nodes { from { ${nested(6)} } } } deep: entity(id: "openai") { ${nested(5)} } }`,
    });
    expect(status).toBe(400);
    expect(["QUERY_TOO_COMPLEX", "GRAPHQL_VALIDATION_FAILED"]).toContain(body.errors[0].extensions.code);
    expect(ms).toBeLessThan(1000);
  });

  it("a refused field stops the rest of the operation: its siblings run no query", async () => {
    // `later`'s nested level starts after its first query returns, by which time `bad` is refused.
    server.runner.calls.length = 0;
    const result = await server.execute(`{ later: entity(id: "openai") { ${nested(2)} } bad: entity(id: "Not An Id") { id } }`);
    const codes = (result.errors ?? []).map((error) => error.extensions?.code);
    expect(codes).toContain(ErrorCode.BAD_USER_INPUT);
    expect(new Set(codes)).toEqual(new Set([ErrorCode.BAD_USER_INPUT, ErrorCode.OPERATION_ABORTED]));
    expect(result.data?.later ?? null).toBeNull();
  });
});

describe("defect 2: aliases cannot take the Neo4j pool", () => {
  it("refuses 5,000 aliases at parse time, before any Cypher runs", async () => {
    const query = `{ ${Array.from({ length: 5000 }, (_, i) => `a${i}: timeline(limit: 1) { minDate }`).join(" ")} }`;
    const { status, body, ms } = await post({ query });
    expect(status).toBe(400);
    expect(body.errors[0].extensions.code).toBe("GRAPHQL_PARSE_FAILED");
    expect(body.errors[0].message).toContain("tokens");
    expect(ms).toBeLessThan(1000);
  });

  it("refuses more aliases than GRAPHQL_MAX_ALIASES, naming the setting", async () => {
    const query = `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: timeline(limit: 1) { minDate }`).join(" ")} }`;
    const { status, body } = await post({ query });
    expect(status).toBe(400);
    expect(body.errors[0].extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(body.errors[0].message).toContain("GRAPHQL_MAX_ALIASES");
  });

  it("runs the 30 aliases it allows, at most NEO4J_MAX_CONCURRENT_PER_REQUEST transactions at a time", async () => {
    const limited = await createTestServer(testConfig({ NEO4J_MAX_CONCURRENT_PER_REQUEST: "2" }));
    try {
      const query = `{ ${Array.from({ length: 30 }, (_, i) => `a${i}: timeline(limit: 1) { minDate }`).join(" ")} }`;
      const context = limited.app.createContext();
      const response = await limited.app.http.apollo.executeOperation({ query }, { contextValue: context });
      const result = response.body.kind === "single" ? response.body.singleResult : undefined;
      expect(result?.errors).toBeUndefined();
      expect(Object.keys(result?.data ?? {})).toHaveLength(30);
      expect(context.scope.slots.peakActiveCount).toBe(2);
    } finally {
      await limited.close();
    }
  });

  it("answers SERVER_BUSY at once when the traversal queue is full, and serves the rest", async () => {
    const busy = await createTestServer(testConfig({ NEO4J_MAX_CONCURRENT_TRAVERSALS: "1", NEO4J_MAX_QUEUED_TRAVERSALS: "0" }));
    try {
      const started = Date.now();
      const answers = await Promise.all(
        Array.from({ length: 12 }, async () => {
          const answer = await busy.execute(`{ neighbourhood(id: "openai", depth: 3) { nodes { id } } }`);
          return { code: answer.errors?.[0]?.extensions?.code ?? "OK", ms: Date.now() - started };
        }),
      );
      const codes = answers.map((answer) => answer.code);
      // Refused at once: no busy answer waited for the traversal that held the slot.
      const slowestBusy = Math.max(...answers.filter((answer) => answer.code !== "OK").map((answer) => answer.ms));
      const fastestOk = Math.min(...answers.filter((answer) => answer.code === "OK").map((answer) => answer.ms));
      expect(slowestBusy).toBeLessThanOrEqual(fastestOk);
      expect(codes).toContain("OK");
      expect(codes).toContain(ErrorCode.SERVER_BUSY);
      expect(new Set(codes)).toEqual(new Set(["OK", ErrorCode.SERVER_BUSY]));
    } finally {
      await busy.close();
    }
  });

  it("refuses nesting deeper than GRAPHQL_MAX_DEPTH", async () => {
    const { status, body } = await post({ query: `{ entity(id: "openai") { ${nested(8)} } }` });
    expect(status).toBe(400);
    expect(body.errors[0].message).toContain("GRAPHQL_MAX_DEPTH");
  });
});

describe("defect 6: an explicit null for an argument with a default means the default", () => {
  it.each([
    ['search(text: "open", first: $v) { score }', "search"],
    ['neighbourhood(id: "openai", depth: $v) { nodes { id } }', "neighbourhood"],
    ['neighbourhood(id: "openai", limit: $v) { nodes { id } }', "neighbourhood"],
    ['paths(from: "google", to: "stargate", maxHops: $v) { length }', "paths"],
    ["entities(first: $v) { totalCount }", "entities"],
    ["timeline(limit: $v) { minDate }", "timeline"],
  ])("%s with $v = null", async (field, name) => {
    const withNull = await server.execute(`query($v: Int) { ${field} }`, { v: null });
    const without = await server.execute(`query { ${field.replace(/, \w+: \$v|\(\w+: \$v\)/, "")} }`);
    expect(withNull.errors).toBeUndefined();
    expect(withNull.data?.[name]).toEqual(without.data?.[name]);
  });
});

describe("input graphql-js cannot coerce is refused before anything runs, naming the culprit", () => {
  it.each([
    [
      "60 invalid values in one variable (graphql-js stops at 50, uncoded)",
      `query($t: [RelationType!]) { relations(types: $t) { totalCount } }`,
      { t: Array(60).fill("x") },
      "t",
    ],
    [
      "null for a defaulted variable passed to a required argument",
      `query($id: ID = "openai") { entity(id: $id) { id } }`,
      { id: null },
      "id",
    ],
  ])("%s", async (_name, query, variables, argument) => {
    server.runner.calls.length = 0;
    const result = await server.execute(query, variables);
    expect(result.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argument });
    expect(server.runner.calls).toEqual([]);
    const { status } = await post({ query, variables });
    expect(status).toBe(400);
  });
});

describe("defect 7: an unknown mutation or subscription", () => {
  it.each(["mutation { x }", "subscription { x }"])("%s is a validation error, not a server bug", async (query) => {
    const { status, body } = await post({ query });
    expect(status).toBe(400);
    expect(body.errors[0].extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(body.errors[0].message).toMatch(/Cannot query field "x" on type "(Mutation|Subscription)"/);
  });
});

describe("defect 8: a variable nested 100,000 levels deep", () => {
  it("is BAD_USER_INPUT naming the variable", async () => {
    const deep = "[".repeat(100_000) + "]".repeat(100_000);
    const body = `{"query":"query($d: PartialDate){ relations(asOf: $d) { totalCount } }","variables":{"d":${deep}}}`;
    const answer = await post(body);
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "d" });
    expect(answer.ms).toBeLessThan(1000);
  });
});

describe("defect 10: no unbounded cost, and Node's slow-client timeouts are ours", () => {
  it("gives a number for the cost of the largest pages nested", async () => {
    const query = `{ entities(first: 2147483647) { nodes { relations { counterparty { events { participants { entity { ${nested(2)} } } } } } } } }`;
    const { status, body } = await post({ query });
    expect(status).toBe(400);
    expect(body.errors[0].extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX", cost: expect.any(Number) });
  });

  it("closes a connection whose headers do not arrive within HTTP_HEADERS_TIMEOUT_MS", async () => {
    const slow = await startHttpTestApp(testConfig({ HTTP_HEADERS_TIMEOUT_MS: "1000" }));
    try {
      const { port } = new URL(slow.base);
      const socket = net.connect(Number(port), "127.0.0.1");
      const started = Date.now();
      const answer = await new Promise<string>((resolve) => {
        let received = "";
        socket.on("data", (chunk) => (received += chunk.toString()));
        socket.on("close", () => resolve(received));
        socket.write("POST /graphql HTTP/1.1\r\nHost: x\r\n"); // and never the rest
      });
      expect(answer).toMatch(/^HTTP\/1\.1 408/);
      expect(Date.now() - started).toBeLessThan(3_000);
    } finally {
      await slow.close();
    }
  });
});

describe("defect 11: production settings", () => {
  let production: HttpTestApp;
  beforeAll(async () => {
    production = await startHttpTestApp(testConfig({ NODE_ENV: "production" }));
  });
  afterAll(() => production.close());

  const ask = async (query: string) =>
    (
      await fetch(`${production.base}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query }),
      })
    ).json() as Promise<any>;

  it("turns introspection and 'Did you mean' off, and serves no CDN landing page", async () => {
    expect((await ask("{ __schema { types { name } } }")).errors[0].extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
    const typo = await ask("{ entitie { totalCount } }");
    expect(typo.errors[0].message).not.toContain("Did you mean");
    const page = await fetch(`${production.base}/graphql`, { headers: { accept: "text/html" } });
    expect(await page.text()).not.toContain("apollographql.com");
    expect((await ask(`{ entity(id: "openai") { name } }`)).data.entity.name).toBe("OpenAI");
  });

  it("keeps them on outside production, where Sandbox needs them", async () => {
    const typo = await post({ query: "{ entitie { totalCount } }" });
    expect(typo.body.errors[0].message).toContain("Did you mean");
  });
});

describe("defects 3 and 4: a hung Neo4j", () => {
  const real = new URL(testConfig().neo4j.uri.replace(/^neo4j(\+s|\+ssc)?:/, "bolt:"));
  const proxy = new TcpProxy(real.hostname, Number(real.port || 7687));
  let frozen: HttpTestApp;
  beforeAll(async () => {
    await proxy.open();
    frozen = await startHttpTestApp(
      testConfig({
        NEO4J_URI: `bolt://127.0.0.1:${proxy.port}`,
        NEO4J_USERNAME: testConfig().neo4j.username,
        NEO4J_PASSWORD: testConfig().neo4j.password,
        NEO4J_QUERY_TIMEOUT_MS: "1000",
        NEO4J_RESPONSE_GRACE_MS: "500",
        NEO4J_CONNECTION_TIMEOUT_MS: "500",
        NEO4J_MAX_RETRY_TIME_MS: "0",
      }),
    );
  });
  afterAll(async () => {
    proxy.thaw();
    await frozen.close();
    await proxy.cut();
  });

  it("answers SERVICE_UNAVAILABLE within the configured timeouts, /ready 503 within a second, and recovers", async () => {
    const ask = async () => {
      const started = Date.now();
      const response = await fetch(`${frozen.base}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: `{ entity(id: "openai") { name } }` }),
      });
      return { body: (await response.json()) as any, ms: Date.now() - started };
    };
    expect((await ask()).body.data.entity.name).toBe("OpenAI");
    proxy.freeze();
    const hung = await ask();
    expect(hung.body.errors[0].extensions.code).toBe("SERVICE_UNAVAILABLE");
    expect(hung.ms).toBeLessThan(1000 + 500 + 1000);
    const started = Date.now();
    const ready = await fetch(`${frozen.base}/ready`);
    expect(ready.status).toBe(503);
    expect(Date.now() - started).toBeLessThan(1000);
    proxy.thaw();
    let back: any;
    for (let attempt = 0; attempt < 20; attempt++) {
      back = (await ask()).body;
      if (back.data?.entity) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(back.data.entity.name).toBe("OpenAI");
  });
});
