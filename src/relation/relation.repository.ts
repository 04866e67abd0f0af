/**
 * Cypher for relations. Relationship types arrive as `$types` (a list parameter, see
 * relation-filter.ts), so no identifier is interpolated here but the RelationType names of
 * FIND_BY_IDS, checked by `assertRelationType`.
 */
import type { Record as Neo4jRecord } from "neo4j-driver";
import { precisionOf } from "../common/partial-date";
import { entityMapOf, toEntityRecord, type EntityRecord } from "../entity/entity.repository";
import type { QueryRunner } from "../graph/query-runner";
import { toBooleanOrNull, toInteger, toNumber, toStringOrNull } from "../graph/values";
import { isInferred, toProvenance } from "../source/provenance.view";
import type { AmountMeasure } from "./amount-measure.enum";
import {
  DIRECTION_CONDITION,
  RELATION_FILTER_CONDITION,
  relationFilterParams,
  type DirectionFilterValue,
  type RelationFilter,
} from "./relation-filter";
import type { RelationStatus } from "./relation-status.enum";
import { ALL_RELATION_TYPES, assertRelationType, isSymmetric, type RelationType } from "./relation-type.enum";
import type { RelationView } from "./relation.view";

/**
 * The one projection of a relationship `r` whose ends, as the caller sees them, are the
 * expressions `from` and `to` (variables or `startNode(r)`): every query that returns relations
 * uses it, and `toRelationView` maps it.
 */
export function relationProjection(r: string, from: string, to: string): string {
  return `${r} {
  .id, type: type(${r}), .status, .description, .validFrom, .validTo, .attestedFrom, .expectedBy,
  .amount, .currency, .amountApproximate, .amountMeasure, .amountNote, .stakePercent, .exclusive, .role,
  .agreementId, .references, periodStart: toString(${r}.periodStart), periodEnd: toString(${r}.periodEnd),
  from: ${entityMapOf(from)}, to: ${entityMapOf(to)}
}`;
}

/** The relation as stored: from its start node to its end node. */
export const STORED_RELATION = relationProjection("r", "startNode(r)", "endNode(r)");

export interface RelationCursor {
  readonly periodStart: string;
  readonly id: string;
}

export interface RelationListFilter extends RelationFilter {
  readonly fromId: string | null;
  readonly toId: string | null;
}

/**
 * Rows (r, x, y) where x and y are `from` and `to` as asked; symmetric types also match the
 * other way round. Three fixed texts, chosen by which endpoint is given, so that Neo4j starts
 * from the entity-id index instead of scanning every relationship.
 */
const MATCH_BY_ANCHOR = {
  none: `
MATCH (x:Entity)-[r]->(y:Entity)
WHERE ${RELATION_FILTER_CONDITION}`,
  from: `
CALL () {
  MATCH (x:Entity {id: $fromId})-[r]->(y:Entity)
  WHERE type(r) IN $types AND ($toId IS NULL OR y.id = $toId)
  RETURN r, x, y
  UNION
  MATCH (x:Entity {id: $fromId})<-[r]-(y:Entity)
  WHERE type(r) IN $symmetricTypes AND ($toId IS NULL OR y.id = $toId)
  RETURN r, x, y
}
WITH r, x, y
WHERE ${RELATION_FILTER_CONDITION}`,
  to: `
CALL () {
  MATCH (x:Entity)-[r]->(y:Entity {id: $toId})
  WHERE type(r) IN $types
  RETURN r, x, y
  UNION
  MATCH (x:Entity)<-[r]-(y:Entity {id: $toId})
  WHERE type(r) IN $symmetricTypes
  RETURN r, x, y
}
WITH r, x, y
WHERE ${RELATION_FILTER_CONDITION}`,
} as const;

type Anchor = keyof typeof MATCH_BY_ANCHOR;

