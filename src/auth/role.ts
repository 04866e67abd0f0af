/**
 * The roles an API key carries. They are ranked: an ADMIN key may do all an EDITOR key may, and
 * an EDITOR key all a READER key may. A field declares the least role it needs with type-graphql's
 * `@Authorized(Role.EDITOR)` (src/auth/auth-checker.ts enforces it).
 */
import { registerEnumType } from "type-graphql";

export enum Role {
  READER = "READER",
  EDITOR = "EDITOR",
  ADMIN = "ADMIN",
}

registerEnumType(Role, {
  name: "Role",
  description:
    "What an API key may do. Roles are ranked: ADMIN may do all EDITOR may, EDITOR all READER may. " +
    "Send the key as `Authorization: Bearer <key>`.",
  valuesConfig: {
    READER: {
      description:
        "Reads (queries and subscriptions). Needed only when the server sets AUTH_READS_REQUIRE_KEY; reads are open otherwise.",
    },
    EDITOR: { description: "Reads, and every write (mutations that change the graph), recorded under the key's name." },
    ADMIN: { description: "All an editor may, and the management of API keys (createApiKey, revokeApiKey)." },
  },
});

const RANK: Readonly<Record<Role, number>> = { [Role.READER]: 1, [Role.EDITOR]: 2, [Role.ADMIN]: 3 };

export const ROLES: readonly Role[] = [Role.READER, Role.EDITOR, Role.ADMIN];

/** True when `held` is `needed` or ranks above it. */
export function roleSatisfies(held: Role, needed: Role): boolean {
  return RANK[held] >= RANK[needed];
}

/** The role named by `value` ("editor", "EDITOR"), or undefined when it names none. */
export function parseRole(value: string): Role | undefined {
  const upper = value.trim().toUpperCase();
  return ROLES.find((role) => role === upper);
}
