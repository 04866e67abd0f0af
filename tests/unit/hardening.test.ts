/** The pure pieces of the hardening: gates, the failure log, error mapping, limits. */
import { Neo4jError } from "neo4j-driver";
import { ErrorCode } from "../../src/common/errors";
import { pageComplexity, sized } from "../../src/common/complexity";
import { describeValue } from "../../src/common/validation";
import { FailureLog } from "../../src/failure-log";
import { Gate, GateFullError } from "../../src/graph/gate";
import { mapNeo4jError } from "../../src/graph/neo4j-errors";
import { RequestScope } from "../../src/graph/request-scope";
import { deepestVariable } from "../../src/http/operation-limits";
import type { Logger } from "../../src/logger";

describe("Gate", () => {
  it("lets maxActive in, queues up to maxQueued, refuses the rest at once, and hands slots on in order", async () => {
    const gate = new Gate(1, 1);
    const first = await gate.acquire();
    const order: string[] = [];
    const second = gate.acquire().then((release) => {
      order.push("second");
      return release;
    });
    await expect(gate.acquire()).rejects.toBeInstanceOf(GateFullError);
    expect(gate.queuedCount).toBe(1);
    first();
    first(); // a second release is a no-op
    (await second)();
    expect(order).toEqual(["second"]);
    expect(gate.activeCount).toBe(0);
  });

  it("drops a waiter whose request aborts, with the request's reason", async () => {
    const gate = new Gate(1, 5);
    const held = await gate.acquire();
    const scope = new RequestScope(10_000, 2);
    const waiting = gate.acquire(scope);
    scope.refuse();
    await expect(waiting).rejects.toMatchObject({ extensions: { code: ErrorCode.OPERATION_ABORTED } });
    expect(gate.queuedCount).toBe(0);
    await expect(gate.acquire(scope)).rejects.toMatchObject({ extensions: { code: ErrorCode.OPERATION_ABORTED } });
    held();
    expect(gate.activeCount).toBe(0);
  });

  it("hands out a free slot at once with tryAcquire, and none when all are held", () => {
    const gate = new Gate(2, 5);
    const first = gate.tryAcquire();
    const second = gate.tryAcquire();
    expect(first && second).toBeDefined();
    expect(gate.tryAcquire()).toBeUndefined();
    first?.();
    expect(gate.activeCount).toBe(1);
    second?.();
    expect(gate.activeCount).toBe(0);
    expect(gate.peakActiveCount).toBe(2);
  });
});

describe("RequestScope", () => {
  it("aborts with QUERY_TIMEOUT at its deadline and with OPERATION_ABORTED when refused", async () => {
    const timed = new RequestScope(20, 2);
    const heard: unknown[] = [];
    timed.onAbort((reason) => heard.push(reason));
    const stopped = timed.onAbort((reason) => heard.push(reason));
    stopped();
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(timed.abortReason).toMatchObject({ extensions: { code: ErrorCode.QUERY_TIMEOUT } });
    expect(heard).toEqual([timed.abortReason]);
    expect(() => timed.throwIfAborted()).toThrow(timed.abortReason);
    const refused = new RequestScope(10_000, 2);
    expect(refused.abortReason).toBeUndefined();
    refused.refuse();
    refused.refuse(); // the first reason stays
    expect(refused.abortReason).toMatchObject({ extensions: { code: ErrorCode.OPERATION_ABORTED } });
    // Listening after the abort hears it at once.
    refused.onAbort((reason) => heard.push(reason));
    expect(heard).toHaveLength(2);
    refused.end();
  });
});

describe("FailureLog", () => {
  it("logs the first failure of a kind at once and the rest of its interval as one line with a count", async () => {
    const lines: Array<{ fields: Record<string, unknown>; message: string }> = [];
    const logger = {
      warn: (fields: Record<string, unknown>, message: string) => lines.push({ fields, message }),
    } as unknown as Logger;
    const log = new FailureLog(logger, 50);
    for (let i = 0; i < 100; i++) log.record("SERVICE_UNAVAILABLE", { cause: "down" });
    log.record("QUERY_TIMEOUT");
    expect(lines.map((line) => line.fields.kind)).toEqual(["SERVICE_UNAVAILABLE", "QUERY_TIMEOUT"]);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(lines).toHaveLength(3);
    expect(lines[2].fields).toMatchObject({ kind: "SERVICE_UNAVAILABLE", count: 99 });
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(lines).toHaveLength(3);
  });
});

