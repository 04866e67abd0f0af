/**
 * Configuration, read from environment variables once and validated here, so every other module
 * receives a typed, frozen object and no module reads `process.env` itself.
 *
 * Defaults serve the Neo4j that the project runs for development (`npm run neo4j:start`). The one
 * default credential, LOCAL_NEO4J_DEFAULT_PASSWORD, applies only to that local database: once
 * NEO4J_URI names another server, NEO4J_PASSWORD must be given.
 */
import path from "node:path";

export type RuntimeEnvironment = "development" | "test" | "production";

export interface Neo4jConfig {
  /** Bolt URI; `neo4j+s://` for Aura or a cluster. */
  readonly uri: string;
  readonly username: string;
  readonly password: string;
  readonly database: string;
  /** True when the project runs this Neo4j itself (NEO4J_URI unset). */
  readonly managedLocally: boolean;
  /** How long one query may run before Neo4j aborts it. */
  readonly queryTimeoutMs: number;
  /** How long a traversal (neighbourhood, paths) may run; shorter, since a wide one is the costly kind. */
  readonly traversalTimeoutMs: number;
  /** How long to wait for a connection before answering SERVICE_UNAVAILABLE. */
  readonly connectionTimeoutMs: number;
  /** How long the driver retries a transaction on transient errors. */
  readonly maxRetryTimeMs: number;
  /**
   * How long past a query's own timeout the server waits for Neo4j's answer before giving up on
   * it (SERVICE_UNAVAILABLE): Neo4j enforces the timeout itself unless it is hung, but only when
   * it next looks (`db.transaction.monitor.check.interval`, 2 s by default), so this must exceed that.
   */
  readonly responseGraceMs: number;
  /** Connections the driver keeps to Neo4j. */
  readonly maxConnectionPoolSize: number;
  /** Transactions run at once by the whole process; the rest wait in a queue. */
  readonly maxConcurrentQueries: number;
  /** Transactions that may wait for a slot; past it a query is refused at once with SERVER_BUSY. */
  readonly maxQueuedQueries: number;
  /** Traversals (neighbourhood, paths, subgraph, graph) run at once; each can be costly. */
  readonly maxConcurrentTraversals: number;
  /** Traversals that may wait; past it SERVER_BUSY at once. */
  readonly maxQueuedTraversals: number;
  /** Transactions one GraphQL request may run at once, so its aliases cannot take the pool. */
  readonly maxConcurrentPerRequest: number;
  /** Longest the readiness probe waits for Neo4j before answering 503. */
  readonly readyTimeoutMs: number;
  /** While Neo4j is unreachable, how often one query is let through to see whether it is back. */
  readonly probeIntervalMs: number;
}

export interface GraphQLLimitsConfig {
  /** Operations estimated to cost more are refused with QUERY_TOO_COMPLEX (src/http/complexity.ts). */
  readonly maxCost: number;
  /** Aliased fields per operation (GraphQL Armor's max-aliases). */
  readonly maxAliases: number;
  /** Field nesting depth per operation (GraphQL Armor's max-depth). */
  readonly maxDepth: number;
  /** Directives per operation (GraphQL Armor's max-directives). */
  readonly maxDirectives: number;
  /** Lexical tokens per document; graphql-js stops parsing past it. */
  readonly maxTokens: number;
  /** Nesting of a variable's JSON value (lists in lists, objects in objects). */
  readonly maxVariableDepth: number;
  /** Everything one request may take, Neo4j work included; past it QUERY_TIMEOUT. */
  readonly requestTimeoutMs: number;
  /** Schema introspection (Sandbox and GraphiQL need it). */
  readonly introspection: boolean;
  /** "Did you mean …?" hints naming schema fields in validation errors. */
  readonly schemaHints: boolean;
  /** The page at GET /graphql: Apollo Sandbox (loaded from Apollo's CDN) or none. */
  readonly landingPage: "sandbox" | "none";
  /**
   * Runs of a document through graphql-js before graphql-jit compiles it (src/http/compiled-execution.ts):
   * 0 compiles at first sight; a very large value keeps every document on graphql-js.
   */
  readonly compileAfterRuns: number;
}

