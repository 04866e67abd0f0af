/**
 * Cypher for graph exploration: traversals, shortest paths, the timeline and full-text search.
 * As everywhere, values travel as `$parameters`; the only text ever built is a hop bound taken
 * from a fixed range (1..EXPLORE_LIMITS.hops.max), since Cypher accepts no parameter there.
 * Traversals run with the (shorter) traversal timeout.
 */
import { ENTITY_FIELDS, toEntityRecord, type EntityRecord } from "../entity/entity.repository";
import type { EntityKind } from "../entity/entity-kind.enum";
import { EVENT_RETURN, toEventRecord, type EventRecord } from "../event/event.repository";
import type { QueryRunner } from "../graph/query-runner";
import { toInteger, toNumber } from "../graph/values";
import {
  DIRECTION_CONDITION,
  RELATION_FILTER_CONDITION,
  relationFilterParams,
  type DirectionFilterValue,
  type RelationFilter,
} from "../relation/relation-filter";
import { relationOf, relationProjection, STORED_RELATION, toRelationView } from "../relation/relation.repository";
import type { RelationType } from "../relation/relation-type.enum";
import type { RelationView } from "../relation/relation.view";
import { EXPLORE_LIMITS } from "./explore.limits";

export interface ExpansionRow {
  /** The entity at the other end of the relation from the frontier. */
  readonly reached: EntityRecord;
  readonly relation: RelationView;
}

export interface PathRecord {
  readonly nodes: EntityRecord[];
  readonly relations: RelationView[];
}

export interface TimelineStats {
  readonly rows: ReadonlyArray<{ kind: string; year: number; count: number; first: string; last: string }>;
}

export interface SearchRow {
  readonly entity: EntityRecord;
  readonly score: number;
}

/** One breadth-first step: every relation of the frontier that passes the filters. */
const EXPAND = `
UNWIND $frontier AS id
MATCH (e:Entity {id: id})-[r]-(other:Entity)
WHERE ${RELATION_FILTER_CONDITION} AND ${DIRECTION_CONDITION}
RETURN other ${ENTITY_FIELDS} AS reached, ${STORED_RELATION} AS relation
ORDER BY r.periodStart, r.id`;

/** The relations among a set of entities that pass the filters. */
const AMONG = `
MATCH (a:Entity)-[r]->(b:Entity)
WHERE a.id IN $ids AND b.id IN $ids AND ${RELATION_FILTER_CONDITION}
RETURN ${relationProjection("r", "a", "b")} AS relation
ORDER BY r.periodStart, r.id`;

const ALL_ENTITIES = `
MATCH (e:Entity)
WHERE $kinds IS NULL OR e.kind IN $kinds
RETURN e ${ENTITY_FIELDS} AS entity
ORDER BY e.id
LIMIT $limit`;

/**
 * The k shortest simple paths (k = the cap on paths), undirected, each relation passing the
 * filters; the caller sorts ties and applies its limit. The predicates sit inside the path
 * pattern so Neo4j applies them during the search: no node twice (Microsoft and OpenAI share ~15
 * relations, so walks that bounce between them would otherwise crowd out real routes). One text
 * per hop bound, built from the fixed range 1..max.
 */
const PATHS_BY_MAX_HOPS: ReadonlyMap<number, string> = new Map(
  Array.from({ length: EXPLORE_LIMITS.hops.max }, (_, index) => index + 1).map((maxHops) => [
    maxHops,
    `
MATCH (start:Entity {id: $fromId}), (end:Entity {id: $toId})
MATCH p = SHORTEST ${EXPLORE_LIMITS.paths.max} ((start)((x:Entity)-[r]-(y:Entity)
  WHERE ${RELATION_FILTER_CONDITION}){1,${maxHops}}(end)
  WHERE NOT start IN y AND all(i IN range(0, size(y) - 2) WHERE NOT y[i] IN y[i + 1..]))
RETURN [n IN nodes(p) | n ${ENTITY_FIELDS}] AS nodes,
       [r IN relationships(p) | ${STORED_RELATION}] AS relations`,
  ]),
);

