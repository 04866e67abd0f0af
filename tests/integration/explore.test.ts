/**
 * The exploration queries against the seeded graph: the acceptance questions of the document
 * (who relates to whom as of a date, how two entities connect, what happened in 2023, finding an
 * entity by a French name), the payload's shape, and the caps and errors.
 */
import { EXPLORE_LIMITS } from "../../src/explore/explore.limits";
import { createTestServer, type TestServer } from "./test-server";

let server: TestServer;
beforeAll(async () => {
  server = await createTestServer();
});
afterAll(() => server.close());

const GRAPH = `truncated nodes { id caption kind distance } edges { id source target type symmetric periodStart periodEnd }`;

async function data(query: string, variables?: Record<string, unknown>) {
  const result = await server.execute(query, variables);
  expect(result.errors).toBeUndefined();
  return result.data as Record<string, any>;
}

async function error(query: string, variables?: Record<string, unknown>) {
  const result = await server.execute(query, variables);
  expect(result.errors).toHaveLength(1);
  return result.errors![0];
}

const ids = (items: Array<{ id: string }>) => items.map((item) => item.id);

describe("neighbourhood", () => {
  it("OpenAI as of 2020 and as of June 2025 differ as the text says", async () => {
    const { y2020, y2025 } = await data(`{
      y2020: neighbourhood(id: "openai", asOf: "2020") { ${GRAPH} }
      y2025: neighbourhood(id: "openai", asOf: "2025-06") { ${GRAPH} }
    }`);
    // 2020: Microsoft's 2019 investment and Azure; no Google Cloud, Oracle, Stargate or Windsurf yet.
    expect(ids(y2020.nodes)).toEqual(expect.arrayContaining(["openai", "microsoft", "gpt-3"]));
    expect(ids(y2020.edges)).toContain("microsoft-invests-in-openai-2019-07");
    for (const later of ["google", "oracle", "stargate", "windsurf", "ftc", "cma"]) expect(ids(y2020.nodes)).not.toContain(later);
    // June 2025: the other clouds, Stargate, Windsurf and the regulators.
    expect(ids(y2025.nodes)).toEqual(
      expect.arrayContaining(["microsoft", "google", "oracle", "stargate", "windsurf", "ftc", "cma"]),
    );
    expect(ids(y2025.edges)).toEqual(
      expect.arrayContaining(["google-supplies-cloud-to-openai", "openai-participates-in-stargate", "openai-acquires-windsurf"]),
    );
    expect(y2025.nodes[0]).toEqual({ id: "openai", caption: "OpenAI", kind: "COMPANY", distance: 0 });
  });

  it("is a well-formed payload: every edge between returned nodes, each once, nodes nearest first", async () => {
    const { neighbourhood } = await data(`{ neighbourhood(id: "microsoft", depth: 2) { ${GRAPH} } }`);
    const nodeIds = new Set(ids(neighbourhood.nodes));
    expect(nodeIds.size).toBe(neighbourhood.nodes.length);
    for (const edge of neighbourhood.edges) {
      expect(nodeIds.has(edge.source) && nodeIds.has(edge.target)).toBe(true);
    }
    expect(new Set(ids(neighbourhood.edges)).size).toBe(neighbourhood.edges.length);
    const distances = neighbourhood.nodes.map((node: { distance: number }) => node.distance);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(Math.max(...distances)).toBe(2);
    // A symmetric relation is one edge, whichever side the traversal met it from.
    const competes = neighbourhood.edges.filter(
      (edge: any) => edge.type === "COMPETES_WITH" && [edge.source, edge.target].sort().join() === "google,microsoft",
    );
    expect(competes.length).toBe(2); // AI offerings, and search: two relations, one edge each
    expect(competes.every((edge: any) => edge.symmetric)).toBe(true);
  });

  it("follows only the asked types and direction", async () => {
    const { out, into } = await data(`{
      out: neighbourhood(id: "openai", types: [INVESTS_IN], direction: OUTGOING) { ${GRAPH} }
      into: neighbourhood(id: "openai", types: [INVESTS_IN], direction: INCOMING) { ${GRAPH} }
    }`);
    expect(out.edges).toEqual([]);
    expect(ids(out.nodes)).toEqual(["openai"]);
    expect(into.edges.every((edge: any) => edge.type === "INVESTS_IN" && edge.target === "openai")).toBe(true);
    expect(ids(into.nodes)).toContain("microsoft");
  });

  it("cuts at the node limit and says so", async () => {
    const { neighbourhood } = await data(`{ neighbourhood(id: "openai", depth: 3, limit: 5) { ${GRAPH} } }`);
    expect(neighbourhood.nodes).toHaveLength(5);
    expect(neighbourhood.truncated).toBe(true);
  });

  it("keeps, under the node limit, the nearest entities by id and the followed relations among them", async () => {
    const { whole, cut } = await data(`{
      whole: neighbourhood(id: "openai", depth: 1, limit: ${EXPLORE_LIMITS.nodes.max}) { ${GRAPH} }
      cut: neighbourhood(id: "openai", depth: 3, limit: 5) { ${GRAPH} }
    }`);
    const byId = (left: string, right: string) => (left < right ? -1 : left > right ? 1 : 0);
    const direct = ids(whole.nodes.filter((node: any) => node.distance === 1)).sort(byId);
    expect(direct.length).toBeGreaterThan(4);
    const kept = ["openai", ...direct.slice(0, 4)];
    expect(ids(cut.nodes).sort(byId)).toEqual([...kept].sort(byId));
    const among = whole.edges.filter((edge: any) => kept.includes(edge.source) && kept.includes(edge.target));
    expect(among.length).toBeGreaterThan(0);
    expect(ids(cut.edges).sort(byId)).toEqual(ids(among).sort(byId));
  });

  it("follows each node's most recent relations up to relationsPerNode, and says how many it left out", async () => {
    const { entity } = await data(`{ entity(id: "microsoft") { relationsConnection(first: 1) { totalCount } } }`);
    const whole = await data(
      `{ neighbourhood(id: "microsoft") { truncated nodes { id relationsLeftOut } edges { id periodStart } } }`,
    );
    const all = whole.neighbourhood.edges;
    expect(all).toHaveLength(entity.relationsConnection.totalCount);
    const mostRecent = [...all]
      .sort((left: any, right: any) => right.periodStart.localeCompare(left.periodStart) || left.id.localeCompare(right.id))
      .slice(0, 5)
      .map((relation: any) => relation.id)
      .sort();
    const capped = await data(`{ neighbourhood(id: "microsoft", relationsPerNode: 5) {
      truncated nodes { id distance relationsLeftOut } edges { id } } }`);
    const graph = capped.neighbourhood;
    expect(graph.truncated).toBe(true);
    expect(graph.nodes[0]).toEqual({ id: "microsoft", distance: 0, relationsLeftOut: all.length - 5 });
    // The last level is not expanded: nothing is known of what it leaves out.
    expect(graph.nodes.slice(1).every((node: any) => node.relationsLeftOut === null)).toBe(true);
    expect(graph.edges.map((edge: any) => edge.id).sort()).toEqual(mostRecent);
    // Under the cap, nothing is left out and nothing is cut.
    expect(whole.neighbourhood.truncated).toBe(false);
    expect(whole.neighbourhood.nodes[0].relationsLeftOut).toBe(0);
  });

  it("answers in one transaction, existence check included, and reads facts only when they are selected", async () => {
    server.runner.calls.length = 0;
    const sketch = await data(`{ neighbourhood(id: "openai", depth: 2) { nodes { id } edges { id source target } } }`);
    expect(server.runner.calls).toEqual(["explore.neighbourhood"]);
    const withFacts = await data(
      `{ neighbourhood(id: "openai", depth: 2) { nodes { id } edges { id source target relation { id provenance { references { quotes } } } } } }`,
    );
    expect(withFacts.neighbourhood.edges.map((edge: any) => edge.id)).toEqual(
      sketch.neighbourhood.edges.map((edge: any) => edge.id),
    );
    expect(withFacts.neighbourhood.edges.every((edge: any) => edge.relation.id === edge.id)).toBe(true);
    const unknown = await server.execute(`{ neighbourhood(id: "nobody") { nodes { id } } }`);
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: "NOT_FOUND", argument: "id" });
    // paths too: both ends' existence comes back with the paths.
    server.runner.calls.length = 0;
    await data(`{ paths(from: "ftc", to: "windsurf") { length } }`);
    expect(server.runner.calls).toEqual(["explore.paths"]);
    const unknownEnd = await server.execute(`{ paths(from: "ftc", to: "nobody") { length } }`);
    expect(unknownEnd.errors?.[0].extensions).toMatchObject({ code: "NOT_FOUND", argument: "to" });
  });

  it("runs under the traversal timeout", async () => {
    await data(`{ neighbourhood(id: "openai") { truncated } paths(from: "ftc", to: "windsurf") { length } }`);
    const traversal = server.runner.timeouts;
    expect(traversal.get("explore.neighbourhood")).toBe(5000);
    expect(traversal.get("explore.paths")).toBe(5000);
  });
});

