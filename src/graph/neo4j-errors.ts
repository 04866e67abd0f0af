/**
 * The one place where Neo4j driver errors become client-facing errors. Repositories and the
 * query runner never let a raw `Neo4jError` reach a resolver.
 *
 * What the client can act on decides the code: a timeout is QUERY_TIMEOUT (narrow the query);
 * anything about reaching or running the database (network, pool, authentication, a database
 * error, a transient error still failing after the driver's retries) is SERVICE_UNAVAILABLE
 * (retry later). A uniqueness constraint refusing a write is CONFLICT. What is left, client errors on our own Cypher, is a server bug and stays
 * INTERNAL_SERVER_ERROR, logged once by formatError.
 */
import { Neo4jError } from "neo4j-driver-core";
import { GraphQLError } from "graphql";
import { ConflictError, QueryTimeoutError, ServiceUnavailableError } from "../common/errors";

/** Neo4j cannot be reached, or its database is not online (starting, stopping). */
const UNREACHABLE_CODES = new Set(["ServiceUnavailable", "SessionExpired", "Neo.TransientError.General.DatabaseUnavailable"]);

/** Neo4j answers, but cannot serve us: credentials, a missing database, a follower asked to write. */
const UNAVAILABLE_CODES = new Set([
  "Neo.ClientError.Security.Unauthorized",
  "Neo.ClientError.Security.AuthenticationRateLimit",
  "Neo.ClientError.Security.CredentialsExpired",
  "Neo.ClientError.Database.DatabaseNotFound",
  "Neo.ClientError.Cluster.NotALeader",
  "Neo.ClientError.General.ForbiddenOnReadOnlyDatabase",
]);

/**
 * A transaction Neo4j stopped from outside (its timeout reached while it waited for a lock, a
 * shutdown, an operator): nothing was written, so the client may retry. Neo4j calls these client
 * errors and the driver does not retry them; seen as "no more locks can be acquired" after a
 * restart, while writes queued for the lock they serialise on.
 */
const STOPPED_CODES = new Set(["Neo.ClientError.Transaction.LockClientStopped", "Neo.ClientError.Transaction.Terminated"]);

/** Driver-side failures that carry no server code ("N/A"), recognised by their message. */
const UNREACHABLE_MESSAGES = [/connection was closed/i, /failed to connect/i];
/** The database is there, but this process could not get a connection to it in time. */
const SATURATED_MESSAGES = [/connection acquisition timed out/i, /pool is closed/i];

export function mapNeo4jError(error: unknown, queryTimeoutMs?: number): unknown {
  if (error instanceof GraphQLError) return error;
  if (error instanceof Neo4jError) {
    const code = error.code ?? "";
    if (code.startsWith("Neo.ClientError.Transaction.TransactionTimedOut")) {
      return new QueryTimeoutError(queryTimeoutMs, error);
    }
    if (code === "Neo.ClientError.Schema.ConstraintValidationFailed") {
      return new ConflictError(`The write conflicts with the graph: ${error.message.split("\n")[0]}`, error);
    }
    if (SATURATED_MESSAGES.some((pattern) => pattern.test(error.message))) {
      return new ServiceUnavailableError(
        error,
        "The server has no free connection to the graph database right now; try again shortly.",
        false,
      );
    }
    if (UNREACHABLE_CODES.has(code) || UNREACHABLE_MESSAGES.some((pattern) => pattern.test(error.message))) {
      return new ServiceUnavailableError(error);
    }
    if (
      UNAVAILABLE_CODES.has(code) ||
      STOPPED_CODES.has(code) ||
      error.retryable ||
      code.startsWith("Neo.TransientError.") ||
      code.startsWith("Neo.DatabaseError.")
    ) {
      return new ServiceUnavailableError(error, undefined, false);
    }
  }
  return error;
}
