import neo4j, { type Driver } from "neo4j-driver";
import type { Neo4jConfig } from "../config";
import type { FailureLog } from "../failure-log";

/**
 * The one driver of the process. It pools connections and, with a `neo4j://` or `neo4j+s://`
 * URI, routes reads to followers and writes to the leader of a cluster or Aura.
 */
export function createDriver(config: Neo4jConfig, failures: FailureLog): Driver {
  return neo4j.driver(config.uri, neo4j.auth.basic(config.username, config.password), {
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
