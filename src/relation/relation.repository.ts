/**
 * Cypher for relations. Relationship types arrive as `$types` (a list parameter filtered with
 * `type(r) IN $types`), so no identifier is ever interpolated here.
 *
 * Time: every relation stores `periodStart` (first day of validFrom, else of attestedFrom) and
 * `periodEnd` (last day of validTo, or null while in force); see cypher/seed/090-derived-dates.cypher.
 * `asOf` keeps relations whose period overlaps the asked period.
 */
import type { Record as Neo4jRecord } from "neo4j-driver";
import { ENTITY_FIELDS, toEntityRecord, type EntityRecord } from "../entity/entity.repository";
import type { QueryRunner } from "../graph/query-runner";
import { toBooleanOrNull, toInteger, toNumber, toStringList, toStringOrNull } from "../graph/values";
import { SOURCE_FIELDS, toSourceRecord, type SourceRecord } from "../source/source.record";
import type { RelationStatus } from "./relation-status.enum";
import { ALL_RELATION_TYPES, assertRelationType, type RelationType } from "./relation-type.enum";

export interface RelationRecord {
  readonly id: string;
  readonly type: RelationType;
  readonly status: RelationStatus;
  readonly description: string;
  readonly validFrom: string | null;
  readonly validTo: string | null;
  readonly attestedFrom: string;
  readonly expectedBy: string | null;
  readonly amount: number | null;
  readonly currency: string | null;
  readonly amountApproximate: boolean | null;
  readonly amountMeasure: string | null;
  readonly amountNote: string | null;
  readonly stakePercent: number | null;
  readonly exclusive: boolean | null;
  readonly role: string | null;
  readonly quotes: readonly string[];
  /** `from` and `to` as the caller asked for them: a symmetric relation found from its `to` side is turned round. */
  readonly from: EntityRecord;
  readonly to: EntityRecord;
  readonly source: SourceRecord | null;
  /** The first day the relation counts (ISO date); the sort key used by cursors. */
  readonly periodStart: string;
  /** The last day it counts (ISO date), or null while in force. */
  readonly periodEnd: string | null;
}

export interface PeriodFilter {
  /** ISO dates bounding the asked period, both inclusive. */
  readonly start: string;
  readonly end: string;
}

export interface RelationFilter {
  readonly types: readonly RelationType[];
  readonly symmetricTypes: readonly RelationType[];
  readonly fromId: string | null;
  readonly toId: string | null;
  readonly asOf: PeriodFilter | null;
}

export interface RelationCursor {
  readonly periodStart: string;
  readonly id: string;
}

export type DirectionFilter = "OUTGOING" | "INCOMING" | "ANY";

/** Projection of a relationship bound to `r`, shared by every query that returns relations. */
export const RELATION_FIELDS = `{
  .id, type: type(r), .status, .description, .validFrom, .validTo, .attestedFrom, .expectedBy,
  .amount, .currency, .amountApproximate, .amountMeasure, .amountNote, .stakePercent, .exclusive, .role, .quotes,
  periodStart: toString(r.periodStart), periodEnd: toString(r.periodEnd)
}`;

/** Keeps `r` when its period overlaps [$asOfStart, $asOfEnd]; no-op when $asOfStart is null. */
export const AS_OF_CONDITION = `($asOfStart IS NULL OR (r.periodStart <= date($asOfEnd)
  AND (r.periodEnd IS NULL OR r.periodEnd >= date($asOfStart))))`;

/**
 * Rows (r, x, y) where x and y are `from` and `to` as asked; symmetric types also match the
 * other way round. Three fixed texts, chosen by which endpoint is given, so that Neo4j starts
 * from the entity-id index instead of scanning every relationship.
 */
