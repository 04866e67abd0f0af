/**
 * Durability of the write API (issue 10, acceptance 4): the real server (`node dist/src/main.js`,
 * as in production) is killed with SIGKILL in the middle of 1,000 concurrent mutations sent over
 * HTTP with an editor key, against a scratch Neo4j of its own. Then, with a raw driver:
 *   (a) every write acknowledged to its client is in the graph with the facts sent, and has its
 *       (:Change) record with the acknowledged seq;
 *   (b) nothing is half written: every relation and entity the test created has exactly one
 *       creating change, every change has what it records, a correction's version, revision and
 *       change go together, seqs are 1..N without a gap or a repeat and the counter is N;
 *   (c) a write the client got no answer for is either all there or not there at all.
 * Then the server is started again, answers, and every unanswered write is retried with its
 * idempotency key: each is written once (a replay when it had committed), never twice.
 * A second scenario does the same with Neo4j killed (SIGKILL, then started again: its recovery
 * must keep every acknowledged commit) while the server lives on.
 *
 * Nothing here is timed: the kill comes after a number of acknowledgements, not after a delay.
 * `npm run build` first: the server runs from dist/.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import neo4j, { type Driver } from "neo4j-driver";
import { LocalNeo4j } from "../../scripts/local-neo4j";
import { startScratchNeo4j, type ScratchNeo4j } from "../../scripts/scratch-neo4j";
import { ApiKeyRepository } from "../../src/auth/api-key.repository";
import { ApiKeyService } from "../../src/auth/api-key.service";
import { Role } from "../../src/auth/role";
import { defaultProjectRoot } from "../../src/config";
import { Seeder } from "../../src/db/seeder";
import { QueryRunner } from "../../src/graph/query-runner";

jest.setTimeout(300_000);

const root = defaultProjectRoot();
const WRITES = 1_000;
const IN_FLIGHT = 64;
const KEY_NAME = "crash-editor";
const SOURCE = "crash-source";
const TEXT =
  "Les deux groupes ont signé un accord de partenariat. Le régulateur a ouvert une enquête. " +
  "La société a investi dans la start-up. Les concurrents se disputent le marché. " +
  "Le contrat a pris fin en 2025.";
const QUOTES = [
  "ont signé un accord de partenariat",
  "a ouvert une enquête",
  "a investi dans la start-up",
  "se disputent le marché",
];
const TYPES = ["PARTNERS_WITH", "SUPPORTS", "INVESTS_IN", "COMPETES_WITH"];
const BASE_ENTITIES = 12;
const CORRECTION_TARGETS = 40;

let scratch: ScratchNeo4j;
let driver: Driver;
let server: ChildProcess | undefined;
let base = "";
let editorKey = "";

// --- the server as a child process ---------------------------------------------------------------

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const port = (probe.address() as net.AddressInfo).port;
      probe.close(() => resolve(port));
    });
  });
}

async function startServer(): Promise<ChildProcess> {
  const main = path.join(root, "dist", "src", "main.js");
  if (!fs.existsSync(main)) throw new Error("dist/src/main.js is missing: run `npm run build` first");
  const port = await freePort();
  const { neo4j: db } = scratch.config;
  fs.mkdirSync(path.join(root, "artifacts"), { recursive: true });
  const log = fs.openSync(path.join(root, "artifacts", "crash-server.log"), "a");
  const child = spawn(process.execPath, [main], {
    cwd: root,
    env: {
      ...process.env,
      NEO4J_URI: db.uri,
      NEO4J_USERNAME: db.username,
      NEO4J_PASSWORD: db.password,
      NEO4J_DATABASE: db.database,
      HOST: "127.0.0.1",
      PORT: String(port),
      NODE_ENV: "test",
      LOG_LEVEL: "warn",
      // Writes are serialised by the change log's counter: with 64 in flight on a loaded 2-core
      // machine a write can wait longer than the default 15 s for its turn. A timeout would still be
      // a correct outcome (check c), but the test is about crashes, not latency.
      GRAPHQL_REQUEST_TIMEOUT_MS: "120000",
    },
    stdio: ["ignore", log, log],
  });
  fs.closeSync(log);
  base = `http://127.0.0.1:${port}`;
  await waitUntilReady(child);
  return child;
}

/** Until /ready says Neo4j answers; a server that exits meanwhile is a failure, not a wait. */
async function waitUntilReady(child: ChildProcess): Promise<void> {
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`the server exited (${child.exitCode ?? child.signalCode}); see artifacts/crash-server.log`);
    const ready = await fetch(`${base}/ready`).then(
      (response) => response.status === 200,
      () => false,
    );
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function killServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGKILL");
  await exited;
}

