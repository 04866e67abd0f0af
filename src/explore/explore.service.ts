/**
 * The rules of graph exploration: which nodes a neighbourhood keeps under its cap, what counts
 * as a path, how a timeline is ordered. Cypher stays in ExploreRepository; this module shapes
 * records into the draw-ready payload (graph.view.ts).
 */
import { BadUserInputError, NotFoundError } from "../common/errors";
import { PartialDate, precisionOf } from "../common/partial-date";
import type { EntityRecord } from "../entity/entity.repository";
import type { EntityService } from "../entity/entity.service";
import { toEventView, type EventView } from "../event/event.service";
import { relationFilterOf } from "../relation/relation-filter";
import type { EntityKind } from "../entity/entity-kind.enum";
import { isSymmetric, type RelationType } from "../relation/relation-type.enum";
import type { RelationView } from "../relation/relation.view";
import type { NeighbourhoodArgs, PathsArgs, SearchArgs, SubgraphArgs, TimelineArgs, WholeGraphArgs } from "./explore.args";
import type { ExpandedSketch, ExploreRepository } from "./explore.repository";
import {
  buildGraph,
  relationCaption,
  sketchEdge,
  toGraphEdge,
  toGraphNode,
  type GraphNodeView,
  type GraphView,
} from "./graph.view";
import { EXPLORE_LIMITS } from "./explore.limits";
import { compactForSearch, toSearchQueries } from "./search-query";
import { TimelineItemKind } from "./timeline.type";

export interface GraphPathView extends GraphView {
  length: number;
}

export interface TimelineItemView {
  kind: TimelineItemKind;
  date: string;
  precision: ReturnType<typeof precisionOf>;
  start: string;
  end: string;
  attested: boolean;
  caption: string;
  relation: RelationView | null;
  event: EventView | null;
  id: string;
}

export interface TimelineView {
  items: TimelineItemView[];
  minDate: string | null;
  maxDate: string | null;
  countsByYear: YearCountView[];
  truncated: boolean;
}

export interface YearCountView {
  year: number;
  relationsStarted: number;
  relationsAttested: number;
  relationsEnded: number;
  events: number;
}

export interface SummaryView {
  entities: number;
  relations: number;
  events: number;
  sources: number;
  entitiesByKind: Array<{ kind: EntityKind; count: number }>;
  relationsByType: Array<{ type: RelationType; count: number }>;
}

export interface SearchHitView {
  entity: EntityRecord;
  score: number;
}

const KIND_ORDER: Record<TimelineItemKind, number> = {
  [TimelineItemKind.RELATION_STARTED]: 0,
  [TimelineItemKind.RELATION_ATTESTED]: 0,
  [TimelineItemKind.EVENT]: 1,
  [TimelineItemKind.RELATION_ENDED]: 2,
};

export class ExploreService {
  constructor(
    private readonly repository: ExploreRepository,
    private readonly entities: EntityService,
  ) {}

