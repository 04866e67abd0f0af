/**
 * Cypher for entities. Repositories are the only modules that hold Cypher or see driver
 * records; they return plain objects.
 */
import type { ManagedTransaction, Record as Neo4jRecord } from "neo4j-driver";
import type { QueryRunner } from "../graph/query-runner";
import { toInteger, toNumber, toStringList, toStringOrNull } from "../graph/values";
import type { EntityKind } from "./entity-kind.enum";

export interface EntityRecord {
  readonly id: string;
  readonly name: string;
  readonly kind: EntityKind;
  readonly aliases: readonly string[];
  readonly description: string | null;
}

/** Projection shared by every query that returns an entity as `map`. */
export const ENTITY_FIELDS = "{.id, .name, .kind, .aliases, .description}";

/** The same projection for an expression that is not a variable (`startNode(r)`). */
export function entityMapOf(expression: string): string {
  return `{id: ${expression}.id, name: ${expression}.name, kind: ${expression}.kind, aliases: ${expression}.aliases, description: ${expression}.description}`;
}

const FIND_BY_IDS = `
UNWIND $ids AS id
MATCH (e:Entity {id: id})
RETURN e ${ENTITY_FIELDS} AS entity`;

const LIST_PAGE = `
MATCH (e:Entity)
WHERE ($kind IS NULL OR e.kind = $kind) AND ($afterId IS NULL OR e.id > $afterId)
RETURN e ${ENTITY_FIELDS} AS entity
ORDER BY e.id
LIMIT $limit`;

const COUNT = `
MATCH (e:Entity)
WHERE $kind IS NULL OR e.kind = $kind
RETURN count(e) AS total`;

export class EntityRepository {
  constructor(private readonly runner: QueryRunner) {}

  /** Entities with these ids, in no particular order; unknown ids are absent. */
  findByIds(ids: readonly string[]): Promise<EntityRecord[]> {
    return this.runner.read("entity.findByIds", async (tx) => {
      const result = await tx.run(FIND_BY_IDS, { ids: [...ids] });
      return result.records.map((record) => toEntityRecord(record.get("entity")));
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
  };
}
