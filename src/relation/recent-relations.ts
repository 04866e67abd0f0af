/**
 * Each well-connected entity keeps the lists of its most recent and of its earliest relations, so
 * that following "the 50 most recent relations" of a hub, or answering the first page of its
 * `relations` (earliest first), costs 50 reads instead of reading the date of every one of its
 * 25,000 relations to sort them (PROFILE showed 38,000 relationships read and sorted for the
 * depth-2 neighbourhood of a hub of 4,900; the first page of the super hub's relations cost 100 ms).
 *
 * The lists are `Entity.recentRelations` (RECENT_RELATIONS_ORDER, for a neighbourhood's per-node
 * cap) and `Entity.earliestRelations` (EARLIEST_RELATIONS_ORDER, the order of `Entity.relations`):
 * Neo4j element ids, at most `keep` of them, stored only on entities with more than
 * `minimumDegree` relations (below that, reading them all is as cheap as reading a list). They
 * count every relation type in both directions, so they serve only unfiltered reads; types,
 * direction, `asOf`, a counterparty or a cursor read the relations themselves. Every write that
 * adds or changes relations refreshes the lists of the entities it touched (the import, the bulk
 * import, the mutations); `refreshAll` rebuilds them all.
 */
import { toInteger } from "../graph/values";
import { typeExpression } from "./relation-filter";
import { ALL_RELATION_TYPES } from "./relation-type.enum";

export const RECENT_RELATIONS = {
  /** The largest per-node cap a neighbourhood accepts (EXPLORE_LIMITS.relationsPerNode.max). */
  keep: 500,
  /** Entities with this many relations or fewer have no list. */
  minimumDegree: 20,
} as const;

/** Most recent first: start date descending (a relation without one first, as Cypher sorts nulls), then id. */
export const RECENT_RELATIONS_ORDER = "r.periodStart DESC, r.id";

/** Earliest first: start date, then id, the order of `Entity.relations` and of its cursors. */
export const EARLIEST_RELATIONS_ORDER = "r.periodStart, r.id";

/** Rebuilds the lists of the entities `$ids` (and removes those that fell under the minimum). */
export const REFRESH_RECENT_RELATIONS = `
UNWIND $ids AS id
MATCH (e:Entity {id: id})
CALL (e) {
  MATCH (e)-[r${typeExpression(ALL_RELATION_TYPES)}]-()
  WITH r ORDER BY ${RECENT_RELATIONS_ORDER} LIMIT $keep
  RETURN collect(elementId(r)) AS recent
}
CALL (e, recent) {
  WITH e WHERE size(recent) > $minimumDegree
  MATCH (e)-[r${typeExpression(ALL_RELATION_TYPES)}]-()
  WITH r ORDER BY ${EARLIEST_RELATIONS_ORDER} LIMIT $keep
  RETURN collect(elementId(r)) AS earliest
}
SET e.recentRelations = CASE WHEN size(recent) > $minimumDegree THEN recent ELSE null END,
  e.earliestRelations = CASE WHEN size(recent) > $minimumDegree THEN earliest ELSE null END
RETURN count(e) AS refreshed`;

/** The entities that need a list: more than `$minimumDegree` relations. */
export const WELL_CONNECTED_ENTITIES = `
MATCH (e:Entity)
WHERE COUNT { (e)-[${typeExpression(ALL_RELATION_TYPES)}]-() } > $minimumDegree
RETURN e.id AS id
ORDER BY id`;

export function refreshParams(ids: readonly string[]): Record<string, unknown> {
  return { ids: [...ids], keep: toInteger(RECENT_RELATIONS.keep), minimumDegree: toInteger(RECENT_RELATIONS.minimumDegree) };
}
