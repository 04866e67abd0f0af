/**
 * GraphML (http://graphml.graphdrawing.org/) for Gephi, yEd and Cytoscape desktop. Attributes are
 * declared as <key>s so those tools show them as columns; symmetric relations are undirected edges.
 */
import type { GraphView } from "./graph.view";

const NODE_KEYS = [
  ["label", "string"],
  ["kind", "string"],
  ["aliases", "string"],
  ["description", "string"],
] as const;

const EDGE_KEYS = [
  ["label", "string"],
  ["type", "string"],
  ["status", "string"],
  ["validFrom", "string"],
  ["validTo", "string"],
  ["attestedFrom", "string"],
  ["periodStart", "string"],
  ["periodEnd", "string"],
  ["amount", "double"],
  ["currency", "string"],
  ["quote", "string"],
] as const;

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

function data(key: string, value: string | number | null | undefined): string {
  return value === null || value === undefined ? "" : `<data key="${key}">${escapeXml(String(value))}</data>`;
}

export function toGraphML(graph: Pick<GraphView, "nodes" | "edges">): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    '  xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...NODE_KEYS.map(([name, type]) => `  <key id="n_${name}" for="node" attr.name="${name}" attr.type="${type}"/>`),
    ...EDGE_KEYS.map(([name, type]) => `  <key id="e_${name}" for="edge" attr.name="${name}" attr.type="${type}"/>`),
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
    const relation = edge.relation;
    lines.push(
      `    <edge id="${escapeXml(edge.id)}" source="${escapeXml(edge.source)}" target="${escapeXml(edge.target)}"` +
        `${edge.symmetric ? ' directed="false"' : ""}>` +
        data("e_label", edge.caption) +
        data("e_type", edge.type) +
        data("e_status", relation?.status) +
        data("e_validFrom", relation?.validFrom) +
        data("e_validTo", relation?.validTo) +
        data("e_attestedFrom", relation?.attestedFrom) +
        data("e_periodStart", edge.periodStart) +
        data("e_periodEnd", edge.periodEnd) +
        data("e_amount", relation?.amount?.amount) +
        data("e_currency", relation?.amount?.currency) +
        data("e_quote", relation?.provenance.references[0]?.quotes[0]) +
        "</edge>",
    );
  }
  lines.push("  </graph>", "</graphml>", "");
  return lines.join("\n");
}
