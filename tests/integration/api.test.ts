/** The API contract through Apollo's request pipeline: pagination, filters, nesting, batching. */
import { createTestServer, type TestServer } from "./test-server";

let server: TestServer;
beforeAll(async () => {
  server = await createTestServer();
});
afterAll(() => server.close());

describe("entity", () => {
  it("returns an entity by id, and null for an unknown one", async () => {
    const result = await server.execute(
      `{ a: entity(id: "ftc") { id name kind aliases description } b: entity(id: "nobody") { id } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.a).toMatchObject({ id: "ftc", name: "Federal Trade Commission", kind: "REGULATOR" });
    expect(result.data!.b).toBeNull();
  });
});

describe("entities", () => {
  it("walks every entity page by page with opaque cursors", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let page = 0; page < 20; page += 1) {
      const result: any = await server.execute(
        `query($after: String) { entities(first: 7, after: $after) {
           totalCount edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage endCursor } } }`,
        { after },
      );
      expect(result.errors).toBeUndefined();
      const connection = result.data.entities;
      total = connection.totalCount;
      seen.push(...connection.edges.map((edge: any) => edge.node.id));
      expect(connection.pageInfo.hasPreviousPage).toBe(after !== null);
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect([...seen].sort()).toEqual(seen);
    expect(total).toBeGreaterThanOrEqual(30);
  });

  it("filters by kind", async () => {
    const result = await server.execute(`{ entities(kind: REGULATOR) { totalCount nodes { id } } }`);
    expect(result.data!.entities.nodes.map((n: any) => n.id)).toEqual(["cma", "european-commission", "ftc", "sec"]);
    expect(result.data!.entities.totalCount).toBe(4);
  });
});

describe("relations", () => {
  it("pages in start-date order and never repeats or skips", async () => {
    const all = await server.execute(`{ relations(first: 100) { totalCount nodes { id attestedFrom validFrom } } }`);
    const ids = all.data!.relations.nodes.map((n: any) => n.id);
    expect(ids).toHaveLength(all.data!.relations.totalCount);
    const paged: string[] = [];
    let after: string | null = null;
    for (;;) {
      const result: any = await server.execute(
        `query($after: String) { relations(first: 9, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      paged.push(...result.data.relations.edges.map((edge: any) => edge.node.id));
      if (!result.data.relations.pageInfo.hasNextPage) break;
      after = result.data.relations.pageInfo.endCursor;
    }
    expect(paged).toEqual(ids);
    const starts = all.data!.relations.nodes.map((n: any) => (n.validFrom ?? n.attestedFrom).padEnd(10, "-01-01"));
    expect([...starts].sort()).toEqual(starts);
  });

  it("from, to, both and types agree with the whole list, each page and its count in one statement", async () => {
    const all: any = await server.execute(`{ relations(first: 100) { nodes { id type symmetric from { id } to { id } } } }`);
    const nodes = all.data.relations.nodes;
    const between = (from: string | null, to: string | null, types: string[] | null) =>
      nodes
        .filter(
          (n: any) =>
            (types === null || types.includes(n.type)) &&
            (((from === null || n.from.id === from) && (to === null || n.to.id === to)) ||
              (n.symmetric && (from === null || n.to.id === from) && (to === null || n.from.id === to))),
        )
        .map((n: any) => n.id)
        .sort();
    for (const [from, to, types] of [
      ["microsoft", null, null],
      [null, "openai", null],
      ["microsoft", "openai", null],
      ["openai", "microsoft", ["COMPETES_WITH", "INVESTS_IN"]],
      ["google", null, ["COMPETES_WITH"]],
    ] as Array<[string | null, string | null, string[] | null]>) {
      server.runner.calls.length = 0;
      const result: any = await server.execute(
        `query($from: ID, $to: ID, $types: [RelationType!]) { relations(from: $from, to: $to, types: $types, first: 100) { totalCount nodes { id } } }`,
        { from, to, types },
      );
      expect(result.errors).toBeUndefined();
      const ids = result.data.relations.nodes.map((n: any) => n.id).sort();
      expect([from, to, types, ids]).toEqual([from, to, types, between(from, to, types)]);
      expect(result.data.relations.totalCount).toBe(ids.length);
      expect(server.runner.calls.filter((name) => name === "relation.listPage")).toHaveLength(1);
    }
  });

  it("asOf keeps what was in force then: OpenAI's world in 2020 versus June 2025", async () => {
    const query = `query($asOf: PartialDate) { relations(to: "openai", asOf: $asOf, first: 100) { nodes { id } } }`;
    const in2020 = (await server.execute(query, { asOf: "2020" })).data!.relations.nodes.map((n: any) => n.id);
    const in2025 = (await server.execute(query, { asOf: "2025-06" })).data!.relations.nodes.map((n: any) => n.id);
    expect(in2020).toContain("microsoft-invests-in-openai-2019-07");
    expect(in2020).not.toContain("google-supplies-cloud-to-openai");
    expect(in2020).not.toContain("microsoft-invests-in-openai-2023-01");
    expect(in2025).toEqual(expect.arrayContaining(["google-supplies-cloud-to-openai", "oracle-supplies-cloud-to-openai"]));
    expect(in2025).not.toContain("microsoft-board-seat-at-openai");
  });
});

describe("Entity.relations", () => {
  it("lists relations with direction and counterparty, filtered by direction and type", async () => {
    const result = await server.execute(`{ entity(id: "openai") {
      incoming: relations(direction: INCOMING, types: [INVESTS_IN, COMPETES_WITH]) { direction counterparty { id } relation { type } }
      outgoing: relations(direction: OUTGOING, types: [ACQUIRES]) { direction counterparty { id } relation { type amount { amount } } } } }`);
    expect(result.errors).toBeUndefined();
    const { incoming, outgoing } = result.data!.entity;
    expect(incoming.filter((r: any) => r.relation.type === "INVESTS_IN").every((r: any) => r.direction === "INCOMING")).toBe(
      true,
    );
    expect(incoming.filter((r: any) => r.relation.type === "COMPETES_WITH").every((r: any) => r.direction === "UNDIRECTED")).toBe(
      true,
    );
    expect(incoming.filter((r: any) => r.relation.type === "COMPETES_WITH")).toHaveLength(3);
    expect(outgoing).toEqual([
      { direction: "OUTGOING", counterparty: { id: "windsurf" }, relation: { type: "ACQUIRES", amount: { amount: 3e9 } } },
    ]);
  });

  it("answers how two entities are linked, in both directions, with counterparty", async () => {
    const result = await server.execute(`{ entity(id: "openai") {
      relations(counterparty: "microsoft") { direction relation { id type } } } }`);
    expect(result.errors).toBeUndefined();
    const links = result.data!.entity.relations as Array<{ direction: string; relation: { id: string; type: string } }>;
    const types = new Set(links.map((link) => link.relation.type));
    for (const type of ["INVESTS_IN", "SUPPLIES_CLOUD", "COMPETES_WITH", "PARTNERS_WITH", "CONSIDERS_SUING", "HAS_BOARD_SEAT"]) {
      expect(types).toContain(type);
    }
    expect(links.find((link) => link.relation.type === "CONSIDERS_SUING")!.direction).toBe("OUTGOING");
    expect(links.find((link) => link.relation.type === "INVESTS_IN")!.direction).toBe("INCOMING");
    const none = await server.execute(
      `{ entity(id: "openai") { relations(counterparty: "tsmc", types: [INVESTS_IN]) { direction } } }`,
    );
    expect(none.data!.entity.relations).toEqual([]);
  });

  it("pages an entity's relations in Cypher: first, after, cursors, and a total from the same statement", async () => {
    const all: any = await server.execute(`{ entity(id: "microsoft") { relations { relation { id } } } }`);
    const ids = all.data.entity.relations.map((row: any) => row.relation.id);
    expect(ids.length).toBeGreaterThan(40);
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page += 1) {
      server.runner.calls.length = 0;
      const result: any = await server.execute(
        `query($after: String) { entity(id: "microsoft") {
           relationsConnection(first: 10, after: $after) {
             totalCount nodes { relation { id } } pageInfo { hasNextPage hasPreviousPage endCursor } } } }`,
        { after },
      );
      expect(result.errors).toBeUndefined();
      const connection = result.data.entity.relationsConnection;
      expect(connection.totalCount).toBe(ids.length);
      expect(connection.pageInfo.hasPreviousPage).toBe(after !== null);
      seen.push(...connection.nodes.map((row: any) => row.relation.id));
      // The page, its cursors and the count: one statement.
      expect(server.runner.calls).toEqual(["entity.findByIds", "relation.pageForEntities"]);
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(seen).toEqual(ids);
    // The list form takes the same page arguments; each item carries its cursor.
    const firstFive: any = await server.execute(`{ entity(id: "microsoft") { relations(first: 5) { cursor relation { id } } } }`);
    const rows = firstFive.data.entity.relations;
    expect(rows.map((row: any) => row.relation.id)).toEqual(ids.slice(0, 5));
    const next: any = await server.execute(
      `query($after: String) { entity(id: "microsoft") { relations(first: 5, after: $after) { relation { id } } } }`,
      { after: rows[4].cursor },
    );
    expect(next.data.entity.relations.map((row: any) => row.relation.id)).toEqual(ids.slice(5, 10));
  });

  it("counts with every filter as it lists: types, direction, asOf, counterparty", async () => {
    for (const args of [
      `types: [INVESTS_IN, COMPETES_WITH]`,
      `direction: OUTGOING`,
      `direction: INCOMING, types: [COMPETES_WITH, INVESTIGATES]`,
      `asOf: "2023"`,
      `counterparty: "openai"`,
      `counterparty: "openai", direction: INCOMING, asOf: "2024"`,
    ]) {
      const result: any = await server.execute(`{ entity(id: "microsoft") {
        relations(${args}, first: 500) { relation { id } }
        relationsConnection(${args}, first: 1) { totalCount } } }`);
      expect(result.errors).toBeUndefined();
      expect([args, result.data.entity.relationsConnection.totalCount]).toEqual([args, result.data.entity.relations.length]);
    }
  });

  it("refuses a page size past its cap, naming it", async () => {
    const result: any = await server.execute(`{ entity(id: "microsoft") { relations(first: 501) { relation { id } } } }`);
    expect(result.errors[0].extensions.code).toBe("BAD_USER_INPUT");
    expect(result.errors[0].message).toMatch(/1 to 500/);
  });

  it("costs one query for a whole page of entities (no N+1)", async () => {
    server.runner.calls.length = 0;
    const result = await server.execute(`{ entities(first: 100) { nodes { id
      relations(asOf: "2024") { counterparty { id } relation { type } }
      events { id } } } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data!.entities.nodes.length).toBeGreaterThan(30);
    expect(server.runner.calls.sort()).toEqual(["entity.listPage", "event.forEntities", "relation.pageForEntities"]);
  });
});

describe("events", () => {
  it("lists events in date order, optionally for one participant", async () => {
    const all = await server.execute(`{ events { id date } }`);
    const dates = all.data!.events.map((e: any) => e.date);
    expect(dates).toEqual(["2019", "2022", "2023-11", "2024", "2024", "2024-06", "2024-07"]);
    const altman = await server.execute(`{ events(participant: "sam-altman") { id } }`);
    expect(altman.data!.events).toEqual([{ id: "openai-governance-crisis-2023-11" }]);
  });
});
