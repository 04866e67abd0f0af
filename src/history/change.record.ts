/** The change record as the API answers it (`Change`), from a `(:Change)` node's properties. */
import { toNumber, toStringList, toStringOrNull } from "../graph/values";

/** The change record as the API answers it. */
export interface ChangeRecord {
  readonly seq: number;
  readonly at: string;
  readonly by: string;
  readonly operation: string;
  readonly reason: string | null;
  readonly entityIds: string[];
  readonly relationIds: string[];
  readonly relationTypes: string[];
  readonly removedEntityIds: string[];
  readonly removedRelationIds: string[];
  readonly eventIds: string[];
  readonly sourceIds: string[];
  readonly before: unknown;
  readonly after: unknown;
}

export function toChangeRecord(stored: Record<string, unknown>): ChangeRecord {
  return {
    seq: toNumber(stored.seq) ?? 0,
    at: new Date(String(stored.at)).toISOString(),
    by: String(stored.by),
    operation: String(stored.operation),
    reason: toStringOrNull(stored.reason),
    entityIds: toStringList(stored.entityIds),
    relationIds: toStringList(stored.relationIds),
    relationTypes: toStringList(stored.relationTypes),
    removedEntityIds: toStringList(stored.removedEntityIds),
    removedRelationIds: toStringList(stored.removedRelationIds),
    eventIds: toStringList(stored.eventIds),
    sourceIds: toStringList(stored.sourceIds),
    before: parseJson(stored.before),
    after: parseJson(stored.after),
  };
}

function parseJson(value: unknown): unknown {
  if (typeof value !== "string") return null;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return null;
  }
}