describe("paths", () => {
  const PATH = `length nodes { id } edges { id type source target relation { provenance { quotes } } }`;

  it("Google to Stargate: Google supplies cloud to OpenAI, which takes part in Stargate", async () => {
    const { paths } = await data(`{ paths(from: "google", to: "stargate") { ${PATH} } }`);
    expect(paths[0].length).toBe(2);
    expect(ids(paths[0].nodes)).toEqual(["google", "openai", "stargate"]);
    expect(paths[0].edges.map((edge: any) => edge.type)).toEqual(["SUPPLIES_CLOUD", "PARTICIPATES_IN"]);
    expect(paths[0].edges[0].relation.provenance.quotes[0]).toContain("Google Cloud (mai 2025)");
    const lengths = paths.map((path: any) => path.length);
    expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
  });

  it("FTC to Windsurf: through Microsoft (seeks IP access) or OpenAI (acquires), two relations", async () => {
    const { paths } = await data(`{ paths(from: "ftc", to: "windsurf", limit: 10) { ${PATH} } }`);
    const shortest = paths.filter((path: any) => path.length === 2);
    const routes = shortest.map((path: any) => path.edges.map((edge: any) => edge.type).join(" "));
    expect(routes).toEqual(expect.arrayContaining(["INVESTIGATES SEEKS_IP_ACCESS", "INVESTIGATES ACQUIRES"]));
    expect(paths[0].length).toBe(2);
    // edges[i] links nodes[i] and nodes[i + 1], whichever way it points.
    for (const path of paths) {
      path.edges.forEach((edge: any, index: number) => {
        expect([edge.source, edge.target].sort()).toEqual([path.nodes[index].id, path.nodes[index + 1].id].sort());
      });
    }
  });

  it("never visits a node twice, and orders ties by relation ids", async () => {
    const { paths } = await data(`{ paths(from: "amazon", to: "anthropic", limit: 25) { ${PATH} } }`);
    expect(paths.length).toBeGreaterThan(0);
    for (const path of paths) expect(new Set(ids(path.nodes)).size).toBe(path.nodes.length);
    const { many } = await data(`{ many: paths(from: "microsoft", to: "stargate", limit: 25) { ${PATH} } }`);
    expect(many.every((path: any) => new Set(ids(path.nodes)).size === path.nodes.length)).toBe(true);
    const keys = many.map((path: any) => [path.length, ids(path.edges).join(" ")]);
    const sorted = [...keys].sort((a: any, b: any) => a[0] - b[0] || a[1].localeCompare(b[1]));
    expect(keys).toEqual(sorted);
    const { five } = await data(`{ five: paths(from: "microsoft", to: "stargate") { ${PATH} } }`);
    expect(five.map((path: any) => ids(path.edges).join(" "))).toEqual(keys.slice(0, 5).map((key: any) => key[1]));
  });

  it("answers an empty list when no path exists, and respects asOf", async () => {
    const { none, before } = await data(`{
      none: paths(from: "google", to: "stargate", maxHops: 1) { length }
      before: paths(from: "ftc", to: "windsurf", asOf: "2022") { length }
    }`);
    expect(none).toEqual([]);
    expect(before).toEqual([]);
  });
});