  /**
   * Breadth first from the centre: nodes nearest first (then by id) until the node cap; from each
   * node, its `relationsPerNode` most recent relations (both caps are applied in Cypher, and the
   * rest counted in `relationsLeftOut` and `truncated`); edges are the followed relations between
   * kept nodes. The facts of the kept edges are read only when `withFacts` (the selection asks for them).
   */
  async neighbourhood(args: NeighbourhoodArgs, withFacts = true): Promise<GraphView> {
    /** Kept nodes: distance from the centre, and how many relations the cap left out (null: not expanded). */
    const nodes = new Map<string, { distance: number; relationsLeftOut: number | null }>([
      [args.id, { distance: 0, relationsLeftOut: null }],
    ]);
    const sketches: ExpandedSketch[] = [];
    let truncated = false;
    const keptEdges = () => {
      const kept = new Map<string, ExpandedSketch>();
      for (const sketch of sketches) if (nodes.has(sketch.fromId) && nodes.has(sketch.toId)) kept.set(sketch.id, sketch);
      return [...kept.values()];
    };
    const read = await this.repository.expand(
      args.id,
      args.depth,
      relationFilterOf(args),
      args.direction,
      args.relationsPerNode,
      args.limit,
      (level, { frontier, cut }) => {
        if (cut) truncated = true;
        // Every relation read reaches a kept entity: one kept before, or one this level added.
        const added = new Set<string>();
        for (const node of frontier) {
          const kept = nodes.get(node.entity.id);
          if (kept) kept.relationsLeftOut = node.leftOut;
          if (node.leftOut > 0) truncated = true;
          for (const row of node.rows) {
            sketches.push(row.sketch);
            if (!nodes.has(row.reachedId)) added.add(row.reachedId);
          }
        }
        // By id, in the order Cypher chose them (UTF-16 code units, as Cypher compares strings).
        const next = [...added].sort((left, right) => (left < right ? -1 : left > right ? 1 : 0));
        for (const id of next) nodes.set(id, { distance: level, relationsLeftOut: null });
        return nodes.size >= args.limit ? [] : next;
      },
      () => [...nodes.keys()],
      withFacts ? keptEdges : undefined,
    );
    if (read === null) {
      // Not an entity: perhaps one merged into another, which answers for it.
      const survivor = await this.entities.get(args.id);
      if (survivor && survivor.id !== args.id) return this.neighbourhood({ ...args, id: survivor.id }, withFacts);
      throw new NotFoundError("entity", args.id, "id");
    }
    const views: GraphNodeView[] = [];
    for (const [id, kept] of nodes) {
      const entity = read.entities.get(id);
      // Every kept id came from a relationship read in the same transaction, so its entity is there.
      if (!entity) continue;
      views.push({ ...toGraphNode(entity, kept.distance), relationsLeftOut: kept.relationsLeftOut });
    }
    const edges = keptEdges().map((sketch) => sketchEdge(sketch, read.facts.get(sketch.id) ?? null));
    return buildGraph(views, edges, truncated);
  }

  /** Shortest first; among paths of one length, by the ids of their relations. Empty when none. */
  async paths(args: PathsArgs): Promise<GraphPathView[]> {
    if (args.from === args.to) {
      throw new BadUserInputError("to", `"from" and "to" are both "${args.from}"; a path needs two different entities.`);
    }
    const found = await this.repository.shortestPaths(args.from, args.to, args.maxHops, relationFilterOf(args));
    if (!found.fromFound || !found.toFound) {
      // An end that is not an entity may have been merged into one, which answers for it.
      const [from, to] = await Promise.all([this.entities.get(args.from), this.entities.get(args.to)]);
      if (!from) throw new NotFoundError("entity", args.from, "from");
      if (!to) throw new NotFoundError("entity", args.to, "to");
      if (from.id !== args.from || to.id !== args.to) return this.paths({ ...args, from: from.id, to: to.id });
      throw new NotFoundError("entity", found.fromFound ? args.to : args.from, found.fromFound ? "to" : "from");
    }
    return found.paths
      .map((path) => ({
        nodes: path.nodes.map((node) => toGraphNode(node)),
        // In path order, not buildGraph's date order: edges[i] links nodes[i] and nodes[i + 1].
        edges: path.relations.map(toGraphEdge),
        truncated: false,
        length: path.relations.length,
      }))
      .sort(
        (left, right) =>
          left.length - right.length ||
          left.edges
            .map((edge) => edge.id)
            .join(" ")
            .localeCompare(right.edges.map((edge) => edge.id).join(" ")),
      )
      .slice(0, args.limit);
  }

