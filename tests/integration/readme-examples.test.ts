/** The README's example operations work as written: each ```graphql block runs without errors. */
import fs from "node:fs";
import path from "node:path";
import { defaultProjectRoot } from "../../src/config";
import { createTestServer, type TestServer } from "./test-server";

const readme = fs.readFileSync(path.join(defaultProjectRoot(), "README.md"), "utf8");
const examples = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1]);

let server: TestServer;
beforeAll(async () => {
  server = await createTestServer();
});
afterAll(() => server.close());

it("has examples", () => {
  expect(examples.length).toBeGreaterThanOrEqual(5);
});

it.each(examples.map((query, index) => [index + 1, query]))(
  "example %d runs without errors and returns data",
  async (_n, query) => {
    const result = await server.execute(query as string);
    expect(result.errors).toBeUndefined();
    const values = Object.values(result.data ?? {});
    expect(values.length).toBeGreaterThan(0);
    for (const value of values) expect(value).not.toBeNull();
  },
);
