/**
 * The write API against a real Neo4j of its own (a scratch instance seeded with the article's
 * graph), so its writes never reach the graph the other tests read: mutations, their checks and
 * codes, versions, idempotency, retraction, merge, the change log and `knownAt`.
 */
import "reflect-metadata";
import fs from "node:fs";
import path from "node:path";
import { createApp, type App } from "../../src/app";
import { Role } from "../../src/auth";
import { defaultProjectRoot } from "../../src/config";
import { Seeder } from "../../src/db/seeder";
import { startScratchNeo4j, type ScratchNeo4j } from "../../scripts/scratch-neo4j";
import type { GraphQLResult } from "./test-server";
import { createLogger } from "../../src/logger";

let scratch: ScratchNeo4j;
let app: App;

const EDITOR = { keyName: "alice", role: Role.EDITOR };
const TEXT =
  "Mistral AI a signé en février 2024 un partenariat avec Microsoft, qui y investit 15 millions d'euros. " +
  "Le 3 mars 2025, Mistral AI annonce un modèle hébergé sur Azure.";

beforeAll(async () => {
  scratch = await startScratchNeo4j({
    name: "curation",
    boltPort: Number(process.env.CURATION_NEO4J_BOLT_PORT ?? 7689),
    fresh: true,
    // A fresh database plans each query on first use (seconds for the by-id lookups over every
    // type), two at a time in CI beside other suites' databases: the limits are not what is tested here.
    env: {
      NODE_ENV: "test",
      LOG_LEVEL: "silent",
      GRAPHQL_REQUEST_TIMEOUT_MS: "60000",
      NEO4J_QUERY_TIMEOUT_MS: "30000",
      NEO4J_TRAVERSAL_TIMEOUT_MS: "30000",
    },
  });
  app = await createApp({ config: scratch.config, logger: createLogger("silent") });
  const seeder = new Seeder(app.driver, scratch.config.neo4j);
  await seeder.applySchema();
  await seeder.applySeed();
}, 300_000);

afterAll(async () => {
  await app?.stop();
  await scratch?.stop();
}, 60_000);

async function run(query: string, variables: Record<string, unknown> = {}, principal: typeof EDITOR | null = EDITOR) {
  const response = await app.http.apollo.executeOperation({ query, variables }, { contextValue: app.createContext(principal) });
  if (response.body.kind !== "single") throw new Error("expected a single result");
  return response.body.singleResult as GraphQLResult;
}

const RELATION_FIELDS =
  "id type version recordedAt retraction { at by reason } from { id } to { id } validFrom amount { amount currency }";

const source = {
  id: "test-mistral-2025",
  title: "Mistral et Microsoft",
  language: "fr",
  publishedOn: "2025-03",
  text: TEXT,
};

const relation = {
  type: "INVESTS_IN",
  from: "microsoft",
  to: "mistral-labs",
  status: "ACTIVE",
  description: "Microsoft invests 15 million euros in Mistral AI.",
  validFrom: "2024-02",
  amount: { value: 15_000_000, currency: "EUR", measure: "DEAL_VALUE" },
  references: [{ source: source.id, quotes: ["qui y investit 15 millions d'euros"] }],
};

const REGISTER = `mutation($input: SourceInput!) { registerSource(input: $input, reason: "test") { source { id } change { seq by operation } replayed } }`;
const UPSERT = `mutation($input: EntityInput!, $version: Int) { upsertEntity(input: $input, version: $version) { entity { id name version } change { seq } } }`;
const ASSERT = `mutation($input: RelationInput!, $key: String) { assertRelation(input: $input, reason: "from the article", idempotencyKey: $key) {
  relation { ${RELATION_FIELDS} } change { seq at by operation reason before after entityIds relationIds } replayed } }`;