// --- requests --------------------------------------------------------------------------------------

interface GraphQLAnswer {
  status: number;
  body: { data?: Record<string, any> | null; errors?: Array<{ message: string; extensions?: { code?: string } }> };
}

async function post(query: string, variables: Record<string, unknown>): Promise<GraphQLAnswer> {
  const response = await fetch(`${base}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${editorKey}` },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(120_000),
  });
  return { status: response.status, body: (await response.json()) as GraphQLAnswer["body"] };
}

/** For the setup writes, which must succeed. */
async function write(query: string, variables: Record<string, unknown>): Promise<Record<string, any>> {
  const answer = await post(query, variables);
  if (answer.status !== 200 || answer.body.errors) throw new Error(`setup write failed: ${JSON.stringify(answer)}`);
  return answer.body.data as Record<string, any>;
}

const PAYLOAD = "change { seq } replayed";
const REGISTER = `mutation($input: SourceInput!) { registerSource(input: $input, reason: "crash test") { ${PAYLOAD} } }`;
const UPSERT = `mutation($input: EntityInput!, $key: String) {
  upsertEntity(input: $input, reason: "crash test", idempotencyKey: $key) { entity { id version } ${PAYLOAD} } }`;
const ASSERT = `mutation($input: RelationInput!, $key: String) {
  assertRelation(input: $input, reason: "crash test", idempotencyKey: $key) { relation { id version } ${PAYLOAD} } }`;
const CORRECT = `mutation($id: ID!, $facts: RelationCorrectionInput!, $version: Int!, $key: String) {
  correctRelation(id: $id, facts: $facts, version: $version, reason: "crash test: ended", idempotencyKey: $key) {
    relation { id version } ${PAYLOAD} } }`;

type Operation = "assertRelation" | "upsertEntity" | "correctRelation";

interface Write {
  readonly index: number;
  readonly operation: Operation;
  /** The relation or entity written. */
  readonly subject: string;
  readonly key: string;
  readonly query: string;
  readonly variables: Record<string, unknown>;
  /** What the graph must hold when the write is there. */
  readonly expected: Record<string, unknown>;
  sent: boolean;
  /** The seq of the change the client was told about; undefined: no acknowledgement. */
  ackSeq?: number;
  failure?: string;
}

const baseEntity = (i: number) => `crash-base-${String(i).padStart(2, "0")}`;
const target = (i: number) => `crash-target-${String(i).padStart(2, "0")}`;

function relationInput(id: string, n: number) {
  const from = n % BASE_ENTITIES;
  const to = (from + 1 + (Math.floor(n / BASE_ENTITIES) % (BASE_ENTITIES - 1))) % BASE_ENTITIES;
  return {
    id,
    type: TYPES[n % TYPES.length],
    from: baseEntity(from + 1),
    to: baseEntity(to + 1),
    status: "ACTIVE",
    description: `Crash-test relation ${id}.`,
    validFrom: `20${10 + (n % 15)}-0${1 + (n % 9)}`,
    references: [{ source: SOURCE, quotes: [QUOTES[n % QUOTES.length]] }],
  };
}

/**
 * 1,000 writes: mostly new relations, every tenth a new entity, every 25th a correction of a
 * relation made in the setup. `scenario` keeps the ids and keys of the two scenarios apart.
 */