export interface HttpConfig {
  readonly host: string;
  readonly port: number;
  /** Time a client has to send its request headers (Node's server.headersTimeout). */
  readonly headersTimeoutMs: number;
  /** Time a client has to send its whole request (Node's server.requestTimeout). */
  readonly requestTimeoutMs: number;
  /** Window over which repeated failures of one kind are logged as one line with a count. */
  readonly failureLogIntervalMs: number;
  /**
   * Browser origins allowed to call the API from other pages (CORS): exact origins such as
   * "https://studio.apollographql.com", or "http://localhost:*" for any port. Empty: none.
   */
  readonly corsOrigins: readonly string[];
}

export interface LocalNeo4jConfig {
  /** Folder holding the local server's jars, configuration, data and logs (git-ignored). */
  readonly home: string;
  readonly boltPort: number;
  readonly heapSize: string;
  readonly pageCacheSize: string;
  /** A JDK or JRE home to run Neo4j with; found automatically when unset. */
  readonly javaHome: string | undefined;
  /** JAVA_HOME, tried after javaHome when it holds a Java 17 or 21. */
  readonly systemJavaHome: string | undefined;
  /** Seconds to wait for Bolt to answer after launching the server. */
  readonly startTimeoutSeconds: number;
}

/** Live updates (`graphChanged` subscriptions over graphql-ws, src/live). */
export interface LiveConfig {
  /** How often each instance, while it has subscribers, asks Neo4j for change records past the last it saw. */
  readonly pollIntervalMs: number;
  /** Changes one subscriber may have waiting to be sent; past it the subscription is closed (SUBSCRIBER_TOO_SLOW). */
  readonly maxQueuedChanges: number;
}

/** API keys and roles (src/auth). */
export interface AuthConfig {
  /** Every request needs a key (READER or above); otherwise reads are open and only writes need one. */
  readonly readsRequireKey: boolean;
  /** How long an instance trusts its last lookup of a key: a revoked key stops working within this. 0: no cache. */
  readonly keyCacheMs: number;
  /** Failed key attempts one address may make per window before its further attempts are refused (RATE_LIMITED). */
  readonly failureLimit: number;
  readonly failureWindowMs: number;
}

export interface AppConfig {
  readonly environment: RuntimeEnvironment;
  readonly auth: AuthConfig;
  readonly http: HttpConfig;
  readonly graphql: GraphQLLimitsConfig;
  readonly live: LiveConfig;
  readonly logLevel: string;
  readonly neo4j: Neo4jConfig;
  readonly localNeo4j: LocalNeo4jConfig;
}

/** The documented password of the development Neo4j that the project provisions itself. */
export const LOCAL_NEO4J_DEFAULT_PASSWORD = "kg-local-dev";

export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

/** Apollo Studio's Sandbox and pages served from this machine (a Vite dev server, a notebook). */
export const DEFAULT_CORS_ORIGINS = "https://studio.apollographql.com,http://localhost:*,http://127.0.0.1:*";

/** "none", or origins separated by commas: scheme://host[:port], the port possibly "*". */
function corsOrigins(value: string, problems: string[]): string[] {
  if (value.toLowerCase() === "none") return [];
  const origins = value
    .split(",")
    .map((origin) => origin.trim())
    .filter((origin) => origin !== "");
  for (const origin of origins) {
    if (!/^https?:\/\/[a-z0-9.-]+(:(\d{1,5}|\*))?$/i.test(origin)) {
      problems.push(
        `CORS_ORIGINS must be "none" or origins separated by commas, such as https://studio.apollographql.com or http://localhost:* (got "${origin}")`,
      );
    }
  }
  return origins;
}

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];

