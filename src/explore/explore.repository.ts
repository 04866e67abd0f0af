/**
 * Cypher for graph exploration: traversals, shortest paths, the timeline and full-text search.
 * As everywhere, values travel as `$parameters`; the only text ever built is a hop bound taken
 * from a fixed range (1..EXPLORE_LIMITS.hops.max), since Cypher accepts no parameter there.
 * Traversals run with the (shorter) traversal timeout.
 */
import type { Record as Neo4jRecord } from "neo4j-driver";
import { entityMap, toEntityRecord, type EntityRecord } from "../entity/entity.repository";
import type { EntityKind } from "../entity/entity-kind.enum";
import { EVENT_RETURN, toEventRecord, type EventRecord } from "../event/event.repository";
import type { QueryRunner } from "../graph/query-runner";
import { toInteger, toNumber, toStringOrNull } from "../graph/values";
import {
  AS_OF_CONDITION,
  DIRECTION_CONDITION,
  RELATION_FILTER_CONDITION,
  filterTypeExpression,
  isUnfiltered,
  RECORD_CONDITION,
  recordCondition,
  recordTimeParams,
  relationTypeOf,
  relationCountExpression,
  relationFilterParams,
  type DirectionFilterValue,
  type RecordTimeFilter,
  type RelationFilter,
} from "../relation/relation-filter";
import { relationsAndEnds, relationsOf, storedRelation, toRelationView } from "../relation/relation.repository";
import { RECENT_RELATIONS_ORDER } from "../relation/recent-relations";
import { ALL_RELATION_TYPES, assertRelationType, type RelationType } from "../relation/relation-type.enum";
import type { RelationView } from "../relation/relation.view";
import { EXPLORE_LIMITS } from "./explore.limits";
import type { RelationSketch } from "./graph.view";

/** A relation as a traversal reads it, with Neo4j's element id to read its facts by, in the same transaction. */
export interface ExpandedSketch extends RelationSketch {
  readonly elementId: string;
}

/** What a neighbourhood read: the kept entities by id, and the facts of the kept relations by relation id. */
export interface ExpandedGraph {
  readonly entities: ReadonlyMap<string, EntityRecord>;
  readonly facts: ReadonlyMap<string, RelationView>;
}

/** One frontier node of a breadth-first level, with the relations followed from it that reach a kept entity. */
export interface FrontierNode {
  readonly entity: EntityRecord;
  readonly rows: ReadonlyArray<{ readonly sketch: ExpandedSketch; readonly reachedId: string }>;
  /** Its relations that pass the filters but were not followed (the per-node cap). */
  readonly leftOut: number;
}

/** One breadth-first level as read. */
export interface ExpandedLevel {
  readonly frontier: FrontierNode[];
  /** Whether the level reached entities that the cap on nodes left out. */
  readonly cut: boolean;
}

export interface PathRecord {
  readonly nodes: EntityRecord[];
  readonly relations: RelationView[];
}

export interface PathsRecord {
  readonly fromFound: boolean;
  readonly toFound: boolean;
  readonly paths: PathRecord[];
}

export interface TimelineStats {
  readonly rows: ReadonlyArray<{ kind: string; year: number; count: number; first: string; last: string }>;
}

export interface SummaryRecord {
  readonly entitiesByKind: ReadonlyArray<{ name: string; count: number }>;
  readonly relationsByType: ReadonlyArray<{ name: string; count: number }>;
  readonly events: number;
  readonly sources: number;
}

export interface SearchRow {
  readonly entity: EntityRecord;
  readonly score: number;
}

