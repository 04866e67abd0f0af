/**
 * Managing API keys: create (the key is returned once and never stored), revoke, list. The CLI
 * (`npm run keys`, scripts/keys.ts) and the admin mutations both go through here.
 */
import { GraphQLError } from "graphql";
import { BadUserInputError, ErrorCode } from "../common/errors";
import { generateApiKey, hashApiKey } from "./api-key";
import type { ApiKeyRecord, ApiKeyRepository } from "./api-key.repository";
import { ROLES, parseRole, type Role } from "./role";

/** Names appear in change records (`by`) and logs: short, printable, no spaces. */
export const KEY_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;

export interface CreatedApiKey {
  /** The key itself: shown once, to be handed to its holder; the server keeps only its hash. */
  readonly key: string;
  readonly record: ApiKeyRecord;
}

export class ApiKeyService {
  constructor(private readonly repository: ApiKeyRepository) {}

  static checkName(name: string, argument = "name"): string {
    if (!KEY_NAME_PATTERN.test(name)) {
      throw new BadUserInputError(
        argument,
        `"${argument}" must be 1 to 64 letters, digits, ".", "_", "@" or "-", starting with a letter or digit (got ${JSON.stringify(name.slice(0, 80))}).`,
      );
    }
    return name;
  }

  static checkRole(value: string, argument = "role"): Role {
    const role = parseRole(value);
    if (!role) {
      throw new BadUserInputError(
        argument,
        `"${argument}" must be one of ${ROLES.map((r) => r.toLowerCase()).join(", ")} (got ${JSON.stringify(value.slice(0, 40))}).`,
      );
    }
    return role;
  }

  /** A new key; CONFLICT when the name is taken. */
  async create(name: string, role: Role): Promise<CreatedApiKey> {
    ApiKeyService.checkName(name);
    const key = generateApiKey();
    const record = await this.repository.create(name, role, hashApiKey(key));
    return { key, record };
  }

  /** Revokes the key (it stops working within AUTH_KEY_CACHE_MS); NOT_FOUND when no key has the name. */
  async revoke(name: string): Promise<{ key: ApiKeyRecord; wasRevoked: boolean }> {
    ApiKeyService.checkName(name);
    const result = await this.repository.revoke(name);
    if (!result) {
      throw new GraphQLError(`No API key is named "${name}".`, {
        extensions: { code: ErrorCode.NOT_FOUND, argument: "name", id: name },
      });
    }
    return result;
  }

  list(): Promise<ApiKeyRecord[]> {
    return this.repository.list();
  }
}
