/**
 * Cypher for entities. Repositories are the only modules that hold Cypher or see driver
 * records; they return plain objects.
 */
import type { ManagedTransaction, Record as Neo4jRecord } from "neo4j-driver";
import type { QueryRunner } from "../graph/query-runner";
import { toInstantOrNull, toInteger, toNumber, toStringList, toStringOrNull } from "../graph/values";
import type { EntityKind } from "./entity-kind.enum";

export interface EntityRecord {
  readonly id: string;
  readonly name: string;
  readonly kind: EntityKind;
  readonly aliases: readonly string[];
  readonly description: string | null;
  /** Starts at 1; each change through the API adds one (optimistic concurrency). */
  readonly version: number;
  /** When the graph first recorded it (ISO instant); null for entities loaded before record time was kept. */
  readonly recordedAt: string | null;
  /** Set when read `knownAt` an instant: its relations are then read as recorded at that instant too. */
  readonly knownAt?: string;
}

/**
 * The one projection of an entity, for a variable (`e`) or an expression (`startNode(r)`).
 * `recordedAt` leaves Neo4j as a string: a temporal costs the driver eight Integer conversions
 * to decode, on every end of every relation answered.
 */
export function entityMap(entity: string): string {
  return `{id: ${entity}.id, name: ${entity}.name, kind: ${entity}.kind, aliases: ${entity}.aliases, description: ${entity}.description, version: ${entity}.version, recordedAt: toString(${entity}.recordedAt)}`;
}

/** Entities by id, as queries that answer relations deliver their ends: each entity once. */
export type EntityIndex = ReadonlyMap<string, EntityRecord>;

/** Maps a list of `entityMap` maps. */
export function indexEntities(maps: unknown): Map<string, EntityRecord> {
  const index = new Map<string, EntityRecord>();
  for (const map of maps as Array<Record<string, unknown>>) index.set(String(map.id), toEntityRecord(map));
  return index;
}

/** By id. */
const FIND_BY_IDS = `
UNWIND $ids AS id
MATCH (e:Entity {id: id})
RETURN id, ${entityMap("e")} AS entity`;

/**
 * Ids that name no entity: those merged into another (mergeEntities) resolve to the survivor, so
 * links and bookmarks made before the merge keep working. Asked only for ids FIND_BY_IDS did not
 * find, so the usual lookup stays one index seek.
 */
const FIND_MERGED = `
UNWIND $ids AS id
MATCH (merged:MergedEntity {id: id})
MATCH (e:Entity {id: merged.mergedInto})
RETURN id, ${entityMap("e")} AS entity`;

const LIST_PAGE = `
MATCH (e:Entity)
WHERE ($kind IS NULL OR e.kind = $kind) AND ($afterId IS NULL OR e.id > $afterId)
RETURN ${entityMap("e")} AS entity
ORDER BY e.id
LIMIT $limit`;

const COUNT = `
MATCH (e:Entity)
WHERE $kind IS NULL OR e.kind = $kind
RETURN count(e) AS total`;

export class EntityRepository {
  constructor(private readonly runner: QueryRunner) {}

  /** The entity each id names (a merged id: the survivor), keyed by the id asked; unknown ids are absent. */
  findByIds(ids: readonly string[]): Promise<Map<string, EntityRecord>> {
    return this.runner.read("entity.findByIds", async (tx) => {
      const found = new Map<string, EntityRecord>();
      const read = async (query: string, asked: readonly string[]) => {
        for (const record of (await tx.run(query, { ids: [...asked] })).records) {
          found.set(String(record.get("id")), toEntityRecord(record.get("entity")));
        }
      };
      await read(FIND_BY_IDS, ids);
      const missing = ids.filter((id) => !found.has(id));
      if (missing.length > 0) await read(FIND_MERGED, missing);
      return found;
    });
  }

  /** One page ordered by id, after `afterId`; `limit` rows at most. Also counts the whole list. */
  listPage(kind: EntityKind | null, afterId: string | null, limit: number) {
    return this.runner.read("entity.listPage", async (tx: ManagedTransaction) => {
      const page = await tx.run(LIST_PAGE, { kind, afterId, limit: toInteger(limit) });
      const count = await tx.run(COUNT, { kind });
      return {
        entities: page.records.map((record: Neo4jRecord) => toEntityRecord(record.get("entity"))),
        total: toNumber(count.records[0].get("total")) ?? 0,
      };
    });
  }
}

export function toEntityRecord(map: Record<string, unknown>): EntityRecord {
  return {
    id: String(map.id),
    name: String(map.name),
    kind: String(map.kind) as EntityKind,
    aliases: toStringList(map.aliases),
    description: toStringOrNull(map.description),
    version: toNumber(map.version) ?? 1,
    recordedAt: toInstantOrNull(map.recordedAt),
  };
}
