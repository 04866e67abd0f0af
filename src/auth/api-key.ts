/**
 * API keys as text: making one, hashing it, reading it from an `Authorization` header. Pure
 * functions, no I/O.
 *
 * A key is "kg_" followed by 32 random bytes in base64url (43 characters): 256 bits from the
 * operating system's CSPRNG. Only its SHA-256 is stored. A slow password hash (bcrypt, scrypt,
 * Argon2) exists to make guessing a *low-entropy* secret from its hash expensive; nobody can
 * enumerate 2^256 keys however fast the hash, so a fast hash loses nothing here, and it lets the
 * server find a key by an indexed lookup of its hash (constraint `api_key_hash`) instead of
 * trying every stored salt. For the same reason comparing in constant time is not needed: the
 * lookup is by the hash of what the client sent, which tells a timing attacker nothing about any
 * stored key.
 */
import { createHash, randomBytes } from "node:crypto";

export const KEY_PREFIX = "kg_";
/** What a key this server issued looks like; anything else is refused without a database lookup. */
export const KEY_PATTERN = /^kg_[A-Za-z0-9_-]{43}$/;

export function generateApiKey(): string {
  return KEY_PREFIX + randomBytes(32).toString("base64url");
}

/** The SHA-256 of the key, in hex: what Neo4j stores and what a request's key is looked up by. */
export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

/** What an `Authorization` header holds, as far as this server cares. */
export type AuthorizationHeader =
  | { readonly kind: "none" }
  | { readonly kind: "key"; readonly key: string }
  | { readonly kind: "malformed"; readonly reason: string };

/**
 * Reads `Authorization: Bearer <key>` (the scheme is case-insensitive, RFC 9110). No header, or
 * one of blanks only, is no key; a header with another scheme, no token, or a token that is not
 * shaped like this server's keys is malformed (refused like an unknown key).
 */
export function parseAuthorization(header: string | undefined): AuthorizationHeader {
  if (header === undefined || header.trim() === "") return { kind: "none" };
  const match = /^\s*(\S+)(?:\s+(.*?))?\s*$/.exec(header);
  if (!match || match[1].toLowerCase() !== "bearer") {
    return { kind: "malformed", reason: "the Authorization header is not of the form `Bearer <key>`" };
  }
  const token = match[2] ?? "";
  if (token === "") return { kind: "malformed", reason: "the Authorization header has no key after `Bearer`" };
  if (!KEY_PATTERN.test(token))
    return { kind: "malformed", reason: "the key is not shaped like this server's keys (kg_…, 46 characters)" };
  return { kind: "key", key: token };
}
