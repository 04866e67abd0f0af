/**
 * Cypher for relations. Relationship types arrive as `$types` (a list parameter, see
 * relation-filter.ts), so no identifier is interpolated here but the RelationType names of
 * FIND_BY_IDS, checked by `assertRelationType`.
 */
import type { Record as Neo4jRecord } from "neo4j-driver";
import { TERMS_CAP } from "../common/complexity";
import { precisionOf } from "../common/partial-date";
import { entityMap, indexEntities, type EntityIndex, type EntityRecord } from "../entity/entity.repository";
import type { QueryRunner } from "../graph/query-runner";
import { toBooleanOrNull, toInstantOrNull, toInteger, toNumber, toStringOrNull } from "../graph/values";
import { isInferred, toProvenance } from "../source/provenance.view";
import type { AmountMeasure } from "./amount-measure.enum";
import {
  AS_OF_CONDITION,
  DIRECTION_CONDITION,
  filterTypeExpression,
  isUnfiltered,
  readsRetracted,
  RECORD_CONDITION,
  recordCondition,
  recordTimeParams,
  RELATION_TYPE_OF_R,
  relationCountExpression,
  relationFilterParams,
  type RecordTimeFilter,
  type DirectionFilterValue,
  type RelationFilter,
} from "./relation-filter";
import type { RelationStatus } from "./relation-status.enum";
import { ALL_RELATION_TYPES, assertRelationType, isSymmetric, type RelationType } from "./relation-type.enum";
import type { RelationView } from "./relation.view";
import { EARLIEST_RELATIONS_ORDER, RECENT_RELATIONS } from "./recent-relations";

/**
 * The one projection of a relationship `r`: every query that returns relations uses it, and
 * `toRelationView` maps it. Its ends are the stored start and end nodes: a relation answers the
 * same ends whoever asks (clients cache it by id), so the asker's side goes in a wrapper
 * (`EntityRelation.direction`, `counterparty`), never in the relation.
 *
 * The ends travel as ids; the query delivers each end entity once beside the relations
 * (`relationsAndEnds`). Carried inside every relation, an entity's page of 48 relations
 * shipped that entity 48 times: 40 % of the driver's decoding on the article graph.
 */
function relationProjection(recordTime: boolean): string {
  // Without record time no retracted relation is read and no revision applies: the fields would be null.
  const recordTimeFields = `
  retraction: CASE WHEN type(r) = 'RETRACTED' AND ($knownAt IS NULL OR r.retractedAt <= datetime($knownAt))
    THEN {at: toString(r.retractedAt), by: r.retractedBy, reason: r.retractionReason} END,
  revision: CASE WHEN $knownAt IS NOT NULL AND r.updatedAt > datetime($knownAt) THEN head(COLLECT {
    MATCH (v:Revision {subject: r.id}) WHERE v.kind = 'relation'
      AND v.recordedAt <= datetime($knownAt) AND v.supersededAt > datetime($knownAt)
    RETURN v {.*, periodStart: toString(v.periodStart), periodEnd: toString(v.periodEnd), recordedAt: toString(v.recordedAt)}
  }) END,`;
  // `.*` ships the facts a relation has: most have a dozen of the optional ones absent, which a
  // list of keys shipped as nulls (0.5 ms of 5 per page of 13 on the bench graph). The temporals
  // leave as text; sourceIds (the references say the same) stays home.
  return `r {
  .*, type: ${recordTime ? RELATION_TYPE_OF_R : "type(r)"}, periodStart: toString(r.periodStart), periodEnd: toString(r.periodEnd),
  recordedAt: toString(r.recordedAt), sourceIds: null,${recordTime ? recordTimeFields : ""}
  fromId: startNode(r).id, toId: endNode(r).id
}`;
}

/** The relation `r` as stored (from its start node to its end node), retracted or as recorded at `$knownAt`. */
const STORED_RELATION = relationProjection(true);

/**
 * The same for a query built for `filter`: without the record-time fields when the filter reads
 * no record time (the usual read), which saves decoding two nulls per relation.
 */
export function storedRelation(filter: RecordTimeFilter): string {
  return readsRetracted(filter) ? STORED_RELATION : CURRENT_RELATION;
}

const CURRENT_RELATION = relationProjection(false);

/**
 * The columns `relations` and `ends` for a list of relationships (a variable holding a list, in
 * the order wanted), mapped by `relationsOf`: the relations, and the entities at their ends, each once.
 */
