/**
 * The graph payload over plain HTTP, for tools that do not speak GraphQL:
 *
 *   GET /graph.json     {nodes, edges, truncated}; Cytoscape.js elements with ?format=cytoscape;
 *                       Cytoscape desktop's {elements: {nodes, edges}} with ?format=cyjs (a download)
 *   GET /graph.graphml  GraphML for networkx, Gephi, yEd or Cytoscape desktop (a download)
 *
 * Query parameters pick the query and carry its filters: `id` (+ depth, direction, limit) draws a
 * neighbourhood; `ids` (comma-separated) a subgraph; neither, the whole graph (+ kinds, limit).
 * `types` (comma-separated) and `asOf` apply to all. Each request runs the matching GraphQL
 * operation through Apollo, so caps, validation, error codes and the cost limit are the API's own;
 * an error answers `{ error: { code, message, argument? } }` with a fitting HTTP status.
 */
import type { ApolloServer } from "@apollo/server";
import express from "express";
import { BadUserInputError, restError } from "../common/errors";
import type { RequestContext } from "../request-context";
import { toCytoscapeDesktop, type CytoscapeElement } from "../explore/cytoscape";
import { toGraphML } from "../explore/graphml";
import type { GraphView } from "../explore/graph.view";

const GRAPH_FIELDS = `
  truncated
  nodes { id caption kind aliases description distance }
  edges {
    id source target type caption symmetric periodStart periodEnd
    relation {
      status description validFrom validTo attestedFrom expectedBy
      amount { amount currency approximate measure note } stakePercent exclusive role agreement { id }
      inferred provenance { references { source { id } quotes note inferred verified } }
    }
  }
  cytoscapeElements`;

const OPERATIONS = {
  neighbourhood: {
    query: `query Neighbourhood($id: ID!, $depth: Int, $direction: DirectionFilter, $types: [RelationType!], $asOf: PartialDate, $limit: Int) {
  graph: neighbourhood(id: $id, depth: $depth, direction: $direction, types: $types, asOf: $asOf, limit: $limit) {${GRAPH_FIELDS} }
}`,
    parameters: ["id", "depth", "direction", "types", "asOf", "limit"],
  },
  subgraph: {
    query: `query Subgraph($ids: [ID!]!, $types: [RelationType!], $asOf: PartialDate) {
  graph: subgraph(ids: $ids, types: $types, asOf: $asOf) {${GRAPH_FIELDS} }
}`,
    parameters: ["ids", "types", "asOf"],
  },
  graph: {
    query: `query WholeGraph($kinds: [EntityKind!], $types: [RelationType!], $asOf: PartialDate, $limit: Int) {
  graph(kinds: $kinds, types: $types, asOf: $asOf, limit: $limit) {${GRAPH_FIELDS} }
}`,
    parameters: ["kinds", "types", "asOf", "limit"],
  },
} as const;

/** How an error message names what the parameters asked for. */
const OPERATION_NAMES: Record<keyof typeof OPERATIONS, string> = {
  neighbourhood: "a neighbourhood (id)",
  subgraph: "a subgraph (ids)",
  graph: "the whole graph (neither id nor ids)",
};

const LIST_PARAMETERS = new Set(["ids", "types", "kinds"]);
const INTEGER_PARAMETERS = new Set(["depth", "limit"]);
const FORMATS = ["graph", "cytoscape", "cyjs"] as const;

class ExportRequestError extends Error {
  constructor(
    readonly argument: string,
    message: string,
  ) {
    super(message);
  }
}

interface ExportedGraph extends GraphView {
  cytoscapeElements: CytoscapeElement[];
}

export function graphExportRouter(apollo: ApolloServer<RequestContext>, createContext: () => RequestContext): express.Router {
  const router = express.Router();

  const handle = (output: "json" | "graphml") => async (req: express.Request, res: express.Response) => {
    try {
      const { operation, variables, format } = parseRequest(req.query as Record<string, unknown>, output);
      const response = await apollo.executeOperation(
        { query: OPERATIONS[operation].query, variables },
        { contextValue: createContext() },
      );
      if (response.body.kind !== "single") throw new Error("unexpected incremental response");
      const { data, errors } = response.body.singleResult;
      if (errors?.length) {
        const { status, body } = restError(errors[0]);
        res.status(status).json(body);
        return;
      }
      const graph = (data as { graph: ExportedGraph }).graph;
      // Files for desktop tools are downloads, named after the operation.
      if (output === "graphml") {
        res.attachment(`${operation}.graphml`).type("application/graphml+xml").send(toGraphML(graph));
      } else if (format === "cytoscape") {
        res.json(graph.cytoscapeElements);
      } else if (format === "cyjs") {
        res.attachment(`${operation}.cyjs`).json(toCytoscapeDesktop(graph.cytoscapeElements));
      } else {
        const { cytoscapeElements: _elements, ...payload } = graph;
        res.json(payload);
      }
    } catch (error) {
      if (error instanceof ExportRequestError) {
        const { status, body } = restError(new BadUserInputError(error.argument, error.message));
        res.status(status).json(body);
        return;
      }
      throw error;
    }
  };

  router.get("/graph.json", handle("json"));
  router.get("/graph.graphml", handle("graphml"));
  return router;
}

function parseRequest(query: Record<string, unknown>, output: "json" | "graphml") {
  const operation: keyof typeof OPERATIONS =
    query.id !== undefined ? "neighbourhood" : query.ids !== undefined ? "subgraph" : "graph";
  const allowed = new Set<string>([...OPERATIONS[operation].parameters, ...(output === "json" ? ["format"] : [])]);
  const variables: Record<string, unknown> = {};
  let format: (typeof FORMATS)[number] = "graph";
  for (const [name, raw] of Object.entries(query)) {
    if (!allowed.has(name)) {
      throw new ExportRequestError(
        name,
        `Unknown or misplaced query parameter "${name}"; for ${OPERATION_NAMES[operation]} the parameters are: ${[...allowed].join(", ")}.`,
      );
    }
    if (typeof raw !== "string") throw new ExportRequestError(name, `Give "${name}" once, as text.`);
    if (name === "format") {
      if (!(FORMATS as readonly string[]).includes(raw)) {
        throw new ExportRequestError(name, `"format" must be one of ${FORMATS.join(", ")}; got "${raw}".`);
      }
      format = raw as (typeof FORMATS)[number];
    } else if (LIST_PARAMETERS.has(name)) {
      variables[name] = raw
        .split(",")
        .map((item) => item.trim())
        .filter((item) => item.length > 0);
    } else if (INTEGER_PARAMETERS.has(name)) {
      if (!/^\d{1,9}$/.test(raw)) throw new ExportRequestError(name, `"${name}" must be a whole number; got "${raw}".`);
      variables[name] = Number(raw);
    } else {
      variables[name] = raw;
    }
  }
  return { operation, variables, format };
}
