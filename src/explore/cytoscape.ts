/**
 * The mapping from a graph payload to Cytoscape.js elements (https://js.cytoscape.org/#notation/elements-json):
 * `cytoscape({ elements })` draws the result unchanged. The explorer page uses it, through the
 * `cytoscapeElements` field, and so can any client.
 *
 * - node: `{ group: "nodes", data: { id, label, kind, aliases, description, distance, relationsLeftOut } }`
 * - edge: `{ group: "edges", data: { id, source, target, ...every fact of edge-facts.ts } }`: dates,
 *   status, one amount attribute per measure (`amount` is DEAL_VALUE only, the summable one),
 *   stake, exclusivity, role, agreement, every quote (`quotes`), the sources, and the references
 *   whole as a JSON string (`references`).
 *
 * Scalars stay scalars, so style selectors such as `edge[type = "INVESTS_IN"]` or
 * `node[kind = "REGULATOR"]` work on them. Entity ids and relation ids are both slugs from one
 * namespace, as Cytoscape.js requires. A symmetric relation is one element with
 * `symmetric: true` (draw it without an arrow), never two.
 */
import { edgeFacts } from "./edge-facts";
import type { GraphView } from "./graph.view";

type Scalar = string | number | boolean | null;

export interface CytoscapeElement {
  group: "nodes" | "edges";
  data: { id: string } & Record<string, Scalar | readonly string[]>;
}

export function toCytoscapeElements(graph: Pick<GraphView, "nodes" | "edges">): CytoscapeElement[] {
  const elements: CytoscapeElement[] = graph.nodes.map((node) => ({
    group: "nodes",
    data: {
      id: node.id,
      label: node.caption,
      kind: node.kind,
      aliases: node.aliases,
      description: node.description,
      distance: node.distance,
      relationsLeftOut: node.relationsLeftOut,
    },
  }));
  const seen = new Set<string>();
  for (const edge of graph.edges) {
    if (seen.has(edge.id)) continue;
    seen.add(edge.id);
    elements.push({
      group: "edges",
      data: { id: edge.id, source: edge.source, target: edge.target, ...edgeFacts(edge, edge.relation) },
    });
  }
  return elements;
}

/** Cytoscape desktop's `.cyjs` shape: `{ elements: { nodes, edges } }`, each element `{ data }`. */
export function toCytoscapeDesktop(elements: readonly CytoscapeElement[]): {
  elements: { nodes: Array<{ data: CytoscapeElement["data"] }>; edges: Array<{ data: CytoscapeElement["data"] }> };
} {
  return {
    elements: {
      nodes: elements.filter((element) => element.group === "nodes").map((element) => ({ data: element.data })),
      edges: elements.filter((element) => element.group === "edges").map((element) => ({ data: element.data })),
    },
  };
}
