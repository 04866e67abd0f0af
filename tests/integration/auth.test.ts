/**
 * API keys and roles over real HTTP against the real Neo4j (issue 10): a bad key is a 401 even
 * on an open read, AUTH_READS_REQUIRE_KEY closes reads (GraphQL and the REST routes), key
 * management needs ADMIN (403 for an editor), a burst of bad keys from one address is refused
 * with 429, failures are logged without the key, CSRF still refuses form posts, and the
 * `npm run keys` command line creates, lists and revokes keys.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { Writable } from "node:stream";
import { createClient } from "graphql-ws";
import pino from "pino";
import WebSocket from "ws";
import { KEY_PATTERN, hashApiKey } from "../../src/auth/api-key";
import { ApiKeyRepository } from "../../src/auth/api-key.repository";
import { ApiKeyService } from "../../src/auth/api-key.service";
import { Role } from "../../src/auth/role";
import { defaultProjectRoot } from "../../src/config";
import { startHttpTestApp, testConfig, type HttpTestApp } from "./test-server";

const PREFIX = `test-auth-${process.pid}-`;
const names: string[] = [];
const nameFor = (what: string) => {
  const name = PREFIX + what;
  names.push(name);
  return name;
};

const logLines: Array<Record<string, unknown>> = [];
const logger = pino(
  { level: "warn" },
  new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString("utf8").split("\n")) if (line.trim()) logLines.push(JSON.parse(line));
      done();
    },
  }),
);

// No cache, so a revocation shows at once; a high failure limit, so this server is never throttled.
let open: HttpTestApp;
let closed: HttpTestApp;
let throttled: HttpTestApp;
let service: ApiKeyService;
const keys: Record<"reader" | "editor" | "admin" | "revoked", string> = { reader: "", editor: "", admin: "", revoked: "" };

beforeAll(async () => {
  open = await startHttpTestApp(testConfig({ AUTH_KEY_CACHE_MS: "0", AUTH_FAILURE_LIMIT: "1000" }), logger);
  closed = await startHttpTestApp(testConfig({ AUTH_READS_REQUIRE_KEY: "true", AUTH_FAILURE_LIMIT: "1000" }));
  throttled = await startHttpTestApp(testConfig({ AUTH_FAILURE_LIMIT: "3", AUTH_FAILURE_WINDOW_MS: "600000" }));
  service = new ApiKeyService(new ApiKeyRepository(open.app.runner));
  keys.reader = (await service.create(nameFor("reader"), Role.READER)).key;
  keys.editor = (await service.create(nameFor("editor"), Role.EDITOR)).key;
  keys.admin = (await service.create(nameFor("admin"), Role.ADMIN)).key;
  keys.revoked = (await service.create(nameFor("revoked"), Role.ADMIN)).key;
  await service.revoke(PREFIX + "revoked");
});

afterAll(async () => {
  if (service) await new ApiKeyRepository(open.app.runner).deleteByNames(names);
  await Promise.all([open, closed, throttled].map((server) => server?.close()));
});

interface Answer {
  status: number;
  headers: Headers;
  body: any;
}

async function post(
  server: HttpTestApp,
  query: string,
  options: { key?: string; authorization?: string; variables?: object } = {},
) {
  const authorization = options.authorization ?? (options.key ? `Bearer ${options.key}` : undefined);
  const response = await fetch(`${server.base}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) },
    body: JSON.stringify({ query, variables: options.variables }),
  });
  return { status: response.status, headers: response.headers, body: await response.json() } as Answer;
}

const READ = `{ entity(id: "openai") { name } }`;
const code = (answer: Answer) => answer.body.errors?.[0]?.extensions?.code;

describe("reads are open by default", () => {
  it("answers without a key, and with a valid one", async () => {
    expect((await post(open, READ)).body.data.entity.name).toBe("OpenAI");
    const withKey = await post(open, READ, { key: keys.reader });
    expect(withKey.status).toBe(200);
    expect(withKey.body.data.entity.name).toBe("OpenAI");
  });

  it.each([
    ["an unknown key", `Bearer kg_${"A".repeat(43)}`],
    ["a malformed header", "Bearer not-a-key"],
    ["another scheme", "Basic dXNlcjpwYXNz"],
  ])("refuses %s with 401, WWW-Authenticate and no data, even on an open read", async (_what, authorization) => {
    const answer = await post(open, READ, { authorization });
    expect(answer.status).toBe(401);
    expect(answer.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(code(answer)).toBe("UNAUTHENTICATED");
    expect(answer.body.data).toBeUndefined();
    expect(JSON.stringify(answer.body)).not.toMatch(/stacktrace|at .*\.[jt]s:\d+/);
    expect(answer.body.errors[0].extensions.http).toBeUndefined();
  });

  it("refuses a revoked key with 401", async () => {
    const answer = await post(open, READ, { key: keys.revoked });
    expect(answer.status).toBe(401);
    expect(answer.body.errors[0].message).toMatch(/revoked/);
  });

  it("logs each failure with the address and reason, never the key nor its hash", async () => {
    const key = `kg_${"B".repeat(43)}`;
    await post(open, READ, { key });
    const line = logLines.find((entry) => entry.reason === "unknown key");
    expect(line).toMatchObject({ msg: "API key refused", address: expect.stringMatching(/127\.0\.0\.1/) });
    const all = JSON.stringify(logLines);
    for (const secret of [key, hashApiKey(key), keys.revoked, hashApiKey(keys.revoked)]) expect(all).not.toContain(secret);
    expect(logLines.find((entry) => entry.reason === "revoked key")).toMatchObject({ keyName: PREFIX + "revoked" });
  });
});

describe("AUTH_READS_REQUIRE_KEY=true", () => {
  it("refuses a query without a key (401), answers one with a reader key", async () => {
    const anonymous = await post(closed, READ);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(code(anonymous)).toBe("UNAUTHENTICATED");
    const reader = await post(closed, READ, { key: keys.reader });
    expect(reader.status).toBe(200);
    expect(reader.body.data.entity.name).toBe("OpenAI");
  });

  it("closes the REST routes too", async () => {
    const anonymous = await fetch(`${closed.base}/graph.json?id=openai&depth=1`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(((await anonymous.json()) as any).error.code).toBe("UNAUTHENTICATED");
    const reader = await fetch(`${closed.base}/graph.json?id=openai&depth=1`, {
      headers: { authorization: `Bearer ${keys.reader}` },
    });
    expect(reader.status).toBe(200);
    expect(((await reader.json()) as any).nodes.length).toBeGreaterThan(1);
    expect((await fetch(`${closed.base}/sources/microsoft-openai-timeline-fr/text`)).status).toBe(401);
    // Liveness and readiness stay open for load balancers.
    expect((await fetch(`${closed.base}/health`)).status).toBe(200);
  });
});

describe("writes need EDITOR", () => {
  const UPSERT = `mutation { upsertEntity(input: { id: "test-auth-never-written", name: "Never", kind: COMPANY }) { entity { id } } }`;

  it("refuses a mutation without a key (401) or with a reader key (403), and writes nothing", async () => {
    const anonymous = await post(open, UPSERT);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(code(anonymous)).toBe("UNAUTHENTICATED");
    const reader = await post(open, UPSERT, { key: keys.reader });
    expect(reader.status).toBe(403);
    expect(reader.body.errors[0].extensions).toEqual({ code: "FORBIDDEN", requiredRole: "EDITOR" });
    expect((await post(open, `{ entity(id: "test-auth-never-written") { id } }`)).body.data.entity).toBeNull();
  });
});

describe("key management needs ADMIN", () => {
  const CREATE = `mutation($name: String!, $role: Role!) { createApiKey(name: $name, role: $role) { key apiKey { name role createdAt revokedAt } } }`;
  const REVOKE = `mutation($name: String!) { revokeApiKey(name: $name) { name revokedAt } }`;
  const LIST = `{ apiKeys { name role createdAt revokedAt } }`;

  it("refuses it without a key (401) and with an editor key (403)", async () => {
    const name = nameFor("never-made");
    const anonymous = await post(open, CREATE, { variables: { name, role: "READER" } });
    expect(anonymous.status).toBe(401);
    expect(code(anonymous)).toBe("UNAUTHENTICATED");
    const editor = await post(open, CREATE, { key: keys.editor, variables: { name, role: "READER" } });
    expect(editor.status).toBe(403);
    expect(editor.body.errors[0].extensions).toEqual({ code: "FORBIDDEN", requiredRole: "ADMIN" });
    expect((await post(open, LIST, { key: keys.reader })).status).toBe(403);
    expect((await service.list()).map((key) => key.name)).not.toContain(name);
  });

  it("creates a key that works at once, lists it, and revokes it", async () => {
    const name = nameFor("made-by-admin");
    const created = await post(open, CREATE, { key: keys.admin, variables: { name, role: "EDITOR" } });
    expect(created.status).toBe(200);
    const { key, apiKey } = created.body.data.createApiKey;
    expect(key).toMatch(KEY_PATTERN);
    expect(apiKey).toMatchObject({ name, role: "EDITOR", revokedAt: null });
    expect((await post(open, READ, { key })).status).toBe(200);

    const listed = await post(open, LIST, { key: keys.admin });
    expect(listed.body.data.apiKeys.find((k: any) => k.name === name)).toMatchObject({ role: "EDITOR", revokedAt: null });
    expect(JSON.stringify(listed.body)).not.toContain(hashApiKey(key));

    const again = await post(open, CREATE, { key: keys.admin, variables: { name, role: "EDITOR" } });
    expect(code(again)).toBe("CONFLICT");
    const badName = await post(open, CREATE, { key: keys.admin, variables: { name: "two words", role: "EDITOR" } });
    expect(badName.body.errors[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "name" });

    const revoked = await post(open, REVOKE, { key: keys.admin, variables: { name } });
    expect(revoked.body.data.revokeApiKey.revokedAt).toEqual(expect.any(String));
    expect((await post(open, READ, { key })).status).toBe(401);
    expect(code(await post(open, REVOKE, { key: keys.admin, variables: { name: PREFIX + "nobody" } }))).toBe("NOT_FOUND");
  });

  it("is still refused from a cross-site form post (CSRF), whatever the key", async () => {
    const name = nameFor("csrf");
    const response = await fetch(`${open.base}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", authorization: `Bearer ${keys.admin}` },
      body: new URLSearchParams({ query: `mutation { createApiKey(name: "${name}", role: ADMIN) { key } }` }),
    });
    expect(response.status).toBe(400);
    expect((await service.list()).map((key) => key.name)).not.toContain(name);
  });
});

describe("a burst of bad keys from one address", () => {
  it("is refused with 429 and Retry-After past AUTH_FAILURE_LIMIT, while keyless reads and known keys still work", async () => {
    // A good key seen before the burst is cached, so it keeps working from the throttled address.
    expect((await post(throttled, READ, { key: keys.reader })).status).toBe(200);
    for (let i = 0; i < 3; i++) expect((await post(throttled, READ, { key: `kg_${String(i).repeat(43)}` })).status).toBe(401);
    const refused = await post(throttled, READ, { key: `kg_${"Z".repeat(43)}` });
    expect(refused.status).toBe(429);
    expect(code(refused)).toBe("RATE_LIMITED");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(500);
    expect(Number(refused.headers.get("retry-after"))).toBeLessThanOrEqual(600);
    expect((await post(throttled, READ)).status).toBe(200);
    expect((await post(throttled, READ, { key: keys.reader })).status).toBe(200);
    expect(
      throttled.app.http.auth.throttle.failures("127.0.0.1") + throttled.app.http.auth.throttle.failures("::ffff:127.0.0.1"),
    ).toBe(3);
  });
});

describe("subscriptions (graphql-ws) take the key from connectionParams.Authorization", () => {
  /** Opens a connection and answers "connected", or how the server closed it. */
  function connect(server: HttpTestApp, authorization?: string): Promise<"connected" | { code: number; reason: string }> {
    return new Promise((resolve) => {
      const client = createClient({
        url: `${server.base.replace(/^http/, "ws")}/graphql`,
        webSocketImpl: WebSocket,
        lazy: false,
        retryAttempts: 0,
        connectionParams: authorization ? { Authorization: authorization } : {},
        onNonLazyError: () => undefined,
        on: {
          connected: () => {
            resolve("connected");
            void client.dispose();
          },
          closed: (event) => {
            const { code, reason } = event as { code: number; reason: string };
            resolve({ code, reason: String(reason) });
          },
        },
      });
    });
  }

  it("closes the socket (4403) for a bad key, connects with none on open reads", async () => {
    const refused = await connect(open, `Bearer kg_${"C".repeat(43)}`);
    expect(refused).toMatchObject({ code: 4403, reason: expect.stringMatching(/not known/) });
    expect(await connect(open)).toBe("connected");
  });

  it("with AUTH_READS_REQUIRE_KEY, needs a reader key", async () => {
    expect(await connect(closed)).toMatchObject({ code: 4403, reason: expect.stringMatching(/requires an API key/) });
    expect(await connect(closed, `Bearer ${keys.reader}`)).toBe("connected");
  });
});