/**
 * One breadth-first level, bounded in Cypher: for each frontier node, its `$perNode` most recent
 * relations of the asked types (`asOf` and direction checked as each is read), and how many more
 * it has. Unfiltered, a node with a list of its recent relations (src/relation/recent-relations.ts)
 * reads only the first `$perNode` of them; otherwise its relations are read and sorted.
 *
 * The cap on nodes is applied here too: of the entities the level reaches that are not yet kept
 * (`$kept`), the first `$room` by id are kept, and only the relations that reach a kept entity are
 * projected and answered (`cut` says whether some reached entity was left out). A hub's neighbours
 * are mostly dropped by that cap, so a relation is carried as itself and its far end's id until
 * then: on the bench graph's hub the second level projected 1,843 relations to keep 148. The
 * relations' facts (quotes are most of a relation's cost) and the kept entities reached are read
 * at the end. A missing frontier node (an unknown centre) gives no row.
 */
/** A followed relation as a traversal answers it (an ExpandedSketch), with the id of the entity it reaches. */
function sketchOf(relationship: string, reachedId: string): string {
  const r = relationship;
  return `{id: ${r}.id, elementId: elementId(${r}), type: ${relationTypeOf(r)}, fromId: startNode(${r}).id, toId: endNode(${r}).id,
    periodStart: toString(${r}.periodStart), periodEnd: toString(${r}.periodEnd), reachedId: ${reachedId}}`;
}

function levelQuery(filter: RelationFilter, direction: DirectionFilterValue): string {
  return `
UNWIND $frontier AS id
MATCH (e:Entity {id: id})
WITH e, $unfiltered AND size(coalesce(e.recentRelations, [])) >= $perNode AS listed
CALL (e, listed) {
  UNWIND CASE WHEN listed THEN e.recentRelations[0..$perNode] ELSE [] END AS relationElementId
  MATCH ()-[r]->() WHERE elementId(r) = relationElementId
  WITH r, CASE WHEN startNode(r) = e THEN endNode(r) ELSE startNode(r) END AS other
  RETURN collect({r: r, reachedId: other.id}) AS listedRows
}
CALL (e, listed) {
  WITH e WHERE NOT listed
  MATCH (e)-[r${filterTypeExpression(filter)}]-(other)
  WHERE ${AS_OF_CONDITION} AND ${recordCondition(filter)} AND ${DIRECTION_CONDITION}
  WITH r, other ORDER BY ${RECENT_RELATIONS_ORDER} LIMIT $perNode
  RETURN collect({r: r, reachedId: other.id}) AS readRows
}
WITH e, CASE WHEN listed THEN listedRows ELSE readRows END AS followed
WITH collect({
  node: e,
  followed: followed,
  leftOut: CASE WHEN size(followed) < $perNode THEN 0 ELSE ${relationCountExpression(filter, direction)} - size(followed) END
}) AS frontier
CALL (frontier) {
  UNWIND frontier AS expanded
  UNWIND expanded.followed AS row
  WITH DISTINCT row.reachedId AS reachedId
  WHERE NOT reachedId IN $kept
  WITH reachedId ORDER BY reachedId LIMIT $room + 1
  RETURN collect(reachedId) AS reached
}
WITH frontier, reached[0..$room] AS added, size(reached) > $room AS cut
UNWIND frontier AS expanded
WITH expanded.node AS e, expanded.leftOut AS leftOut, cut,
  [row IN expanded.followed WHERE row.reachedId IN $kept OR row.reachedId <= added[-1] | ${sketchOf("row.r", "row.reachedId")}] AS rows
RETURN ${entityMap("e")} AS entity, rows, leftOut, cut`;
}

/** The entities a traversal kept, by id (read in the same transaction). */
const ENTITIES_BY_ID = `
UNWIND $ids AS id
MATCH (e:Entity {id: id})
RETURN ${entityMap("e")} AS entity`;

/**
 * The facts of the relations a traversal kept, by element id (read in the same transaction);
 * their ends are kept entities, already read.
 */
function factsByElementId(filter: RecordTimeFilter): string {
  return `
UNWIND $elementIds AS elementId
MATCH ()-[r]->()
WHERE elementId(r) = elementId
RETURN ${storedRelation(filter)} AS relation`;
}

