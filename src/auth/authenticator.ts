/**
 * Who sent a request: the principal resolution shared by HTTP (/graphql and the REST routes)
 * and WebSocket subscriptions (graphql-ws `connectionParams.Authorization`).
 *
 * - No key: anonymous (null), unless AUTH_READS_REQUIRE_KEY asks for one (`authenticate`).
 * - A key: looked up by its SHA-256 in Neo4j. Unknown, revoked or malformed: UNAUTHENTICATED
 *   (HTTP 401), even where no key is needed, so a client never believes it sends a key that
 *   does not count. Each failure is logged with the client address and the reason, never the
 *   key nor its hash.
 * - Answers (found, unknown, revoked) are cached in this process for AUTH_KEY_CACHE_MS, so a
 *   client sending its key with every request does not cost a Neo4j round trip each time; a
 *   revoked key therefore stops working within that time on every instance. Nothing else is
 *   kept: instances share only Neo4j.
 * - An address that fails AUTH_FAILURE_LIMIT times in AUTH_FAILURE_WINDOW_MS gets RATE_LIMITED
 *   (HTTP 429, `Retry-After`) for its further attempts with an uncached key until the window
 *   ends (src/auth/failure-throttle.ts); requests without a key are not affected.
 */
import { GraphQLError } from "graphql";
import type { AuthConfig } from "../config";
import type { QueryRunner } from "../graph/query-runner";
import type { Logger } from "../logger";
import { hashApiKey, parseAuthorization } from "./api-key";
import { ApiKeyRepository, type ApiKeyMatch } from "./api-key.repository";
import { RateLimitedError, UnauthenticatedError } from "./auth.errors";
import { FailureThrottle } from "./failure-throttle";
import type { Principal } from "./principal";
import { HTTP_STATUS_BY_CODE } from "../common/errors";

interface CacheEntry {
  readonly match: ApiKeyMatch | null;
  readonly expiresAt: number;
}

export interface AuthenticatorOptions {
  readonly config: AuthConfig;
  readonly logger: Logger;
  /** Finds a key by its hash; the repository over the process's query runner in production. */
  readonly lookup: (hash: string) => Promise<ApiKeyMatch | null>;
  /** The clock, for tests. */
  readonly now?: () => number;
  readonly maxCachedKeys?: number;
}

export class Authenticator {
  readonly throttle: FailureThrottle;
  private readonly cache = new Map<string, CacheEntry>();
  private readonly now: () => number;
  private readonly maxCachedKeys: number;

  constructor(private readonly options: AuthenticatorOptions) {
    this.now = options.now ?? Date.now;
    this.maxCachedKeys = options.maxCachedKeys ?? 10_000;
    this.throttle = new FailureThrottle({
      limit: options.config.failureLimit,
      windowMs: options.config.failureWindowMs,
      now: this.now,
    });
  }

  static forRunner(runner: QueryRunner, config: AuthConfig, logger: Logger): Authenticator {
    const repository = new ApiKeyRepository(runner);
    return new Authenticator({ config, logger, lookup: (hash) => repository.findByHash(hash) });
  }

  /**
   * The principal of an `Authorization` header (`Bearer <key>`), or null when it carries no key.
   * Throws UnauthenticatedError for an unknown, revoked or malformed key, RateLimitedError while
   * `address` is throttled, and the lookup's own coded error (SERVICE_UNAVAILABLE, …) with its
   * HTTP status when Neo4j cannot answer.
   */
  principalFromAuthorization = async (header: string | undefined, address: string): Promise<Principal | null> => {
    const parsed = parseAuthorization(header);
    if (parsed.kind === "none") return null;
    if (parsed.kind === "malformed") {
      this.refuseIfThrottled(address);
      throw this.failure(address, parsed.reason);
    }
    const hash = hashApiKey(parsed.key);
    const cached = this.cached(hash);
    // A key known to be good works even from a throttled address (a client behind the same NAT
    // as a misbehaving one): it costs no lookup, which is what the throttle protects.
    if (cached?.match && !cached.match.revoked) return toPrincipal(cached.match);
    this.refuseIfThrottled(address);
    const match = cached ? cached.match : await this.lookup(hash);
    if (!match) throw this.failure(address, "unknown key");
    if (match.revoked) throw this.failure(address, "revoked key", match.name);
    return toPrincipal(match);
  };

