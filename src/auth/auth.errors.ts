/**
 * The errors of authentication and authorisation. Each carries its HTTP status (and headers) in
 * `extensions.http`, which Apollo Server turns into the response's status whether the error is
 * thrown by the context function (a bad key: nothing runs) or by a resolver (a role too low);
 * Apollo removes `http` from the extensions before the client sees them.
 */
import { GraphQLError } from "graphql";
import { ErrorCode, HTTP_STATUS_BY_CODE } from "../common/errors";

/** RFC 6750's challenge; Apollo wants a Map (it lower-cases names itself). */
const CHALLENGE = 'Bearer realm="knowledge-graph"';

export class UnauthenticatedError extends GraphQLError {
  constructor(message: string) {
    super(message, {
      extensions: {
        code: ErrorCode.UNAUTHENTICATED,
        http: { status: HTTP_STATUS_BY_CODE[ErrorCode.UNAUTHENTICATED], headers: new Map([["www-authenticate", CHALLENGE]]) },
      },
    });
  }
}

export class ForbiddenError extends GraphQLError {
  constructor(message: string, requiredRole: string) {
    super(message, {
      extensions: { code: ErrorCode.FORBIDDEN, requiredRole, http: { status: HTTP_STATUS_BY_CODE[ErrorCode.FORBIDDEN] } },
    });
  }
}

export class RateLimitedError extends GraphQLError {
  constructor(readonly retryAfterSeconds: number) {
    super(
      `Too many failed attempts with API keys from this address; nothing was checked. Retry in ${retryAfterSeconds} s with a valid key.`,
      {
        extensions: {
          code: ErrorCode.RATE_LIMITED,
          retryAfterSeconds,
          http: {
            status: HTTP_STATUS_BY_CODE[ErrorCode.RATE_LIMITED],
            headers: new Map([["retry-after", String(retryAfterSeconds)]]),
          },
        },
      },
    );
  }
}

/** The headers an auth error asks for, for the REST routes (Apollo reads them itself on /graphql). */
export function httpHeadersOf(error: GraphQLError): Array<[string, string]> {
  const http = error.extensions.http as { headers?: Map<string, string> } | undefined;
  return http?.headers ? [...http.headers.entries()] : [];
}