/** The relations among a set of entities that pass the filters. */
function amongQuery(filter: RecordTimeFilter): string {
  return `
MATCH (a:Entity)-[r]->(b:Entity)
WHERE a.id IN $ids AND b.id IN $ids AND ${RELATION_FILTER_CONDITION}
WITH r ORDER BY r.periodStart, r.id
WITH collect(r) AS among
RETURN ${relationsAndEnds("among", storedRelation(filter))}`;
}

const ALL_ENTITIES = `
MATCH (e:Entity)
WHERE ($kinds IS NULL OR e.kind IN $kinds) AND ($knownAt IS NULL OR e.recordedAt IS NULL OR e.recordedAt <= datetime($knownAt))
RETURN ${entityMap("e")} AS entity
ORDER BY e.id
LIMIT $limit`;

/**
 * The k shortest simple paths (k = the cap on paths), undirected, each relation of the asked
 * types (typed expansion) and in force in the asked period; the caller sorts ties and applies its
 * limit. The predicates sit inside the path pattern so Neo4j applies them during the search: no
 * node twice (Microsoft and OpenAI share ~15 relations, so walks that bounce between them would
 * otherwise crowd out real routes). Whether each end exists comes back in the same statement.
 * One text per hop bound (from the fixed range 1..max) and set of types.
 */
function pathsQuery(maxHops: number, filter: RelationFilter): string {
  if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > EXPLORE_LIMITS.hops.max) {
    throw new RangeError(`maxHops ${maxHops} is outside 1..${EXPLORE_LIMITS.hops.max}`);
  }
  return `
OPTIONAL MATCH (start:Entity {id: $fromId})
OPTIONAL MATCH (end:Entity {id: $toId})
CALL (start, end) {
  MATCH p = SHORTEST ${EXPLORE_LIMITS.paths.max} ((start)((x)-[r${filterTypeExpression(filter)}]-(y)
    WHERE ${AS_OF_CONDITION} AND ${recordCondition(filter)}){1,${maxHops}}(end)
    WHERE NOT start IN y AND all(i IN range(0, size(y) - 2) WHERE NOT y[i] IN y[i + 1..]))
  RETURN collect({nodes: [n IN nodes(p) | ${entityMap("n")}], relations: [r IN relationships(p) | ${storedRelation(filter)}]}) AS paths
}
RETURN start IS NOT NULL AS fromFound, end IS NOT NULL AS toFound, paths`;
}

/** Whose timeline: the whole graph's, one entity's, or a pair's (the relations between the two). */
export type TimelineAnchor = "graph" | "entity" | "pair";

/**
 * Rows (r, a, b) of the relations of the asked types a timeline reads, stored from `a` to `b`:
 * every one, or, from the entity-id index, the entity's or those between the pair (either way, so
 * symmetric ones stored from the other side too).
 */
function timelineMatch(anchor: TimelineAnchor): string {
  if (anchor === "graph")
    return `MATCH (a:Entity)-[r]->(b:Entity) WHERE (type(r) IN $types OR type(r) = 'RETRACTED') AND ${RECORD_CONDITION}`;
  const other = anchor === "pair" ? "(:Entity {id: $counterpartyId})" : "(:Entity)";
  return `MATCH (:Entity {id: $entityId})-[r]-${other}
  WITH DISTINCT r
  WITH r, startNode(r) AS a, endNode(r) AS b WHERE (type(r) IN $types OR type(r) = 'RETRACTED') AND ${RECORD_CONDITION}`;
}

/**
 * Relations that start, or end, in [$start, $end] (every one when both are null), of the
 * anchor: the ones that give the window a timeline item. `date("2024-07")` is the first day of a
 * partial date, as PartialDate.start.
 */
