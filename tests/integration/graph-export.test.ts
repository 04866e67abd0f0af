/** GET /graph.json and /graph.graphml, and the pages served from installed packages, over real HTTP. */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startHttpTestApp, type HttpTestApp } from "./test-server";

let server: HttpTestApp;
let base: string;

beforeAll(async () => {
  server = await startHttpTestApp();
  base = server.base;
});
afterAll(() => server.close());

const get = (path: string) => fetch(`${base}${path}`);

describe("GET /graph.json", () => {
  it("without parameters: the whole graph as {nodes, edges, truncated}", async () => {
    const response = await get("/graph.json");
    expect(response.status).toBe(200);
    const body: any = await response.json();
    expect(body.nodes).toHaveLength(35);
    expect(body.edges).toHaveLength(80);
    expect(body.truncated).toBe(false);
    expect(body.edges[0]).toEqual(
      expect.objectContaining({ id: expect.any(String), source: expect.any(String), target: expect.any(String) }),
    );
    expect(body.edges[0].relation.provenance.references[0]).toMatchObject({
      source: { id: "microsoft-openai-timeline-fr" },
      quotes: [expect.any(String)],
      verified: true,
    });
  });

  it("with id, depth, types and asOf: the same neighbourhood as the GraphQL query", async () => {
    const body: any = await (await get("/graph.json?id=openai&asOf=2020&types=INVESTS_IN,SUPPLIES_CLOUD")).json();
    expect(body.nodes.map((node: any) => node.id).sort()).toEqual(["microsoft", "openai"]);
    expect(body.edges.map((edge: any) => edge.id).sort()).toEqual([
      "microsoft-invests-in-openai-2019-07",
      "microsoft-supplies-cloud-to-openai",
      "microsoft-supplies-exclusive-cloud-to-openai",
    ]);
  });

  it("with ids and format=cytoscape: Cytoscape.js elements", async () => {
    const elements = (await (await get("/graph.json?ids=google,microsoft&format=cytoscape")).json()) as any[];
    expect(elements.filter((element) => element.group === "nodes").map((element) => element.data.id)).toEqual([
      "google",
      "microsoft",
    ]);
    const edges = elements.filter((element) => element.group === "edges");
    expect(edges.length).toBe(2);
    expect(edges.every((edge) => edge.data.type === "COMPETES_WITH" && edge.data.symmetric === true)).toBe(true);
  });

  it.each([
    ["/graph.json?id=openai&depth=10", 400, "BAD_USER_INPUT", "depth", "cap on neighbourhood depth"],
    ["/graph.json?id=openai&depth=two", 400, "BAD_USER_INPUT", "depth", "whole number"],
    ["/graph.json?id=nobody", 404, "NOT_FOUND", "id", "nobody"],
    ["/graph.json?ids=openai,ghost", 404, "NOT_FOUND", "ids", "ghost"],
    ["/graph.json?colour=red", 400, "BAD_USER_INPUT", "colour", "Unknown"],
    ["/graph.json?id=openai&kinds=COMPANY", 400, "BAD_USER_INPUT", "kinds", "misplaced"],
    ["/graph.json?format=svg", 400, "BAD_USER_INPUT", "format", "graph, cytoscape, cyjs"],
    ["/graph.json?asOf=2025-13", 400, "BAD_USER_INPUT", "asOf", "month 13"],
  ])("%s answers %i %s naming %s", async (path, status, code, argument, message) => {
    const response = await get(path);
    expect(response.status).toBe(status);
    const body: any = await response.json();
    expect(body.error).toMatchObject({ code });
    if (argument) expect(body.error.argument).toBe(argument);
    expect(body.error.message).toContain(message);
  });

  it("an unknown relation type is a 400, not a crash", async () => {
    const response = await get("/graph.json?types=LOVES");
    expect(response.status).toBe(400);
    expect(((await response.json()) as any).error.code).toBe("BAD_USER_INPUT");
  });
});

/**
 * A Python that can import networkx: the system's if it can, else a virtual environment of the
 * project's own (.venv-tools, git-ignored), made once from PyPI.
 */
function pythonWithNetworkx(): string {
  const canImport = (python: string) => spawnSync(python, ["-c", "import networkx"]).status === 0;
  if (canImport("python3")) return "python3";
  const venv = path.join(__dirname, "..", "..", ".venv-tools");
  const python = path.join(venv, "bin", "python");
  if (!fs.existsSync(python)) spawnSync("python3", ["-m", "venv", venv], { stdio: "inherit" });
  if (!canImport(python))
    spawnSync(python, ["-m", "pip", "install", "--quiet", "networkx"], { stdio: "inherit", timeout: 300_000 });
  return python;
}