  async subgraph(args: SubgraphArgs): Promise<GraphView> {
    const ids = [...new Set(args.ids)];
    // One batched lookup (the entity DataLoader); the first unknown id is NOT_FOUND.
    const entities = await Promise.all(ids.map((id) => this.entities.require(id, "ids")));
    // A merged id answers as its survivor: one node per entity.
    const byId = new Map(entities.map((entity) => [entity.id, entity]));
    const relations = await this.repository.relationsAmong([...byId.keys()], relationFilterOf(args));
    return buildGraph(
      [...byId.values()].map((entity) => toGraphNode(entity)),
      relations.map(toGraphEdge),
      false,
    );
  }

  async wholeGraph(args: WholeGraphArgs): Promise<GraphView> {
    const kinds = args.kinds && args.kinds.length > 0 ? args.kinds : null;
    const entities = await this.repository.allEntities(kinds, args.limit + 1, relationFilterOf(args).knownAt);
    const kept = entities.slice(0, args.limit);
    const relations = await this.repository.relationsAmong(
      kept.map((entity) => entity.id),
      relationFilterOf(args),
    );
    return buildGraph(
      kept.map((entity) => toGraphNode(entity)),
      relations.map(toGraphEdge),
      entities.length > args.limit,
    );
  }

  async timeline(args: TimelineArgs): Promise<TimelineView> {
    if (args.counterparty && !args.entity) {
      throw new BadUserInputError(
        "counterparty",
        `"counterparty" needs "entity": a pair's timeline is timeline(entity: "microsoft", counterparty: "${args.counterparty}").`,
      );
    }
    if (args.counterparty && args.counterparty === args.entity) {
      throw new BadUserInputError(
        "counterparty",
        `"entity" and "counterparty" are both "${args.entity}"; a pair needs two entities.`,
      );
    }
    // One batched lookup; an unknown id is NOT_FOUND naming its argument.
    const [entity, counterparty] = await Promise.all([
      args.entity ? this.entities.require(args.entity, "entity") : null,
      args.counterparty ? this.entities.require(args.counterparty, "counterparty") : null,
    ]);
    const start = args.from?.start ?? null;
    const end = args.to?.end ?? null;
    if (start && end && start > end) {
      throw new BadUserInputError("to", `"to" (${String(args.to)}) is before "from" (${String(args.from)}).`);
    }
    const { relations, events, stats } = await this.repository.timeline({
      entityId: entity?.id ?? null,
      counterpartyId: counterparty?.id ?? null,
      types: relationFilterOf(args).types,
      start,
      end,
      includeEvents: args.includeEvents,
      // One more than asked, to know whether the list was cut.
      limit: args.limit + 1,
      knownAt: relationFilterOf(args).knownAt,
    });
    const inWindow = (item: TimelineItemView) => (!start || item.start >= start) && (!end || item.start <= end);
    const items = [
      ...relations.flatMap((record) => relationItems(record)),
      ...events.map((record) => eventItem(toEventView(record))),
    ]
      .filter(inWindow)
      .sort(
        (left, right) =>
          left.start.localeCompare(right.start) ||
          left.end.localeCompare(right.end) ||
          KIND_ORDER[left.kind] - KIND_ORDER[right.kind] ||
          left.id.localeCompare(right.id),
      );
    const years = new Map<number, YearCountView>();
    let minDate: string | null = null;
    let maxDate: string | null = null;
    for (const row of stats.rows) {
      const year = years.get(row.year) ?? {
        year: row.year,
        relationsStarted: 0,
        relationsAttested: 0,
        relationsEnded: 0,
        events: 0,
      };
      if (row.kind === TimelineItemKind.RELATION_STARTED) year.relationsStarted += row.count;
      else if (row.kind === TimelineItemKind.RELATION_ATTESTED) year.relationsAttested += row.count;
      else if (row.kind === TimelineItemKind.RELATION_ENDED) year.relationsEnded += row.count;
      else year.events += row.count;
      years.set(row.year, year);
      if (minDate === null || row.first < minDate) minDate = row.first;
      if (maxDate === null || row.last > maxDate) maxDate = row.last;
    }
    return {
      items: items.slice(0, args.limit),
      minDate,
      maxDate,
      countsByYear: [...years.values()].sort((left, right) => left.year - right.year),
      truncated: items.length > args.limit || relations.length > args.limit || events.length > args.limit,
    };
  }

