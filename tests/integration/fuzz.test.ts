/**
 * A bounded, reproducible fuzz of the HTTP API: a few thousand requests generated from the schema
 * (random fields, arguments of every type and of wrong types, nulls, huge and negative sizes,
 * deep selections, aliases, fragments, variables) and from noise (broken JSON, wrong content
 * types, batches, odd methods). Asserted for each: no 5xx, every error coded, no stack trace or
 * file path in any body; and at the end, the server still answers.
 *
 * FUZZ_SEED and FUZZ_REQUESTS reproduce or widen a run: a failure prints its seed and request.
 */
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
} from "graphql";
import pino from "pino";
import { startHttpTestApp, sharedSchema, testConfig, type HttpTestApp } from "./test-server";

const SEED = Number(process.env.FUZZ_SEED ?? 20261128);
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 2000);
const CONCURRENCY = 8;

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KNOWN_CODES = new Set([
  "BAD_USER_INPUT",
  "NOT_FOUND",
  "QUERY_TOO_COMPLEX",
  "QUERY_TIMEOUT",
  "OPERATION_ABORTED",
  // No key, or a role too low (mutations, key management); a burst of bad keys.
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "RATE_LIMITED",
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_REQUEST",
  "OPERATION_RESOLUTION_FAILURE",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
]);

interface FuzzRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
}

class Generator {
  constructor(
    private readonly next: () => number,
    private readonly query: GraphQLObjectType,
  ) {}

  private int(max: number): number {
    return Math.floor(this.next() * max);
  }

  private pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  /** A value for an input type: usually plausible, sometimes of the wrong kind. */
  private value(type: GraphQLInputType, depth = 0): unknown {
    const roll = this.next();
    if (roll < 0.08) return this.junk(depth);
    if (roll < 0.12) return null;
    if (isNonNullType(type)) return this.value(type.ofType, depth);
    if (isListType(type)) return Array.from({ length: this.int(4) }, () => this.value(type.ofType, depth + 1));
    if (isEnumType(type)) return this.pick(type.getValues()).name;
    if (isInputObjectType(type)) {
      return Object.fromEntries(Object.values(type.getFields()).map((field) => [field.name, this.value(field.type, depth + 1)]));
    }
    if (isScalarType(type)) {
      switch (type.name) {
        case "Int":
          return this.pick([1, 2, 3, 5, 20, 100, 0, -1, 101, 500, 501, 2147483647, -2147483648, this.int(1000)]);
        case "Boolean":
          return this.next() < 0.5;
        case "PartialDate":
          return this.pick(["2019", "2023-11", "2024-06-15", "2024-13", "2023-02-30", "July 2019", "", "9999-99-99"]);
        case "ID":
          return this.pick([
            "openai",
            "microsoft",
            "google",
            "stargate",
            "ftc",
            "windsurf",
            "nobody",
            "Open AI",
            "",
            "a--b",
            "x".repeat(200),
          ]);
        default:
          return this.pick(["open", "commission europeenne", "", "*", '"', "\\", "a".repeat(300), "é~^(){}[]:", "OR AND NOT"]);
      }
    }
    return null;
  }

  private junk(depth: number): unknown {
    return this.pick<unknown>([
      {},
      [],
      [[[[[]]]]],
      "💥",
      1.5,
      -0,
      1e308,
      true,
      { a: { b: { c: 1 } } },
      depth < 2 ? Array.from({ length: 50 }, () => "x") : "y",
    ]);
  }

  /** GraphQL literal for a JSON value (enum values unquoted when they look like enum names). */
  private literal(value: unknown): string {
    if (value === null || value === undefined) return "null";
    if (typeof value === "string") return /^[A-Z_]+$/.test(value) && this.next() < 0.9 ? value : JSON.stringify(value);
    if (typeof value === "number" || typeof value === "boolean") return String(value);
    if (Array.isArray(value)) return `[${value.map((item) => this.literal(item)).join(", ")}]`;
    return `{${Object.entries(value as object)
      .map(([key, inner]) => `${key}: ${this.literal(inner)}`)
      .join(", ")}}`;
  }

  private selection(type: GraphQLObjectType, depth: number): string {
    const fields = Object.values(type.getFields());
    const count = 1 + this.int(Math.min(4, fields.length));
    const parts: string[] = [];
    for (let i = 0; i < count; i++) {
      const field = this.pick(fields);
      parts.push(this.field(field, depth));
    }
    if (this.next() < 0.05) parts.push("__typename");
    if (this.next() < 0.03) parts.push("nonexistentField");
    return parts.join(" ");
  }