const MATCH_BY_ANCHOR = {
  none: `
MATCH (x:Entity)-[r]->(y:Entity)
WHERE type(r) IN $types`,
  from: `
CALL () {
  MATCH (x:Entity {id: $fromId})-[r]->(y:Entity)
  WHERE type(r) IN $types AND ($toId IS NULL OR y.id = $toId)
  RETURN r, x, y
  UNION
  MATCH (x:Entity {id: $fromId})<-[r]-(y:Entity)
  WHERE type(r) IN $symmetricTypes AND ($toId IS NULL OR y.id = $toId)
  RETURN r, x, y
}`,
  to: `
CALL () {
  MATCH (x:Entity)-[r]->(y:Entity {id: $toId})
  WHERE type(r) IN $types
  RETURN r, x, y
  UNION
  MATCH (x:Entity)<-[r]-(y:Entity {id: $toId})
  WHERE type(r) IN $symmetricTypes
  RETURN r, x, y
}`,
} as const;

type Anchor = keyof typeof MATCH_BY_ANCHOR;

function queriesFor(anchor: Anchor) {
  const matchFiltered = `${MATCH_BY_ANCHOR[anchor]}
WITH r, x, y
WHERE ${AS_OF_CONDITION}`;
  return {
    page: `${matchFiltered}
  AND ($afterStart IS NULL OR r.periodStart > date($afterStart)
       OR (r.periodStart = date($afterStart) AND r.id > $afterId))
OPTIONAL MATCH (s:Source {id: r.sourceId})
RETURN r ${RELATION_FIELDS} AS relation, x ${ENTITY_FIELDS} AS from, y ${ENTITY_FIELDS} AS to, s ${SOURCE_FIELDS} AS source
ORDER BY r.periodStart, r.id
LIMIT $limit`,
    count: `${matchFiltered}
RETURN count(r) AS total`,
  };
}

const LIST_QUERIES: Record<Anchor, { page: string; count: string }> = {
  none: queriesFor("none"),
  from: queriesFor("from"),
  to: queriesFor("to"),
};

/**
 * By id, through each type's relation-id constraint index. The type names come from the
 * RelationType enum, checked by `assertRelationType`: the only identifiers ever interpolated.
 */
const FIND_BY_IDS = `
UNWIND $ids AS id
CALL (id) {
${ALL_RELATION_TYPES.map(
  (type) => `  MATCH (a:Entity)-[r:${assertRelationType(type)} {id: id}]->(b:Entity) RETURN r, a, b`,
).join("\n  UNION ALL\n")}
}
OPTIONAL MATCH (s:Source {id: r.sourceId})
RETURN r ${RELATION_FIELDS} AS relation, a ${ENTITY_FIELDS} AS from, b ${ENTITY_FIELDS} AS to, s ${SOURCE_FIELDS} AS source`;

/** For many entities at once (one round trip for a whole list of parents). */
const FOR_ENTITIES = `
UNWIND $ids AS id
MATCH (e:Entity {id: id})-[r]-(other:Entity)
WHERE type(r) IN $types AND ($counterpartyId IS NULL OR other.id = $counterpartyId) AND ${AS_OF_CONDITION}
WITH id, e, r, other, startNode(r) = e AS outgoing, type(r) IN $symmetricTypes AS symmetric
WHERE $direction = 'ANY' OR symmetric OR (($direction = 'OUTGOING') = outgoing)
OPTIONAL MATCH (s:Source {id: r.sourceId})
WITH id, r, other, symmetric, outgoing, s,
     CASE WHEN symmetric OR outgoing THEN e ELSE other END AS x,
     CASE WHEN symmetric OR outgoing THEN other ELSE e END AS y
RETURN id, outgoing, symmetric, r ${RELATION_FIELDS} AS relation, x ${ENTITY_FIELDS} AS from,
       y ${ENTITY_FIELDS} AS to, other.id AS counterpartyId, s ${SOURCE_FIELDS} AS source
ORDER BY r.periodStart, r.id`;

export interface EntityRelationRecord {
  readonly entityId: string;
  readonly direction: "OUTGOING" | "INCOMING" | "UNDIRECTED";
  readonly counterparty: EntityRecord;
  readonly relation: RelationRecord;
}

export class RelationRepository {
  constructor(private readonly runner: QueryRunner) {}