function plan(scenario: "a" | "b"): Write[] {
  const writes: Write[] = [];
  let corrections = 0;
  for (let index = 0; index < WRITES; index++) {
    const key = `crash-${scenario}-key-${index}`;
    const number = `${scenario}-${String(index).padStart(4, "0")}`;
    if (index % 25 === 12 && corrections < CORRECTION_TARGETS) {
      const id = target(++corrections + (scenario === "a" ? 0 : CORRECTION_TARGETS));
      const facts = { status: "ENDED", description: `Ended, as corrected by write ${index}.`, validTo: "2025" };
      writes.push({
        index,
        operation: "correctRelation",
        subject: id,
        key,
        query: CORRECT,
        variables: { id, facts, version: 1, key },
        expected: { status: facts.status, description: facts.description, validTo: facts.validTo, version: 2 },
        sent: false,
      });
    } else if (index % 10 === 5) {
      const input = { id: `crash-new-${number}`, name: `Crash entity ${number}`, kind: "COMPANY", aliases: [`CE${number}`] };
      writes.push({
        index,
        operation: "upsertEntity",
        subject: input.id,
        key,
        query: UPSERT,
        variables: { input, key },
        expected: { name: input.name, kind: input.kind, aliases: input.aliases },
        sent: false,
      });
    } else {
      const input = relationInput(`crash-rel-${number}`, index);
      writes.push({
        index,
        operation: "assertRelation",
        subject: input.id,
        key,
        query: ASSERT,
        variables: { input, key },
        expected: {
          type: input.type,
          from: input.from,
          to: input.to,
          status: input.status,
          description: input.description,
          validFrom: input.validFrom,
          quotes: input.references[0].quotes,
        },
        sent: false,
      });
    }
  }
  return writes;
}

/** An acknowledgement: HTTP 200, no error, the change's seq, and not a replay. */
function acknowledgedSeq(write: Write, answer: GraphQLAnswer): number | undefined {
  const payload = answer.body.data?.[write.operation];
  if (answer.status !== 200 || answer.body.errors || !payload || payload.replayed !== false) return undefined;
  return typeof payload.change?.seq === "number" ? payload.change.seq : undefined;
}

// --- the graph, read with a raw driver --------------------------------------------------------------

interface ChangeRow {
  seq: number;
  operation: string;
  by: string;
  key: string | null;
  entityIds: string[];
  relationIds: string[];
}

interface Snapshot {
  counter: number;
  changes: ChangeRow[];
  relations: Map<string, Record<string, any>>;
  entities: Map<string, Record<string, any>>;
  revisions: Map<string, number>;
}

async function read<T>(query: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const result = await driver.executeQuery(query, params, {
    database: scratch.config.neo4j.database,
    routing: neo4j.routing.READ,
  });
  return result.records.map((record) => record.toObject() as T);
}

async function snapshot(): Promise<Snapshot> {
  const [counter] = await read<{ seq: number | null }>("OPTIONAL MATCH (l:ChangeLog {id: 'changes'}) RETURN l.seq AS seq");
  const changes = await read<ChangeRow>(
    `MATCH (c:Change) RETURN c.seq AS seq, c.operation AS operation, c.by AS by, c.idempotencyKey AS key,
       c.entityIds AS entityIds, c.relationIds AS relationIds ORDER BY c.seq`,
  );
  const relations = await read<{ id: string; row: Record<string, any> }>(
    `MATCH (a:Entity)-[r]->(b:Entity) WHERE r.id STARTS WITH 'crash-'
     RETURN r.id AS id, r {.status, .description, .validFrom, .validTo, .version, .references,
       type: type(r), from: a.id, to: b.id} AS row`,
  );
  const entities = await read<{ id: string; row: Record<string, any> }>(
    "MATCH (e:Entity) WHERE e.id STARTS WITH 'crash-' RETURN e.id AS id, e {.name, .kind, .aliases, .version} AS row",
  );
  const revisions = await read<{ subject: string; count: number }>(
    "MATCH (v:Revision) WHERE v.subject STARTS WITH 'crash-' RETURN v.subject AS subject, count(*) AS count",
  );
  const byId = (rows: Array<{ id: string; row: Record<string, any> }>) => {
    const map = new Map<string, Record<string, any>>();
    for (const { id, row } of rows) {
      if (map.has(id)) throw new Error(`"${id}" is in the graph twice`);
      map.set(id, row);
    }
    return map;
  };
  return {
    counter: counter.seq ?? 0,
    changes,
    relations: byId(relations),
    entities: byId(entities),
    revisions: new Map(revisions.map((row) => [row.subject, row.count])),
  };
}

