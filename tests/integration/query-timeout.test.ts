/**
 * The transaction timeout reaches Neo4j: a read that runs longer than the timeout it is given is
 * stopped by the server and surfaces as QUERY_TIMEOUT (the traversal timeout of neighbourhood and
 * paths is this per-read override; explore.test.ts checks they pass it).
 */
import { ErrorCode } from "../../src/common/errors";
import { FailureLog } from "../../src/failure-log";
import { createDriver } from "../../src/graph/driver";
import { QueryRunner } from "../../src/graph/query-runner";
import { createLogger } from "../../src/logger";
import { testConfig } from "./test-server";

const config = testConfig();
const driver = createDriver(config.neo4j, new FailureLog(createLogger("silent"), 1000));
afterAll(() => driver.close());

// Seconds of work on any machine; Neo4j checks the timeout while it runs.
const SLOW = "UNWIND range(1, 500000000) AS n WITH n WHERE n % 7 = 3 RETURN count(n) AS c";

it("a read past its timeout is stopped by Neo4j and answers QUERY_TIMEOUT naming the limit", async () => {
  const runner = new QueryRunner(driver, { ...config.neo4j, queryTimeoutMs: 60_000 });
  const failure = await runner
    .read("slow", (tx) => tx.run(SLOW), { timeoutMs: 200 })
    .then(
      () => null,
      (error: unknown) => error as { message: string; extensions?: Record<string, unknown> },
    );
  expect(failure?.extensions?.code).toBe(ErrorCode.QUERY_TIMEOUT);
  expect(failure?.message).toContain("200 ms");
});