function timelineRelationsQuery(anchor: TimelineAnchor, filter: RecordTimeFilter): string {
  return `
${timelineMatch(anchor)} AND r.periodStart IS NOT NULL
  AND (
    (($start IS NULL OR r.periodStart >= date($start)) AND ($end IS NULL OR r.periodStart <= date($end)))
    OR (r.validTo IS NOT NULL AND ($start IS NULL OR date(r.validTo) >= date($start))
        AND ($end IS NULL OR date(r.validTo) <= date($end)))
  )
WITH r ORDER BY r.periodStart, r.id LIMIT $limit
WITH collect(r) AS window
RETURN ${relationsAndEnds("window", storedRelation(filter))}`;
}

/** Events of the entity (with the counterparty: of both), or every one. */
const TIMELINE_EVENT_CONDITION = `($entityId IS NULL OR EXISTS { (:Entity {id: $entityId})-[:PARTICIPATED_IN]->(ev) })
  AND ($counterpartyId IS NULL OR EXISTS { (:Entity {id: $counterpartyId})-[:PARTICIPATED_IN]->(ev) })`;

const TIMELINE_EVENTS = `
MATCH (ev:Event)
WHERE ${TIMELINE_EVENT_CONDITION}
  AND ($end IS NULL OR ev.dateStart <= date($end))
  AND ($start IS NULL OR ev.dateStart >= date($start))
${EVENT_RETURN}
ORDER BY ev.dateStart, ev.id
LIMIT $limit`;

/**
 * Per kind of timeline item and year: how many, the first day, and the last day any item covers
 * (a start known to the month, "2025-06", covers June to the 30th); for a time slider.
 */
function timelineStatsQuery(anchor: TimelineAnchor): string {
  return `
CALL () {
  ${timelineMatch(anchor)} AND r.periodStart IS NOT NULL
  WITH r, size(coalesce(r.validFrom, r.attestedFrom)) AS precision
  RETURN CASE WHEN r.validFrom IS NULL THEN 'RELATION_ATTESTED' ELSE 'RELATION_STARTED' END AS kind, r.periodStart AS day,
    CASE precision
      WHEN 4 THEN date({year: r.periodStart.year, month: 12, day: 31})
      WHEN 7 THEN r.periodStart + duration({months: 1}) - duration({days: 1})
      ELSE r.periodStart
    END AS lastDay
  UNION ALL
  ${timelineMatch(anchor)} AND r.periodEnd IS NOT NULL
  RETURN 'RELATION_ENDED' AS kind, r.periodEnd AS day, r.periodEnd AS lastDay
  UNION ALL
  MATCH (ev:Event)
  WHERE $includeEvents AND ${TIMELINE_EVENT_CONDITION}
  RETURN 'EVENT' AS kind, ev.dateStart AS day, coalesce(ev.dateEnd, ev.dateStart) AS lastDay
}
RETURN kind, day.year AS year, count(*) AS count, toString(min(day)) AS first, toString(max(lastDay)) AS last
ORDER BY year, kind`;
}

/**
 * Counts for a first look. Per relation type from Neo4j's count store (one typed pattern each, the
 * names from the enum): no relationship is read, whatever the size of the graph.
 */
const SUMMARY = `
CALL () { MATCH (e:Entity) WITH e.kind AS kind, count(*) AS n RETURN collect({kind: kind, count: n}) AS kinds }
CALL () {
  CALL () {
${ALL_RELATION_TYPES.map((type) => `    MATCH ()-[r:${assertRelationType(type)}]->() RETURN '${type}' AS type, count(r) AS n`).join("\n    UNION ALL\n")}
  }
  RETURN collect({type: type, count: n}) AS types
}
CALL () { MATCH (ev:Event) RETURN count(ev) AS events }
CALL () { MATCH (s:Source) RETURN count(s) AS sources }
RETURN kinds, types, events, sources`;

const SEARCH = `
CALL db.index.fulltext.queryNodes('entity_names', $query) YIELD node, score
WHERE node:Entity AND ($kinds IS NULL OR node.kind IN $kinds)
RETURN ${entityMap("node")} AS entity, score
ORDER BY score DESC, node.id
LIMIT $limit`;