/** What a write left in the graph: "absent", "present" (all of it), or what is wrong. */
function stateOf(write: Write, graph: Snapshot): { state: "absent" | "present" | "broken"; seq?: number; why?: string } {
  const changes = graph.changes.filter((change) => change.key === write.key);
  const touching = graph.changes.filter(
    (change) =>
      change.operation === write.operation &&
      (write.operation === "upsertEntity" ? change.entityIds : change.relationIds).includes(write.subject),
  );
  const node = write.operation === "upsertEntity" ? graph.entities.get(write.subject) : graph.relations.get(write.subject);
  const applied =
    node !== undefined && (write.operation !== "correctRelation" || (node.version === 2 && node.status === "ENDED"));
  if (changes.length > 1) return { state: "broken", why: `${changes.length} changes with its key` };
  if (changes.length === 0) {
    if (applied) return { state: "broken", why: "written without a change record" };
    if (touching.length > 0) return { state: "broken", why: "a change records it under another key" };
    if (write.operation === "correctRelation" && (graph.revisions.get(write.subject) ?? 0) !== 0)
      return { state: "broken", why: "a revision without its correction" };
    return { state: "absent" };
  }
  const [change] = changes;
  if (!applied) return { state: "broken", why: `change ${change.seq} without what it records` };
  if (touching.length !== 1 || touching[0] !== change) return { state: "broken", why: `${touching.length} changes record it` };
  if (change.operation !== write.operation || change.by !== KEY_NAME)
    return { state: "broken", why: `change ${change.seq} is a ${change.operation} by ${change.by}` };
  const facts = factsProblem(write, node as Record<string, any>, graph);
  if (facts) return { state: "broken", why: facts };
  return { state: "present", seq: change.seq };
}

function factsProblem(write: Write, node: Record<string, any>, graph: Snapshot): string | undefined {
  const expected = write.expected;
  const differs = (field: string, actual: unknown) =>
    JSON.stringify(actual) !== JSON.stringify(expected[field]) ? `${field}: ${JSON.stringify(actual)}` : undefined;
  if (write.operation === "upsertEntity") {
    return differs("name", node.name) ?? differs("kind", node.kind) ?? differs("aliases", node.aliases);
  }
  if (write.operation === "correctRelation") {
    const revisions = graph.revisions.get(write.subject) ?? 0;
    if (revisions !== 1) return `${revisions} revisions for one correction`;
    return differs("status", node.status) ?? differs("description", node.description) ?? differs("validTo", node.validTo);
  }
  const quotes = (node.references as string[]).flatMap((json) => (JSON.parse(json) as { quotes: string[] }).quotes);
  return (
    differs("type", node.type) ??
    differs("from", node.from) ??
    differs("to", node.to) ??
    differs("status", node.status) ??
    differs("description", node.description) ??
    differs("validFrom", node.validFrom) ??
    differs("quotes", quotes) ??
    (node.version === 1 ? undefined : `version ${String(node.version)}`)
  );
}

/** Checks (b) over the whole graph: returns the problems found, none expected. */
function logProblems(graph: Snapshot, writes: readonly Write[]): string[] {
  const problems: string[] = [];
  const seqs = graph.changes.map((change) => change.seq);
  if (new Set(seqs).size !== seqs.length) problems.push("a seq is used twice");
  seqs.forEach((seq, i) => {
    if (seq !== i + 1) problems.push(`seqs are not 1..N: position ${i} holds ${seq}`);
  });
  const highest = seqs.length === 0 ? 0 : Math.max(...seqs);
  if (graph.counter !== highest) problems.push(`the counter is ${graph.counter}, the highest change ${highest}`);
  // Every crash relation or entity in the graph was made by one change, and each change's subject is there.
  const keys = new Set(writes.map((w) => w.key));
  for (const id of graph.relations.keys()) {
    const creations = graph.changes.filter((c) => c.operation === "assertRelation" && c.relationIds.includes(id));
    if (creations.length !== 1) problems.push(`relation ${id} has ${creations.length} creating changes`);
  }
  for (const id of graph.entities.keys()) {
    const creations = graph.changes.filter((c) => c.operation === "upsertEntity" && c.entityIds.includes(id));
    if (creations.length !== 1) problems.push(`entity ${id} has ${creations.length} creating changes`);
  }
  for (const change of graph.changes) {
    if (change.key !== null && !keys.has(change.key)) problems.push(`change ${change.seq} has an unknown key ${change.key}`);
    if (change.operation === "assertRelation" && !change.relationIds.every((id) => graph.relations.has(id)))
      problems.push(`change ${change.seq} asserts ${change.relationIds.join(", ")}, not in the graph`);
    if (change.operation === "upsertEntity" && !change.entityIds.every((id) => graph.entities.has(id)))
      problems.push(`change ${change.seq} creates ${change.entityIds.join(", ")}, not in the graph`);
  }
  return problems;
}