  listPage(filter: RelationFilter, after: RelationCursor | null, limit: number) {
    return this.runner.read("relation.listPage", async (tx) => {
      const params = {
        ...filterParams(filter),
        afterStart: after?.periodStart ?? null,
        afterId: after?.id ?? null,
        limit: toInteger(limit),
      };
      const queries = LIST_QUERIES[filter.fromId !== null ? "from" : filter.toId !== null ? "to" : "none"];
      const page = await tx.run(queries.page, params);
      const count = await tx.run(queries.count, filterParams(filter));
      return {
        relations: page.records.map(toRelationRecord),
        total: toNumber(count.records[0].get("total")) ?? 0,
      };
    });
  }

  findByIds(ids: readonly string[]): Promise<RelationRecord[]> {
    return this.runner.read("relation.findByIds", async (tx) => {
      const result = await tx.run(FIND_BY_IDS, { ids: [...ids] });
      return result.records.map(toRelationRecord);
    });
  }

  /** Relations of each entity, seen from it; one query for all the ids. */
  forEntities(
    ids: readonly string[],
    filter: Pick<RelationFilter, "types" | "symmetricTypes" | "asOf"> & { counterpartyId: string | null },
    direction: DirectionFilter,
  ): Promise<EntityRelationRecord[]> {
    return this.runner.read("relation.forEntities", async (tx) => {
      const result = await tx.run(FOR_ENTITIES, {
        ids: [...ids],
        types: [...filter.types],
        symmetricTypes: [...filter.symmetricTypes],
        asOfStart: filter.asOf?.start ?? null,
        asOfEnd: filter.asOf?.end ?? null,
        counterpartyId: filter.counterpartyId,
        direction,
      });
      return result.records.map((record) => {
        const relation = toRelationRecord(record);
        const outgoing = record.get("outgoing") as boolean;
        const symmetric = record.get("symmetric") as boolean;
        const counterpartyId = String(record.get("counterpartyId"));
        return {
          entityId: String(record.get("id")),
          direction: symmetric ? "UNDIRECTED" : outgoing ? "OUTGOING" : "INCOMING",
          counterparty: relation.from.id === counterpartyId ? relation.from : relation.to,
          relation,
        };
      });
    });
  }
}

function filterParams(filter: RelationFilter) {
  return {
    types: [...filter.types],
    symmetricTypes: [...filter.symmetricTypes],
    fromId: filter.fromId,
    toId: filter.toId,
    asOfStart: filter.asOf?.start ?? null,
    asOfEnd: filter.asOf?.end ?? null,
  };
}

function toRelationRecord(record: Neo4jRecord): RelationRecord {
  return relationRecordOf(
    record.get("relation") as Record<string, unknown>,
    toEntityRecord(record.get("from") as Record<string, unknown>),
    toEntityRecord(record.get("to") as Record<string, unknown>),
    record.get("source") as Record<string, unknown> | null,
  );
}

/** Builds a record from a RELATION_FIELDS map, its two ends and a SOURCE_FIELDS map (or null). */
export function relationRecordOf(
  r: Record<string, unknown>,
  from: EntityRecord,
  to: EntityRecord,
  source: Record<string, unknown> | null,
): RelationRecord {
  return {
    id: String(r.id),
    type: String(r.type) as RelationType,
    status: String(r.status) as RelationStatus,
    description: String(r.description ?? ""),
    validFrom: toStringOrNull(r.validFrom),
    validTo: toStringOrNull(r.validTo),
    attestedFrom: String(r.attestedFrom),
    expectedBy: toStringOrNull(r.expectedBy),
    amount: toNumber(r.amount),
    currency: toStringOrNull(r.currency),
    amountApproximate: toBooleanOrNull(r.amountApproximate),
    amountMeasure: toStringOrNull(r.amountMeasure),
    amountNote: toStringOrNull(r.amountNote),
    stakePercent: toNumber(r.stakePercent),
    exclusive: toBooleanOrNull(r.exclusive),
    role: toStringOrNull(r.role),
    quotes: toStringList(r.quotes),
    from,
    to,
    source: toSourceRecord(source),
    periodStart: String(r.periodStart),
    periodEnd: toStringOrNull(r.periodEnd),
  };
}
