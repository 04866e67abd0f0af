/**
 * graphql-jit answers what graphql-js answers (src/http/compiled-execution.ts). With
 * GRAPHQL_COMPILE_AFTER_RUNS=1, as in production, an operation's first run is interpreted by
 * graphql-js and its second is compiled: each operation below runs twice against the seeded graph
 * and both answers must be the same, byte for byte, errors included.
 */
import fs from "node:fs";
import { parse } from "graphql";
import path from "node:path";
import { defaultProjectRoot } from "../../src/config";
import { EXAMPLE_OPERATIONS } from "../../src/http/examples";
import { hasCustomScalarLiterals } from "../../src/http/compiled-execution";
import { createTestServer, sharedSchema, testConfig, type TestServer } from "./test-server";

const readme = fs.readFileSync(path.join(defaultProjectRoot(), "README.md"), "utf8");
const readmeExamples = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1]);

const operations: Array<[string, string, Record<string, unknown>]> = [
  ...EXAMPLE_OPERATIONS.map((example): [string, string, Record<string, unknown>] => [
    example.title,
    example.query,
    example.variables,
  ]),
  ...readmeExamples.map((query, index): [string, string, Record<string, unknown>] => [`README example ${index + 1}`, query, {}]),
  // Errors: a resolver's coded error, a refused argument, a bad variable, a null in a list of facts.
  ["NOT_FOUND from resolvers", `{ entity(id: "nobody") { id } relation(id: "nobody") { id } }`, {}],
  ["BAD_USER_INPUT from an argument", `{ entity(id: "openai") { relations(asOf: "2025-13") { direction } } }`, {}],
  ["BAD_USER_INPUT from a variable", `query($first: Int!) { entities(first: $first) { nodes { id } } }`, { first: "many" }],
  [
    "fragments, @include and @skip",
    `query($with: Boolean!) { entity(id: "openai") { ...names relationsConnection(first: 3) @include(if: $with) { totalCount } } } fragment names on Entity { id name @skip(if: $with) }`,
    { with: true },
  ],
  ["introspection", `{ __schema { queryType { name } } __type(name: "Entity") { fields { name } } }`, {}],
];

let server: TestServer;
beforeAll(async () => {
  server = await createTestServer(testConfig({ GRAPHQL_COMPILE_AFTER_RUNS: "1" }));
});
afterAll(() => server.close());

it.each(operations)("%s: the compiled run answers what graphql-js answered", async (_title, query, variables) => {
  const interpreted = await server.execute(query, variables);
  const compiledRun = await server.execute(query, variables);
  expect(JSON.stringify(compiledRun)).toBe(JSON.stringify(interpreted));
  expect(interpreted.data ?? interpreted.errors).toBeTruthy();
});

it("compiled every operation above that takes its custom scalars as variables (their second runs were graphql-jit's)", async () => {
  const schema = await sharedSchema();
  const compilable = new Set(
    operations
      .filter(([title, query]) => !title.includes("from a variable") && !hasCustomScalarLiterals(schema, parse(query)))
      .map(([, query]) => query),
  );
  expect(compilable.size).toBeGreaterThanOrEqual(5);
  expect(server.app.http.execution.compiledOperations).toBe(compilable.size);
});
