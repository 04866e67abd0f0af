/**
 * Relay-style cursor pagination. Cursors are opaque to clients (base64url of a small JSON
 * document) and carry the sort key of the last item, so pages are stable under inserts
 * (keyset pagination, no OFFSET).
 */
import { BadUserInputError } from "./errors";

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export function encodeCursor(kind: string, key: readonly unknown[]): string {
  return Buffer.from(JSON.stringify({ k: kind, v: key }), "utf8").toString("base64url");
}

/** What each part of a cursor's key must look like, in order. */
export type CursorShape = readonly RegExp[];

/**
 * Decodes a cursor made by `encodeCursor` for the same kind and key shape; anything else is
 * BAD_USER_INPUT on `argument`. Checking the key's parts keeps forged cursors out of queries.
 */
export function decodeCursor(cursor: string, kind: string, shape: CursorShape, argument = "after"): string[] {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (decoded && typeof decoded === "object" && (decoded as { k?: unknown }).k === kind) {
      const key = (decoded as { v?: unknown }).v;
      if (
        Array.isArray(key) &&
        key.length === shape.length &&
        key.every((part, index) => typeof part === "string" && shape[index].test(part))
      ) {
        return key as string[];
      }
    }
  } catch {
    // Falls through to the error below.
  }
  throw new BadUserInputError(
    argument,
    `"${argument}" is not a cursor of this list; pass an \`endCursor\` or edge \`cursor\` returned by the same field.`,
  );
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly hasNextPage: boolean;
  readonly hasPreviousPage: boolean;
}
