/**
 * The one place where Neo4j driver errors become client-facing errors. Repositories and the
 * query runner never let a raw `Neo4jError` reach a resolver.
 */
import { Neo4jError } from "neo4j-driver";
import { GraphQLError } from "graphql";
import { QueryTimeoutError, ServiceUnavailableError } from "../common/errors";

const UNAVAILABLE_CODES = new Set([
  "ServiceUnavailable",
  "SessionExpired",
  "Neo.ClientError.Security.Unauthorized",
  "Neo.ClientError.Security.AuthenticationRateLimit",
  "Neo.ClientError.Database.DatabaseNotFound",
  "Neo.TransientError.General.DatabaseUnavailable",
]);

export function mapNeo4jError(error: unknown, queryTimeoutMs?: number): unknown {
  if (error instanceof GraphQLError) return error;
  if (error instanceof Neo4jError) {
    if (error.code.startsWith("Neo.ClientError.Transaction.TransactionTimedOut")) {
      return new QueryTimeoutError(queryTimeoutMs, error);
    }
    if (UNAVAILABLE_CODES.has(error.code) || error.retryable) {
      return new ServiceUnavailableError(error);
    }
  }
  return error;
}
