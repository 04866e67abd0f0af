/**
 * The change log as the follower reads it: numbers, records, and the payload of the records some
 * subscriber wants (their nodes and edges as they are now, read in two queries per batch).
 */
import type { ChangeFeedRepository, ChangeRecord } from "./change-feed.repository";
import { idsToRead, toGraphChange, type GraphChangeView } from "./graph-change.view";

export interface ChangeSource {
  /** The last change number committed (0 for an empty log). */
  latestSeq(): Promise<number>;
  /** Up to `limit` changes numbered after `after`, in `seq` (commit) order. */
  changesAfter(after: number, limit: number): Promise<ChangeRecord[]>;
  /** The payloads of these changes, in the same order. */
  payloads(changes: readonly ChangeRecord[]): Promise<GraphChangeView[]>;
}

export class ChangeFeed implements ChangeSource {
  constructor(private readonly repository: ChangeFeedRepository) {}

  latestSeq(): Promise<number> {
    return this.repository.latestSeq();
  }

  changesAfter(after: number, limit: number): Promise<ChangeRecord[]> {
    return this.repository.changesAfter(after, limit);
  }

  async payloads(changes: readonly ChangeRecord[]): Promise<GraphChangeView[]> {
    if (changes.length === 0) return [];
    const reads = changes.map(idsToRead);
    const [entities, relations] = await Promise.all([
      this.repository.entitiesByIds([...new Set(reads.flatMap((read) => read.entityIds))]),
      this.repository.relationsByIds([...new Set(reads.flatMap((read) => read.relationIds))]),
    ]);
    const entitiesById = new Map(entities.map((entity) => [entity.id, entity]));
    const relationsById = new Map(relations.map((relation) => [relation.id, relation]));
    return changes.map((change) => toGraphChange(change, entitiesById, relationsById));
  }
}
