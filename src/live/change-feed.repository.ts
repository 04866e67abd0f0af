/**
 * Cypher for following the change log (src/history/change-log.ts) and reading what a change
 * touched as it is now. Reads only, through `executeRead` (a cluster routes them to followers).
 * The relations are read by RelationRepository.findByIds, the one reading of a relation by id,
 * so a retracted relation (which it does not answer) counts as removed here too.
 */
import { entityMap, toEntityRecord, type EntityRecord } from "../entity/entity.repository";
import type { QueryRunner } from "../graph/query-runner";
import { toInteger, toNumber, toStringList } from "../graph/values";
import { RelationRepository } from "../relation/relation.repository";
import type { RelationView } from "../relation/relation.view";

/** A change record as the feed reads it: the ids it names, not yet their current state. */
export interface ChangeRecord {
  readonly seq: number;
  readonly at: string;
  readonly operation: string;
  readonly entityIds: readonly string[];
  readonly relationIds: readonly string[];
  readonly relationTypes: readonly string[];
  readonly removedEntityIds: readonly string[];
  readonly removedRelationIds: readonly string[];
}

/**
 * The last number taken. The counter and the change it numbers commit together, so a reader
 * that sees `seq` = n sees changes 1..n committed, and asks for `seq > n` next.
 */
const LATEST_SEQ = `
OPTIONAL MATCH (log:ChangeLog {id: 'changes'})
RETURN coalesce(log.seq, 0) AS seq`;

/** The next changes in commit order, from the index behind the `change_seq` constraint. */
const CHANGES_AFTER = `
MATCH (c:Change) WHERE c.seq > $after
WITH c ORDER BY c.seq LIMIT $limit
RETURN c.seq AS seq, toString(c.at) AS at, c.operation AS operation, c.entityIds AS entityIds,
  c.relationIds AS relationIds, c.relationTypes AS relationTypes,
  c.removedEntityIds AS removedEntityIds, c.removedRelationIds AS removedRelationIds`;

/** Entities by their own id only: a merged-away id is removed, not its survivor under its name. */
const ENTITIES_BY_ID = `
UNWIND $ids AS id
MATCH (e:Entity {id: id})
RETURN ${entityMap("e")} AS entity`;

export class ChangeFeedRepository {
  private readonly relations: RelationRepository;

  constructor(private readonly runner: QueryRunner) {
    this.relations = new RelationRepository(runner);
  }

  latestSeq(): Promise<number> {
    return this.runner.read("live.latestSeq", async (tx) => toNumber((await tx.run(LATEST_SEQ)).records[0]?.get("seq")) ?? 0);
  }

  changesAfter(after: number, limit: number): Promise<ChangeRecord[]> {
    return this.runner.read("live.changesAfter", async (tx) =>
      (await tx.run(CHANGES_AFTER, { after: toInteger(after), limit: toInteger(limit) })).records.map((record) => ({
        seq: toNumber(record.get("seq")) ?? 0,
        at: instant(record.get("at")),
        operation: String(record.get("operation") ?? ""),
        entityIds: toStringList(record.get("entityIds")),
        relationIds: toStringList(record.get("relationIds")),
        relationTypes: toStringList(record.get("relationTypes")),
        removedEntityIds: toStringList(record.get("removedEntityIds")),
        removedRelationIds: toStringList(record.get("removedRelationIds")),
      })),
    );
  }

  /** The entities with these ids now; absent ids are gone (merged away). */
  entitiesByIds(ids: readonly string[]): Promise<EntityRecord[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.runner.read("live.entitiesByIds", async (tx) =>
      (await tx.run(ENTITIES_BY_ID, { ids: [...ids] })).records.map((record) => toEntityRecord(record.get("entity"))),
    );
  }

  /** The relations with these ids now, with their facts; absent ids are gone (retracted). */
  relationsByIds(ids: readonly string[]): Promise<RelationView[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.relations.findByIds(ids);
  }
}

/** Neo4j's DateTime text ("…T14:50:00.123456789Z") as JavaScript's ISO instant, what the DateTime scalar reads. */
function instant(value: unknown): string {
  const parsed = new Date(String(value));
  return Number.isNaN(parsed.getTime()) ? String(value) : parsed.toISOString();
}