export function loadConfig(env: NodeJS.ProcessEnv = process.env, projectRoot = defaultProjectRoot()): AppConfig {
  const problems: string[] = [];
  const text = (name: string, fallback: string): string => {
    const value = env[name]?.trim();
    return value === undefined || value === "" ? fallback : value;
  };
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name]?.trim();
    if (raw === undefined || raw === "") return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be an integer from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  };
  const oneOf = <T extends string>(name: string, fallback: T, allowed: readonly T[]): T => {
    const value = text(name, fallback);
    if (!allowed.includes(value as T)) {
      problems.push(`${name} must be one of ${allowed.join(", ")} (got "${value}")`);
      return fallback;
    }
    return value as T;
  };

  const flag = (name: string, fallback: boolean): boolean => {
    const value = text(name, fallback ? "true" : "false").toLowerCase();
    if (value === "true" || value === "1") return true;
    if (value === "false" || value === "0") return false;
    problems.push(`${name} must be true or false (got "${value}")`);
    return fallback;
  };

  const environment = oneOf<RuntimeEnvironment>("NODE_ENV", "development", ["development", "test", "production"]);
  const production = environment === "production";
  const boltPort = integer("LOCAL_NEO4J_BOLT_PORT", 7687, 1, 65535);
  const explicitUri = env.NEO4J_URI?.trim();
  const managedLocally = explicitUri === undefined || explicitUri === "";
  const uri = managedLocally ? `bolt://127.0.0.1:${boltPort}` : explicitUri;
  if (!/^(bolt|neo4j)(\+s|\+ssc)?:\/\/[^\s/]+/.test(uri)) {
    problems.push(`NEO4J_URI must be a bolt:// or neo4j:// URI, optionally +s or +ssc (got "${uri}")`);
  }
  const password = env.NEO4J_PASSWORD ?? (managedLocally ? LOCAL_NEO4J_DEFAULT_PASSWORD : "");
  if (password === "") {
    problems.push("NEO4J_PASSWORD is required when NEO4J_URI points to a Neo4j the project does not run itself");
  } else if (managedLocally && password.length < 8) {
    problems.push("NEO4J_PASSWORD must have at least 8 characters (Neo4j's minimum) for the local Neo4j");
  }
  const logLevel = text("LOG_LEVEL", environment === "test" ? "warn" : "info");
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}`);

  const config: AppConfig = {
    environment,
    // Loopback by default: exposing the server is a decision (the Docker image sets HOST=0.0.0.0).
    http: {
      host: text("HOST", "127.0.0.1"),
      port: integer("PORT", 4000, 0, 65535),
      headersTimeoutMs: integer("HTTP_HEADERS_TIMEOUT_MS", 10_000, 1_000, 600_000),
      requestTimeoutMs: integer("HTTP_REQUEST_TIMEOUT_MS", 30_000, 1_000, 3_600_000),
      failureLogIntervalMs: integer("LOG_FAILURE_INTERVAL_MS", 10_000, 100, 3_600_000),
      corsOrigins: corsOrigins(text("CORS_ORIGINS", DEFAULT_CORS_ORIGINS), problems),
    },
    graphql: {
      maxCost: integer("GRAPHQL_MAX_QUERY_COST", 60_000, 100, 10_000_000),
      maxAliases: integer("GRAPHQL_MAX_ALIASES", 30, 1, 1_000),
      maxDepth: integer("GRAPHQL_MAX_DEPTH", 15, 2, 100),
      maxDirectives: integer("GRAPHQL_MAX_DIRECTIVES", 30, 1, 1_000),
      maxTokens: integer("GRAPHQL_MAX_TOKENS", 5_000, 100, 1_000_000),
      maxVariableDepth: integer("GRAPHQL_MAX_VARIABLE_DEPTH", 16, 2, 256),
      requestTimeoutMs: integer("GRAPHQL_REQUEST_TIMEOUT_MS", 15_000, 200, 600_000),
      introspection: flag("GRAPHQL_INTROSPECTION", !production),
      schemaHints: flag("GRAPHQL_SCHEMA_HINTS", !production),
      landingPage: oneOf<"sandbox" | "none">("GRAPHQL_LANDING_PAGE", production ? "none" : "sandbox", ["sandbox", "none"]),
      compileAfterRuns: integer("GRAPHQL_COMPILE_AFTER_RUNS", 1, 0, 1_000_000_000),
    },
    auth: {
      readsRequireKey: flag("AUTH_READS_REQUIRE_KEY", false),
      keyCacheMs: integer("AUTH_KEY_CACHE_MS", 5_000, 0, 300_000),
      failureLimit: integer("AUTH_FAILURE_LIMIT", 10, 1, 100_000),
      failureWindowMs: integer("AUTH_FAILURE_WINDOW_MS", 60_000, 1_000, 86_400_000),
    },
    live: {
      pollIntervalMs: integer("LIVE_POLL_INTERVAL_MS", 500, 50, 60_000),
      maxQueuedChanges: integer("LIVE_MAX_QUEUED_CHANGES", 100, 1, 10_000),
    },
    logLevel,
    neo4j: {
      uri,
      username: text("NEO4J_USERNAME", "neo4j"),
      password,
      database: text("NEO4J_DATABASE", "neo4j"),
      managedLocally,
      queryTimeoutMs: integer("NEO4J_QUERY_TIMEOUT_MS", 10_000, 100, 600_000),
      traversalTimeoutMs: integer("NEO4J_TRAVERSAL_TIMEOUT_MS", 5_000, 100, 600_000),
      connectionTimeoutMs: integer("NEO4J_CONNECTION_TIMEOUT_MS", 3_000, 100, 120_000),
      maxRetryTimeMs: integer("NEO4J_MAX_RETRY_TIME_MS", 2_000, 0, 120_000),
      responseGraceMs: integer("NEO4J_RESPONSE_GRACE_MS", 3_000, 100, 120_000),
      maxConnectionPoolSize: integer("NEO4J_MAX_CONNECTION_POOL_SIZE", 100, 2, 10_000),
      maxConcurrentQueries: integer("NEO4J_MAX_CONCURRENT_QUERIES", 32, 1, 10_000),
      maxQueuedQueries: integer("NEO4J_MAX_QUEUED_QUERIES", 1_000, 0, 1_000_000),
      maxConcurrentTraversals: integer("NEO4J_MAX_CONCURRENT_TRAVERSALS", 4, 1, 1_000),
      maxQueuedTraversals: integer("NEO4J_MAX_QUEUED_TRAVERSALS", 256, 0, 100_000),
      maxConcurrentPerRequest: integer("NEO4J_MAX_CONCURRENT_PER_REQUEST", 4, 1, 1_000),
      readyTimeoutMs: integer("READY_TIMEOUT_MS", 800, 50, 60_000),
      probeIntervalMs: integer("NEO4J_PROBE_INTERVAL_MS", 500, 50, 60_000),
    },
    localNeo4j: {
      home: path.resolve(projectRoot, text("LOCAL_NEO4J_HOME", ".neo4j")),
      boltPort,
      heapSize: text("LOCAL_NEO4J_HEAP", "512m"),
      pageCacheSize: text("LOCAL_NEO4J_PAGECACHE", "256m"),
      javaHome: env.LOCAL_NEO4J_JAVA_HOME?.trim() || undefined,
      systemJavaHome: env.JAVA_HOME?.trim() || undefined,
      startTimeoutSeconds: integer("LOCAL_NEO4J_START_TIMEOUT_S", 180, 5, 3600),
    },
  };
  if (config.http.headersTimeoutMs > config.http.requestTimeoutMs) {
    problems.push("HTTP_HEADERS_TIMEOUT_MS must not be above HTTP_REQUEST_TIMEOUT_MS (the headers are part of the request)");
  }
  if (config.neo4j.maxConcurrentQueries >= config.neo4j.maxConnectionPoolSize) {
    // The pool must keep a connection free for /ready and the seed, whatever the load.
    problems.push("NEO4J_MAX_CONCURRENT_QUERIES must be below NEO4J_MAX_CONNECTION_POOL_SIZE");
  }
  if (problems.length > 0) {
    throw new ConfigError(`Invalid configuration:\n- ${problems.join("\n- ")}`);
  }
  return deepFreeze(config);
}

/** The repository root, whether running from `src/` (ts-jest) or from `dist/src/` (compiled). */
export function defaultProjectRoot(): string {
  const here = __dirname;
  return here.includes(`${path.sep}dist${path.sep}`) ? path.resolve(here, "..", "..") : path.resolve(here, "..");
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object") {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