  async summary(): Promise<SummaryView> {
    const record = await this.repository.summary();
    const total = (rows: ReadonlyArray<{ count: number }>) => rows.reduce((sum, row) => sum + row.count, 0);
    return {
      entities: total(record.entitiesByKind),
      relations: total(record.relationsByType),
      events: record.events,
      sources: record.sources,
      entitiesByKind: record.entitiesByKind.map((row) => ({ kind: row.name as EntityKind, count: row.count })),
      relationsByType: record.relationsByType.map((row) => ({ type: row.name as RelationType, count: row.count })),
    };
  }

  async search(args: SearchArgs): Promise<SearchHitView[]> {
    const queries = toSearchQueries(args.text);
    if (!queries) throw new BadUserInputError("text", '"text" must hold at least one letter or digit.');
    const kinds = args.kinds && args.kinds.length > 0 ? args.kinds : null;
    // Ask Lucene for the most hits a caller may get, re-rank, then cut: with `first: 1`, "OpenAI"
    // must still answer OpenAI even when Lucene ranks "OpenAI Global, LLC" above it.
    const hits = await this.repository.search(
      [queries.allWords, queries.anyWord],
      kinds,
      Math.max(args.first, EXPLORE_LIMITS.searchHits.max),
    );
    // Lucene favours names that repeat a word ("OpenAI Global, LLC", alias "OpenAI Global"); a
    // person typing "OpenAI" means OpenAI. An exact name or alias comes first; score orders the rest.
    // A name that starts with what was typed comes next: "Open" means OpenAI before an agreement
    // whose name merely contains "OpenAI".
    // Spaces, hyphens and punctuation aside: "open ai" is OpenAI's exact name.
    const text = compactForSearch(args.text);
    const closeness = (hit: SearchHitView) => {
      const names = [hit.entity.name, ...hit.entity.aliases].map(compactForSearch);
      return names.some((name) => name === text) ? 0 : names.some((name) => name.startsWith(text)) ? 1 : 2;
    };
    return hits
      .map((hit, rank) => ({ hit, rank, exact: closeness(hit) }))
      .sort((left, right) => left.exact - right.exact || left.rank - right.rank)
      .slice(0, args.first)
      .map(({ hit }) => hit);
  }
}

function relationItems(relation: RelationView): TimelineItemView[] {
  const record = relation;
  const arrow = isSymmetric(record.type) ? "—" : "→";
  const caption = `${record.from.name} ${arrow} ${relationCaption(record.type)} ${arrow} ${record.to.name}`;
  // A date that only says when the source shows the link is never drawn as its start.
  const items = [
    record.validFrom !== null
      ? datedItem(TimelineItemKind.RELATION_STARTED, record.validFrom, caption, false, relation, null, record.id)
      : datedItem(
          TimelineItemKind.RELATION_ATTESTED,
          record.attestedFrom,
          `${caption} (in force by ${record.attestedFrom}; start unknown)`,
          true,
          relation,
          null,
          record.id,
        ),
  ];
  if (record.validTo) {
    items.push(datedItem(TimelineItemKind.RELATION_ENDED, record.validTo, `${caption} (ends)`, false, relation, null, record.id));
  }
  return items;
}

function eventItem(event: EventView): TimelineItemView {
  return datedItem(TimelineItemKind.EVENT, event.date, event.name, false, null, event, event.id);
}

function datedItem(
  kind: TimelineItemKind,
  date: string,
  caption: string,
  attested: boolean,
  relation: RelationView | null,
  event: EventView | null,
  id: string,
): TimelineItemView {
  const parsed = PartialDate.from(date);
  return {
    kind,
    date,
    precision: precisionOf(date),
    start: parsed.start,
    end: parsed.end,
    attested,
    caption,
    relation,
    event,
    id,
  };
}
