import {
  BoltProvider,
  Driver as CoreDriver,
  ProtocolVersion,
  auth,
  internal,
  resolveCertificateProvider,
  staticAuthTokenManager,
  type SessionConfig,
  type types,
} from "neo4j-driver-core";
import { BoltProtocol, DirectConnectionProvider, RoutingConnectionProvider, channel } from "neo4j-driver-bolt-connection";
import type { Driver, RxSession } from "neo4j-driver";
import type { Neo4jConfig } from "../config";
import type { FailureLog } from "../failure-log";

/**
 * The one driver of the process. It pools connections and, with a `neo4j://` or `neo4j+s://`
 * URI, routes reads to followers and writes to the leader of a cluster or Aura.
 */
export function createDriver(config: Neo4jConfig, failures: FailureLog): Driver {
  return newDriver(config.uri, auth.basic(config.username, config.password), {
    // Fail fast while Neo4j is down, so clients get SERVICE_UNAVAILABLE in seconds, not minutes.
    connectionTimeout: config.connectionTimeoutMs,
    connectionAcquisitionTimeout: config.connectionTimeoutMs * 2,
    maxConnectionPoolSize: config.maxConnectionPoolSize,
    maxTransactionRetryTime: config.maxRetryTimeMs,
    userAgent: "knowledge-graph-server/0.1",
    logging: {
      // The driver logs each failed attempt; during an outage that is a line per request, so its
      // messages go through the failure log, one line per kind per interval.
      level: "warn",
      logger: (level, message) =>
        failures.record(
          `neo4j driver: ${message.replace(/\d+/g, "N").slice(0, 120)}`,
          { message },
          level === "error" ? "error" : "warn",
        ),
    },
  });
}

/** neo4j-driver's version, which the two packages below have too (package.json pins all three). */
/* eslint-disable-next-line @typescript-eslint/no-require-imports -- a JSON file, read once */
const DRIVER_VERSION = (require("neo4j-driver/package.json") as { version: string }).version;

/**
 * neo4j-driver's Driver, whose reactive sessions are loaded when one is first asked for. The
 * package's index loads its reactive API, and RxJS with it, whatever the caller uses: 226 modules,
 * about 115 ms of the server's cold start (issue 9), for `rxSession`, which nothing here calls.
 */
class Neo4jDriver extends CoreDriver implements Driver {
  rxSession(config?: SessionConfig): RxSession {
    /* eslint-disable-next-line @typescript-eslint/no-require-imports -- loads RxJS, see above */
    const full = require("neo4j-driver/lib/driver") as { Driver: { prototype: Driver } };
    return full.Driver.prototype.rxSession.call(this, config);
  }
}

/**
 * `neo4j.driver(url, authToken, config)` as neo4j-driver 6.3.0 defines it (lib/index.js), from the
 * two packages it delegates to (neo4j-driver-lite does the same), returning the class above. The
 * three packages are pinned to one version in package.json; tests/unit/driver.test.ts fails when
 * they differ, or when this function no longer builds what `neo4j.driver` builds.
 */
export function newDriver(url: string, authToken: types.AuthToken, config: types.InternalConfig = {}): Driver {
  const parsedUrl = internal.urlUtil.parseDatabaseUrl(internal.util.assertString(url, "Bolt URL"));
  const bolt = new BoltProtocol(undefined, undefined, {
    disableLosslessIntegers: config.disableLosslessIntegers,
    useBigInt: config.useBigInt,
  });
  const boltProvider = new BoltProvider(
    new Map([["1", { version: new ProtocolVersion(1, 0), bolt }]]),
    "1",
    (channel as unknown as { alloc: (size: number | ArrayBuffer | Int8Array) => unknown }).alloc,
  );
  const schemes: Record<string, { routing: boolean; trust?: types.TrustStrategy }> = {
    bolt: { routing: false },
    "bolt+s": { routing: false, trust: "TRUST_SYSTEM_CA_SIGNED_CERTIFICATES" },
    "bolt+ssc": { routing: false, trust: "TRUST_ALL_CERTIFICATES" },
    neo4j: { routing: true },
    "neo4j+s": { routing: true, trust: "TRUST_SYSTEM_CA_SIGNED_CERTIFICATES" },
    "neo4j+ssc": { routing: true, trust: "TRUST_ALL_CERTIFICATES" },
  };
  const scheme = Object.hasOwn(schemes, parsedUrl.scheme ?? "") ? schemes[parsedUrl.scheme ?? ""] : undefined;
  if (!scheme) throw new Error(`Unknown scheme: ${parsedUrl.scheme}`);
  // Encryption enabled on the URL: propagate its trust to the config.
  if (scheme.trust) {
    if ("encrypted" in config || "trust" in config) {
      throw new Error("Encryption/trust can only be configured either through URL or config, not both");
    }
    config.encrypted = internal.util.ENCRYPTION_ON;
    config.trust = scheme.trust;
    config.clientCertificate = resolveCertificateProvider(config.clientCertificate);
  }
  if (!scheme.routing && !internal.util.isEmptyObjectOrNull(parsedUrl.query)) {
    throw new Error(`Parameters are not supported with none routed scheme. Given URL: '${url}'`);
  }
  const authTokenManager = staticAuthTokenManager({ authToken: { ...authToken } });
  config.userAgent = config.userAgent || `neo4j-javascript/${DRIVER_VERSION}`;
  config.boltAgent = internal.boltAgent.fromVersion(DRIVER_VERSION);
  const address = internal.serverAddress.ServerAddress.fromUrl(parsedUrl.hostAndPort);
  return new Neo4jDriver(
    { address, typename: scheme.routing ? "Routing" : "Direct", routing: scheme.routing },
    config,
    (id, driverConfig: types.InternalConfig, log, hostNameResolver) => {
      const common = {
        id,
        config: driverConfig,
        log,
        authTokenManager,
        address,
        userAgent: driverConfig.userAgent,
        boltAgent: driverConfig.boltAgent,
      };
      return scheme.routing
        ? new RoutingConnectionProvider({ ...common, hostNameResolver, routingContext: parsedUrl.query })
        : new DirectConnectionProvider(common);
    },
    boltProvider,
  );
}
