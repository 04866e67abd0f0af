/**
 * GraphML (http://graphml.graphdrawing.org/) for Gephi, yEd and Cytoscape desktop. Attributes are
 * declared as <key>s so those tools show them as columns: every fact of edge-facts.ts, lists and
 * references as JSON strings. Edges are directed; a symmetric relation has `symmetric` true.
 */
import { EDGE_FACT_NAMES, edgeFacts, type EdgeFacts } from "./edge-facts";
import type { GraphView } from "./graph.view";

const NODE_KEYS = [
  ["label", "string"],
  ["kind", "string"],
  ["aliases", "string"],
  ["description", "string"],
] as const;

/** GraphML attribute types of the edge facts; lists and references travel as JSON strings. */
const EDGE_KEY_TYPES: Record<keyof EdgeFacts, string> = {
  label: "string",
  type: "string",
  symmetric: "boolean",
  status: "string",
  description: "string",
  validFrom: "string",
  validTo: "string",
  attestedFrom: "string",
  expectedBy: "string",
  periodStart: "string",
  periodEnd: "string",
  amount: "double",
  amountCumulativeTotal: "double",
  amountCap: "double",
  amountAtStake: "double",
  currency: "string",
  amountApproximate: "boolean",
  amountNote: "string",
  stakePercent: "double",
  exclusive: "boolean",
  role: "string",
  agreement: "string",
  inferred: "boolean",
  quote: "string",
  quotes: "string",
  sources: "string",
  references: "string",
};

export function escapeXml(text: string): string {
  return (
    text
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      .replace(/'/g, "&apos;")
      // Characters XML 1.0 forbids even escaped (control characters other than tab and newlines).
      // XML 1.0 forbids these control characters: they are dropped on purpose.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, "")
  );
}

function data(key: string, value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "object" ? JSON.stringify(value) : String(value);
  return `<data key="${key}">${escapeXml(text)}</data>`;
}

export function toGraphML(graph: Pick<GraphView, "nodes" | "edges">): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    '  xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...NODE_KEYS.map(([name, type]) => `  <key id="n_${name}" for="node" attr.name="${name}" attr.type="${type}"/>`),
    ...EDGE_FACT_NAMES.map(
      (name) => `  <key id="e_${name}" for="edge" attr.name="${name}" attr.type="${EDGE_KEY_TYPES[name]}"/>`,
    ),
    '  <graph id="knowledge-graph" edgedefault="directed">',
  ];
  for (const node of graph.nodes) {
    lines.push(
      `    <node id="${escapeXml(node.id)}">` +
        data("n_label", node.caption) +
        data("n_kind", node.kind) +
        data("n_aliases", node.aliases.join("; ")) +
        data("n_description", node.description) +
        "</node>",
    );
  }
  for (const edge of graph.edges) {
    // Every edge is directed, as the graph says: networkx refuses a directed="false" edge in a
    // directed graph. A symmetric relation says so in its `symmetric` attribute instead.
    const facts = edgeFacts(edge, edge.relation);
    lines.push(
      `    <edge id="${escapeXml(edge.id)}" source="${escapeXml(edge.source)}" target="${escapeXml(edge.target)}">` +
        EDGE_FACT_NAMES.map((name) => data(`e_${name}`, facts[name])).join("") +
        "</edge>",
    );
  }
  lines.push("  </graph>", "</graphml>", "");
  return lines.join("\n");
}