describe("GET /graph.graphml", () => {
  it("answers GraphML with declared attributes, as a download", async () => {
    const response = await get("/graph.graphml?ids=google,microsoft,openai");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/graphml\+xml/);
    const text = await response.text();
    expect(text).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>/);
    expect(text).toContain('<key id="e_type" for="edge" attr.name="type" attr.type="string"/>');
    expect(text).toContain('<node id="openai">');
    expect(text).toMatch(/<edge id="microsoft-competes-with-google-ai" source="microsoft" target="google">/);
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="?subgraph\.graphml"?$/);
    expect(text).toMatch(/<edge id="google-supplies-cloud-to-openai" source="google" target="openai">/);
    expect(text.match(/<node /g)).toHaveLength(3);
  });

  it("loads in networkx with every fact and quote of the article's graph", async () => {
    const [graphml, whole] = await Promise.all([
      (await get("/graph.graphml")).text(),
      (await get("/graph.json")).json() as Promise<any>,
    ]);
    const file = path.join(os.tmpdir(), `kg-${process.pid}.graphml`);
    fs.writeFileSync(file, graphml);
    try {
      const script = [
        "import json, sys, networkx as nx",
        "g = nx.read_graphml(sys.argv[1])",
        "edges = {d['id'] if 'id' in d else k: d for u, v, k, d in g.edges(keys=True, data=True)}",
        "print(json.dumps({'nodes': g.number_of_nodes(), 'edges': {k: {'quotes': json.loads(d['quotes']), 'references': json.loads(d['references']), 'amount': d.get('amount'), 'amountCumulativeTotal': d.get('amountCumulativeTotal'), 'symmetric': d['symmetric']} for k, d in edges.items()}}))",
      ].join("\n");
      const result = spawnSync(pythonWithNetworkx(), ["-c", script, file], { encoding: "utf8" });
      expect(result.stderr).toBe("");
      const loaded = JSON.parse(result.stdout);
      expect(loaded.nodes).toBe(whole.nodes.length);
      expect(Object.keys(loaded.edges).sort()).toEqual(whole.edges.map((edge: any) => edge.id).sort());
      // Every quote of every reference, and amounts by measure, none summed into another.
      for (const edge of whole.edges) {
        const references = edge.relation.provenance.references;
        const exported = loaded.edges[edge.id];
        expect([edge.id, exported.quotes]).toEqual([edge.id, references.flatMap((reference: any) => reference.quotes)]);
        expect(exported.references).toHaveLength(references.length);
        expect(exported.symmetric).toBe(edge.symmetric);
        const amount = edge.relation.amount;
        if (amount?.measure === "DEAL_VALUE") expect(exported.amount).toBe(amount.amount);
        else expect(exported.amount ?? null).toBeNull();
        if (amount?.measure === "CUMULATIVE_TOTAL") expect(exported.amountCumulativeTotal).toBe(amount.amount);
      }
    } finally {
      fs.rmSync(file, { force: true });
    }
  });

  it("offers Cytoscape desktop's {elements: {nodes, edges}} as a download", async () => {
    const response = await get("/graph.json?ids=google,microsoft,openai&format=cyjs");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="?subgraph\.cyjs"?$/);
    const body: any = await response.json();
    expect(body.elements.nodes.map((node: any) => node.data.id).sort()).toEqual(["google", "microsoft", "openai"]);
    expect(body.elements.edges.length).toBeGreaterThan(0);
    expect(body.elements.edges[0].data).toHaveProperty("quotes");
  });

  it("answers an unknown path with a coded JSON 404, not an HTML page", async () => {
    const response = await get("/no/such/page");
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(((await response.json()) as any).error.code).toBe("NOT_FOUND");
  });

  it("refuses format, which only /graph.json takes", async () => {
    expect((await get("/graph.graphml?format=cytoscape")).status).toBe(400);
  });
});

describe("pages from installed packages", () => {
  it.each(["/explorer", "/graphiql"])("%s is served with a same-origin-only Content-Security-Policy", async (path) => {
    const response = await get(path);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    expect(response.headers.get("content-security-policy")).toContain("default-src 'self'");
    const html = await response.text();
    expect(html).not.toMatch(/https?:\/\//);
  });

  it.each(["cytoscape.min.js", "react.production.min.js", "react-dom.production.min.js", "graphiql.min.js", "graphiql.min.css"])(
    "/vendor/%s comes from node_modules",
    async (file) => {
      const response = await get(`/vendor/${file}`);
      expect(response.status).toBe(200);
      expect((await response.text()).length).toBeGreaterThan(1000);
    },
  );

  it.each(["jquery.js", "constructor", "__proto__", "toString"])("/vendor/%s is a 404", async (file) => {
    expect((await get(`/vendor/${file}`)).status).toBe(404);
  });
});