/** Neo4j closes the killed server's transactions: wait until none is left but ours. */
async function waitForOrphanTransactions(): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt++) {
    const open = await read<{ id: string }>(
      "SHOW TRANSACTIONS YIELD transactionId, currentQuery WHERE NOT currentQuery STARTS WITH 'SHOW TRANSACTIONS' RETURN transactionId AS id",
    );
    if (open.length === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("the killed server's transactions are still open in Neo4j after 30 s");
}

// --- the test ---------------------------------------------------------------------------------------

beforeAll(async () => {
  scratch = await startScratchNeo4j({
    name: "crash",
    boltPort: Number(process.env.CRASH_NEO4J_BOLT_PORT ?? 7692),
    fresh: true,
    env: { NODE_ENV: "test", LOG_LEVEL: "silent" },
  });
  const { uri, username, password } = scratch.config.neo4j;
  driver = neo4j.driver(uri, neo4j.auth.basic(username, password), { disableLosslessIntegers: true });
  const seeder = new Seeder(driver, scratch.config.neo4j);
  await seeder.applySchema();
  await seeder.applySeed();
  const keys = new ApiKeyService(new ApiKeyRepository(new QueryRunner(driver, scratch.config.neo4j)));
  editorKey = (await keys.create(KEY_NAME, Role.EDITOR)).key;
  server = await startServer();
}, 300_000);

afterAll(async () => {
  if (server) await killServer(server);
  await driver?.close();
  await scratch?.stop();
}, 60_000);

interface FireStats {
  killAt: number;
  acknowledged: number;
  inFlightAtKill: number;
  sentAtKill: number;
}

/**
 * Sends the writes, IN_FLIGHT at a time, and calls `kill` once a share of them (drawn per run
 * between the bounds of `share`) is acknowledged ( then a pause of 0 to 25 ms, so runs hit different moments of a write);
 * no write is sent after that. Records on each write whether its client got an acknowledgement.
 */
async function fire(writes: Write[], share: [number, number], kill: () => Promise<void>): Promise<FireStats> {
  const stats: FireStats = {
    killAt: Math.floor(WRITES * (share[0] + Math.random() * (share[1] - share[0]))),
    acknowledged: 0,
    inFlightAtKill: 0,
    sentAtKill: 0,
  };
  let next = 0;
  let inFlight = 0;
  let killed: Promise<void> | undefined;
  const worker = async () => {
    while (next < writes.length && !killed) {
      const write = writes[next++];
      write.sent = true;
      inFlight++;
      try {
        const answer = await post(write.query, write.variables);
        write.ackSeq = acknowledgedSeq(write, answer);
        if (write.ackSeq === undefined) {
          const error = answer.body.errors?.[0];
          write.failure = `HTTP ${answer.status} ${error?.extensions?.code ?? ""} ${error?.message ?? ""}`;
        }
      } catch (error) {
        write.failure = `${(error as Error).message} ${String((error as { cause?: { code?: string } }).cause?.code ?? "")}`;
      } finally {
        inFlight--;
      }
      if (write.ackSeq !== undefined && ++stats.acknowledged >= stats.killAt && !killed) {
        killed = new Promise((resolve) => setTimeout(resolve, Math.random() * 25)).then(() => {
          stats.inFlightAtKill = inFlight;
          stats.sentAtKill = writes.filter((w) => w.sent).length;
          return kill();
        });
      }
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  if (!killed) throw new Error(`only ${stats.acknowledged} of ${WRITES} writes were acknowledged; no kill happened`);
  await killed;
  const sent = writes.filter((w) => w.sent);
  const acknowledged = writes.filter((w) => w.ackSeq !== undefined);
  const count = (operation: Operation) => acknowledged.filter((w) => w.operation === operation).length;
  console.log(
    `crash: killed after ${stats.killAt} acknowledgements with ${stats.inFlightAtKill} requests in flight (${stats.sentAtKill} sent); ` +
      `in all ${sent.length} sent, ${acknowledged.length} acknowledged (${count("assertRelation")} relations, ` +
      `${count("upsertEntity")} entities, ${count("correctRelation")} corrections); not acknowledged: ` +
      summarize(sent.filter((w) => w.failure).map((w) => (w.failure as string).slice(0, 70))),
  );
  return stats;
}

/** Checks (a), (b) and (c) on the graph as the crash left it; returns that graph. */
async function checkAfterCrash(writes: readonly Write[], everyWrite: readonly Write[]): Promise<Snapshot> {
  await waitForOrphanTransactions();
  const graph = await snapshot();
  const states = writes.map((write) => ({ write, ...stateOf(write, graph) }));
  // (a) acknowledged: there, with the facts sent and the change seq the client was told.
  const lost = states.filter(
    ({ write, state, seq }) => write.ackSeq !== undefined && (state !== "present" || seq !== write.ackSeq),
  );
  expect(
    lost.map(({ write, state, seq, why }) => `${write.key}: ${state} ${why ?? ""} (seq ${seq}, acknowledged ${write.ackSeq})`),
  ).toEqual([]);
  // (b) nothing half written anywhere in the log or the graph.
  expect(logProblems(graph, everyWrite)).toEqual([]);
  // (c) unacknowledged: all there or not at all; never sent: not there.
  const broken = states.filter(({ state }) => state === "broken");
  expect(broken.map(({ write, why }) => `${write.key} (${write.operation} ${write.subject}): ${why}`)).toEqual([]);
  expect(states.filter(({ write, state }) => !write.sent && state !== "absent").map(({ write }) => write.key)).toEqual([]);
  const unanswered = states.filter(({ write }) => write.sent && write.ackSeq === undefined);
  console.log(
    `crash: afterwards ${graph.changes.length} changes, counter ${graph.counter}; of the ${unanswered.length} writes sent and not ` +
      `acknowledged, ${unanswered.filter((s) => s.state === "present").length} had committed whole, ` +
      `${unanswered.filter((s) => s.state === "absent").length} left nothing`,
  );
  return graph;
}

/**
 * Retries every write sent and not acknowledged with its idempotency key, twice: the first retry
 * writes what was lost and replays what had committed (with its seq); the second replays them all.
 */
async function retryUnanswered(writes: readonly Write[], everyWrite: readonly Write[], graph: Snapshot): Promise<void> {
  const retried = writes.filter((write) => write.sent && write.ackSeq === undefined);
  const before = new Map(retried.map((write) => [write.key, stateOf(write, graph)]));
  const problems: string[] = [];
  // As a client would: a retry that gets no answer either (a cold Neo4j just restarted) is sent again.
  const retry = async (write: Write) => {
    for (let attempt = 1; ; attempt++) {
      const answer = await post(write.query, write.variables);
      const payload = answer.body.data?.[write.operation];
      const code = answer.body.errors?.[0]?.extensions?.code;
      if (attempt < 10 && (code === "QUERY_TIMEOUT" || code === "SERVICE_UNAVAILABLE" || code === "SERVER_BUSY")) continue;
      const earlier = before.get(write.key) as ReturnType<typeof stateOf>;
      if (answer.status !== 200 || answer.body.errors || typeof payload?.change?.seq !== "number") {
        problems.push(`${write.key}: ${JSON.stringify(answer.body.errors ?? answer.status)}`);
      } else if (earlier.state === "present" && (payload.replayed !== true || payload.change.seq !== earlier.seq)) {
        problems.push(
          `${write.key}: committed as ${earlier.seq}, retried as ${payload.change.seq}, replayed ${payload.replayed}`,
        );
      } else if (earlier.state === "absent" && attempt === 1 && payload.replayed !== false) {
        problems.push(`${write.key}: absent, yet its retry was a replay`);
      }
      return;
    }
  };
  for (const round of [1, 2]) {
    let next = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < retried.length) await retry(retried[next++]);
      }),
    );
    if (round === 1) {
      const between = await snapshot();
      for (const write of retried) before.set(write.key, stateOf(write, between));
    }
  }
  expect(problems).toEqual([]);
  const after = await snapshot();
  expect(logProblems(after, everyWrite)).toEqual([]);
  expect(retried.filter((write) => stateOf(write, after).state !== "present").map((write) => write.key)).toEqual([]);
  // Only the writes the crash had lost made a change, one each.
  const lost = retried.filter((write) => stateOf(write, graph).state === "absent").length;
  expect(after.changes.length).toBe(graph.changes.length + lost);
  console.log(
    `crash: retried the ${retried.length} unanswered writes twice with their keys: the ${lost} lost ones written once, ` +
      `the ${retried.length - lost} committed ones replayed with their seq`,
  );
}