describe("npm run keys", () => {
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, [path.join(defaultProjectRoot(), "dist", "scripts", "keys.js"), ...args], {
      encoding: "utf8",
      env: { ...process.env, LOG_LEVEL: "" },
      timeout: 60_000,
    });

  it("creates a key printed alone on stdout, lists keys without secrets, revokes", async () => {
    const name = nameFor("cli");
    const created = cli("create", "--role", "editor", "--name", name);
    expect(created.status).toBe(0);
    const lines = created.stdout.split("\n").filter((line) => line !== "");
    expect(lines).toHaveLength(1);
    const key = lines[0];
    expect(key).toMatch(KEY_PATTERN);
    expect(created.stderr).toContain(name);
    expect(created.stderr).not.toContain(key);
    expect((await post(open, READ, { key })).status).toBe(200);

    const listed = cli("list");
    expect(listed.status).toBe(0);
    expect(listed.stdout).toMatch(new RegExp(`^${name}\\s+EDITOR\\s+\\d{4}-\\d\\d-\\d\\dT\\S+\\s+-$`, "m"));
    expect(listed.stdout).not.toMatch(/[0-9a-f]{64}/);
    expect(listed.stdout).not.toContain("kg_");

    expect(cli("create", "--role", "reader", "--name", name).status).toBe(3);
    const revoked = cli("revoke", "--name", name);
    expect(revoked.status).toBe(0);
    expect((await post(open, READ, { key })).status).toBe(401);
    expect(cli("list").stdout).toMatch(new RegExp(`^${name}\\s+EDITOR\\s+\\S+\\s+\\d{4}-\\d\\d-\\d\\dT\\S+$`, "m"));
  });

  it("says what is wrong with bad arguments or an unknown name, with its exit code", () => {
    const usage = cli("create", "--role", "root", "--name", "x");
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/"role" must be one of reader, editor, admin/);
    expect(usage.stdout).toBe("");
    expect(cli("create", "--name", "x").status).toBe(2);
    expect(cli("frobnicate").status).toBe(2);
    const unknown = cli("revoke", "--name", PREFIX + "nobody");
    expect(unknown.status).toBe(4);
    expect(unknown.stderr).toMatch(/No API key is named/);
    expect(unknown.stderr).not.toMatch(/\n\s+at /);
  });
});