/**
 * Relations that start, or end, in [$start, $end] (every one when both are null), touching
 * $entityId if given: the ones that give the window a timeline item. `date("2024-07")` is the
 * first day of a partial date, as PartialDate.start.
 */
const TIMELINE_RELATIONS = `
MATCH (a:Entity)-[r]->(b:Entity)
WHERE type(r) IN $types AND r.periodStart IS NOT NULL
  AND ($entityId IS NULL OR a.id = $entityId OR b.id = $entityId)
  AND (
    (($start IS NULL OR r.periodStart >= date($start)) AND ($end IS NULL OR r.periodStart <= date($end)))
    OR (r.validTo IS NOT NULL AND ($start IS NULL OR date(r.validTo) >= date($start))
        AND ($end IS NULL OR date(r.validTo) <= date($end)))
  )
RETURN ${relationProjection("r", "a", "b")} AS relation
ORDER BY r.periodStart, r.id
LIMIT $limit`;

const TIMELINE_EVENTS = `
MATCH (ev:Event)
WHERE ($entityId IS NULL OR EXISTS { (:Entity {id: $entityId})-[:PARTICIPATED_IN]->(ev) })
  AND ($end IS NULL OR ev.dateStart <= date($end))
  AND ($start IS NULL OR ev.dateStart >= date($start))
${EVENT_RETURN}
ORDER BY ev.dateStart, ev.id
LIMIT $limit`;

/** Per kind of timeline item and year: how many, and the first and last day; for a time slider. */
const TIMELINE_STATS = `
CALL () {
  MATCH (a:Entity)-[r]->(b:Entity)
  WHERE type(r) IN $types AND r.periodStart IS NOT NULL AND ($entityId IS NULL OR a.id = $entityId OR b.id = $entityId)
  RETURN CASE WHEN r.validFrom IS NULL THEN 'RELATION_ATTESTED' ELSE 'RELATION_STARTED' END AS kind, r.periodStart AS day
  UNION ALL
  MATCH (a:Entity)-[r]->(b:Entity)
  WHERE type(r) IN $types AND r.periodEnd IS NOT NULL AND ($entityId IS NULL OR a.id = $entityId OR b.id = $entityId)
  RETURN 'RELATION_ENDED' AS kind, r.periodEnd AS day
  UNION ALL
  MATCH (ev:Event)
  WHERE $includeEvents AND ($entityId IS NULL OR EXISTS { (:Entity {id: $entityId})-[:PARTICIPATED_IN]->(ev) })
  RETURN 'EVENT' AS kind, ev.dateStart AS day
}
RETURN kind, day.year AS year, count(*) AS count, toString(min(day)) AS first, toString(max(day)) AS last
ORDER BY year, kind`;

const SEARCH = `
CALL db.index.fulltext.queryNodes('entity_names', $query) YIELD node, score
WHERE node:Entity AND ($kinds IS NULL OR node.kind IN $kinds)
RETURN node ${ENTITY_FIELDS} AS entity, score
ORDER BY score DESC, node.id
LIMIT $limit`;

export class ExploreRepository {
  constructor(
    private readonly runner: QueryRunner,
    private readonly traversalTimeoutMs: number,
  ) {}

  /**
   * Breadth-first expansion, one query per level, all in one read transaction under the traversal
   * timeout. `visit` gets each level's rows and returns the next frontier (empty to stop), so the
   * service decides which nodes to keep while the cap on nodes holds.
   */
  expand(
    centreId: string,
    depth: number,
    filter: RelationFilter,
    direction: DirectionFilterValue,
    visit: (level: number, rows: ExpansionRow[]) => string[],
  ): Promise<void> {
    return this.runner.read(
      "explore.neighbourhood",
      async (tx) => {
        let frontier = [centreId];
        for (let level = 1; level <= depth && frontier.length > 0; level++) {
          const result = await tx.run(EXPAND, { ...relationFilterParams(filter), frontier, direction });
          frontier = visit(
            level,
            result.records.map((record) => ({ reached: toEntityRecord(record.get("reached")), relation: relationOf(record) })),
          );
        }
      },
      { timeoutMs: this.traversalTimeoutMs, traversal: true },
    );
  }

