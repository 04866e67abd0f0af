/**
 * What error details leave the server. Errors we raise on purpose carry a code from
 * `ErrorCode` (or Apollo's own request codes) and go out as they are, without stack traces.
 * Anything else is a bug or an unmapped database failure: it is logged with its stack and
 * replaced by a bare INTERNAL_SERVER_ERROR, so no internals reach clients.
 */
import { ApolloServerErrorCode, unwrapResolverError } from "@apollo/server/errors";
import type { GraphQLFormattedError } from "graphql";
import { ErrorCode } from "../common/errors";
import type { FailureLog } from "../failure-log";

const PUBLIC_CODES = new Set<string>([
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.NOT_FOUND,
  ErrorCode.SERVICE_UNAVAILABLE,
  ErrorCode.QUERY_TIMEOUT,
  ErrorCode.QUERY_TOO_COMPLEX,
  ErrorCode.SERVER_BUSY,
  ErrorCode.OPERATION_ABORTED,
  ErrorCode.CONFLICT,
  ErrorCode.UNAUTHENTICATED,
  ErrorCode.FORBIDDEN,
  ErrorCode.RATE_LIMITED,
  ErrorCode.SUBSCRIBER_TOO_SLOW,
  ApolloServerErrorCode.GRAPHQL_PARSE_FAILED,
  ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED,
  ApolloServerErrorCode.BAD_REQUEST,
  ApolloServerErrorCode.OPERATION_RESOLUTION_FAILURE,
  ApolloServerErrorCode.PERSISTED_QUERY_NOT_FOUND,
  ApolloServerErrorCode.PERSISTED_QUERY_NOT_SUPPORTED,
]);

/** Codes that say the database side failed: logged through the failure log, one line a series. */
const OPERATIONAL_CODES = new Set<string>([ErrorCode.SERVICE_UNAVAILABLE, ErrorCode.QUERY_TIMEOUT, ErrorCode.SERVER_BUSY]);

export function createFormatError(failures: FailureLog) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = String(formatted.extensions?.code ?? "");
    // `http` (an error's status and headers) is Apollo's to read, not the client's; Apollo removes
    // it on HTTP, the WebSocket path formats errors itself.
    const { stacktrace: _stacktrace, http: _http, ...extensions } = formatted.extensions ?? {};
    if (PUBLIC_CODES.has(code)) {
      if (OPERATIONAL_CODES.has(code)) {
        const cause = (unwrapResolverError(error) as { originalError?: Error }).originalError;
        failures.record(code, { message: formatted.message, ...(cause ? { cause: cause.message } : {}) });
      }
      return { ...formatted, extensions };
    }
    const unexpected = unwrapResolverError(error);
    // Keyed by the message without its numbers, so one bug is one series in the log.
    const kind = `unexpected error: ${String((unexpected as Error)?.message ?? unexpected)
      .replace(/\d+/g, "N")
      .slice(0, 200)}`;
    failures.record(kind, { err: unexpected, path: formatted.path }, "error");
    return {
      message: "Internal server error",
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}
