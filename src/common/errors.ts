/**
 * Errors that reach clients. Each carries `extensions.code` from one enum, so clients branch on
 * the code, never on the message. Anything else thrown inside a resolver is masked as
 * INTERNAL_SERVER_ERROR by `formatError` (src/http/format-error.ts).
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
  /** The query ran longer than the configured Neo4j transaction timeout, or the request past its deadline. */
  QUERY_TIMEOUT = "QUERY_TIMEOUT",
  /** Too many queries are already waiting for Neo4j; nothing ran. Retry after a short pause. */
  SERVER_BUSY = "SERVER_BUSY",
  /** The write contradicts what the graph holds (a uniqueness constraint); nothing was written. */
  CONFLICT = "CONFLICT",
  /** Not run: another field of the same operation was refused (its error says why). */
  OPERATION_ABORTED = "OPERATION_ABORTED",
  /** A `graphChanged` subscriber fell too far behind (LIVE_MAX_QUEUED_CHANGES): the server closed it. Subscribe again. */
  SUBSCRIBER_TOO_SLOW = "SUBSCRIBER_TOO_SLOW",
  /** No API key where one is needed, or an unknown, revoked or malformed one (HTTP 401, `WWW-Authenticate: Bearer`). */
  UNAUTHENTICATED = "UNAUTHENTICATED",
  /** The API key's role is below what the operation needs (HTTP 403); `extensions.requiredRole` names the least role that would do. */
  FORBIDDEN = "FORBIDDEN",
  /** Too many failed API-key attempts from this address: refused unchecked until `Retry-After` (HTTP 429). */
  RATE_LIMITED = "RATE_LIMITED",
  INTERNAL_SERVER_ERROR = "INTERNAL_SERVER_ERROR",
}

/**
 * The HTTP status of each code, for the answers that carry one (REST export, refused requests):
 * the one table, so the GraphQL and REST surfaces agree.
 */
export const HTTP_STATUS_BY_CODE: Readonly<Record<string, number>> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.QUERY_TOO_COMPLEX]: 400,
  [ErrorCode.OPERATION_ABORTED]: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.RATE_LIMITED]: 429,
  [ErrorCode.SERVICE_UNAVAILABLE]: 503,
  [ErrorCode.SERVER_BUSY]: 503,
  [ErrorCode.QUERY_TIMEOUT]: 504,
};

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
  /**
   * @param unreachable true when Neo4j itself could not be reached or did not answer (it opens the
   * circuit breaker); false when the database is there but this server could not use it in time
   * (a saturated pool), which says nothing about the database.
   */
  constructor(
    cause?: unknown,
    message = "The graph database is unavailable; try again shortly.",
    readonly unreachable = true,
  ) {
    super(message, {
      extensions: { code: ErrorCode.SERVICE_UNAVAILABLE },
      originalError: cause instanceof Error ? cause : undefined,
    });
  }
}

export class QueryTimeoutError extends GraphQLError {
  constructor(timeoutMs: number | undefined, cause?: unknown, what = "query") {
    const limit = timeoutMs === undefined ? "Neo4j's transaction timeout" : `${timeoutMs} ms`;
    super(`The ${what} took longer than ${limit} and was stopped; narrow it (fewer types, a smaller page).`, {
      extensions: { code: ErrorCode.QUERY_TIMEOUT },
      originalError: cause instanceof Error ? cause : undefined,
    });
  }
}

export class ConflictError extends GraphQLError {
  constructor(message: string, cause?: unknown) {
    super(message, { extensions: { code: ErrorCode.CONFLICT }, originalError: cause instanceof Error ? cause : undefined });
  }
}

/**
 * The REST envelope of an error (`{ error: { code, message, argument? } }`) and its HTTP status,
 * from the same codes the GraphQL answers carry: one mapping for both surfaces.
 */
export function restError(error: { message: string; extensions?: Record<string, unknown> }): {
  status: number;
  body: { error: { code: string; message: string; argument?: unknown } };
} {
  const code = String(error.extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR);
  const argument = error.extensions?.argument;
  const known = code in HTTP_STATUS_BY_CODE;
  return {
    status: HTTP_STATUS_BY_CODE[code] ?? 500,
    body: { error: { code, message: known ? error.message : "Internal server error", ...(argument ? { argument } : {}) } },
  };
}

export class ServerBusyError extends GraphQLError {
  constructor(what: string) {
    super(`The server is busy: too many ${what} are already waiting for the graph database. Retry in a moment.`, {
      extensions: { code: ErrorCode.SERVER_BUSY },
    });
  }
}

export class OperationAbortedError extends GraphQLError {
  constructor() {
    super("Not run: another field of this operation was refused; correct it (see its error) and send the operation again.", {
      extensions: { code: ErrorCode.OPERATION_ABORTED },
    });
  }
}
