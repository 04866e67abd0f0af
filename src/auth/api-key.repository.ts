/**
 * Cypher for API keys: `(:ApiKey {name, role, hash, createdAt, revokedAt?})`. Only the SHA-256
 * of a key is stored (src/auth/api-key.ts); a key is found by its hash (constraint
 * `api_key_hash`), and names are unique (constraint `api_key_name`), revoked keys' included, so a
 * name in the change log always means one key.
 */
import neo4j from "neo4j-driver-core";
import type { QueryRunner } from "../graph/query-runner";
import { ConflictError } from "../common/errors";
import type { Role } from "./role";

/** A key as listed: never its hash. */
export interface ApiKeyRecord {
  readonly name: string;
  readonly role: Role;
  /** ISO instant. */
  readonly createdAt: string;
  /** ISO instant, or null while the key works. */
  readonly revokedAt: string | null;
}

/** What a request's key resolves to. */
export interface ApiKeyMatch {
  readonly name: string;
  readonly role: Role;
  readonly revoked: boolean;
}

const FIELDS = `{ .name, .role, createdAt: k.createdAt, revokedAt: k.revokedAt }`;

const FIND_BY_HASH = `
MATCH (k:ApiKey {hash: $hash})
RETURN k.name AS name, k.role AS role, k.revokedAt IS NOT NULL AS revoked`;

const EXISTS = `MATCH (k:ApiKey {name: $name}) RETURN count(k) > 0 AS taken`;

const CREATE = `
CREATE (k:ApiKey {name: $name, role: $role, hash: $hash, createdAt: datetime()})
RETURN k ${FIELDS} AS key`;

const REVOKE = `
MATCH (k:ApiKey {name: $name})
WITH k, k.revokedAt IS NOT NULL AS wasRevoked
SET k.revokedAt = coalesce(k.revokedAt, datetime())
RETURN k ${FIELDS} AS key, wasRevoked`;

const LIST = `MATCH (k:ApiKey) RETURN k ${FIELDS} AS key ORDER BY k.createdAt, k.name`;

const DELETE_BY_NAMES = `MATCH (k:ApiKey) WHERE k.name IN $names DETACH DELETE k`;

/** A Neo4j DateTime as an ISO instant with milliseconds ("2026-11-28T14:50:00.123Z"). */
function instant(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return neo4j.isDateTime(value) ? value.toStandardDate().toISOString() : String(value);
}

function toRecord(value: Record<string, unknown>): ApiKeyRecord {
  return {
    name: String(value.name),
    role: String(value.role) as Role,
    createdAt: instant(value.createdAt) ?? "",
    revokedAt: instant(value.revokedAt),
  };
}

export class ApiKeyRepository {
  constructor(private readonly runner: QueryRunner) {}

  findByHash(hash: string): Promise<ApiKeyMatch | null> {
    return this.runner.read("apiKey.findByHash", async (tx) => {
      const record = (await tx.run(FIND_BY_HASH, { hash })).records[0];
      if (!record) return null;
      return {
        name: String(record.get("name")),
        role: String(record.get("role")) as Role,
        revoked: record.get("revoked") === true,
      };
    });
  }

  /** Stores a new key's hash; CONFLICT when the name is taken (by a working or a revoked key). */
  create(name: string, role: Role, hash: string): Promise<ApiKeyRecord> {
    return this.runner.write("apiKey.create", async (tx) => {
      // The constraint alone would say so too, in Neo4j's words; this says it in ours. Two
      // creations racing for one name still meet the constraint (CONFLICT as well).
      const taken = (await tx.run(EXISTS, { name })).records[0].get("taken") === true;
      if (taken)
        throw new ConflictError(`An API key named "${name}" already exists (names are never reused, even once revoked).`);
      const record = (await tx.run(CREATE, { name, role, hash })).records[0];
      return toRecord(record.get("key"));
    });
  }

  /** Marks the key revoked (once: a second revocation keeps the first date); null when no key has the name. */
  revoke(name: string): Promise<{ key: ApiKeyRecord; wasRevoked: boolean } | null> {
    return this.runner.write("apiKey.revoke", async (tx) => {
      const record = (await tx.run(REVOKE, { name })).records[0];
      return record ? { key: toRecord(record.get("key")), wasRevoked: record.get("wasRevoked") === true } : null;
    });
  }

  list(): Promise<ApiKeyRecord[]> {
    return this.runner.read("apiKey.list", async (tx) =>
      (await tx.run(LIST)).records.map((record) => toRecord(record.get("key"))),
    );
  }

  /** For tests and tooling that clean up after themselves. */
  deleteByNames(names: readonly string[]): Promise<void> {
    return this.runner.write("apiKey.deleteByNames", async (tx) => {
      await tx.run(DELETE_BY_NAMES, { names: [...names] });
    });
  }
}