  /**
   * `principalFromAuthorization`, then the server's read policy: with AUTH_READS_REQUIRE_KEY
   * a request without a key is UNAUTHENTICATED. What every HTTP request and WebSocket
   * connection goes through; each field's own role is then checked by the authChecker.
   */
  authenticate = async (header: string | undefined, address: string): Promise<Principal | null> => {
    const principal = await this.principalFromAuthorization(header, address);
    if (!principal && this.options.config.readsRequireKey) {
      throw new UnauthenticatedError(
        "This server requires an API key for every request: send `Authorization: Bearer <key>` (a READER key or above).",
      );
    }
    return principal;
  };

  /** Forgets cached answers, e.g. after revoking a key in the same process (the admin mutation). */
  forget(): void {
    this.cache.clear();
  }

  private async lookup(hash: string): Promise<ApiKeyMatch | null> {
    let match: ApiKeyMatch | null;
    try {
      match = await this.options.lookup(hash);
    } catch (error) {
      // Thrown from the context function, a coded error needs its status said (Apollo's default
      // there is 500): SERVICE_UNAVAILABLE is a 503 like everywhere else.
      if (error instanceof GraphQLError && !error.extensions.http) {
        const status = HTTP_STATUS_BY_CODE[String(error.extensions.code)];
        if (status)
          throw new GraphQLError(error.message, { extensions: { ...error.extensions, http: { status } }, originalError: error });
      }
      throw error;
    }
    const ttl = this.options.config.keyCacheMs;
    if (ttl > 0) {
      if (this.cache.size >= this.maxCachedKeys) this.makeRoom();
      this.cache.set(hash, { match, expiresAt: this.now() + ttl });
    }
    return match;
  }

  private cached(hash: string): CacheEntry | undefined {
    const entry = this.cache.get(hash);
    if (entry && entry.expiresAt <= this.now()) {
      this.cache.delete(hash);
      return undefined;
    }
    return entry;
  }

  private makeRoom(): void {
    const now = this.now();
    for (const [hash, entry] of this.cache) if (entry.expiresAt <= now) this.cache.delete(hash);
    for (const hash of this.cache.keys()) {
      if (this.cache.size < this.maxCachedKeys) break;
      this.cache.delete(hash);
    }
  }

  private refuseIfThrottled(address: string): void {
    const verdict = this.throttle.check(address);
    if (!verdict.allowed) throw new RateLimitedError(Math.max(1, Math.ceil(verdict.retryAfterMs / 1000)));
  }

  /** Counts and logs one failed attempt (never the key nor its hash) and returns the error to throw. */
  private failure(address: string, reason: string, keyName?: string): UnauthenticatedError {
    const failures = this.throttle.recordFailure(address);
    const { failureLimit, failureWindowMs } = this.options.config;
    this.options.logger.warn(
      { address, reason, ...(keyName ? { keyName } : {}), failures, windowMs: failureWindowMs },
      failures >= failureLimit
        ? `API key refused; ${failures} failures from this address: its further attempts are refused (RATE_LIMITED) until the window ends`
        : "API key refused",
    );
    const message =
      reason === "revoked key"
        ? "This API key has been revoked; ask an administrator for a new one."
        : reason === "unknown key"
          ? "This API key is not known to the server (mistyped, or from another server)."
          : `Malformed Authorization header: ${reason}.`;
    return new UnauthenticatedError(message);
  }
}

function toPrincipal(match: ApiKeyMatch): Principal {
  return { keyName: match.name, role: match.role };
}
