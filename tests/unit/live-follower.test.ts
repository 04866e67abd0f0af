/**
 * The change follower and the change payload without Neo4j: a fake change log that the tests
 * append to, fail and restore.
 */
import { GraphQLError } from "graphql";
import type { EntityRecord } from "../../src/entity/entity.repository";
import { EntityKind } from "../../src/entity/entity-kind.enum";
import type { ChangeSource } from "../../src/live/change-feed";
import type { ChangeRecord } from "../../src/live/change-feed.repository";
import { ChangeFollower, type LiveEvent, type LiveSubscription } from "../../src/live/change-follower";
import { changeFilterOf, changeMatches, toGraphChange, type GraphChangeView } from "../../src/live/graph-change.view";
import { RelationType } from "../../src/relation/relation-type.enum";
import type { RelationView } from "../../src/relation/relation.view";

class FakeLog implements ChangeSource {
  readonly changes: ChangeRecord[] = [];
  down = false;
  reads = 0;

  append(change: Partial<ChangeRecord>): ChangeRecord {
    const record: ChangeRecord = {
      seq: this.changes.length + 1,
      at: new Date().toISOString(),
      operation: "test",
      entityIds: [],
      relationIds: [],
      relationTypes: [],
      removedEntityIds: [],
      removedRelationIds: [],
      ...change,
    };
    this.changes.push(record);
    return record;
  }

  async latestSeq(): Promise<number> {
    if (this.down) throw new Error("Neo4j is down");
    return this.changes.length;
  }

  async changesAfter(after: number, limit: number): Promise<ChangeRecord[]> {
    this.reads += 1;
    if (this.down) throw new Error("Neo4j is down");
    return this.changes.filter((change) => change.seq > after).slice(0, limit);
  }

  async payloads(changes: readonly ChangeRecord[]): Promise<GraphChangeView[]> {
    return changes.map((change) => toGraphChange(change, new Map(), new Map()));
  }
}

const logger = () => ({ warn: jest.fn(), info: jest.fn(), error: jest.fn() });
const tick = (ms = 30) => new Promise((resolve) => setTimeout(resolve, ms));

/** Reads what the subscription has for it within `ms`. */
async function drain(subscription: LiveSubscription, ms = 100): Promise<LiveEvent[]> {
  const events: LiveEvent[] = [];
  const deadline = Date.now() + ms;
  for (;;) {
    const next = await Promise.race([subscription.next(), tick(Math.max(1, deadline - Date.now())).then(() => null)]);
    if (next === null || next.done) return events;
    events.push(next.value);
  }
}

const seqs = (events: LiveEvent[]) => events.map((event) => (event instanceof GraphQLError ? event.extensions.code : event.seq));

