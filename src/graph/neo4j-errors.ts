/**
 * The one place where Neo4j driver errors become client-facing errors. Repositories and the
 * query runner never let a raw `Neo4jError` reach a resolver.
 *
 * What the client can act on decides the code: a timeout is QUERY_TIMEOUT (narrow the query);
 * anything about reaching or running the database (network, pool, authentication, a database
 * error, a transient error still failing after the driver's retries) is SERVICE_UNAVAILABLE
 * (retry later). What is left, client errors on our own Cypher, is a server bug and stays
 * INTERNAL_SERVER_ERROR, logged once by formatError.
 */
import { Neo4jError } from "neo4j-driver";
import { GraphQLError } from "graphql";
import { QueryTimeoutError, ServiceUnavailableError } from "../common/errors";

const UNAVAILABLE_CODES = new Set([
  "ServiceUnavailable",
  "SessionExpired",
  "Neo.ClientError.Security.Unauthorized",
  "Neo.ClientError.Security.AuthenticationRateLimit",
  "Neo.ClientError.Security.CredentialsExpired",
  "Neo.ClientError.Database.DatabaseNotFound",
  "Neo.ClientError.Cluster.NotALeader",
  "Neo.ClientError.General.ForbiddenOnReadOnlyDatabase",
]);

/** Driver-side failures that carry no server code ("N/A"), recognised by their message. */
const UNAVAILABLE_MESSAGES = [/connection acquisition timed out/i, /pool is closed/i, /connection was closed/i, /failed to connect/i];

export function mapNeo4jError(error: unknown, queryTimeoutMs?: number): unknown {
  if (error instanceof GraphQLError) return error;
  if (error instanceof Neo4jError) {
    const code = error.code ?? "";
    if (code.startsWith("Neo.ClientError.Transaction.TransactionTimedOut")) {
      return new QueryTimeoutError(queryTimeoutMs, error);
    }
    if (
      UNAVAILABLE_CODES.has(code) ||
      error.retryable ||
      code.startsWith("Neo.TransientError.") ||
      code.startsWith("Neo.DatabaseError.") ||
      UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(error.message))
    ) {
      return new ServiceUnavailableError(error);
    }
  }
  return error;
}