export function relationsAndEnds(list: string, projection = STORED_RELATION): string {
  return `[r IN ${list} | ${projection}] AS relations,
  COLLECT { UNWIND ${list} AS x UNWIND [startNode(x), endNode(x)] AS n WITH DISTINCT n RETURN ${entityMap("n")} } AS ends`;
}

export interface RelationCursor {
  readonly periodStart: string;
  readonly id: string;
}

export interface RelationListFilter extends RelationFilter {
  readonly fromId: string | null;
  readonly toId: string | null;
}

type Anchor = "none" | "from" | "to" | "both";

/**
 * Rows (r, x, y) where x and y are the ends asked as `from` and `to`; symmetric types also match
 * the other way round (the relation itself is still answered as stored). The pattern names the asked types (Neo4j expands only those) and starts from the
 * entity-id index when an end is given; with both ends, from both (expand-into from the smaller).
 */
function matchRows(anchor: Anchor, filter: RelationFilter): string {
  const types = filterTypeExpression(filter);
  if (anchor === "none")
    return `MATCH (x:Entity)-[r${types}]->(y:Entity) WHERE ${AS_OF_CONDITION} AND ${recordCondition(filter)}`;
  const x = anchor === "to" ? "(x)" : "(x:Entity {id: $fromId})";
  const y = anchor === "from" ? "(y)" : "(y:Entity {id: $toId})";
  const branches = [`MATCH ${x}-[r${types}]->${y} RETURN r, x, y`];
  if (filter.symmetricTypes.length > 0) {
    branches.push(
      `MATCH ${x}<-[r${filterTypeExpression(filter, filter.symmetricTypes)}]-${y}
    WHERE type(r) <> 'RETRACTED' OR r.retractedType IN $symmetricTypes RETURN r, x, y`,
    );
  }
  return `CALL () {
    ${branches.join("\n    UNION\n    ")}
  }
  WITH r, x, y WHERE ${AS_OF_CONDITION} AND ${recordCondition(filter)}`;
}

/** A page (keyset after the cursor) and the count over all pages, in one statement. */
function listQuery(anchor: Anchor, filter: RelationFilter): string {
  return `
CALL () {
  ${matchRows(anchor, filter)}
  RETURN count(r) AS total
}
CALL () {
  ${matchRows(anchor, filter)}
    AND ($afterStart IS NULL OR r.periodStart > date($afterStart)
         OR (r.periodStart = date($afterStart) AND r.id > $afterId))
  WITH r ORDER BY r.periodStart, r.id LIMIT $limit
  WITH collect(r) AS page
  RETURN ${relationsAndEnds("page", storedRelation(filter))}
}
RETURN total, relations, ends`;
}

/**
 * By id, through each type's relation-id constraint index. The type names come from the
 * RelationType enum, checked by `assertRelationType`: the only identifiers ever interpolated.
 */
const FIND_BY_IDS = `
UNWIND $ids AS id
CALL (id) {
${[...ALL_RELATION_TYPES.map(assertRelationType), "RETRACTED"].map((type) => `  MATCH (:Entity)-[r:${type} {id: id}]->(:Entity) RETURN r`).join("\n  UNION ALL\n")}
}
WITH r WHERE ${RECORD_CONDITION.replace("r.retractedType IN $types", "true")}
WITH collect(r) AS found
RETURN ${relationsAndEnds("found")}`;

/**
 * A page of each entity's relations, seen from it (its direction and counterparty; the relation
 * itself as stored), in one statement for a whole list of parents:
 * the expansion is typed (only the asked types are read), the page is cut per entity in Cypher
 * (top-k by start date, then id), and the count, when asked, comes from the same statement. With
 * a counterparty, both ends are bound, so Neo4j expands from whichever has fewer relations.
 * Unfiltered and from the start, a well-connected entity's page is read from its list of earliest
 * relations (src/relation/recent-relations.ts) when the list holds the page: a hub's first page
 * then costs what the page costs, not a read and sort of all its relations.
 */