describe("change follower", () => {
  let log: FakeLog;
  let follower: ChangeFollower;
  let log$: ReturnType<typeof logger>;

  beforeEach(() => {
    log = new FakeLog();
    log$ = logger();
    follower = new ChangeFollower(log, { pollIntervalMs: 10, maxQueuedChanges: 3, logger: log$, batchSize: 2 });
  });
  afterEach(() => follower.close());

  test("a subscriber gets the changes after it subscribed, in order, batch after batch; none from before", async () => {
    log.append({ entityIds: ["openai"] });
    const subscription = await follower.subscribe(changeFilterOf({}));
    for (let i = 0; i < 3; i++) log.append({ entityIds: ["openai"] });
    expect(seqs(await drain(subscription))).toEqual([2, 3, 4]);
  });

  test("counts a subscription as following once its start is read, not when it is registered", async () => {
    let release: (seq: number) => void = () => undefined;
    const slowStart = new Promise<number>((resolve) => (release = resolve));
    jest.spyOn(log, "latestSeq").mockReturnValueOnce(slowStart);
    const subscribing = follower.subscribe(changeFilterOf({}));
    expect(follower.size).toBe(1);
    expect(follower.following).toBe(0);
    release(0);
    const subscription = await subscribing;
    expect(follower.following).toBe(1);
    await subscription.return();
    expect(follower.following).toBe(0);
  });

  test("the filters: any of the ids (merged-away ones too) and any of the types", async () => {
    const byId = await follower.subscribe(changeFilterOf({ ids: ["windsurf"] }));
    const byType = await follower.subscribe(changeFilterOf({ types: [RelationType.INVESTS_IN] }));
    const both = await follower.subscribe(changeFilterOf({ ids: ["openai"], types: [RelationType.ACQUIRES] }));
    log.append({ entityIds: ["openai", "windsurf"], relationTypes: ["ACQUIRES"] }); // 1
    log.append({ entityIds: ["microsoft", "openai"], relationTypes: ["INVESTS_IN"] }); // 2
    log.append({ entityIds: ["google"], removedEntityIds: ["windsurf"] }); // 3
    expect(seqs(await drain(byId))).toEqual([1, 3]);
    expect(seqs(await drain(byType))).toEqual([2]);
    expect(seqs(await drain(both))).toEqual([1]);
  });

  test("the loop runs only while someone listens, and starts again from the latest change", async () => {
    expect(follower.running).toBe(false);
    const first = await follower.subscribe(changeFilterOf({}));
    expect(follower.running).toBe(true);
    await first.return();
    expect(follower.running).toBe(false);
    const reads = log.reads;
    await tick(50);
    expect(log.reads).toBe(reads);
    log.append({}); // while nobody listens
    const second = await follower.subscribe(changeFilterOf({}));
    log.append({});
    expect(seqs(await drain(second))).toEqual([2]);
  });

  test("Neo4j down: logged once, no change lost, delivery resumes when it returns", async () => {
    const subscription = await follower.subscribe(changeFilterOf({}));
    log.down = true;
    log.append({});
    log.append({});
    await tick(80);
    expect(log$.warn).toHaveBeenCalledTimes(1);
    log.down = false;
    expect(seqs(await drain(subscription))).toEqual([1, 2]);
    expect(log$.info).toHaveBeenCalledTimes(1);
  });

  test("a subscription that cannot read its start is refused, and holds nothing", async () => {
    log.down = true;
    await expect(follower.subscribe(changeFilterOf({}))).rejects.toThrow("down");
    expect(follower.size).toBe(0);
    expect(follower.running).toBe(false);
  });

  test("a subscriber that does not read is closed past its queue's cap, with the reason", async () => {
    const slow = await follower.subscribe(changeFilterOf({}));
    for (let i = 0; i < 6; i++) log.append({});
    await tick(80);
    expect(follower.size).toBe(0);
    const events = await drain(slow);
    expect(seqs(events)).toEqual(["SUBSCRIBER_TOO_SLOW"]);
    expect((events[0] as GraphQLError).message).toMatch(/LIVE_MAX_QUEUED_CHANGES/);
  });

  test("return() ends a subscriber waiting for its next change", async () => {
    const subscription = await follower.subscribe(changeFilterOf({}));
    const waiting = subscription.next();
    await subscription.return();
    await expect(waiting).resolves.toEqual({ value: undefined, done: true });
    expect(follower.size).toBe(0);
  });
});

describe("change payload", () => {
  const entity = (id: string): EntityRecord =>
    ({ id, name: id.toUpperCase(), kind: EntityKind.COMPANY, aliases: [], description: null }) as unknown as EntityRecord;
  const relation = (id: string, from: string, to: string): RelationView =>
    ({
      id,
      type: RelationType.INVESTS_IN,
      symmetric: false,
      from: entity(from),
      to: entity(to),
      periodStart: "2019-07-01",
      periodEnd: null,
    }) as unknown as RelationView;
  const change = (fields: Partial<ChangeRecord>): ChangeRecord => ({
    seq: 7,
    at: "2026-01-01T00:00:00.000Z",
    operation: "assertRelation",
    entityIds: [],
    relationIds: [],
    relationTypes: [],
    removedEntityIds: [],
    removedRelationIds: [],
    ...fields,
  });

  test("nodes and edges as they are now; an edge brings its ends; what no longer reads is removed", () => {
    const payload = toGraphChange(
      change({ entityIds: ["microsoft", "gone"], relationIds: ["r1", "r2"], removedRelationIds: ["r3"] }),
      new Map([["microsoft", entity("microsoft")]]),
      new Map([["r1", relation("r1", "microsoft", "openai")]]),
    );
    expect(payload.nodes.map((node) => node.id).sort()).toEqual(["microsoft", "openai"]);
    expect(payload.edges.map((edge) => [edge.id, edge.source, edge.target, edge.caption])).toEqual([
      ["r1", "microsoft", "openai", "invests in"],
    ]);
    expect(payload.removedEdgeIds).toEqual(["r2", "r3"]);
    expect(payload.removedNodeIds).toEqual(["gone"]);
    expect(payload).toMatchObject({ seq: 7, operation: "assertRelation", truncated: false });
  });

  test("filters match on entity ids, merged-away ids and relation types", () => {
    const merged = change({ entityIds: ["a"], removedEntityIds: ["b"], relationTypes: ["ACQUIRES"] });
    expect(changeMatches(changeFilterOf({ ids: ["b"] }), merged)).toBe(true);
    expect(changeMatches(changeFilterOf({ ids: ["c"] }), merged)).toBe(false);
    expect(changeMatches(changeFilterOf({ types: ["ACQUIRES"] }), merged)).toBe(true);
    expect(changeMatches(changeFilterOf({ ids: ["a"], types: ["INVESTS_IN"] }), merged)).toBe(false);
    expect(changeMatches(changeFilterOf({ ids: [], types: [] }), merged)).toBe(true);
  });
});
