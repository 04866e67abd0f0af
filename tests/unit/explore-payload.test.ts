/** The draw-ready payload, pure: building a graph, its Cytoscape.js elements, GraphML, search text. */
import { toCytoscapeElements } from "../../src/explore/cytoscape";
import { escapeXml, toGraphML } from "../../src/explore/graphml";
import { buildGraph, relationCaption, toGraphEdge, toGraphNode } from "../../src/explore/graph.view";
import { foldForSearch, toSearchQueries } from "../../src/explore/search-query";
import type { EntityRecord } from "../../src/entity/entity.repository";
import { EntityKind } from "../../src/entity/entity-kind.enum";
import type { RelationView } from "../../src/relation/relation.view";
import { SYMMETRIC_RELATION_TYPES } from "../../src/relation/relation-type.enum";
import { AmountMeasure } from "../../src/relation/amount-measure.enum";
import { RelationStatus } from "../../src/relation/relation-status.enum";
import { RelationType } from "../../src/relation/relation-type.enum";

const entity = (id: string, name: string): EntityRecord => ({
  id,
  name,
  kind: EntityKind.COMPANY,
  aliases: [],
  version: 1,
  recordedAt: null,
  description: null,
});

const microsoft = entity("microsoft", "Microsoft");
const google = entity("google", "Google");
const openai = entity("openai", "OpenAI");

function relation(id: string, type: RelationType, from: EntityRecord, to: EntityRecord, periodStart: string): RelationView {
  return {
    id,
    type,
    symmetric: SYMMETRIC_RELATION_TYPES.has(type),
    status: RelationStatus.ACTIVE,
    description: "d",
    validFrom: periodStart.slice(0, 7),
    validFromPrecision: null,
    validTo: null,
    validToPrecision: null,
    attestedFrom: periodStart.slice(0, 7),
    expectedBy: null,
    amount:
      type === RelationType.INVESTS_IN
        ? { amount: 1e9, currency: "USD", approximate: false, measure: AmountMeasure.DEAL_VALUE, note: null }
        : null,
    stakePercent: null,
    exclusive: null,
    role: null,
    agreementId: null,
    inferred: false,
    provenance: {
      references: [{ sourceId: "s", quotes: ['« Microsoft & "OpenAI" <2019> »'], note: null, inferred: false, verified: true }],
    },
    from,
    to,
    periodStart,
    periodEnd: null,
    version: 1,
    recordedAt: null,
    retraction: null,
  };
}

const invests = relation("microsoft-invests-in-openai", RelationType.INVESTS_IN, microsoft, openai, "2019-07-01");
const competes = relation("microsoft-competes-with-google", RelationType.COMPETES_WITH, microsoft, google, "2019-01-01");
const graph = buildGraph(
  [toGraphNode(openai, 0), toGraphNode(microsoft, 1), toGraphNode(google, 2)],
  // The symmetric relation arrives twice, as a traversal meets it from both ends.
  [invests, competes, competes, relation("x", RelationType.INVESTS_IN, google, entity("elsewhere", "E"), "2020-01-01")].map(
    toGraphEdge,
  ),
  false,
);

describe("buildGraph", () => {
  it("keeps each edge once, only between returned nodes, by start date", () => {
    expect(graph.edges.map((edge) => edge.id)).toEqual(["microsoft-competes-with-google", "microsoft-invests-in-openai"]);
    expect(graph.edges[0]).toMatchObject({ source: "microsoft", target: "google", symmetric: true, caption: "competes with" });
  });

  it("captions a type in words", () => {
    expect(relationCaption(RelationType.HAS_TECHNOLOGY_ACCESS)).toBe("has technology access");
  });
});