function entityPageQuery(filter: RelationFilter, direction: DirectionFilterValue, byCounterparty: boolean, counted: boolean) {
  const types = filterTypeExpression(filter);
  const conditions = `${AS_OF_CONDITION} AND ${recordCondition(filter)} AND ${DIRECTION_CONDITION}`;
  const match = byCounterparty
    ? `MATCH (e)-[r${types}]-(c) WITH e, r, c AS other WHERE ${conditions}`
    : `MATCH (e)-[r${types}]-(other) WHERE ${conditions}`;
  const total = !counted
    ? "null"
    : byCounterparty
      ? `COUNT { MATCH (e)-[r${types}]-(c) WHERE ${conditions} }`
      : relationCountExpression(filter, direction);
  const row = `{outgoing: startNode(r) = e, relation: ${storedRelation(filter).replace(/\n/g, "\n                  ")}}`;
  /** The page read from the relations themselves, into the columns `rows` and `counterparties`. */
  const read = (rows: string, counterparties: string) => `
  ${match}
    AND ($afterStart IS NULL OR r.periodStart > date($afterStart)
         OR (r.periodStart = date($afterStart) AND r.id > $afterId))
  WITH e, r, other ORDER BY ${EARLIEST_RELATIONS_ORDER} LIMIT $limit
  RETURN collect(${row}) AS ${rows},
    collect(DISTINCT ${entityMap("other")}) AS ${counterparties}`;
  if (byCounterparty) {
    return `
UNWIND $ids AS id
MATCH (e:Entity {id: id})
MATCH (c:Entity {id: $counterpartyId})
CALL (e, c) {${read("rows", "counterparties")}
}
RETURN id, rows, ${entityMap("e")} AS entity, counterparties, ${total} AS total`;
  }
  // The list holds the page when it has that many relations, or all of the entity's.
  return `
UNWIND $ids AS id
MATCH (e:Entity {id: id})
WITH id, e, $unfiltered AND e.earliestRelations IS NOT NULL
  AND ($limit <= size(e.earliestRelations) OR size(e.earliestRelations) < $keep) AS listed
CALL (e, listed) {
  UNWIND CASE WHEN listed THEN e.earliestRelations[0..$limit] ELSE [] END AS relationElementId
  MATCH ()-[r]->() WHERE elementId(r) = relationElementId
  WITH e, r, CASE WHEN startNode(r) = e THEN endNode(r) ELSE startNode(r) END AS other
  ORDER BY ${EARLIEST_RELATIONS_ORDER}
  RETURN collect(${row}) AS listedRows,
    collect(DISTINCT ${entityMap("other")}) AS listedCounterparties
}
CALL (e, listed) {
  WITH e WHERE NOT listed${read("readRows", "readCounterparties")}
}
RETURN id, CASE WHEN listed THEN listedRows ELSE readRows END AS rows, ${entityMap("e")} AS entity,
  CASE WHEN listed THEN listedCounterparties ELSE readCounterparties END AS counterparties, ${total} AS total`;
}

/**
 * The terms of agreements: relations whose `agreementId` names the agreement, found from its
 * parties (PARTY_TO), so the cost is the parties' degree, never a scan of every relation.
 */
const TERMS_OF = `
UNWIND $ids AS id
MATCH (:Entity {id: id})<-[:PARTY_TO]-(:Entity)-[r]-(:Entity)
WHERE r.agreementId = id AND type(r) <> 'RETRACTED'
WITH DISTINCT id, r
ORDER BY r.periodStart, r.id
WITH id, collect(r)[..$cap] AS terms
RETURN id, ${relationsAndEnds("terms")}`;