  private field(
    field: GraphQLField<unknown, unknown>,
    depth: number,
    variables?: Map<string, { type: string; value: unknown }>,
  ): string {
    const alias = this.next() < 0.2 ? `a${this.int(1000)}: ` : "";
    const args = field.args
      .filter((arg) => isNonNullType(arg.type) || this.next() < 0.5)
      .map((arg) => {
        const value = this.value(arg.type);
        if (variables && this.next() < 0.5) {
          const name = `v${variables.size}`;
          variables.set(name, { type: String(arg.type), value });
          return `${arg.name}: $${name}`;
        }
        return `${arg.name}: ${this.literal(value)}`;
      });
    const named = getNamedType(field.type);
    const inner = isObjectType(named) ? (depth > 5 ? " { __typename }" : ` { ${this.selection(named, depth + 1)} }`) : "";
    return `${alias}${field.name}${args.length ? `(${args.join(", ")})` : ""}${inner}`;
  }

  operation(): { query: string; variables?: Record<string, unknown> } {
    const variables = new Map<string, { type: string; value: unknown }>();
    const roots = Array.from({ length: 1 + this.int(3) }, () =>
      this.field(this.pick(Object.values(this.query.getFields())), 0, variables),
    );
    // Some variables get a default (and are then sent as null), some operations go through fragments.
    const declared = [...variables.entries()].map(([name, variable]) => {
      if (variable.type.endsWith("!") || this.next() > 0.2) return `$${name}: ${variable.type}`;
      const declaration = `$${name}: ${variable.type} = ${this.literal(variable.value)}`;
      variable.value = null;
      return declaration;
    });
    const head = `query${declared.length ? `(${declared.join(", ")})` : ""}`;
    const query =
      this.next() < 0.1 ? `${head} { ...Q } fragment Q on Query { ${roots.join(" ")} }` : `${head} { ${roots.join(" ")} }`;
    return { query, variables: Object.fromEntries([...variables.entries()].map(([name, { value }]) => [name, value])) };
  }

  request(): FuzzRequest {
    const json = { "content-type": "application/json" };
    const roll = this.next();
    if (roll < 0.7) return { method: "POST", path: "/graphql", headers: json, body: JSON.stringify(this.operation()) };
    if (roll < 0.75) {
      const { query } = this.operation();
      return { method: "GET", path: `/graphql?query=${encodeURIComponent(query)}`, headers: { "apollo-require-preflight": "1" } };
    }
    if (roll < 0.77) {
      const valid = JSON.stringify(this.operation());
      return { method: "POST", path: "/graphql", headers: json, body: valid.slice(0, this.int(valid.length)) };
    }
    if (roll < 0.8) {
      // Valid JSON, broken GraphQL: a character dropped, or a brace, quote or dollar put in.
      const { query, variables } = this.operation();
      const at = this.int(query.length);
      const broken =
        this.next() < 0.5
          ? query.slice(0, at) + query.slice(at + 1)
          : query.slice(0, at) + this.pick(["{", "}", '"', "$", "(", "...", "@"]) + query.slice(at);
      return { method: "POST", path: "/graphql", headers: json, body: JSON.stringify({ query: broken, variables }) };
    }
    if (roll < 0.84)
      return { method: "POST", path: "/graphql", headers: json, body: JSON.stringify([this.operation(), this.operation()]) };
    if (roll < 0.88) {
      return {
        method: "POST",
        path: "/graphql",
        headers: { "content-type": this.pick(["text/plain", "application/xml", "multipart/form-data"]) },
        body: "{}",
      };
    }
    if (roll < 0.92) {
      const noise = JSON.stringify(
        this.pick<unknown>([
          { query: 42 },
          { query: null },
          { variables: "x" },
          { query: "{ entity }", variables: [] },
          "x",
          1,
          null,
        ]),
      );
      return { method: "POST", path: "/graphql", headers: json, body: noise };
    }
    if (roll < 0.96) {
      const parameters = ["id", "ids", "depth", "types", "asOf", "limit", "kinds", "format", "direction", "bogus"];
      const query = Array.from(
        { length: this.int(4) },
        () => `${this.pick(parameters)}=${encodeURIComponent(String(this.junkText()))}`,
      ).join("&");
      return { method: "GET", path: `${this.pick(["/graph.json", "/graph.graphml"])}?${query}`, headers: {} };
    }
    return {
      method: this.pick(["PUT", "DELETE", "PATCH", "OPTIONS"]),
      path: this.pick(["/graphql", "/ready", "/graph.json", "/nowhere"]),
      headers: json,
      body: "{}",
    };
  }