describe("toCytoscapeElements", () => {
  const elements = toCytoscapeElements(graph);

  it("maps nodes then edges to {group, data} with Cytoscape's id/source/target", () => {
    expect(elements.map((element) => element.group)).toEqual(["nodes", "nodes", "nodes", "edges", "edges"]);
    expect(elements[0]).toEqual({
      group: "nodes",
      data: {
        id: "openai",
        label: "OpenAI",
        kind: "COMPANY",
        aliases: [],
        description: null,
        distance: 0,
        relationsLeftOut: null,
      },
    });
    expect(elements[4].data).toMatchObject({
      id: "microsoft-invests-in-openai",
      source: "microsoft",
      target: "openai",
      label: "invests in",
      type: "INVESTS_IN",
      symmetric: false,
      periodStart: "2019-07-01",
      periodEnd: null,
      amount: 1e9,
      amountCumulativeTotal: null,
      currency: "USD",
      quote: '« Microsoft & "OpenAI" <2019> »',
      quotes: ['« Microsoft & "OpenAI" <2019> »'],
      sources: ["s"],
    });
    expect(JSON.parse(elements[4].data.references as string)).toEqual([
      { source: "s", quotes: ['« Microsoft & "OpenAI" <2019> »'], note: null, inferred: false, verified: true },
    ]);
  });

  it("holds only values that style selectors can read (no nested objects)", () => {
    for (const element of elements) {
      for (const value of Object.values(element.data)) {
        expect(value === null || ["string", "number", "boolean"].includes(typeof value) || Array.isArray(value)).toBe(true);
      }
    }
  });

  it("never emits an edge twice, even from a payload that repeats one", () => {
    const doubled = toCytoscapeElements({ nodes: graph.nodes, edges: [...graph.edges, graph.edges[0]] });
    expect(doubled.filter((element) => element.group === "edges")).toHaveLength(2);
  });
});

describe("toGraphML", () => {
  const xml = toGraphML(graph);

  it("escapes text and attributes", () => {
    expect(escapeXml(`a<b>&"c"'\u0001`)).toBe("a&lt;b&gt;&amp;&quot;c&quot;&apos;");
    expect(xml).toContain("« Microsoft &amp; &quot;OpenAI&quot; &lt;2019&gt; »");
  });

  it("keeps every edge directed (networkx refuses directed=false in a directed graph); symmetric ones say so", () => {
    expect(xml).not.toContain('directed="false"');
    expect(xml).toMatch(
      /<edge id="microsoft-competes-with-google" source="microsoft" target="google">.*<data key="e_symmetric">true<\/data>/,
    );
    expect(xml).toContain('<edge id="microsoft-invests-in-openai" source="microsoft" target="openai">');
    expect(xml).toContain('<graph id="knowledge-graph" edgedefault="directed">');
  });
});

describe("toSearchQueries", () => {
  it("folds accents and case the way the index does", () => {
    expect(foldForSearch("Commission Européenne")).toBe("commission europeenne");
    expect(toSearchQueries("Commission Européenne")?.words).toEqual(["commission", "europeenne"]);
  });

  it("matches each word exactly, as a prefix and, from four letters, within one edit", () => {
    expect(toSearchQueries("gpt micrsoft")?.allWords).toBe(
      "((gpt^4 OR gpt*^2) AND (micrsoft^4 OR micrsoft*^2 OR micrsoft~1)) OR (gptmicrsoft^4 OR gptmicrsoft*^2 OR gptmicrsoft~1)",
    );
    expect(toSearchQueries("microsoft")?.allWords).toBe("(microsoft^4 OR microsoft*^2 OR microsoft~1)");
    expect(toSearchQueries("gpt micrsoft")?.anyWord).toContain(") OR (");
  });

  it("drops every Lucene operator a user could type", () => {
    const queries = toSearchQueries('name:"x" OR *:* AND ~ (a) [b TO c] \\ / ^2');
    expect(queries?.allWords).not.toMatch(/[:"[\]\\/]/);
    expect(queries?.words).toEqual(["name", "x", "or", "and", "a", "b", "to", "c", "2"]);
    expect(toSearchQueries(" *** ")).toBeNull();
  });
});
