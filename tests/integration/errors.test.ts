/** Bad input gives a coded error naming the argument; never a stack trace. */
import { createTestServer, type TestServer } from "./test-server";

let server: TestServer;
beforeAll(async () => {
  server = await createTestServer();
});
afterAll(() => server.close());

async function expectError(query: string, code: string, argument?: string, variables?: Record<string, unknown>) {
  const result = await server.execute(query, variables);
  expect(result.errors).toHaveLength(1);
  const [error] = result.errors!;
  expect(error.extensions?.code).toBe(code);
  if (argument) expect(error.extensions?.argument).toBe(argument);
  expect(error.extensions).not.toHaveProperty("stacktrace");
  return error;
}

describe("BAD_USER_INPUT", () => {
  it.each([
    ["2024-13", "month 13 does not exist"],
    ["2023-02-30", "2023-02 has no day 30"],
    ["July 2019", "expected YYYY, YYYY-MM or YYYY-MM-DD"],
  ])("names asOf for a malformed date %j, as a literal or a variable", async (value, reason) => {
    const literal = await expectError(`{ relations(asOf: "${value}") { totalCount } }`, "BAD_USER_INPUT", "asOf");
    expect(literal.message).toContain(reason);
    await expectError(`query($d: PartialDate) { relations(asOf: $d) { totalCount } }`, "BAD_USER_INPUT", "asOf", { d: value });
    await expectError(`{ entity(id: "openai") { relations(asOf: "${value}") { direction } } }`, "BAD_USER_INPUT", "asOf");
  });

  it.each([0, -1, 101, 1000])("names first for page size %d", async (first) => {
    const error = await expectError(`{ entities(first: ${first}) { totalCount } }`, "BAD_USER_INPUT", "first");
    expect(error.message).toContain("from 1 to 100");
    await expectError(`{ relations(first: ${first}) { totalCount } }`, "BAD_USER_INPUT", "first");
  });

  it.each(['"Open AI"', '"OPENAI"', '"a--b"', '""', `"${"x".repeat(200)}"`])("names id for a malformed id %s", async (id) => {
    await expectError(`{ entity(id: ${id}) { id } }`, "BAD_USER_INPUT", "id");
    await expectError(`{ relations(from: ${id}) { totalCount } }`, "BAD_USER_INPUT", "from");
  });

  it("names after for a cursor that is not one of ours", async () => {
    await expectError(`{ entities(after: "not-a-cursor") { totalCount } }`, "BAD_USER_INPUT", "after");
    const entityCursor = (await server.execute(`{ entities(first: 1) { pageInfo { endCursor } } }`)).data!.entities.pageInfo
      .endCursor;
    await expectError(`{ relations(after: "${entityCursor}") { totalCount } }`, "BAD_USER_INPUT", "after");
    // Right kind, forged key: refused before it reaches Cypher.
    const forged = Buffer.from(JSON.stringify({ k: "relation", v: ["x", 1] })).toString("base64url");
    await expectError(`{ relations(after: "${forged}") { totalCount } }`, "BAD_USER_INPUT", "after");
    const empty = Buffer.from(JSON.stringify({ k: "entity", v: [] })).toString("base64url");
    await expectError(`{ entities(after: "${empty}") { totalCount } }`, "BAD_USER_INPUT", "after");
  });
});

describe("NOT_FOUND", () => {
  it("names the argument and the id when a filter names an unknown entity", async () => {
    const error = await expectError(`{ relations(to: "nobody") { totalCount } }`, "NOT_FOUND", "to");
    expect(error.extensions?.id).toBe("nobody");
    await expectError(`{ events(participant: "nobody") { id } }`, "NOT_FOUND", "participant");
  });

  it("is not an error for the nullable lookups", async () => {
    const result = await server.execute(
      `{ entity(id: "nobody") { id } relation(id: "nobody") { id } event(id: "nobody") { id } }`,
    );
    expect(result).toEqual({ data: { entity: null, relation: null, event: null } });
  });
});

describe("QUERY_TOO_COMPLEX", () => {
  const nested = (depth: number, page = ""): string =>
    depth === 0 ? "relation { type }" : `counterparty { id relations${page} { ${nested(depth - 1, page)} } }`;

  it("refuses four levels of nested relations before running anything, with the cost and the limit", async () => {
    server.runner.calls.length = 0;
    const error = await expectError(`{ entity(id: "openai") { relations { ${nested(3)} } } }`, "QUERY_TOO_COMPLEX");
    expect(error.extensions?.cost).toBeGreaterThan(error.extensions?.maximumCost);
    expect(error.message).toMatch(/fewer levels of nested `relations`/);
    expect(server.runner.calls).toEqual([]);
  });

  it("counts aliases, so repeating a field under many names does not slip through", async () => {
    const aliases = Array.from(
      { length: 25 },
      (_, i) => `a${i}: entities(first: 100) { nodes { relations { relation { type } } } }`,
    );
    await expectError(`{ ${aliases.join(" ")} }`, "QUERY_TOO_COMPLEX");
  });

  it("lets through the whole graph with its relations, and three levels from one entity", async () => {
    const whole = await server.execute(
      `{ entities(first: 100) { nodes { id relations { counterparty { id } relation { type } } events { id } } } }`,
    );
    expect(whole.errors).toBeUndefined();
    // The estimate uses the page sizes asked: three levels of 20 pass, three of the default 50
    // (125,000 relations on a graph with hubs) do not.
    const threeLevels = await server.execute(`{ entity(id: "openai") { relations(first: 20) { ${nested(2, "(first: 20)")} } } }`);
    expect(threeLevels.errors).toBeUndefined();
    const threeDefaultPages = await server.execute(`{ entity(id: "openai") { relations { ${nested(2)} } } }`);
    expect(threeDefaultPages.errors?.[0].extensions?.code).toBe("QUERY_TOO_COMPLEX");
  });

  it("estimates one document again for other variables (estimates are remembered per document and variables)", async () => {
    const query = `query Levels($first: Int!) { entity(id: "openai") { relations(first: $first) { ${nested(2, "(first: $first)")} } } }`;
    const small = await server.execute(query, { first: 20 });
    expect(small.errors).toBeUndefined();
    const large = await server.execute(query, { first: 50 });
    expect(large.errors?.[0].extensions?.code).toBe("QUERY_TOO_COMPLEX");
    expect((await server.execute(query, { first: 20 })).errors).toBeUndefined();
    expect((await server.execute(query, { first: 50 })).errors?.[0].extensions?.code).toBe("QUERY_TOO_COMPLEX");
  });
});

describe("GraphQL-level mistakes", () => {
  it("are GRAPHQL_VALIDATION_FAILED with graphql-js's message", async () => {
    await expectError(`{ relations(types: [OWNS]) { totalCount } }`, "GRAPHQL_VALIDATION_FAILED");
    await expectError(`{ entity { id } }`, "GRAPHQL_VALIDATION_FAILED");
  });
});