describe("timeline", () => {
  it("2023 in date order, each date at its own precision", async () => {
    const { timeline } = await data(`{ timeline(from: "2023", to: "2023") {
      minDate maxDate truncated countsByYear { year relationsStarted relationsAttested relationsEnded events }
      items { kind date precision start end attested caption relation { id } event { id } }
    } }`);
    const items = timeline.items as any[];
    expect(items.length).toBeGreaterThan(5);
    expect(items.every((item) => item.start >= "2023-01-01" && item.start <= "2023-12-31")).toBe(true);
    const starts = items.map((item) => item.start);
    expect(starts).toEqual([...starts].sort());
    const investment = items.find((item) => item.relation?.id === "microsoft-invests-in-openai-2023-01");
    expect(investment).toMatchObject({ kind: "RELATION_STARTED", date: "2023-01", precision: "MONTH", attested: false });
    expect(investment.caption).toBe("Microsoft → invests in → OpenAI");
    expect(items.find((item) => item.date === "2023")?.precision).toBe("YEAR");
    // "Ont enquêté" in a 2023 section dates when the text shows the investigation, not its start.
    const attested = items.find((item) => item.relation?.id === "cma-investigates-microsoft");
    expect(attested).toMatchObject({ kind: "RELATION_ATTESTED", date: "2023", attested: true });
    expect(attested.caption).toMatch(/in force by 2023; start unknown/);
    expect(items.filter((item) => item.kind === "RELATION_STARTED").every((item) => !item.attested)).toBe(true);
    expect(timeline.countsByYear.find((count: any) => count.year === 2023).relationsAttested).toBeGreaterThan(0);
    expect(items.some((item) => item.kind === "EVENT")).toBe(true);
    // The slider's scale covers the whole graph, whatever the window.
    expect(timeline.minDate).toBe("2015-01-01");
    expect(timeline.maxDate >= "2025-06-01").toBe(true);
    // maxDate is the last day any item covers: its latest item's end, not the first day of its month.
    const whole = await data(`{ timeline(limit: 1000) { maxDate truncated items { end } } }`);
    expect(whole.timeline.truncated).toBe(false);
    const ends = whole.timeline.items.map((item: any) => item.end).sort();
    expect(whole.timeline.maxDate).toBe(ends[ends.length - 1]);
    const years = timeline.countsByYear.map((count: any) => count.year);
    expect(years).toEqual([...years].sort());
    expect(years).toContain(2019);
  });

  it("a window late in the story is not crowded out by older relations still in force", async () => {
    const { short, all } = await data(`{
      short: timeline(from: "2025", limit: 10) { truncated items { start } }
      all: timeline(from: "2025") { truncated items { start } }
    }`);
    expect(short.items).toHaveLength(10);
    expect(short.truncated).toBe(true);
    expect(all.items.length).toBeGreaterThan(10);
    expect(all.truncated).toBe(false);
    expect(all.items.every((item: any) => item.start >= "2025-01-01")).toBe(true);
  });

  it("narrows to one entity and some types", async () => {
    const { timeline } = await data(`{ timeline(entity: "windsurf", types: [ACQUIRES], includeEvents: false) {
      items { kind relation { id from { id } to { id } } } } }`);
    expect(timeline.items.map((item: any) => item.relation.id)).toEqual(["openai-acquires-windsurf"]);
  });

  it("the chronology of one pair: Microsoft and OpenAI's relations (either way) and the events of both, in order", async () => {
    const ITEMS = `minDate maxDate truncated countsByYear { year relationsStarted relationsAttested relationsEnded events }
      items { kind date start end relation { id from { id } to { id } } event { id participants { entity { id } } } }`;
    const { pair, turned, links } = await data(`{
      pair: timeline(entity: "microsoft", counterparty: "openai", limit: 100) { ${ITEMS} }
      turned: timeline(entity: "openai", counterparty: "microsoft", limit: 100) { ${ITEMS} }
      links: entity(id: "microsoft") { relations(counterparty: "openai", first: 100) { relation { id } } }
    }`);
    expect(pair.truncated).toBe(false);
    const items = pair.items as any[];
    // Every relation between the two, whichever way it is stored (OpenAI's COMPETES_WITH and CONSIDERS_SUING
    // point at Microsoft), and none with anyone else.
    const relationIds = [...new Set(items.filter((item) => item.relation).map((item) => item.relation.id))].sort();
    expect(relationIds).toEqual(links.relations.map((link: any) => link.relation.id).sort());
    expect(relationIds).toEqual(
      expect.arrayContaining([
        "microsoft-invests-in-openai-2019-07",
        "microsoft-partners-with-openai",
        "microsoft-negotiates-with-openai",
        "openai-competes-with-microsoft-products",
        "openai-considers-suing-microsoft",
      ]),
    );
    for (const item of items.filter((item) => item.relation)) {
      expect([item.relation.from.id, item.relation.to.id].sort()).toEqual(["microsoft", "openai"]);
    }
    expect(items.find((item) => item.kind === "RELATION_ENDED")?.relation.id).toBe("microsoft-board-seat-at-openai");
    // Events both take part in: the 2023 crisis, the 2024 board exit; not OpenAI's own 2019 capped-profit branch.
    const events = items.filter((item) => item.event);
    expect(events.map((item) => item.event.id)).toEqual(
      expect.arrayContaining(["openai-governance-crisis-2023-11", "microsoft-leaves-openai-board-2024-07"]),
    );
    expect(events.map((item) => item.event.id)).not.toContain("openai-capped-profit-branch-2019");
    for (const item of events) {
      expect(item.event.participants.map((p: any) => p.entity.id)).toEqual(expect.arrayContaining(["microsoft", "openai"]));
    }
    // In order, and the slider's scale is the pair's.
    const starts = items.map((item) => item.start);
    expect(starts).toEqual([...starts].sort());
    expect(items[0].relation.id).toMatch(/^microsoft-/);
    expect(pair.minDate).toBe("2019-01-01");
    const counted = pair.countsByYear.reduce(
      (sum: number, year: any) => sum + year.relationsStarted + year.relationsAttested + year.relationsEnded + year.events,
      0,
    );
    expect(counted).toBe(items.length);
    // The same chronology from the other side.
    expect(turned).toEqual(pair);
  });

  it("a pair's timeline keeps to its window and types", async () => {
    const { timeline } = await data(`{ timeline(entity: "openai", counterparty: "microsoft", from: "2024", to: "2024",
      types: [COMPETES_WITH, NEGOTIATES_WITH], includeEvents: false) { items { date relation { id type } event { id } } } }`);
    expect(timeline.items.map((item: any) => item.relation.id).sort()).toEqual([
      "microsoft-competes-with-openai-ai",
      "microsoft-competes-with-openai-search",
      "microsoft-negotiates-with-openai",
    ]);
    expect(timeline.items.every((item: any) => item.date.startsWith("2024") && item.event === null)).toBe(true);
  });
});

