/**
 * Errors that reach clients. Each carries `extensions.code` from one enum, so clients branch on
 * the code, never on the message. Anything else thrown inside a resolver is masked as
 * INTERNAL_SERVER_ERROR by `formatError` (src/server/format-error.ts).
 */
import { GraphQLError } from "graphql";

export enum ErrorCode {
  /** An argument is malformed or out of range; `extensions.argument` names it. */
  BAD_USER_INPUT = "BAD_USER_INPUT",
  /** A required thing does not exist; `extensions.argument` and `extensions.id` say which. */
  NOT_FOUND = "NOT_FOUND",
  /** Neo4j cannot be reached; retry later (the server itself stays up). */
  SERVICE_UNAVAILABLE = "SERVICE_UNAVAILABLE",
  /** The operation's estimated cost is over the limit (nesting, aliases, page sizes); nothing ran. */
  QUERY_TOO_COMPLEX = "QUERY_TOO_COMPLEX",
  /** The query ran longer than the configured Neo4j transaction timeout. */
  QUERY_TIMEOUT = "QUERY_TIMEOUT",
  INTERNAL_SERVER_ERROR = "INTERNAL_SERVER_ERROR",
}

export class BadUserInputError extends GraphQLError {
  constructor(argument: string, message: string, details?: Record<string, unknown>) {
    super(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, argument, ...details } });
  }
}

export class NotFoundError extends GraphQLError {
  constructor(what: string, id: string, argument?: string) {
    super(`No ${what} has the id "${id}".`, {
      extensions: { code: ErrorCode.NOT_FOUND, id, ...(argument ? { argument } : {}) },
    });
  }
}

export class ServiceUnavailableError extends GraphQLError {
  constructor(cause?: unknown) {
    super("The graph database is unavailable; try again shortly.", {
      extensions: { code: ErrorCode.SERVICE_UNAVAILABLE },
      originalError: cause instanceof Error ? cause : undefined,
    });
  }
}

export class QueryTimeoutError extends GraphQLError {
  constructor(timeoutMs: number | undefined, cause?: unknown) {
    const limit = timeoutMs === undefined ? "Neo4j's transaction timeout" : `${timeoutMs} ms`;
    super(`The query took longer than ${limit} and was stopped; narrow it (fewer types, a smaller page).`, {
      extensions: { code: ErrorCode.QUERY_TIMEOUT },
      originalError: cause instanceof Error ? cause : undefined,
    });
  }
}
