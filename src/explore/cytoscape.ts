/**
 * The mapping from a graph payload to Cytoscape.js elements (https://js.cytoscape.org/#notation/elements-json):
 * `cytoscape({ elements })` draws the result unchanged. The explorer page uses it, through the
 * `cytoscapeElements` field, and so can any client.
 *
 * - node: `{ group: "nodes", data: { id, label, kind, aliases, description, distance } }`
 * - edge: `{ group: "edges", data: { id, source, target, label, type, symmetric, status, validFrom,
 *   validTo, attestedFrom, periodStart, periodEnd, amount, currency, quote } }`
 *
 * Every value is a string, number, boolean or null, so style selectors such as
 * `edge[type = "INVESTS_IN"]` or `node[kind = "REGULATOR"]` work on them. Entity ids and relation
 * ids are both slugs from one namespace, as Cytoscape.js requires. A symmetric relation is one
 * element with `symmetric: true` (draw it without an arrow), never two.
 */
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
    },
  }));
  const seen = new Set<string>();
  for (const edge of graph.edges) {
    if (seen.has(edge.id)) continue;
    seen.add(edge.id);
    const relation = edge.relation;
    elements.push({
      group: "edges",
      data: {
        id: edge.id,
        source: edge.source,
        target: edge.target,
        label: edge.caption,
        type: edge.type,
        symmetric: edge.symmetric,
        status: relation?.status ?? null,
        description: relation?.description ?? null,
        validFrom: relation?.validFrom ?? null,
        validTo: relation?.validTo ?? null,
        attestedFrom: relation?.attestedFrom ?? null,
        periodStart: edge.periodStart,
        periodEnd: edge.periodEnd,
        amount: relation?.amount?.amount ?? null,
        currency: relation?.amount?.currency ?? null,
        quote: relation?.provenance.references[0]?.quotes[0] ?? null,
      },
    });
  }
  return elements;
}
