/**
 * Live updates end to end (issue 10): two server instances, each with its own change follower,
 * against one Neo4j of their own (a scratch instance, since these tests write), subscribers over
 * WebSocket with the graphql-ws client as Apollo Client would connect, and changes written
 * through Neo4j with a change record, as every write of the API appends one.
 */
import type { FormattedExecutionResult } from "graphql";
import fs from "node:fs";
import path from "node:path";
import { createClient, type Client } from "graphql-ws";
import type { Driver } from "neo4j-driver";
import WebSocket from "ws";
import { startScratchNeo4j, type ScratchNeo4j } from "../../scripts/scratch-neo4j";
import { Role } from "../../src/auth";
import { defaultProjectRoot } from "../../src/config";
import { Seeder } from "../../src/db/seeder";
import { FailureLog } from "../../src/failure-log";
import { createDriver } from "../../src/graph/driver";
import { createLogger } from "../../src/logger";
import { startHttpTestApp, type HttpTestApp } from "./test-server";
import { writeChange, type WrittenChange } from "./live-writes";

type ExecutionResult<T> = FormattedExecutionResult<T, unknown>;

jest.setTimeout(120_000);

let scratch: ScratchNeo4j;
let driver: Driver;
let first: HttpTestApp;
let second: HttpTestApp;
const clients: Client[] = [];
/**
 * How long a change may take to reach a subscriber (or a subscription to register). Alone it takes
 * under a second (one poll of 500 ms); the full suite runs this beside a test that saturates both
 * cores killing a Neo4j under 1,000 writes, where 10 s was once not enough. Never reached, a
 * change still fails the test.
 */
const DELIVERY_WAIT_MS = 30_000;

beforeAll(async () => {
  scratch = await startScratchNeo4j({
    name: "live",
    boltPort: Number(process.env.LIVE_NEO4J_BOLT_PORT ?? 7691),
    fresh: true,
    env: { NODE_ENV: "test", LOG_LEVEL: "silent", LIVE_POLL_INTERVAL_MS: "100" },
  });
  driver = createDriver(scratch.config.neo4j, new FailureLog(createLogger("silent"), 10_000));
  const seeder = new Seeder(driver, scratch.config.neo4j);
  await seeder.applySchema();
  await seeder.applySeed();
  first = await startHttpTestApp(scratch.config);
  second = await startHttpTestApp(scratch.config);
}, 240_000);

afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await first?.close();
  await second?.close();
  await driver?.close();
  await scratch?.stop();
}, 60_000);

const GRAPH_CHANGED = `
subscription Live($ids: [ID!], $types: [RelationType!]) {
  graphChanged(ids: $ids, types: $types) {
    seq at operation truncated removedNodeIds removedEdgeIds
    nodes { id caption kind }
    edges { id source target type caption relation { id type from { id } to { id } } }
  }
}`;

function client(app: HttpTestApp): Client {
  const created = createClient({
    url: `${app.base.replace(/^http/, "ws")}/graphql`,
    webSocketImpl: WebSocket,
    lazy: false,
    retryAttempts: 0,
  });
  clients.push(created);
  return created;
}

/** A subscription's results as they arrive; `started` once the server has registered it. */
interface Received {
  readonly results: ExecutionResult<Record<string, any>>[];
  readonly errors: unknown[];
  readonly done: Promise<void>;
  stop(): void;
  /** Resolves with the results of the changes numbered `seq`, or rejects after `ms`. */
  waitFor(predicate: (results: ExecutionResult<Record<string, any>>[]) => boolean, ms?: number): Promise<void>;
}