const scenarioA = plan("a");
const scenarioB = plan("b");
const everyWrite = [...scenarioA, ...scenarioB];

it("setup: a source, the entities and the relations the writes refer to", async () => {
  await write(REGISTER, { input: { id: SOURCE, title: "Crash test", language: "fr", text: TEXT } });
  // Four at a time: the server is cold, and these must not time out.
  const all = async (count: number, each: (i: number) => Promise<unknown>) => {
    let next = 1;
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (next <= count) await each(next++);
      }),
    );
  };
  await all(BASE_ENTITIES, (i) => write(UPSERT, { input: { id: baseEntity(i), name: `Crash base ${i}`, kind: "COMPANY" } }));
  await all(2 * CORRECTION_TARGETS, (i) => write(ASSERT, { input: relationInput(target(i), i) }));
});

describe("the server killed with SIGKILL in the middle of 1,000 concurrent writes", () => {
  let graph: Snapshot;

  it("fires 1,000 writes, 64 at a time, and kills the server once 30 to 50% are acknowledged", async () => {
    const child = server as ChildProcess;
    await fire(scenarioA, [0.3, 0.5], () => killServer(child));
    server = undefined;
  });

  it("leaves every acknowledged write in the graph with its change record, and nothing half written", async () => {
    graph = await checkAfterCrash(scenarioA, everyWrite);
  });

  it("restarted, the server answers, and a retry of each unanswered write with its key writes it once", async () => {
    server = await startServer();
    const answer = await post(`{ changes(first: 1) { nodes { seq } } }`, {});
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data?.changes.nodes[0].seq).toBe(graph.counter);
    await retryUnanswered(scenarioA, everyWrite, graph);
  });
});