function queriesFor(anchor: Anchor) {
  return {
    page: `${MATCH_BY_ANCHOR[anchor]}
  AND ($afterStart IS NULL OR r.periodStart > date($afterStart)
       OR (r.periodStart = date($afterStart) AND r.id > $afterId))
RETURN ${relationProjection("r", "x", "y")} AS relation
ORDER BY r.periodStart, r.id
LIMIT $limit`,
    count: `${MATCH_BY_ANCHOR[anchor]}
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
${ALL_RELATION_TYPES.map((type) => `  MATCH (:Entity)-[r:${assertRelationType(type)} {id: id}]->(:Entity) RETURN r`).join("\n  UNION ALL\n")}
}
RETURN ${STORED_RELATION} AS relation`;

/** For many entities at once (one round trip for a whole list of parents). */
const FOR_ENTITIES = `
UNWIND $ids AS id
MATCH (e:Entity {id: id})-[r]-(other:Entity)
WHERE ${RELATION_FILTER_CONDITION} AND ($counterpartyId IS NULL OR other.id = $counterpartyId) AND ${DIRECTION_CONDITION}
WITH id, e, r, other, startNode(r) = e AS outgoing, type(r) IN $symmetricTypes AS symmetric
WITH id, r, other, symmetric, outgoing,
     CASE WHEN symmetric OR outgoing THEN e ELSE other END AS x,
     CASE WHEN symmetric OR outgoing THEN other ELSE e END AS y
RETURN id, outgoing, symmetric, other.id AS counterpartyId, ${relationProjection("r", "x", "y")} AS relation
ORDER BY r.periodStart, r.id`;

/**
 * The terms of agreements: relations whose `agreementId` names the agreement, found from its
 * parties (PARTY_TO), so the cost is the parties' degree, never a scan of every relation.
 */
const TERMS_OF = `
UNWIND $ids AS id
MATCH (:Entity {id: id})<-[:PARTY_TO]-(:Entity)-[r]-(:Entity)
WHERE r.agreementId = id
WITH DISTINCT id, r
RETURN id, ${STORED_RELATION} AS relation
ORDER BY r.periodStart, r.id`;

export interface EntityRelationRecord {
  readonly entityId: string;
  readonly direction: "OUTGOING" | "INCOMING" | "UNDIRECTED";
  readonly counterparty: EntityRecord;
  readonly relation: RelationView;
}

export class RelationRepository {
  constructor(private readonly runner: QueryRunner) {}

  listPage(filter: RelationListFilter, after: RelationCursor | null, limit: number) {
    return this.runner.read("relation.listPage", async (tx) => {
      const params = {
        ...relationFilterParams(filter),
        fromId: filter.fromId,
        toId: filter.toId,
        afterStart: after?.periodStart ?? null,
        afterId: after?.id ?? null,
        limit: toInteger(limit),
      };
      const queries = LIST_QUERIES[filter.fromId !== null ? "from" : filter.toId !== null ? "to" : "none"];
      const page = await tx.run(queries.page, params);
      const count = await tx.run(queries.count, params);
      return {
        relations: page.records.map(relationOf),
        total: toNumber(count.records[0].get("total")) ?? 0,
      };
    });
  }

  findByIds(ids: readonly string[]): Promise<RelationView[]> {
    return this.runner.read("relation.findByIds", async (tx) =>
      (await tx.run(FIND_BY_IDS, { ids: [...ids] })).records.map(relationOf),
    );
  }

  /** The terms of each agreement; one query for all the ids. */
  termsOf(ids: readonly string[]): Promise<Array<{ agreementId: string; relation: RelationView }>> {
    return this.runner.read("relation.termsOf", async (tx) =>
      (await tx.run(TERMS_OF, { ids: [...ids] })).records.map((record) => ({
        agreementId: String(record.get("id")),
        relation: relationOf(record),
      })),
    );
  }

  /** Relations of each entity, seen from it; one query for all the ids. */
  forEntities(
    ids: readonly string[],
    filter: RelationFilter,
    counterpartyId: string | null,
    direction: DirectionFilterValue,
  ): Promise<EntityRelationRecord[]> {
    return this.runner.read("relation.forEntities", async (tx) => {
      const result = await tx.run(FOR_ENTITIES, { ...relationFilterParams(filter), ids: [...ids], counterpartyId, direction });
      return result.records.map((record) => {
        const relation = relationOf(record);
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

/** The `relation` column of a record. */
export function relationOf(record: Neo4jRecord): RelationView {
  return toRelationView(record.get("relation") as Record<string, unknown>);
}

/** Maps a `relationProjection` map: the one mapping of a relation (Neo4j values end here). */
export function toRelationView(r: Record<string, unknown>): RelationView {
  const type = String(r.type) as RelationType;
  const validFrom = toStringOrNull(r.validFrom);
  const validTo = toStringOrNull(r.validTo);
  const amount = toNumber(r.amount);
  const currency = toStringOrNull(r.currency);
  const provenance = toProvenance(r.references);
  return {
    id: String(r.id),
    type,
    symmetric: isSymmetric(type),
    from: toEntityRecord(r.from as Record<string, unknown>),
    to: toEntityRecord(r.to as Record<string, unknown>),
    status: String(r.status) as RelationStatus,
    description: String(r.description ?? ""),
    validFrom,
    validFromPrecision: validFrom ? precisionOf(validFrom) : null,
    validTo,
    validToPrecision: validTo ? precisionOf(validTo) : null,
    attestedFrom: String(r.attestedFrom ?? validFrom),
    expectedBy: toStringOrNull(r.expectedBy),
    amount:
      amount === null || currency === null
        ? null
        : {
            amount,
            currency,
            approximate: toBooleanOrNull(r.amountApproximate) ?? false,
            measure: (toStringOrNull(r.amountMeasure) ?? "DEAL_VALUE") as AmountMeasure,
            note: toStringOrNull(r.amountNote),
          },
    stakePercent: toNumber(r.stakePercent),
    exclusive: toBooleanOrNull(r.exclusive),
    role: toStringOrNull(r.role),
    agreementId: toStringOrNull(r.agreementId),
    inferred: isInferred(provenance),
    provenance,
    periodStart: String(r.periodStart),
    periodEnd: toStringOrNull(r.periodEnd),
  };
}