describe("search", () => {
  const hits = async (text: string, extra = "") =>
    (await data(`query($text: String!) { search(text: $text${extra}) { score entity { id } } }`, { text })).search as any[];

  it('"commission europeenne" (no accents) finds the European Commission first', async () => {
    const found = await hits("commission europeenne");
    expect(found[0].entity.id).toBe("european-commission");
    expect(found[0].score).toBeGreaterThan(0);
  });

  it("puts an exact name or alias first", async () => {
    expect((await hits("OpenAI"))[0].entity.id).toBe("openai");
    // Re-ranked before the cut, so a single hit is still the exact one.
    expect((await hits("OpenAI", ", first: 1")).map((hit) => hit.entity.id)).toEqual(["openai"]);
    expect((await hits("ftc"))[0].entity.id).toBe("ftc");
    expect((await hits("Commission européenne"))[0].entity.id).toBe("european-commission");
  });

  it("counts a name typed with spaces or hyphens as exact: open ai, Open-AI, micro soft", async () => {
    for (const text of ["open ai", "Open-AI", "OPEN AI"])
      expect([text, (await hits(text))[0].entity.id]).toEqual([text, "openai"]);
    expect((await hits("micro soft"))[0].entity.id).toBe("microsoft");
    // The EU AI Act, which "ai" alone matches best, comes after.
    const ids = (await hits("open ai")).map((hit) => hit.entity.id);
    if (ids.includes("eu-ai-act")) expect(ids.indexOf("eu-ai-act")).toBeGreaterThan(ids.indexOf("openai"));
  });

  it("tolerates a prefix, a typo and case; ranks by score", async () => {
    expect((await hits("Open"))[0].entity.id).toMatch(/^openai/);
    expect((await hits("micrsoft"))[0].entity.id).toBe("microsoft");
    expect((await hits("AUTORITÉ DE LA CONCURRENCE"))[0].entity.id).toBe("cma");
    const scores = (await hits("micro")).map((hit) => hit.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it("filters by kind and finds nothing for nonsense", async () => {
    const regulators = await hits("commission", ", kinds: [REGULATOR]");
    expect(regulators.length).toBeGreaterThan(0);
    expect(regulators.map((hit) => hit.entity.id)).not.toContain("openai");
    expect(await hits("zzqxv")).toEqual([]);
  });

  it("treats Lucene syntax as plain text", async () => {
    expect(await hits('name:"x" OR *:* AND ~')).toEqual(expect.any(Array));
    const { code, argument } = (await error(`{ search(text: "*** ") { score } }`)).extensions!;
    expect([code, argument]).toEqual(["BAD_USER_INPUT", "text"]);
  });
});

describe("subgraph and graph", () => {
  it("draws the given entities and the relations among them, as of a date", async () => {
    const { now, then } = await data(`{
      now: subgraph(ids: ["google", "openai"]) { ${GRAPH} }
      then: subgraph(ids: ["google", "openai"], asOf: "2020") { ${GRAPH} }
    }`);
    expect(ids(now.nodes)).toEqual(["google", "openai"]);
    expect(ids(now.edges)).toContain("google-supplies-cloud-to-openai");
    expect(ids(then.edges)).not.toContain("google-supplies-cloud-to-openai");
  });

  it("the whole graph: every entity and relation", async () => {
    const { graph } = await data(`{ graph { ${GRAPH} cytoscapeElements } }`);
    expect(graph.nodes).toHaveLength(35);
    expect(graph.edges).toHaveLength(80);
    expect(graph.cytoscapeElements).toHaveLength(115);
    expect(graph.truncated).toBe(false);
  });
});

describe("caps and unknown ids", () => {
  it.each([
    [
      `neighbourhood(id: "openai", depth: 10) { truncated }`,
      "depth",
      `${EXPLORE_LIMITS.depth.max} is the cap on neighbourhood depth`,
    ],
    [
      `paths(from: "ftc", to: "windsurf", maxHops: 50) { length }`,
      "maxHops",
      `${EXPLORE_LIMITS.hops.max} is the cap on path length`,
    ],
    [
      `paths(from: "ftc", to: "windsurf", limit: 1000) { length }`,
      "limit",
      `${EXPLORE_LIMITS.paths.max} is the cap on paths per answer`,
    ],
    [
      `neighbourhood(id: "openai", limit: 100000) { truncated }`,
      "limit",
      `${EXPLORE_LIMITS.nodes.max} is the cap on nodes per graph`,
    ],
    [`search(text: "openai", first: 0) { score }`, "first", "cap on search hits"],
    [`timeline(limit: 5000) { truncated }`, "limit", "cap on timeline items"],
  ])("refuses %s before running any Cypher", async (field, argument, message) => {
    server.runner.calls.length = 0;
    const failure = await error(`{ ${field} }`);
    expect(failure.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument });
    expect(failure.message).toContain(message);
    expect(server.runner.calls).toEqual([]);
  });

  it("refuses too many subgraph ids, naming the cap", async () => {
    const many = Array.from({ length: EXPLORE_LIMITS.subgraphIds.max + 1 }, (_, index) => `e${index}`);
    const failure = await error(`query($ids: [ID!]!) { subgraph(ids: $ids) { truncated } }`, { ids: many });
    expect(failure.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "ids" });
    expect(failure.message).toContain("cap on ids per subgraph");
  });

  it("names an over-long id in a subgraph list", async () => {
    const long = "a".repeat(121);
    const failure = await error(`query($ids: [ID!]!) { subgraph(ids: $ids) { truncated } }`, { ids: ["openai", long] });
    expect(failure.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "ids" });
    expect(failure.message).toContain(long);
  });

  it.each([
    [`neighbourhood(id: "nobody") { truncated }`, "id", "nobody"],
    [`paths(from: "nobody", to: "openai") { length }`, "from", "nobody"],
    [`paths(from: "openai", to: "no-one") { length }`, "to", "no-one"],
    [`subgraph(ids: ["openai", "ghost"]) { truncated }`, "ids", "ghost"],
    [`timeline(entity: "ghost") { truncated }`, "entity", "ghost"],
    [`timeline(entity: "openai", counterparty: "ghost") { truncated }`, "counterparty", "ghost"],
  ])("%s is NOT_FOUND naming the id", async (field, argument, id) => {
    const failure = await error(`{ ${field} }`);
    expect(failure.extensions).toMatchObject({ code: "NOT_FOUND", argument, id });
    expect(failure.message).toContain(id);
  });

  it("a path from an entity to itself is a clear BAD_USER_INPUT", async () => {
    const failure = await error(`{ paths(from: "openai", to: "openai") { length } }`);
    expect(failure.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "to" });
  });

  it("a timeline counterparty without an entity, or equal to it, is BAD_USER_INPUT", async () => {
    for (const args of [`counterparty: "openai"`, `entity: "openai", counterparty: "openai"`]) {
      server.runner.calls.length = 0;
      const failure = await error(`{ timeline(${args}) { truncated } }`);
      expect(failure.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "counterparty" });
      expect(server.runner.calls).toEqual([]);
    }
  });

  it("a timeline window that ends before it starts is BAD_USER_INPUT", async () => {
    const failure = await error(`{ timeline(from: "2024", to: "2023") { truncated } }`);
    expect(failure.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "to" });
  });
});