describe("an editor adds a source, an entity and a relation", () => {
  let asserted: { seq: number; at: string; id: string };

  it("registers the source with its text, creates the entity, asserts the relation with a quote", async () => {
    const registered = await run(REGISTER, { input: source });
    expect(registered.errors).toBeUndefined();
    expect(registered.data!.registerSource).toMatchObject({
      source: { id: source.id },
      change: { by: "alice", operation: "registerSource" },
    });

    const created = await run(UPSERT, {
      input: { id: "mistral-labs", name: "Mistral AI", kind: "COMPANY", aliases: ["Mistral"] },
    });
    expect(created.errors).toBeUndefined();
    expect(created.data!.upsertEntity.entity).toEqual({ id: "mistral-labs", name: "Mistral AI", version: 1 });

    const result = await run(ASSERT, { input: relation });
    expect(result.errors).toBeUndefined();
    const payload = result.data!.assertRelation;
    expect(payload.relation).toMatchObject({
      id: "microsoft-invests-in-mistral-labs-2024-02",
      type: "INVESTS_IN",
      version: 1,
      retraction: null,
      validFrom: "2024-02",
      amount: { amount: 15_000_000, currency: "EUR" },
    });
    expect(payload.change).toMatchObject({ by: "alice", operation: "assertRelation", reason: "from the article", before: null });
    expect(payload.change.after).toMatchObject({ id: payload.relation.id, from: "microsoft", to: "mistral-labs" });
    expect(payload.change.entityIds).toEqual(["microsoft", "mistral-labs"]);
    asserted = { seq: payload.change.seq, at: payload.change.at, id: payload.relation.id };
  });

  it("shows the relation in neighbourhood, paths and the entity's relations", async () => {
    const result = await run(`{
      neighbourhood(id: "mistral-labs", depth: 1) { nodes { id } edges { id } }
      paths(from: "mistral-labs", to: "openai", maxHops: 2) { edges { id } }
      entity(id: "mistral-labs") { relations { relation { id } } }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data!.neighbourhood.edges.map((edge: { id: string }) => edge.id)).toContain(asserted.id);
    expect(result.data!.paths[0].edges[0].id).toBe(asserted.id);
    expect(result.data!.entity.relations.map((row: { relation: { id: string } }) => row.relation.id)).toEqual([asserted.id]);
  });

  it("asserting the same fact again duplicates nothing and changes nothing", async () => {
    const again = await run(ASSERT, { input: relation });
    expect(again.errors).toBeUndefined();
    expect(again.data!.assertRelation).toMatchObject({ relation: { id: asserted.id, version: 1 }, change: null });
    const count = await run(`{ relations(from: "microsoft", to: "mistral-labs") { totalCount } }`);
    expect(count.data!.relations.totalCount).toBe(1);
  });

  it("knownAt before the write does not show the relation; after it does; asOf works on both", async () => {
    const before = new Date(new Date(asserted.at).getTime() - 1).toISOString();
    const query = `query($knownAt: DateTime, $asOf: PartialDate) {
      entity(id: "microsoft", knownAt: $knownAt) { relations(counterparty: "mistral-labs", asOf: $asOf) { relation { id } } }
      relations(from: "microsoft", to: "mistral-labs", knownAt: $knownAt, asOf: $asOf) { totalCount }
      neighbourhood(id: "microsoft", depth: 1, knownAt: $knownAt, asOf: $asOf, relationsPerNode: 200) { edges { id } }
    }`;
    const ids = (result: GraphQLResult) => ({
      entity: result.data!.entity.relations.map((row: { relation: { id: string } }) => row.relation.id),
      total: result.data!.relations.totalCount,
      inNeighbourhood: result.data!.neighbourhood.edges.some((edge: { id: string }) => edge.id === asserted.id),
    });
    expect(ids(await run(query, { knownAt: before }))).toEqual({ entity: [], total: 0, inNeighbourhood: false });
    expect(ids(await run(query, { knownAt: asserted.at }))).toEqual({ entity: [asserted.id], total: 1, inNeighbourhood: true });
    expect(ids(await run(query, { knownAt: asserted.at, asOf: "2023" }))).toEqual({
      entity: [],
      total: 0,
      inNeighbourhood: false,
    });
    expect(ids(await run(query, { knownAt: asserted.at, asOf: "2024" }))).toEqual({
      entity: [asserted.id],
      total: 1,
      inNeighbourhood: true,
    });
    expect(ids(await run(query, { knownAt: before, asOf: "2024" }))).toEqual({ entity: [], total: 0, inNeighbourhood: false });
  });

  it("knownAt works the same on paths, timeline, subgraph and graph", async () => {
    const before = new Date(new Date(asserted.at).getTime() - 1).toISOString();
    const query = `query($knownAt: DateTime) {
      paths(from: "mistral-labs", to: "microsoft", maxHops: 1, knownAt: $knownAt) { edges { id } }
      timeline(entity: "mistral-labs", knownAt: $knownAt) { items { relation { id } } }
      subgraph(ids: ["microsoft", "mistral-labs"], knownAt: $knownAt) { edges { id } }
      graph(knownAt: $knownAt) { nodes { id } edges { id } }
    }`;
    const seen = (result: GraphQLResult) => {
      expect(result.errors).toBeUndefined();
      const data = result.data!;
      return {
        paths: data.paths.length,
        timeline: data.timeline.items.some((item: { relation: { id: string } | null }) => item.relation?.id === asserted.id),
        subgraph: data.subgraph.edges.some((edge: { id: string }) => edge.id === asserted.id),
        graphEdge: data.graph.edges.some((edge: { id: string }) => edge.id === asserted.id),
        graphNode: data.graph.nodes.some((node: { id: string }) => node.id === "mistral-labs"),
      };
    };
    expect(seen(await run(query, { knownAt: before }))).toEqual({
      paths: 0,
      timeline: false,
      subgraph: false,
      graphEdge: false,
      graphNode: true, // the entity was recorded a moment before the relation
    });
    expect(seen(await run(query, { knownAt: asserted.at }))).toEqual({
      paths: 1,
      timeline: true,
      subgraph: true,
      graphEdge: true,
      graphNode: true,
    });
  });

  it("changes lists the writes, newest first, with who, when, before, after and why", async () => {
    const result = await run(
      `{ changes(entity: "mistral-labs", first: 10) { totalCount nodes { seq by operation reason before after } } }`,
    );
    expect(result.errors).toBeUndefined();
    const operations = result.data!.changes.nodes.map((change: { operation: string }) => change.operation);
    expect(operations.slice(0, 2)).toEqual(["assertRelation", "upsertEntity"]);
    const seqs = result.data!.changes.nodes.map((change: { seq: number }) => change.seq);
    expect([...seqs].sort((a, b) => b - a)).toEqual(seqs);
  });
});

describe("refusals change nothing and carry their code", () => {
  async function changeCount(): Promise<number> {
    return (await run(`{ changes(first: 1) { totalCount } }`)).data!.changes.totalCount as number;
  }

  it.each([
    [
      "a quote not in the source",
      { references: [{ source: "test-mistral-2025", quotes: ["investit 16 millions"] }] },
      "BAD_USER_INPUT",
      "input.references[0].quotes[0]",
    ],
    ["a bad date", { validFrom: "2024-13" }, "BAD_USER_INPUT", "input.validFrom"],
    ["an unknown entity", { to: "nobody-at-all" }, "NOT_FOUND", "input.to"],
    [
      "an unknown source",
      { references: [{ source: "no-such-source", quotes: ["x"] }] },
      "NOT_FOUND",
      "input.references[0].source",
    ],
    ["a stake over 100", { type: "HOLDS_STAKE", stakePercent: 140, amount: null }, "BAD_USER_INPUT", "input.stakePercent"],
  ])("%s", async (_name, change, code, argument) => {
    const before = await changeCount();
    const result = await run(ASSERT, { input: { ...relation, id: "refused-relation", ...change } });
    expect(result.errors?.[0].extensions).toMatchObject({ code, argument });
    expect(await changeCount()).toBe(before);
    const absent = await run(`{ relation(id: "refused-relation", includeRetracted: true) { id } }`);
    expect(absent.data!.relation).toBeNull();
  });

  it("a stale version is CONFLICT and changes nothing", async () => {
    const result = await run(
      `mutation { correctRelation(id: "microsoft-invests-in-mistral-labs-2024-02", version: 7, facts: { description: "x" }, reason: "r") { relation { id } } }`,
    );
    expect(result.errors?.[0].extensions?.code).toBe("CONFLICT");
    const read = await run(`{ relation(id: "microsoft-invests-in-mistral-labs-2024-02") { description version } }`);
    expect(read.data!.relation).toEqual({ description: relation.description, version: 1 });
  });

  it("a missing key is UNAUTHENTICATED; a reader key is FORBIDDEN", async () => {
    const anonymous = await run(ASSERT, { input: { ...relation, id: "keyless" } }, null);
    expect(anonymous.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    const reader = await run(ASSERT, { input: { ...relation, id: "keyless" } }, { keyName: "bob", role: Role.READER });
    expect(reader.errors?.[0].extensions?.code).toBe("FORBIDDEN");
  });
});

describe("corrections, retraction and history", () => {
  const id = "microsoft-invests-in-mistral-labs-2024-02";

  it("corrects from the current version; knownAt before the correction shows the old facts", async () => {
    const read = await run(`{ relation(id: "${id}") { version } }`);
    const corrected = await run(
      `mutation($v: Int!) { correctRelation(id: "${id}", version: $v, facts: { description: "Corrected.", validFrom: "2024-02-26", role: "minority investor" }, reason: "the day is known") {
        relation { description validFrom role version } change { at before after } } }`,
      { v: read.data!.relation.version },
    );
    expect(corrected.errors).toBeUndefined();
    const payload = corrected.data!.correctRelation;
    expect(payload.relation).toEqual({
      description: "Corrected.",
      validFrom: "2024-02-26",
      role: "minority investor",
      version: 2,
    });
    expect(payload.change.before).toMatchObject({ description: relation.description, validFrom: "2024-02" });
    expect(payload.change.after).toMatchObject({ description: "Corrected.", validFrom: "2024-02-26" });
    const earlier = new Date(new Date(payload.change.at).getTime() - 1).toISOString();
    const old = await run(`query($k: DateTime) { relation(id: "${id}", knownAt: $k) { description validFrom role version } }`, {
      k: earlier,
    });
    // The role the correction added was not there yet.
    expect(old.data!.relation).toEqual({ description: relation.description, validFrom: "2024-02", role: null, version: 1 });
  });

  it("retracts with a reason: hidden by default, shown with includeRetracted and before the retraction", async () => {
    const version = (await run(`{ relation(id: "${id}") { version } }`)).data!.relation.version;
    const retracted = await run(
      `mutation($v: Int!) { retractRelation(id: "${id}", version: $v, reason: "the source was misread") { relation { ${RELATION_FIELDS} } change { at removedRelationIds } } }`,
      { v: version },
    );
    expect(retracted.errors).toBeUndefined();
    const at = retracted.data!.retractRelation.change.at;
    expect(retracted.data!.retractRelation.relation.retraction).toEqual({ at, by: "alice", reason: "the source was misread" });
    const hidden = await run(
      `{ relation(id: "${id}") { id } entity(id: "mistral-labs") { relations { relation { id } } } relations(to: "mistral-labs") { totalCount } }`,
    );
    expect(hidden.data).toEqual({ relation: null, entity: { relations: [] }, relations: { totalCount: 0 } });
    const shown = await run(
      `{ relations(to: "mistral-labs", includeRetracted: true) { nodes { id type retraction { by reason } } } }`,
    );
    expect(shown.data!.relations.nodes).toEqual([
      { id, type: "INVESTS_IN", retraction: { by: "alice", reason: "the source was misread" } },
    ]);
    const earlier = new Date(new Date(at).getTime() - 1).toISOString();
    const then = await run(
      `query($k: DateTime) { relations(to: "mistral-labs", knownAt: $k) { nodes { id retraction { by } } } }`,
      { k: earlier },
    );
    expect(then.data!.relations.nodes).toEqual([{ id, retraction: null }]);
  });
});

describe("idempotency", () => {
  it("a retry with the same key writes once and answers the first write", async () => {
    const input = { ...relation, id: "idempotent-relation", validFrom: "2025-03", description: "Another." };
    const [first, second] = [await run(ASSERT, { input, key: "key-1" }), await run(ASSERT, { input, key: "key-1" })];
    expect(first.errors).toBeUndefined();
    expect(second.data!.assertRelation).toMatchObject({ replayed: true, change: { seq: first.data!.assertRelation.change.seq } });
    const reused = await run(ASSERT, { input: { ...input, description: "Changed." }, key: "key-1" });
    expect(reused.errors?.[0].extensions?.code).toBe("CONFLICT");
  });
});

describe("merge", () => {
  it("moves relations to the survivor; the merged id resolves to it", async () => {
    const made = await run(UPSERT, { input: { id: "mistral", name: "Mistral", kind: "COMPANY" } });
    expect(made.errors).toBeUndefined();
    const linked = await run(ASSERT, {
      input: {
        ...relation,
        id: "google-competes-with-mistral",
        type: "COMPETES_WITH",
        from: "google",
        to: "mistral",
        amount: null,
        description: "Rivals.",
      },
    });
    expect(linked.errors).toBeUndefined();
    const versions = await run(`{ a: entity(id: "mistral-labs") { version } b: entity(id: "mistral") { version } }`);
    const merged = await run(
      `mutation($a: Int!, $b: Int!) { mergeEntities(survivor: "mistral-labs", merged: "mistral", survivorVersion: $a, mergedVersion: $b, reason: "same company") {
        entity { id aliases version } change { removedEntityIds relationIds } } }`,
      { a: versions.data!.a.version, b: versions.data!.b.version },
    );
    expect(merged.errors).toBeUndefined();
    expect(merged.data!.mergeEntities.entity.aliases).toContain("Mistral");
    expect(merged.data!.mergeEntities.change).toMatchObject({
      removedEntityIds: ["mistral"],
      relationIds: ["google-competes-with-mistral"],
    });
    const read = await run(`{ entity(id: "mistral") { id relations { relation { id from { id } to { id } } } } }`);
    expect(read.data!.entity.id).toBe("mistral-labs");
    expect(read.data!.entity.relations).toContainEqual({
      relation: { id: "google-competes-with-mistral", from: { id: "google" }, to: { id: "mistral-labs" } },
    });
    const byOldId = await run(`{
      relations(to: "mistral", types: [COMPETES_WITH]) { nodes { id } }
      neighbourhood(id: "mistral", depth: 1) { nodes { id } }
      paths(from: "mistral", to: "google", maxHops: 1) { edges { id } }
    }`);
    expect(byOldId.errors).toBeUndefined();
    expect(byOldId.data!.relations.nodes).toEqual([{ id: "google-competes-with-mistral" }]);
    expect(byOldId.data!.neighbourhood.nodes.map((node: { id: string }) => node.id)).toContain("mistral-labs");
    expect(byOldId.data!.paths[0].edges).toEqual([{ id: "google-competes-with-mistral" }]);
    const gone = await run(`{ search(text: "Mistral") { entity { id } } }`);
    expect(gone.data!.search.map((hit: { entity: { id: string } }) => hit.entity.id)).toEqual(["mistral-labs"]);
  });
});

describe("the README's curation examples", () => {
  const readme = fs.readFileSync(path.join(defaultProjectRoot(), "README.md"), "utf8");
  const examples = [...readme.matchAll(/```graphql curation\n([\s\S]*?)```/g)].map((match) => match[1]);

  it("are there", () => {
    expect(examples.length).toBeGreaterThanOrEqual(6);
  });

  it("run in order, as an editor, without errors", async () => {
    for (const example of examples) {
      const result = await run(example);
      expect({ example, errors: result.errors }).toEqual({ example, errors: undefined });
      for (const value of Object.values(result.data ?? {})) expect(value).not.toBeNull();
    }
    const retracted = await run(`{ relations(to: "mistral-ai", includeRetracted: true) { nodes { retraction { by } } } }`);
    expect(retracted.data!.relations.nodes).toEqual([{ retraction: { by: "alice" } }]);
  });
});
