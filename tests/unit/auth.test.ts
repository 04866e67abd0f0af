import { GraphQLError } from "graphql";
import { KEY_PATTERN, generateApiKey, hashApiKey, parseAuthorization } from "../../src/auth/api-key";
import { authChecker } from "../../src/auth/auth-checker";
import { Authenticator } from "../../src/auth/authenticator";
import type { ApiKeyMatch } from "../../src/auth/api-key.repository";
import { ApiKeyService } from "../../src/auth/api-key.service";
import { FailureThrottle } from "../../src/auth/failure-throttle";
import { Role, parseRole, roleSatisfies } from "../../src/auth/role";
import type { AuthConfig } from "../../src/config";
import { loadConfig } from "../../src/config";
import { createLogger } from "../../src/logger";
import type { Principal } from "../../src/auth/principal";

const codeOf = (error: unknown) => (error as GraphQLError).extensions?.code;

async function thrown(promise: Promise<unknown>): Promise<GraphQLError> {
  try {
    await promise;
  } catch (error) {
    return error as GraphQLError;
  }
  throw new Error("expected a rejection");
}

describe("API keys as text", () => {
  it("are kg_ and 43 base64url characters, all different", () => {
    const keys = new Set(Array.from({ length: 100 }, () => generateApiKey()));
    expect(keys.size).toBe(100);
    for (const key of keys) expect(key).toMatch(KEY_PATTERN);
  });

  it("hash to their SHA-256 in hex", () => {
    // printf abc | sha256sum
    expect(hashApiKey("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const key = generateApiKey();
    expect(hashApiKey(key)).toBe(hashApiKey(key));
    expect(hashApiKey(key)).not.toContain(key);
  });

  it("are read from `Authorization: Bearer <key>`", () => {
    const key = generateApiKey();
    expect(parseAuthorization(`Bearer ${key}`)).toEqual({ kind: "key", key });
    expect(parseAuthorization(`bearer   ${key}  `)).toEqual({ kind: "key", key });
    expect(parseAuthorization(undefined)).toEqual({ kind: "none" });
    expect(parseAuthorization("   ")).toEqual({ kind: "none" });
    for (const header of ["Bearer", "Bearer ", `Basic ${key}`, "Bearer kg_short", `Bearer ${key} extra`, key]) {
      expect(parseAuthorization(header).kind).toBe("malformed");
    }
  });
});

describe("roles", () => {
  it("are ranked: admin ⊇ editor ⊇ reader", () => {
    expect(roleSatisfies(Role.ADMIN, Role.EDITOR)).toBe(true);
    expect(roleSatisfies(Role.EDITOR, Role.EDITOR)).toBe(true);
    expect(roleSatisfies(Role.EDITOR, Role.READER)).toBe(true);
    expect(roleSatisfies(Role.READER, Role.EDITOR)).toBe(false);
    expect(roleSatisfies(Role.EDITOR, Role.ADMIN)).toBe(false);
    expect(parseRole("editor")).toBe(Role.EDITOR);
    expect(parseRole("Admin")).toBe(Role.ADMIN);
    expect(parseRole("root")).toBeUndefined();
  });

  it("are checked by the authChecker with coded errors and HTTP statuses", () => {
    // The authChecker is synchronous: it answers true or throws.
    const check = (principal: Principal | null, roles: Role[]): GraphQLError | true => {
      try {
        return authChecker({ context: { principal }, root: {}, args: {}, info: {} as never }, roles) as true;
      } catch (error) {
        return error as GraphQLError;
      }
    };
    const unauthenticated = check(null, [Role.EDITOR]);
    expect(codeOf(unauthenticated)).toBe("UNAUTHENTICATED");
    expect((unauthenticated as GraphQLError).extensions.http).toMatchObject({ status: 401 });
    const forbidden = check({ keyName: "r", role: Role.READER }, [Role.EDITOR]);
    expect(codeOf(forbidden)).toBe("FORBIDDEN");
    expect((forbidden as GraphQLError).message).toMatch(/EDITOR role or above/);
    expect((forbidden as GraphQLError).extensions).toMatchObject({ requiredRole: "EDITOR", http: { status: 403 } });
    expect(check({ keyName: "e", role: Role.EDITOR }, [Role.EDITOR])).toBe(true);
    expect(check({ keyName: "a", role: Role.ADMIN }, [Role.EDITOR])).toBe(true);
    expect(check({ keyName: "r", role: Role.READER }, [])).toBe(true);
    expect(codeOf(check({ keyName: "e", role: Role.EDITOR }, [Role.ADMIN]))).toBe("FORBIDDEN");
    // Several roles: the lowest will do.
    expect(check({ keyName: "e", role: Role.EDITOR }, [Role.ADMIN, Role.EDITOR])).toBe(true);
  });

  it("and key names are checked", () => {
    expect(ApiKeyService.checkName("alice.smith@lab-1")).toBe("alice.smith@lab-1");
    for (const name of ["", " alice", "a b", "-x", "x".repeat(65), "é"])
      expect(() => ApiKeyService.checkName(name)).toThrow(/name/);
    expect(ApiKeyService.checkRole("READER")).toBe(Role.READER);
    expect(() => ApiKeyService.checkRole("god")).toThrow(/reader, editor, admin/);
  });
});

describe("FailureThrottle", () => {
  it("refuses an address after `limit` failures in a window, until the window ends", () => {
    let now = 1_000;
    const throttle = new FailureThrottle({ limit: 3, windowMs: 60_000, now: () => now });
    for (let i = 1; i <= 3; i++) {
      expect(throttle.check("10.0.0.1").allowed).toBe(true);
      expect(throttle.recordFailure("10.0.0.1")).toBe(i);
    }
    expect(throttle.check("10.0.0.1")).toEqual({ allowed: false, retryAfterMs: 60_000 });
    expect(throttle.check("10.0.0.2").allowed).toBe(true);
    now += 59_000;
    expect(throttle.check("10.0.0.1")).toEqual({ allowed: false, retryAfterMs: 1_000 });
    now += 1_000;
    expect(throttle.check("10.0.0.1").allowed).toBe(true);
    expect(throttle.failures("10.0.0.1")).toBe(0);
  });

  it("keeps a bounded table of addresses", () => {
    let now = 0;
    const throttle = new FailureThrottle({ limit: 1, windowMs: 1_000, maxAddresses: 3, now: () => now });
    for (const address of ["a", "b", "c"]) throttle.recordFailure(address);
    throttle.recordFailure("d");
    expect(throttle.size).toBe(3);
    expect(throttle.failures("a")).toBe(0);
    expect(throttle.failures("d")).toBe(1);
    now = 5_000;
    throttle.recordFailure("e");
    expect(throttle.size).toBe(1);
  });
});

describe("Authenticator", () => {
  const config = (overrides: Partial<AuthConfig> = {}): AuthConfig => ({
    readsRequireKey: false,
    keyCacheMs: 5_000,
    failureLimit: 3,
    failureWindowMs: 60_000,
    ...overrides,
  });

  function setup(overrides: Partial<AuthConfig> = {}) {
    let now = 0;
    const keys = new Map<string, ApiKeyMatch>();
    const lookups: string[] = [];
    const lines: Array<Record<string, unknown>> = [];
    const logger = createLogger("warn");
    logger.warn = ((object: Record<string, unknown>, message: string) => lines.push({ ...object, message })) as never;
    const auth = new Authenticator({
      config: config(overrides),
      logger,
      now: () => now,
      lookup: async (hash) => {
        lookups.push(hash);
        return keys.get(hash) ?? null;
      },
    });
    const add = (name: string, role: Role, revoked = false) => {
      const key = generateApiKey();
      keys.set(hashApiKey(key), { name, role, revoked });
      return key;
    };
    return { auth, keys, lookups, lines, add, tick: (ms: number) => (now += ms) };
  }

  it("resolves a key to its principal, and no key to null", async () => {
    const { auth, add } = setup();
    const key = add("alice", Role.EDITOR);
    await expect(auth.principalFromAuthorization(`Bearer ${key}`, "1.2.3.4")).resolves.toEqual({
      keyName: "alice",
      role: Role.EDITOR,
    });
    await expect(auth.principalFromAuthorization(undefined, "1.2.3.4")).resolves.toBeNull();
  });

  it("refuses unknown, revoked and malformed keys, and logs why without the key or its hash", async () => {
    const { auth, add, lines } = setup({ failureLimit: 100 });
    const revoked = add("bob", Role.EDITOR, true);
    const unknown = generateApiKey();
    for (const header of [`Bearer ${unknown}`, `Bearer ${revoked}`, "Basic abc"]) {
      const error = await thrown(auth.principalFromAuthorization(header, "1.2.3.4"));
      expect(codeOf(error)).toBe("UNAUTHENTICATED");
      expect(error.extensions.http).toMatchObject({ status: 401 });
    }
    expect(lines.map((line) => line.reason)).toEqual([
      "unknown key",
      "revoked key",
      "the Authorization header is not of the form `Bearer <key>`",
    ]);
    expect(lines[1].keyName).toBe("bob");
    expect(lines.every((line) => line.address === "1.2.3.4")).toBe(true);
    const logged = JSON.stringify(lines);
    for (const secret of [unknown, revoked, hashApiKey(unknown), hashApiKey(revoked)]) expect(logged).not.toContain(secret);
  });

  it("caches answers for AUTH_KEY_CACHE_MS, so a revocation takes effect within it", async () => {
    const { auth, add, keys, lookups, tick } = setup({ keyCacheMs: 5_000 });
    const key = add("carol", Role.READER);
    await auth.principalFromAuthorization(`Bearer ${key}`, "a");
    await auth.principalFromAuthorization(`Bearer ${key}`, "a");
    expect(lookups).toHaveLength(1);
    keys.set(hashApiKey(key), { name: "carol", role: Role.READER, revoked: true });
    tick(4_999);
    await expect(auth.principalFromAuthorization(`Bearer ${key}`, "a")).resolves.toMatchObject({ keyName: "carol" });
    tick(1);
    expect(codeOf(await thrown(auth.principalFromAuthorization(`Bearer ${key}`, "a")))).toBe("UNAUTHENTICATED");
    expect(lookups).toHaveLength(2);
  });

  it("looks every key up when the cache is off", async () => {
    const { auth, add, lookups } = setup({ keyCacheMs: 0 });
    const key = add("dan", Role.READER);
    await auth.principalFromAuthorization(`Bearer ${key}`, "a");
    await auth.principalFromAuthorization(`Bearer ${key}`, "a");
    expect(lookups).toHaveLength(2);
  });

  it("refuses an address's attempts after AUTH_FAILURE_LIMIT failures, without lookups, but not a cached good key", async () => {
    const { auth, add, lookups, tick } = setup({ failureLimit: 3, failureWindowMs: 60_000 });
    const good = add("erin", Role.EDITOR);
    await auth.principalFromAuthorization(`Bearer ${good}`, "9.9.9.9");
    for (let i = 0; i < 3; i++) {
      expect(codeOf(await thrown(auth.principalFromAuthorization(`Bearer ${generateApiKey()}`, "9.9.9.9")))).toBe(
        "UNAUTHENTICATED",
      );
    }
    const before = lookups.length;
    const limited = await thrown(auth.principalFromAuthorization(`Bearer ${generateApiKey()}`, "9.9.9.9"));
    expect(codeOf(limited)).toBe("RATE_LIMITED");
    expect(limited.extensions).toMatchObject({ retryAfterSeconds: 60, http: { status: 429 } });
    expect(codeOf(await thrown(auth.principalFromAuthorization("Bearer junk", "9.9.9.9")))).toBe("RATE_LIMITED");
    expect(lookups.length).toBe(before);
    // Another address is not affected; nor are requests without a key; nor a key known good.
    expect(codeOf(await thrown(auth.principalFromAuthorization(`Bearer ${generateApiKey()}`, "8.8.8.8")))).toBe(
      "UNAUTHENTICATED",
    );
    await expect(auth.principalFromAuthorization(undefined, "9.9.9.9")).resolves.toBeNull();
    await expect(auth.principalFromAuthorization(`Bearer ${good}`, "9.9.9.9")).resolves.toMatchObject({ keyName: "erin" });
    tick(60_000);
    expect(codeOf(await thrown(auth.principalFromAuthorization(`Bearer ${generateApiKey()}`, "9.9.9.9")))).toBe(
      "UNAUTHENTICATED",
    );
  });

  it("with AUTH_READS_REQUIRE_KEY, refuses a request without a key", async () => {
    const { auth, add } = setup({ readsRequireKey: true });
    const error = await thrown(auth.authenticate(undefined, "a"));
    expect(codeOf(error)).toBe("UNAUTHENTICATED");
    await expect(auth.authenticate(`Bearer ${add("fay", Role.READER)}`, "a")).resolves.toMatchObject({ role: Role.READER });
    const open = setup({ readsRequireKey: false });
    await expect(open.auth.authenticate(undefined, "a")).resolves.toBeNull();
  });

  it("gives a database failure its HTTP status", async () => {
    const auth = new Authenticator({
      config: config(),
      logger: createLogger("silent"),
      lookup: async () => {
        throw new GraphQLError("down", { extensions: { code: "SERVICE_UNAVAILABLE" } });
      },
    });
    const error = await thrown(auth.principalFromAuthorization(`Bearer ${generateApiKey()}`, "a"));
    expect(codeOf(error)).toBe("SERVICE_UNAVAILABLE");
    expect(error.extensions.http).toEqual({ status: 503 });
  });
});

describe("auth settings", () => {
  it("default to open reads, a 5 s cache and 10 failures a minute, and are validated", () => {
    expect(loadConfig({}).auth).toEqual({ readsRequireKey: false, keyCacheMs: 5_000, failureLimit: 10, failureWindowMs: 60_000 });
    expect(loadConfig({ AUTH_READS_REQUIRE_KEY: "true", AUTH_KEY_CACHE_MS: "0" }).auth).toMatchObject({
      readsRequireKey: true,
      keyCacheMs: 0,
    });
    expect(() => loadConfig({ AUTH_READS_REQUIRE_KEY: "yes", AUTH_FAILURE_LIMIT: "0" })).toThrow(
      /AUTH_READS_REQUIRE_KEY must be true or false[\s\S]*AUTH_FAILURE_LIMIT must be an integer/,
    );
  });
});