  private junkText(): string {
    return this.pick([
      "openai",
      "openai,microsoft",
      "-1",
      "99999",
      "2024",
      "INVESTS_IN",
      "cytoscape",
      "OUT",
      "",
      "%00",
      "x".repeat(300),
    ]);
  }
}

/** A stack frame, a dependency's path or this checkout's path: what no answer may show. */
const internals = new RegExp(`\\bat .+\\.(js|ts):\\d+|node_modules|${process.cwd().replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`);

let server: HttpTestApp;
/** The server's error lines: a failure shows the cause the client was not told. */
const serverErrors: string[] = [];
beforeAll(async () => {
  // The fuzz is about input, not load: beside the other suites on two cores (one starts a second
  // Neo4j) a query can take seconds, so the timeouts are generous and any 5xx is a real defect.
  const config = testConfig({
    NEO4J_QUERY_TIMEOUT_MS: "60000",
    NEO4J_TRAVERSAL_TIMEOUT_MS: "60000",
    GRAPHQL_REQUEST_TIMEOUT_MS: "120000",
  });
  server = await startHttpTestApp(config, pino({ level: "error" }, { write: (line: string) => serverErrors.push(line) }));
});
afterAll(() => server.close());

it(`answers ${REQUESTS} generated requests (seed ${SEED}) with no 5xx, coded errors only and no internals`, async () => {
  const schema = await sharedSchema();
  const generator = new Generator(random(SEED), schema.getQueryType()!);
  const requests = Array.from({ length: REQUESTS }, () => generator.request());
  const problems: string[] = [];
  const codes = new Map<string, number>();
  let index = 0;
  const worker = async () => {
    while (index < requests.length) {
      const request = requests[index++];
      const response = await fetch(`${server.base}${request.path}`, {
        method: request.method,
        headers: request.headers,
        body: request.body,
      });
      const text = await response.text();
      const where = `${request.method} ${request.path.slice(0, 200)} ${request.body?.slice(0, 2000) ?? ""}`;
      if (response.status >= 500) problems.push(`${response.status} for ${where}: ${text.slice(0, 300)}`);
      if (internals.test(text)) problems.push(`internals in the body for ${where}: ${text.slice(0, 300)}`);
      if ((response.headers.get("content-type") ?? "").includes("json") && text.length > 0) {
        let body: any;
        try {
          body = JSON.parse(text);
        } catch {
          problems.push(`unparseable JSON for ${where}`);
          continue;
        }
        const errors = Array.isArray(body)
          ? body.flatMap((item: any) => item?.errors ?? [])
          : (body?.errors ?? (body?.error ? [{ extensions: { code: body.error.code } }] : []));
        for (const error of errors) {
          const code = error?.extensions?.code;
          codes.set(String(code), (codes.get(String(code)) ?? 0) + 1);
          if (!KNOWN_CODES.has(code))
            problems.push(`error without a known code (${code}) for ${where}: ${JSON.stringify(error).slice(0, 300)}`);
        }
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  if (problems.length > 0) {
    throw new Error(
      `seed ${SEED}: ${problems.length} problems, first ones:\n${problems.slice(0, 5).join("\n")}\n` +
        `server errors:\n${serverErrors
          .slice(0, 3)
          .map((line) => line.slice(0, 1500))
          .join("\n")}`,
    );
  }
  // The generator must reach the interesting answers, or the test proves little.
  const reached = Object.fromEntries(codes);
  for (const code of ["BAD_USER_INPUT", "GRAPHQL_VALIDATION_FAILED", "GRAPHQL_PARSE_FAILED", "BAD_REQUEST"]) {
    expect(reached[code] ?? 0).toBeGreaterThan(10);
  }
  expect((await fetch(`${server.base}/health`)).status).toBe(200);
  expect((await fetch(`${server.base}/ready`)).status).toBe(200);
}, 300_000); // about 30 s alone; more beside the other suites on two cores
