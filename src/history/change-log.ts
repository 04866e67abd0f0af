/**
 * The change log: every write through the API appends one `(:Change)` node in the same
 * transaction as the write, so a write and its record commit together or not at all.
 *
 * `seq` comes from the `(:ChangeLog {id: "changes"})` counter, incremented by the writing
 * transaction: its write lock is held until commit, so the next write cannot take a number before
 * this one is committed, and `seq` order is commit order. Readers that follow the log
 * (`graphChanged` subscriptions, on every server instance) ask for `seq > last` and miss nothing.
 * The price is that writes are serialised, which a curation API can afford.
 *
 * Stored shape (what the subscriptions and `changes` read):
 *   (:Change {seq, at: DateTime, by, operation, reason?, idempotencyKey?,
 *             entityIds: [String], relationIds: [String], relationTypes: [String],
 *             removedEntityIds: [String], removedRelationIds: [String], requestHash?,
 *             eventIds: [String], sourceIds: [String],
 *             before?: JSON string, after?: JSON string})
 * `entityIds` holds every entity whose own facts changed or that ends a relation that changed;
 * `relationIds` every relation asserted, corrected, moved, retracted or given a reference.
 */
import type { ManagedTransaction } from "neo4j-driver";
import { toNumber } from "../graph/values";

export interface ChangeInput {
  /** The API key's name (`by`). */
  readonly by: string;
  /** The mutation: "assertRelation", "retractRelation", … */
  readonly operation: string;
  readonly reason?: string | null;
  readonly idempotencyKey?: string | null;
  readonly entityIds?: readonly string[];
  readonly relationIds?: readonly string[];
  readonly relationTypes?: readonly string[];
  readonly removedEntityIds?: readonly string[];
  readonly removedRelationIds?: readonly string[];
  readonly eventIds?: readonly string[];
  readonly sourceIds?: readonly string[];
  /** The facts before and after, as plain JSON values (stored as JSON text). */
  readonly before?: unknown;
  readonly after?: unknown;
}

export interface AppendedChange {
  readonly seq: number;
  /** ISO 8601 instant, the server's clock when the change was numbered. */
  readonly at: string;
}

/**
 * Takes the next number and the instant, to the millisecond (what JavaScript and the DateTime
 * scalar carry, so a client's `knownAt: change.at` compares equal to what the write stamped).
 */
const NEXT_CHANGE = `
MERGE (log:ChangeLog {id: 'changes'})
SET log.seq = coalesce(log.seq, 0) + 1
RETURN log.seq AS seq, toString(datetime({epochMillis: datetime.realtime().epochMillis})) AS at`;

const APPEND_CHANGE = `
CREATE (c:Change)
SET c = $change, c.at = datetime($at)`;

/**
 * Numbers the transaction's change. Call it first, before the write: the instant it returns is
 * the one the write stamps on what it records (`recordedAt`, `retractedAt`), so a read `knownAt`
 * that instant sees the write and its change record alike.
 */
export async function nextChange(tx: ManagedTransaction): Promise<AppendedChange> {
  const record = (await tx.run(NEXT_CHANGE)).records[0];
  return { seq: toNumber(record.get("seq")) as number, at: String(record.get("at")) };
}

/** Writes the change record numbered by `nextChange`, in the same transaction. */
export async function appendChange(
  tx: ManagedTransaction,
  numbered: AppendedChange,
  change: ChangeInput,
  /** A digest of the request, so an idempotency key sent again with another request is refused. */
  options: { readonly requestHash?: string } = {},
): Promise<void> {
  await tx.run(APPEND_CHANGE, {
    at: numbered.at,
    change: {
      seq: numbered.seq,
      requestHash: options.requestHash ?? null,
      by: change.by,
      operation: change.operation,
      reason: change.reason ?? null,
      idempotencyKey: change.idempotencyKey ?? null,
      entityIds: [...new Set(change.entityIds ?? [])],
      relationIds: [...new Set(change.relationIds ?? [])],
      relationTypes: [...new Set(change.relationTypes ?? [])],
      removedEntityIds: [...new Set(change.removedEntityIds ?? [])],
      removedRelationIds: [...new Set(change.removedRelationIds ?? [])],
      eventIds: [...new Set(change.eventIds ?? [])],
      sourceIds: [...new Set(change.sourceIds ?? [])],
      before: change.before === undefined ? null : JSON.stringify(change.before),
      after: change.after === undefined ? null : JSON.stringify(change.after),
    },
  });
}
