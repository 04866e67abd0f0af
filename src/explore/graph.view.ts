/**
 * The draw-ready graph payload, as plain objects (pure: no I/O). Every graph query (neighbourhood,
 * paths, subgraph, graph) ends here, so nodes and edges look the same whichever query made them.
 */
import type { EntityRecord } from "../entity/entity.repository";
import type { EntityKind } from "../entity/entity-kind.enum";
import type { RelationType } from "../relation/relation-type.enum";
import type { RelationView } from "../relation/relation.view";

export interface GraphNodeView {
  id: string;
  caption: string;
  kind: EntityKind;
  aliases: readonly string[];
  description: string | null;
  /** Relations between this node and the centre of a neighbourhood; null outside neighbourhoods. */
  distance: number | null;
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
  relation: RelationView;
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
  };
}

/** An edge points the way the relation is stored; a symmetric one is stored, and drawn, once. */
export function toGraphEdge(relation: RelationView): GraphEdgeView {
  return {
    id: relation.id,
    source: relation.from.id,
    target: relation.to.id,
    type: relation.type,
    caption: relationCaption(relation.type),
    symmetric: relation.symmetric,
    periodStart: relation.periodStart,
    periodEnd: relation.periodEnd,
    relation,
  };
}

/**
 * Assembles a payload: nodes in the given order, each edge once (by id) and only when both its
 * ends are nodes of the payload, edges ordered by start date then id so answers are stable.
 */
export function buildGraph(nodes: readonly GraphNodeView[], relations: readonly RelationView[], truncated: boolean): GraphView {
  const nodeIds = new Set(nodes.map((node) => node.id));
  const edges = new Map<string, GraphEdgeView>();
  for (const record of relations) {
    if (!edges.has(record.id) && nodeIds.has(record.from.id) && nodeIds.has(record.to.id)) {
      edges.set(record.id, toGraphEdge(record));
    }
  }
  return {
    nodes: [...nodes],
    edges: [...edges.values()].sort(
      (left, right) => left.periodStart.localeCompare(right.periodStart) || left.id.localeCompare(right.id),
    ),
    truncated,
  };
}