export interface EntityRelationsPage {
  readonly rows: EntityRelationRecord[];
  /** All the entity's relations that pass the filters; null when not asked. */
  readonly total: number | null;
}

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
      const anchor: Anchor =
        filter.fromId !== null ? (filter.toId !== null ? "both" : "from") : filter.toId !== null ? "to" : "none";
      const record = (await tx.run(listQuery(anchor, filter), params)).records[0];
      return {
        relations: relationsOf(record),
        total: toNumber(record.get("total")) ?? 0,
      };
    });
  }

  /** Relations by id; retracted ones too when the filter asks (`includeRetracted`, or `knownAt` before their retraction). */
  findByIds(ids: readonly string[], filter: RecordTimeFilter | null = null): Promise<RelationView[]> {
    return this.runner.read("relation.findByIds", async (tx) =>
      (await tx.run(FIND_BY_IDS, { ids: [...ids], ...recordTimeParams(filter) })).records.flatMap(relationsOf),
    );
  }

  /** The terms of each agreement; one query for all the ids. */
  termsOf(ids: readonly string[]): Promise<Array<{ agreementId: string; relation: RelationView }>> {
    return this.runner.read("relation.termsOf", async (tx) =>
      (await tx.run(TERMS_OF, { ids: [...ids], cap: toInteger(TERMS_CAP), ...recordTimeParams(null) })).records.flatMap(
        (record) => relationsOf(record).map((relation) => ({ agreementId: String(record.get("id")), relation })),
      ),
    );
  }

  /**
   * A page of each entity's relations, seen from it (`limit` rows each, after the cursor), and,
   * when `counted`, how many there are in all; one statement for all the ids.
   */
  pageForEntities(
    ids: readonly string[],
    query: {
      readonly filter: RelationFilter;
      readonly counterpartyId: string | null;
      readonly direction: DirectionFilterValue;
      readonly after: RelationCursor | null;
      readonly limit: number;
      readonly counted: boolean;
    },
  ): Promise<Map<string, EntityRelationsPage>> {
    const text = entityPageQuery(query.filter, query.direction, query.counterpartyId !== null, query.counted);
    return this.runner.read("relation.pageForEntities", async (tx) => {
      const result = await tx.run(text, {
        ...relationFilterParams(query.filter),
        ids: [...ids],
        counterpartyId: query.counterpartyId,
        direction: query.direction,
        afterStart: query.after?.periodStart ?? null,
        afterId: query.after?.id ?? null,
        limit: toInteger(query.limit),
        unfiltered: isUnfiltered(query.filter, query.direction) && query.after === null && query.counterpartyId === null,
        keep: toInteger(RECENT_RELATIONS.keep),
      });
      const pages = new Map<string, EntityRelationsPage>();
      for (const record of result.records) {
        const entityId = String(record.get("id"));
        const ends = indexEntities([record.get("entity"), ...(record.get("counterparties") as unknown[])]);
        const rows = (record.get("rows") as Array<Record<string, unknown>>).map((row): EntityRelationRecord => {
          const relation = toRelationView(row.relation as Record<string, unknown>, ends);
          return {
            entityId,
            direction: relation.symmetric ? "UNDIRECTED" : row.outgoing ? "OUTGOING" : "INCOMING",
            // A loop's counterparty is the entity itself, either way.
            counterparty: row.outgoing ? relation.to : relation.from,
            relation,
          };
        });
        pages.set(entityId, { rows, total: toNumber(record.get("total")) });
      }
      return pages;
    });
  }
}

/** The columns of `relationsAndEnds` in a record. */
export function relationsOf(record: Neo4jRecord): RelationView[] {
  const ends = indexEntities(record.get("ends"));
  return (record.get("relations") as Array<Record<string, unknown>>).map((relation) => toRelationView(relation, ends));
}

/** The entity at one end of a relation; the query that read the relation delivered it. */
function endOf(ends: EntityIndex, id: unknown): EntityRecord {
  const entity = ends.get(String(id));
  if (!entity) throw new Error(`The end "${String(id)}" of a relation was not read with it.`);
  return entity;
}

/**
 * Maps a `relationProjection` map, its ends taken from `ends`: the one mapping of a relation
 * (Neo4j values end here).
 */
export function toRelationView(current: Record<string, unknown>, ends: EntityIndex): RelationView {
  // Read `knownAt` an instant before a later correction: the facts as recorded then (a Revision).
  const revision = current.revision as Record<string, unknown> | null | undefined;
  // Only the revision's facts: one the correction added is absent from it, and must stay absent.
  const r = revision ? { ...revision, fromId: current.fromId, toId: current.toId, type: current.type } : current;
  const type = String(r.type) as RelationType;
  const retraction = current.retraction as Record<string, unknown> | null | undefined;
  const validFrom = toStringOrNull(r.validFrom);
  const validTo = toStringOrNull(r.validTo);
  const amount = toNumber(r.amount);
  const currency = toStringOrNull(r.currency);
  const provenance = toProvenance(r.references);
  return {
    id: String(r.id),
    type,
    symmetric: isSymmetric(type),
    from: endOf(ends, r.fromId),
    to: endOf(ends, r.toId),
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
    version: toNumber(r.version) ?? 1,
    recordedAt: toInstantOrNull(r.recordedAt),
    retraction: retraction
      ? { at: toInstantOrNull(retraction.at) as string, by: String(retraction.by ?? ""), reason: String(retraction.reason ?? "") }
      : null,
  };
}