describe("Neo4j killed with SIGKILL in the middle of 1,000 concurrent writes", () => {
  let graph: Snapshot;

  it("fires 1,000 writes, 64 at a time, kills Neo4j once 10 to 20% are acknowledged, then starts it again", async () => {
    const local = new LocalNeo4j(scratch.config, root, () => undefined);
    const pid = local.status().pid;
    if (pid === undefined) throw new Error("the scratch Neo4j is not running");
    await fire(scenarioB, [0.1, 0.2], async () => {
      process.kill(pid, "SIGKILL");
      while (local.status().pid === pid) await new Promise((resolve) => setTimeout(resolve, 50));
    });
    await local.start();
    // The server lived through it and is ready again once it reaches the new Neo4j.
    await waitUntilReady(server as ChildProcess);
  });

  it("leaves every acknowledged write in the graph with its change record, and nothing half written", async () => {
    graph = await checkAfterCrash(scenarioB, everyWrite);
  });

  it("a retry of each unanswered write with its key writes it once", async () => {
    await retryUnanswered(scenarioB, everyWrite, graph);
  });
});

function summarize(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value.trim(), (counts.get(value.trim()) ?? 0) + 1);
  return [...counts].map(([value, count]) => `${count}× ${value}`).join("; ") || "none";
}
