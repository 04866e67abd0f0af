import neo4j, { type Driver } from "neo4j-driver";
import type { Neo4jConfig } from "../config";
import type { Logger } from "../logger";

/**
 * The one driver of the process. It pools connections and, with a `neo4j://` or `neo4j+s://`
 * URI, routes reads to followers and writes to the leader of a cluster or Aura.
 */
export function createDriver(config: Neo4jConfig, logger: Logger): Driver {
  return neo4j.driver(config.uri, neo4j.auth.basic(config.username, config.password), {
    // Fail fast while Neo4j is down, so clients get SERVICE_UNAVAILABLE in seconds, not minutes.
    connectionTimeout: config.connectionTimeoutMs,
    connectionAcquisitionTimeout: config.connectionTimeoutMs * 2,
    maxTransactionRetryTime: config.maxRetryTimeMs,
    userAgent: "knowledge-graph-server/0.1",
    logging: {
      level: "warn",
      logger: (level, message) => logger[level === "error" ? "error" : "warn"]({ neo4j: true }, message),
    },
  });
}
