/**
 * What `graphChanged` pushes, as plain objects (pure: no I/O): a change record and the current
 * state of what it touched, in the payload shape of the graph queries (graph.view.ts), so a
 * client patches its drawing with the code that draws a neighbourhood.
 */
import type { EntityRecord } from "../entity/entity.repository";
import { buildGraph, toGraphEdge, toGraphNode, type GraphNodeView, type GraphView } from "../explore/graph.view";
import { EXPLORE_LIMITS } from "../explore/explore.limits";
import type { RelationView } from "../relation/relation.view";
import type { ChangeRecord } from "./change-feed.repository";

export interface GraphChangeView extends GraphView {
  seq: number;
  at: string;
  operation: string;
  removedNodeIds: string[];
  removedEdgeIds: string[];
}

/** Nodes, and edges, one change's payload carries at most: a graph query's cap on nodes. */
export const CHANGE_PAYLOAD_CAP = EXPLORE_LIMITS.nodes.max;

/** The ids whose current state a change's payload needs, capped (`truncated` says when). */
export function idsToRead(change: ChangeRecord): { entityIds: string[]; relationIds: string[]; truncated: boolean } {
  const removedEntities = new Set(change.removedEntityIds);
  const removedRelations = new Set(change.removedRelationIds);
  const entityIds = change.entityIds.filter((id) => !removedEntities.has(id));
  const relationIds = change.relationIds.filter((id) => !removedRelations.has(id));
  return {
    entityIds: entityIds.slice(0, CHANGE_PAYLOAD_CAP),
    relationIds: relationIds.slice(0, CHANGE_PAYLOAD_CAP),
    truncated: entityIds.length > CHANGE_PAYLOAD_CAP || relationIds.length > CHANGE_PAYLOAD_CAP,
  };
}

/**
 * The payload of one change, given what its ids name now. A relation it names that no longer
 * reads (retracted since, or by this change) is a removed edge; an entity that no longer exists
 * (merged away) a removed node. The ends of every edge are among the nodes, as in every graph
 * payload, so a client can draw an edge whose far end it did not show yet.
 */
export function toGraphChange(
  change: ChangeRecord,
  entities: ReadonlyMap<string, EntityRecord>,
  relations: ReadonlyMap<string, RelationView>,
): GraphChangeView {
  const toRead = idsToRead(change);
  const removedNodeIds = new Set(change.removedEntityIds);
  const removedEdgeIds = new Set(change.removedRelationIds);
  const nodes = new Map<string, GraphNodeView>();
  for (const id of toRead.entityIds) {
    const entity = entities.get(id);
    if (entity) nodes.set(id, toGraphNode(entity));
    else removedNodeIds.add(id);
  }
  const edges = [];
  for (const id of toRead.relationIds) {
    const relation = relations.get(id);
    if (!relation) {
      removedEdgeIds.add(id);
      continue;
    }
    edges.push(toGraphEdge(relation));
    for (const end of [relation.from, relation.to]) {
      if (!nodes.has(end.id)) nodes.set(end.id, toGraphNode(end));
      removedNodeIds.delete(end.id);
    }
  }
  return {
    seq: change.seq,
    at: change.at,
    operation: change.operation,
    ...buildGraph([...nodes.values()], edges, toRead.truncated),
    removedNodeIds: [...removedNodeIds].sort(),
    removedEdgeIds: [...removedEdgeIds].sort(),
  };
}

/** Which changes one subscriber wants: null is "any". */
export interface ChangeFilter {
  readonly ids: ReadonlySet<string> | null;
  readonly types: ReadonlySet<string> | null;
}

export function changeFilterOf(args: { ids?: readonly string[] | null; types?: readonly string[] | null }): ChangeFilter {
  return {
    ids: args.ids && args.ids.length > 0 ? new Set(args.ids) : null,
    types: args.types && args.types.length > 0 ? new Set(args.types) : null,
  };
}

/**
 * A change passes when it touches one of the ids (an entity whose facts changed, that ends a
 * changed relation, or that was merged away) and one of the relation types (a changed,
 * retracted or moved relation of that type); an absent filter passes everything.
 */
export function changeMatches(filter: ChangeFilter, change: ChangeRecord): boolean {
  const { ids, types } = filter;
  if (ids && !change.entityIds.some((id) => ids.has(id)) && !change.removedEntityIds.some((id) => ids.has(id))) return false;
  if (types && !change.relationTypes.some((type) => types.has(type))) return false;
  return true;
}
