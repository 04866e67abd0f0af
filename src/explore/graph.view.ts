/**
 * The draw-ready graph payload, as plain objects (pure: no I/O). Every graph query (neighbourhood,
 * paths, subgraph, graph) ends here, so nodes and edges look the same whichever query made them.
 */
import type { EntityRecord } from "../entity/entity.repository";
import type { EntityKind } from "../entity/entity-kind.enum";
import { isSymmetric, type RelationType } from "../relation/relation-type.enum";
import type { RelationView } from "../relation/relation.view";

export interface GraphNodeView {
  id: string;
  caption: string;
  kind: EntityKind;
  aliases: readonly string[];
  description: string | null;
  /** Relations between this node and the centre of a neighbourhood; null outside neighbourhoods. */
  distance: number | null;
  /** In a neighbourhood, for an expanded node: its relations the per-node cap left out; else null. */
  relationsLeftOut: number | null;
}

export interface GraphEdgeView {
  id: string;
  source: string;
  target: string;
  type: RelationType;
  caption: string;
  symmetric: boolean;
  periodStart: string;
  periodEnd: string | null;
  /** The facts; null when the query did not load them (GraphEdge.relation then loads them by id). */
  relation: RelationView | null;
}

/** What an edge needs of a relation, without its facts: what a traversal reads before it knows what it keeps. */
export interface RelationSketch {
  id: string;
  type: RelationType;
  /** As stored. */
  fromId: string;
  toId: string;
  periodStart: string;
  periodEnd: string | null;
}

export interface GraphView {
  nodes: GraphNodeView[];
  edges: GraphEdgeView[];
  /** True when a cap cut the payload short: more nodes matched than were returned. */
  truncated: boolean;
}

/** "INVESTS_IN" → "invests in": the edge label a person reads. */
export function relationCaption(type: RelationType): string {
  return type.toLowerCase().replace(/_/g, " ");
}

export function toGraphNode(entity: EntityRecord, distance: number | null = null): GraphNodeView {
  return {
    id: entity.id,
    caption: entity.name,
    kind: entity.kind,
    aliases: entity.aliases,
    description: entity.description,
    distance,
    relationsLeftOut: null,
  };
}

/** An edge points the way the relation is stored; a symmetric one is stored, and drawn, once. */
export function toGraphEdge(relation: RelationView): GraphEdgeView {
  return {
    ...sketchEdge({
      id: relation.id,
      type: relation.type,
      fromId: relation.from.id,
      toId: relation.to.id,
      periodStart: relation.periodStart,
      periodEnd: relation.periodEnd,
    }),
    relation,
  };
}

export function sketchEdge(sketch: RelationSketch, relation: RelationView | null = null): GraphEdgeView {
  return {
    id: sketch.id,
    source: sketch.fromId,
    target: sketch.toId,
    type: sketch.type,
    caption: relationCaption(sketch.type),
    symmetric: isSymmetric(sketch.type),
    periodStart: sketch.periodStart,
    periodEnd: sketch.periodEnd,
    relation,
  };
}

/**
 * Assembles a payload: nodes in the given order, each edge once (by id) and only when both its
 * ends are nodes of the payload, edges ordered by start date then id so answers are stable.
 */
export function buildGraph(nodes: readonly GraphNodeView[], candidates: readonly GraphEdgeView[], truncated: boolean): GraphView {
  const nodeIds = new Set(nodes.map((node) => node.id));
  const edges = new Map<string, GraphEdgeView>();
  for (const edge of candidates) {
    if (!edges.has(edge.id) && nodeIds.has(edge.source) && nodeIds.has(edge.target)) edges.set(edge.id, edge);
  }
  return {
    nodes: [...nodes],
    edges: [...edges.values()].sort(
      (left, right) => left.periodStart.localeCompare(right.periodStart) || left.id.localeCompare(right.id),
    ),
    truncated,
  };
}