function toFrontierNode(record: Neo4jRecord): FrontierNode {
  const rows = record.get("rows") as Array<Record<string, unknown>>;
  return {
    entity: toEntityRecord(record.get("entity")),
    leftOut: toNumber(record.get("leftOut")) ?? 0,
    rows: rows.map((row) => ({
      sketch: {
        id: String(row.id),
        elementId: String(row.elementId),
        type: String(row.type) as RelationType,
        fromId: String(row.fromId),
        toId: String(row.toId),
        periodStart: String(row.periodStart),
        periodEnd: toStringOrNull(row.periodEnd),
      },
      reachedId: String(row.reachedId),
    })),
  };
}

export class ExploreRepository {
  constructor(
    private readonly runner: QueryRunner,
    private readonly traversalTimeoutMs: number,
  ) {}

  /**
   * Breadth-first expansion, one statement per level, all in one read transaction under the
   * traversal timeout. (Depth 2 as one statement, the next frontier chosen in Cypher, measured
   * slower on the 1M-relation bench graph: p50 52 vs 47 ms on a normal node, 219 vs 115 ms on a
   * hub, 40 interleaved runs each; Neo4j plans the nested levels worse than each one alone.)
   * Each level keeps, within `nodeLimit`, the nearest entities it reaches, by id (see
   * `levelQuery`); `keptNodeIds` says which are kept so far (the centre first), and `visit` gets
   * each level and returns the next frontier (empty to stop). Then the kept entities and, if
   * `keptEdges` is given, the facts of the relations it names are read in the same transaction.
   * Answers null when the centre does not exist (nothing else was read).
   */
  expand(
    centreId: string,
    depth: number,
    filter: RelationFilter,
    direction: DirectionFilterValue,
    perNode: number,
    nodeLimit: number,
    visit: (level: number, read: ExpandedLevel) => string[],
    keptNodeIds: () => string[],
    keptEdges?: () => ExpandedSketch[],
  ): Promise<ExpandedGraph | null> {
    const level = levelQuery(filter, direction);
    return this.runner.read(
      "explore.neighbourhood",
      async (tx) => {
        let frontier = [centreId];
        const entities = new Map<string, EntityRecord>();
        for (let at = 1; at <= depth && frontier.length > 0; at++) {
          const kept = keptNodeIds();
          const result = await tx.run(level, {
            ...relationFilterParams(filter),
            frontier,
            direction,
            unfiltered: isUnfiltered(filter, direction),
            perNode: toInteger(perNode),
            kept,
            room: toInteger(Math.max(0, nodeLimit - kept.length)),
          });
          if (at === 1 && result.records.length === 0) return null;
          const nodes = result.records.map(toFrontierNode);
          for (const node of nodes) entities.set(node.entity.id, node.entity);
          frontier = visit(at, { frontier: nodes, cut: result.records.some((record) => record.get("cut") === true) });
        }
        const missing = keptNodeIds().filter((id) => !entities.has(id));
        if (missing.length > 0) {
          for (const record of (await tx.run(ENTITIES_BY_ID, { ids: missing })).records) {
            const entity = toEntityRecord(record.get("entity"));
            entities.set(entity.id, entity);
          }
        }
        const facts = new Map<string, RelationView>();
        const kept = keptEdges?.() ?? [];
        if (kept.length > 0) {
          const elementIds = kept.map((sketch) => sketch.elementId);
          for (const record of (await tx.run(factsByElementId(filter), { elementIds, ...recordTimeParams(filter) })).records) {
            const relation = toRelationView(record.get("relation") as Record<string, unknown>, entities);
            facts.set(relation.id, relation);
          }
        }
        return { entities, facts };
      },
      { timeoutMs: this.traversalTimeoutMs, traversal: true },
    );
  }

  relationsAmong(ids: readonly string[], filter: RelationFilter): Promise<RelationView[]> {
    return this.runner.read(
      "explore.relationsAmong",
      async (tx) =>
        relationsOf((await tx.run(amongQuery(filter), { ...relationFilterParams(filter), ids: [...ids] })).records[0]),
      { timeoutMs: this.traversalTimeoutMs, traversal: true },
    );
  }