describe("mapNeo4jError", () => {
  const codeOf = (error: unknown) => (mapNeo4jError(error) as { extensions?: { code?: string } }).extensions?.code;

  it("maps a pool acquisition timeout, which carries no server code, to SERVICE_UNAVAILABLE", () => {
    const error = new Neo4jError(
      "Connection acquisition timed out in 6000 ms. Pool status: Active conn count = 100",
      "N/A",
      "",
      "",
    );
    expect(codeOf(error)).toBe(ErrorCode.SERVICE_UNAVAILABLE);
  });

  it.each([
    ["Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration", ErrorCode.QUERY_TIMEOUT],
    ["ServiceUnavailable", ErrorCode.SERVICE_UNAVAILABLE],
    ["Neo.TransientError.General.MemoryPoolOutOfMemoryError", ErrorCode.SERVICE_UNAVAILABLE],
    ["Neo.DatabaseError.General.UnknownError", ErrorCode.SERVICE_UNAVAILABLE],
    // Stopped from outside, nothing written: retry (was INTERNAL_SERVER_ERROR in a crash test's retries).
    ["Neo.ClientError.Transaction.LockClientStopped", ErrorCode.SERVICE_UNAVAILABLE],
    ["Neo.ClientError.Transaction.Terminated", ErrorCode.SERVICE_UNAVAILABLE],
  ])("maps %s", (code, expected) => {
    expect(codeOf(new Neo4jError("x", code, "", ""))).toBe(expected);
  });

  it("leaves an error in our own Cypher unmapped: a bug, reported as INTERNAL_SERVER_ERROR", () => {
    const syntax = new Neo4jError("bad", "Neo.ClientError.Statement.SyntaxError", "", "");
    expect(mapNeo4jError(syntax)).toBe(syntax);
  });
});

describe("limits on input", () => {
  it("clamps every page size in the cost estimate, so no input lowers it", () => {
    const estimate = (first: unknown) => pageComplexity({ args: { first }, childComplexity: 10 } as never);
    expect(estimate(-1)).toBe(estimate(1));
    expect(estimate(-1_000_000)).toBeGreaterThan(0);
    expect(estimate(2_147_483_647)).toBe(estimate(100));
    expect(estimate(null)).toBe(estimate(20));
    expect(sized(Number.NaN, 5, 10)).toBe(5);
  });

  it("finds a variable nested too deep without recursing", () => {
    let deep: unknown = [];
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(deepestVariable({ ok: [[1]], d: deep }, 16)).toBe("d");
    expect(deepestVariable({ ok: { a: [{ b: 1 }] } }, 16)).toBeUndefined();
  });

  it("describes a value in an error message without walking it", () => {
    expect(describeValue([[[[]]]])).toBe("a list");
    expect(describeValue("x".repeat(500)).length).toBeLessThan(210);
    expect(describeValue(-1)).toBe("-1");
  });
});

describe("checkCost", () => {
  const schemaWith = async (complexity: () => number) => {
    const { GraphQLInt, GraphQLObjectType, GraphQLSchema } = await import("graphql");
    return new GraphQLSchema({
      query: new GraphQLObjectType({
        name: "Query",
        fields: {
          field: {
            type: GraphQLInt,
            args: { n: { type: new (await import("graphql")).GraphQLNonNull(GraphQLInt) } },
            extensions: { complexity },
          },
        },
      }),
    });
  };

  it("refuses an estimate that is not a finite number, saying 'unbounded' rather than null", async () => {
    const { parse } = await import("graphql");
    const { checkCost } = await import("../../src/http/complexity");
    const schema = await schemaWith(() => Number.POSITIVE_INFINITY);
    expect(() => checkCost(schema, parse("{ field(n: 1) }"), undefined, {}, 1000)).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: ErrorCode.QUERY_TOO_COMPLEX, cost: "unbounded" }) }),
    );
  });

  it("fails closed: input it cannot coerce is BAD_USER_INPUT, too many nodes QUERY_TOO_COMPLEX", async () => {
    const { parse } = await import("graphql");
    const { checkCost, MAX_QUERY_NODES } = await import("../../src/http/complexity");
    const schema = await schemaWith(() => 1);
    const nullForRequired = () => checkCost(schema, parse("query($n: Int = 1) { field(n: $n) }"), undefined, { n: null }, 1000);
    expect(nullForRequired).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: ErrorCode.BAD_USER_INPUT }) }),
    );
    const fields = Array.from({ length: MAX_QUERY_NODES + 1 }, (_, i) => `a${i}: field(n: 1)`).join(" ");
    expect(() => checkCost(schema, parse(`{ ${fields} }`), undefined, {}, Number.MAX_SAFE_INTEGER)).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: ErrorCode.QUERY_TOO_COMPLEX }) }),
    );
  });
});

describe("CircuitBreaker", () => {
  it("once open, refuses all but one probe per interval, and closes on the probe's success", async () => {
    const { CircuitBreaker } = await import("../../src/graph/circuit-breaker");
    const breaker = new CircuitBreaker(30, 2);
    expect(breaker.admit()).toEqual({ admitted: true, probe: false });
    breaker.failed();
    expect(breaker.isOpen).toBe(false); // one failure is not an outage
    breaker.succeeded();
    breaker.failed();
    expect(breaker.isOpen).toBe(false); // a success in between starts the count again
    breaker.failed();
    expect(breaker.wouldAdmit()).toBe(false);
    expect(breaker.admit().admitted).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(breaker.admit()).toEqual({ admitted: true, probe: true });
    expect(breaker.admit().admitted).toBe(false); // one probe at a time
    breaker.settled(true); // the probe ended without a verdict: another may try
    expect(breaker.admit()).toEqual({ admitted: true, probe: true });
    breaker.succeeded();
    expect(breaker.isOpen).toBe(false);
    expect(breaker.admit()).toEqual({ admitted: true, probe: false });
  });
});