  relationsAmong(ids: readonly string[], filter: RelationFilter): Promise<RelationView[]> {
    return this.runner.read(
      "explore.relationsAmong",
      async (tx) => (await tx.run(AMONG, { ...relationFilterParams(filter), ids: [...ids] })).records.map(relationOf),
      { timeoutMs: this.traversalTimeoutMs, traversal: true },
    );
  }

  allEntities(kinds: readonly EntityKind[] | null, limit: number): Promise<EntityRecord[]> {
    return this.runner.read(
      "explore.allEntities",
      async (tx) =>
        (await tx.run(ALL_ENTITIES, { kinds: kinds ? [...kinds] : null, limit: toInteger(limit) })).records.map((record) =>
          toEntityRecord(record.get("entity")),
        ),
      { timeoutMs: this.traversalTimeoutMs, traversal: true },
    );
  }

  /** Up to EXPLORE_LIMITS.paths.max shortest simple paths, in no particular order. */
  shortestPaths(fromId: string, toId: string, maxHops: number, filter: RelationFilter): Promise<PathRecord[]> {
    const query = PATHS_BY_MAX_HOPS.get(maxHops);
    if (!query) throw new RangeError(`maxHops ${maxHops} is outside 1..${EXPLORE_LIMITS.hops.max}`);
    return this.runner.read(
      "explore.paths",
      async (tx) => {
        const result = await tx.run(query, { ...relationFilterParams(filter), fromId, toId });
        return result.records.map((record) => ({
          nodes: (record.get("nodes") as Array<Record<string, unknown>>).map(toEntityRecord),
          relations: (record.get("relations") as Array<Record<string, unknown>>).map(toRelationView),
        }));
      },
      { timeoutMs: this.traversalTimeoutMs, traversal: true },
    );
  }

  timeline(params: {
    entityId: string | null;
    types: readonly RelationType[];
    start: string | null;
    end: string | null;
    includeEvents: boolean;
    limit: number;
  }): Promise<{ relations: RelationView[]; events: EventRecord[]; stats: TimelineStats }> {
    return this.runner.read("explore.timeline", async (tx) => {
      const common = { entityId: params.entityId, start: params.start, end: params.end, limit: toInteger(params.limit) };
      const relations = await tx.run(TIMELINE_RELATIONS, { ...common, types: [...params.types] });
      const events = params.includeEvents ? (await tx.run(TIMELINE_EVENTS, common)).records.map(toEventRecord) : [];
      const stats = await tx.run(TIMELINE_STATS, {
        entityId: params.entityId,
        types: [...params.types],
        includeEvents: params.includeEvents,
      });
      return {
        relations: relations.records.map(relationOf),
        events,
        stats: {
          rows: stats.records.map((record) => ({
            kind: String(record.get("kind")),
            year: toNumber(record.get("year")) ?? 0,
            count: toNumber(record.get("count")) ?? 0,
            first: String(record.get("first")),
            last: String(record.get("last")),
          })),
        },
      };
    });
  }

  /** Runs each Lucene query in turn and answers the first that finds anything. */
  search(queries: readonly string[], kinds: readonly EntityKind[] | null, limit: number): Promise<SearchRow[]> {
    return this.runner.read("explore.search", async (tx) => {
      for (const query of queries) {
        const result = await tx.run(SEARCH, { query, kinds: kinds ? [...kinds] : null, limit: toInteger(limit) });
        if (result.records.length > 0) {
          return result.records.map((record) => ({
            entity: toEntityRecord(record.get("entity")),
            score: toNumber(record.get("score")) ?? 0,
          }));
        }
      }
      return [];
    });
  }
}