  allEntities(kinds: readonly EntityKind[] | null, limit: number, knownAt: string | null = null): Promise<EntityRecord[]> {
    return this.runner.read(
      "explore.allEntities",
      async (tx) =>
        (await tx.run(ALL_ENTITIES, { kinds: kinds ? [...kinds] : null, limit: toInteger(limit), knownAt })).records.map(
          (record) => toEntityRecord(record.get("entity")),
        ),
      { timeoutMs: this.traversalTimeoutMs, traversal: true },
    );
  }

  /** Up to EXPLORE_LIMITS.paths.max shortest simple paths, in no particular order, and whether each end exists. */
  shortestPaths(fromId: string, toId: string, maxHops: number, filter: RelationFilter): Promise<PathsRecord> {
    const query = pathsQuery(maxHops, filter);
    return this.runner.read(
      "explore.paths",
      async (tx) => {
        const record = (await tx.run(query, { ...relationFilterParams(filter), fromId, toId })).records[0];
        const paths = record.get("paths") as Array<{
          nodes: Array<Record<string, unknown>>;
          relations: Array<Record<string, unknown>>;
        }>;
        return {
          fromFound: record.get("fromFound") === true,
          toFound: record.get("toFound") === true,
          paths: paths.map((path) => {
            const nodes = path.nodes.map(toEntityRecord);
            const ends = new Map(nodes.map((node) => [node.id, node]));
            return { nodes, relations: path.relations.map((relation) => toRelationView(relation, ends)) };
          }),
        };
      },
      { timeoutMs: this.traversalTimeoutMs, traversal: true },
    );
  }

  /** The counterparty only with the entity: then the pair's timeline. */
  timeline(params: {
    entityId: string | null;
    counterpartyId: string | null;
    types: readonly RelationType[];
    start: string | null;
    end: string | null;
    includeEvents: boolean;
    limit: number;
    knownAt: string | null;
  }): Promise<{ relations: RelationView[]; events: EventRecord[]; stats: TimelineStats }> {
    return this.runner.read("explore.timeline", async (tx) => {
      const anchor: TimelineAnchor = params.entityId === null ? "graph" : params.counterpartyId === null ? "entity" : "pair";
      const ids = { entityId: params.entityId, counterpartyId: anchor === "pair" ? params.counterpartyId : null };
      const common = { ...ids, start: params.start, end: params.end, limit: toInteger(params.limit) };
      const recordTime: RecordTimeFilter = { knownAt: params.knownAt, includeRetracted: false };
      const record = recordTimeParams(recordTime);
      const relations = await tx.run(timelineRelationsQuery(anchor, recordTime), {
        ...common,
        ...record,
        types: [...params.types],
      });
      const events = params.includeEvents ? (await tx.run(TIMELINE_EVENTS, common)).records.map(toEventRecord) : [];
      const stats = await tx.run(timelineStatsQuery(anchor), {
        ...ids,
        ...record,
        types: [...params.types],
        includeEvents: params.includeEvents,
      });
      return {
        relations: relationsOf(relations.records[0]),
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

  summary(): Promise<SummaryRecord> {
    return this.runner.read("explore.summary", async (tx) => {
      const record = (await tx.run(SUMMARY)).records[0];
      // Most first, then by name; what the graph has none of is left out.
      const counts = (rows: Array<Record<string, unknown>>, key: "kind" | "type") =>
        rows
          .map((row) => ({ name: String(row[key]), count: toNumber(row.count) ?? 0 }))
          .filter((row) => row.count > 0)
          .sort((left, right) => right.count - left.count || left.name.localeCompare(right.name));
      return {
        entitiesByKind: counts(record.get("kinds"), "kind"),
        relationsByType: counts(record.get("types"), "type"),
        events: toNumber(record.get("events")) ?? 0,
        sources: toNumber(record.get("sources")) ?? 0,
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
