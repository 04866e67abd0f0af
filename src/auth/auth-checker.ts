/**
 * type-graphql's authChecker (registered in src/schema.ts): a field decorated with
 * `@Authorized(Role.EDITOR)` runs only for a request whose key has that role or a higher one;
 * `@Authorized()` with no role asks for any key. Without a key: UNAUTHENTICATED (401); with one
 * whose role is too low: FORBIDDEN (403). It throws its own coded errors rather than returning
 * false, which would make type-graphql throw uncoded ones.
 *
 * An arrow function on purpose: type-graphql treats a function with a prototype as a class.
 */
import type { AuthCheckerFn } from "type-graphql";
import { ForbiddenError, UnauthenticatedError } from "./auth.errors";
import type { Principal } from "./principal";
import { ROLES, Role, roleSatisfies } from "./role";

export const authChecker: AuthCheckerFn<{ readonly principal?: Principal | null }, Role> = ({ context }, roles) => {
  // Several roles: any of them will do, so the lowest ranked one is what is needed.
  const needed = ROLES.find((role) => roles.includes(role)) ?? Role.READER;
  const principal = context.principal;
  if (!principal) {
    throw new UnauthenticatedError(
      `This operation needs an API key with the ${needed} role or above: send \`Authorization: Bearer <key>\`.`,
    );
  }
  if (!roleSatisfies(principal.role, needed)) {
    throw new ForbiddenError(
      `This operation needs the ${needed} role or above; the key "${principal.keyName}" is ${principal.role}.`,
      needed,
    );
  }
  return true;
};
