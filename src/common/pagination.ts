/**
 * Relay-style cursor pagination. Cursors are opaque to clients (base64url of a small JSON
 * document) and carry the sort key of the last item, so pages are stable under inserts
 * (keyset pagination, no OFFSET).
 */
import type { ConnectionShape } from "./connection";
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

/**
 * Builds a connection from the rows of a keyset query asked for `first + 1` rows: the extra
 * row, if any, only tells that a next page exists.
 */
export function toConnection<Row, Node>(
  rows: readonly Row[],
  options: {
    first: number;
    totalCount: number;
    hasPreviousPage: boolean;
    cursorOf: (row: Row) => string;
    nodeOf: (row: Row) => Node;
  },
): ConnectionShape<Node> {
  const edges = rows.slice(0, options.first).map((row) => ({ cursor: options.cursorOf(row), node: options.nodeOf(row) }));
  return {
    edges,
    nodes: edges.map((edge) => edge.node),
    totalCount: options.totalCount,
    pageInfo: {
      hasNextPage: rows.length > options.first,
      hasPreviousPage: options.hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