function subscribe(on: Client, variables: Record<string, unknown> = {}): Received {
  const results: ExecutionResult<Record<string, any>>[] = [];
  const errors: unknown[] = [];
  let finish: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (finish = resolve));
  const stop = on.subscribe<Record<string, any>>(
    { query: GRAPH_CHANGED, variables },
    {
      next: (result) => results.push(result),
      error: (error) => {
        errors.push(error);
        finish();
      },
      complete: finish,
    },
  );
  return {
    results,
    errors,
    done,
    stop,
    async waitFor(predicate, ms = DELIVERY_WAIT_MS) {
      const deadline = Date.now() + ms;
      while (!predicate(results)) {
        if (Date.now() > deadline)
          throw new Error(`Not received within ${ms} ms; got ${JSON.stringify(results)} ${String(errors)}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
  };
}

const seqsOf = (received: Received) => received.results.map((result) => result.data?.graphChanged?.seq);
const hasSeq = (seq: number) => (results: ExecutionResult<Record<string, any>>[]) =>
  results.some((result) => result.data?.graphChanged?.seq === seq);

/**
 * The server registers a subscription, then reads where the change log stands: a change committed
 * before that read is not the subscriber's. Wait until each instance has read the start of
 * `count` subscriptions, so "before it subscribed" is well defined. (A fixed 200 ms wait for that
 * read was too short under CI's load: the change was written first and, rightly, never sent.)
 */
async function registered(app: HttpTestApp, count: number): Promise<void> {
  const deadline = Date.now() + DELIVERY_WAIT_MS;
  while (app.app.http.subscriptions.follower.following < count) {
    if (Date.now() > deadline) throw new Error(`${count} subscriptions not started`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("graphChanged over graphql-ws, two instances", () => {
  let earlier: WrittenChange;

  test("a subscriber on each instance receives a change written once, with its nodes and edges as the graph queries draw them", async () => {
    // Written before anyone subscribes: nobody receives it.
    earlier = await writeChange(driver, { from: "microsoft", type: "INVESTS_IN", newEntity: "live-earlier" });
    const onFirst = subscribe(client(first));
    const onSecond = subscribe(client(second));
    await registered(first, 1);
    await registered(second, 1);

    const change = await writeChange(driver, { from: "microsoft", type: "INVESTS_IN", newEntity: "live-startup" });
    await onFirst.waitFor(hasSeq(change.seq));
    await onSecond.waitFor(hasSeq(change.seq));

    for (const received of [onFirst, onSecond]) {
      expect(seqsOf(received)).toEqual([change.seq]);
      const payload = received.results[0].data!.graphChanged;
      expect(payload.operation).toBe("test.assertRelation");
      expect(new Date(payload.at).toISOString()).toBe(payload.at);
      expect(payload.nodes.map((node: { id: string }) => node.id).sort()).toEqual(["live-startup", "microsoft"]);
      expect(payload.edges).toEqual([
        {
          id: change.relationId,
          source: "microsoft",
          target: "live-startup",
          type: "INVESTS_IN",
          caption: "invests in",
          relation: { id: change.relationId, type: "INVESTS_IN", from: { id: "microsoft" }, to: { id: "live-startup" } },
        },
      ]);
      expect(payload.removedEdgeIds).toEqual([]);
      expect(payload.removedNodeIds).toEqual([]);
    }
    expect(earlier.seq).toBeLessThan(change.seq);

    // The same edge as `neighbourhood` answers it.
    const answer = await fetch(`${first.base}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        query: `{ neighbourhood(id: "live-startup") { edges { id source target type caption } } }`,
      }),
    }).then((response) => response.json() as Promise<any>);
    expect(answer.data.neighbourhood.edges).toEqual([
      { id: change.relationId, source: "microsoft", target: "live-startup", type: "INVESTS_IN", caption: "invests in" },
    ]);

    onFirst.stop();
    onSecond.stop();
  });

  test("ids and types filter; a retraction is a removed edge", async () => {
    const on = client(first);
    const byId = subscribe(on, { ids: ["google"] });
    const byType = subscribe(on, { types: ["ACQUIRES"] });
    const both = subscribe(on, { ids: ["microsoft"], types: ["ACQUIRES"] });
    const everything = subscribe(client(second));
    await registered(first, 3);
    await registered(second, 1);

    const invests = await writeChange(driver, { from: "microsoft", type: "INVESTS_IN", newEntity: "live-filter-a" });
    const acquires = await writeChange(driver, { from: "google", type: "ACQUIRES", newEntity: "live-filter-b" });
    const retracted = await writeChange(driver, { retract: invests.relationId });
    await everything.waitFor(hasSeq(retracted.seq));
    await byId.waitFor(hasSeq(acquires.seq));
    await byType.waitFor(hasSeq(acquires.seq));
    // Every instance reads the same log: the later changes have arrived everywhere by now.
    await new Promise((resolve) => setTimeout(resolve, 500));

    expect(seqsOf(everything)).toEqual([invests.seq, acquires.seq, retracted.seq]);
    expect(seqsOf(byId)).toEqual([acquires.seq]);
    expect(seqsOf(byType)).toEqual([acquires.seq]);
    expect(seqsOf(both)).toEqual([]);

    // Read as the graph is when it is sent: the retraction removes the edge.
    const removal = everything.results[2].data!.graphChanged;
    expect(removal.operation).toBe("test.retractRelation");
    expect(removal.removedEdgeIds).toEqual([invests.relationId]);
    expect(removal.edges).toEqual([]);
    for (const received of [byId, byType, both, everything]) received.stop();
  });

  test("a subscription closed by the client is forgotten; the last one stops the instance's follower", async () => {
    const deadline = Date.now() + DELIVERY_WAIT_MS;
    while (first.app.http.subscriptions.follower.size > 0 || second.app.http.subscriptions.follower.size > 0) {
      if (Date.now() > deadline) throw new Error("subscriptions still registered");
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(first.app.http.subscriptions.follower.running).toBe(false);
    expect(second.app.http.subscriptions.follower.running).toBe(false);
  });

  test("bad arguments and non-subscriptions are refused with their codes", async () => {
    const on = client(first);
    const badIds = subscribe(on, { ids: ["Not A Slug"] });
    await badIds.done;
    expect(badIds.results[0]?.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT", argument: "ids" } });

    const query = await new Promise<unknown>((resolve) =>
      on.subscribe({ query: "{ summary { entities } }" }, { next: resolve, error: resolve, complete: () => undefined }),
    );
    expect(JSON.stringify(query)).toMatch(/Only subscriptions go over WebSocket/);
  });

  test("the README's subscription runs as written", async () => {
    const readme = fs.readFileSync(path.join(defaultProjectRoot(), "README.md"), "utf8");
    const examples = [...readme.matchAll(/```graphql subscription\n([\s\S]*?)```/g)].map((match) => match[1]);
    expect(examples.length).toBeGreaterThanOrEqual(1);
    for (const query of examples) {
      const results: Array<ExecutionResult<Record<string, any>>> = [];
      const stop = client(second).subscribe<Record<string, any>>(
        { query },
        { next: (result) => results.push(result), error: () => undefined, complete: () => undefined },
      );
      await registered(second, 1);
      const change = await writeChange(driver, {
        from: "microsoft",
        type: "INVESTS_IN",
        newEntity: `live-readme-${results.length}-${Date.now()}`,
      });
      const deadline = Date.now() + DELIVERY_WAIT_MS;
      while (!results.some((result) => result.data?.graphChanged?.seq === change.seq) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      expect(results.map((result) => result.errors)).toEqual([undefined]);
      expect(results[0].data?.graphChanged.edges[0].id).toBe(change.relationId);
      stop();
    }
  });

  test("over HTTP, a subscription says where it is served", async () => {
    const answer = await fetch(`${first.base}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "subscription { graphChanged { seq } }" }),
    }).then((response) => response.json() as Promise<any>);
    expect(JSON.stringify(answer.errors)).toMatch(/WebSocket/);
  });
});

describe("through the write API: two instances, one Neo4j (issue 10, acceptance 3)", () => {
  const TEXT = "Microsoft a investi 5 millions de dollars dans Live API Labs en mai 2025.";
  let editorKey: string;

  beforeAll(async () => {
    // A key as `npm run keys -- create --role editor` makes it; both instances read it from Neo4j.
    editorKey = (await first.app.createContext().apiKeys.create("live-editor", Role.EDITOR)).key;
  });

  /** A mutation over HTTP on `app`, with the editor's key, as an analyst sends it. */
  async function write(app: HttpTestApp, query: string, variables: Record<string, unknown>): Promise<Record<string, any>> {
    const response = await fetch(`${app.base}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${editorKey}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: Record<string, any>; errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data!;
  }

  test("a relation asserted through A reaches subscribers on A and B; its retraction through B reaches A as a removed edge", async () => {
    await write(first, `mutation($input: SourceInput!) { registerSource(input: $input, reason: "test") { source { id } } }`, {
      input: { id: "live-api-2025", title: "Live API Labs", language: "fr", publishedOn: "2025-05", text: TEXT },
    });
    await write(first, `mutation($input: EntityInput!) { upsertEntity(input: $input, reason: "test") { entity { id } } }`, {
      input: { id: "live-api-labs", name: "Live API Labs", kind: "COMPANY", aliases: [] },
    });
    const onFirst = subscribe(client(first), { ids: ["microsoft"] });
    const onSecond = subscribe(client(second), { ids: ["microsoft"] });
    await registered(first, 1);
    await registered(second, 1);

    const asserted = (
      await write(
        first,
        `mutation($input: RelationInput!) { assertRelation(input: $input, reason: "from the article") {
          relation { id version } change { seq } } }`,
        {
          input: {
            type: "INVESTS_IN",
            from: "microsoft",
            to: "live-api-labs",
            status: "ACTIVE",
            description: "Microsoft invests $5 million in Live API Labs.",
            validFrom: "2025-05",
            amount: { value: 5_000_000, currency: "USD", measure: "DEAL_VALUE" },
            references: [{ source: "live-api-2025", quotes: ["Microsoft a investi 5 millions de dollars dans Live API Labs"] }],
          },
        },
      )
    ).assertRelation;
    const relationId: string = asserted.relation.id;
    await onFirst.waitFor(hasSeq(asserted.change.seq));
    await onSecond.waitFor(hasSeq(asserted.change.seq));
    for (const received of [onFirst, onSecond]) {
      expect(seqsOf(received)).toEqual([asserted.change.seq]);
      const payload = received.results[0].data!.graphChanged;
      expect(payload.operation).toBe("assertRelation");
      expect(payload.nodes).toEqual(
        expect.arrayContaining([
          { id: "microsoft", caption: "Microsoft", kind: "COMPANY" },
          { id: "live-api-labs", caption: "Live API Labs", kind: "COMPANY" },
        ]),
      );
      expect(payload.nodes).toHaveLength(2);
      expect(payload.edges).toEqual([
        {
          id: relationId,
          source: "microsoft",
          target: "live-api-labs",
          type: "INVESTS_IN",
          caption: "invests in",
          relation: { id: relationId, type: "INVESTS_IN", from: { id: "microsoft" }, to: { id: "live-api-labs" } },
        },
      ]);
      expect(payload.removedEdgeIds).toEqual([]);
      expect(payload.removedNodeIds).toEqual([]);
    }

    const retracted = (
      await write(
        second,
        `mutation($id: ID!, $version: Int!) { retractRelation(id: $id, version: $version, reason: "misread") { change { seq } } }`,
        { id: relationId, version: asserted.relation.version },
      )
    ).retractRelation;
    await onFirst.waitFor(hasSeq(retracted.change.seq));
    await onSecond.waitFor(hasSeq(retracted.change.seq));
    expect(seqsOf(onFirst)).toEqual([asserted.change.seq, retracted.change.seq]);
    const removal = onFirst.results[1].data!.graphChanged;
    expect(removal).toMatchObject({ operation: "retractRelation", edges: [], removedEdgeIds: [relationId], removedNodeIds: [] });
    onFirst.stop();
    onSecond.stop();
  });
});
