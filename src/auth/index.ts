/**
 * API keys and roles (issue 10). What other features use:
 *
 * - `Role` and `@Authorized(Role.EDITOR)` (from type-graphql) on a resolver method: the method
 *   runs only for a key of that role or above (`Role.ADMIN` for key management). Reads need no
 *   decorator: the server's read policy (AUTH_READS_REQUIRE_KEY) is applied per request.
 * - `context.principal` (RequestContext): `{ keyName, role }` of the request's key, or null for an
 *   anonymous read. Inside an `@Authorized` method it is never null; `requirePrincipal(context)`
 *   says so to the type checker (and throws UNAUTHENTICATED if a method forgot its decorator).
 * - `Authenticator#authenticate(header, address)` (and `principalFromAuthorization` without the
 *   read policy): the principal of an `Authorization` value, for HTTP and WebSocket alike.
 */
import { UnauthenticatedError } from "./auth.errors";
import type { Principal } from "./principal";

export { Role, roleSatisfies, parseRole } from "./role";
export type { Principal } from "./principal";
export { authChecker } from "./auth-checker";
export { Authenticator } from "./authenticator";
export { UnauthenticatedError, ForbiddenError, RateLimitedError } from "./auth.errors";

/** The request's principal; throws UNAUTHENTICATED when there is none. */
export function requirePrincipal(context: { readonly principal?: Principal | null }): Principal {
  if (!context.principal) throw new UnauthenticatedError("This operation needs an API key: send `Authorization: Bearer <key>`.");
  return context.principal;
}
