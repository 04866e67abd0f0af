/**
 * `npm run bench`: the scale benchmark of issue 9. On a graph of 100,000 entities and 1,000,000
 * relations (the project's generator, power-law degrees, plus a super hub of ~25,000), loaded
 * once into a Neo4j of its own (scripts/bench/graph.ts; port 7690) and reused, it measures each
 * shape of scripts/bench/shapes.ts on a normal entity, a hub and the super hub, against three
 * implementations, interleaved round by round in one run because the machine is shared and noisy:
 *
 *   server  the project's server, `node dist/src/main.js`, as in production (NODE_ENV=production,
 *           the Node flags of src/runtime-flags.ts, which every implementation gets);
 *   floor   the same services and repositories (the same Cypher) over the raw driver behind a bare
 *           node:http server, no GraphQL (scripts/bench/floor.ts);
 *   peer    @neo4j/graphql 7 with Apollo Server over the same data (bench/, its own dependencies,
 *           installed on first use), for the shapes it can express.
 *
 * Each runs in its own process; this one only generates load. Per shape and entity: p50/p99 with
 * one client, then p50/p99 and answers per second with 32 clients in a closed loop, errors by
 * code, timeouts, response size, and (on Linux, from /proc) the CPU each request cost under that
 * load, the implementation's process and Neo4j's; then the API's cold start (Neo4j up, process
 * spawned, first answer). Prints one table, then issue 9's targets, each met or missed; exits 1 on a miss.
 *
 *   --duration S     seconds of 32-client load per shape, entity and implementation (default 10)
 *   --iterations N   one-client requests per shape, entity and implementation (default 100: a p99
 *                    of fewer samples is only the slowest one) ...
 *   --max-seconds S  ... or fewer, when they take longer than this in all (default 12)
 *   --clients N      concurrent clients (default 32)
 *   --rounds N       rounds the measurements are split into, implementations alternating (default 3)
 *   --only TEXT      only the shapes whose name contains TEXT (repeatable)
 *   --no-peer        without @neo4j/graphql
 *   --keep-neo4j     leave the bench Neo4j running afterwards (the next run starts faster)
 *   --graph article  the former benchmark instead: latency of the graph queries on the article's
 *                    graph in the project's own Neo4j (scripts/bench/article.ts)
 *   --baseline REV   also run this server as it was at git revision REV (built once in
 *                    artifacts/bench/baseline-<rev>) and print server/baseline, in throughput and
 *                    in CPU per request (the steadier of the two): what the commits since REV
 *                    cost (e.g. record time, issue 10: reads without knownAt must not pay)
 *
 * Logs of the three processes: artifacts/bench/{server,floor,peer}.log.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import neo4j, { type Driver } from "neo4j-driver";
import { defaultProjectRoot, loadConfig, type AppConfig } from "../src/config";
import { runArticleBench } from "./bench/article";
import { CpuTally } from "./bench/cpu";
import { BENCH_GRAPH, benchNeo4jPid, startBenchGraph } from "./bench/graph";
import { CLIENT_TIMEOUT_MS, closedLoop, post, sequential, Tally, type Endpoint } from "./bench/load";
import { peerTypeDefs } from "./bench/peer-schema";
import { PICKS_QUERY, pickEntities } from "./bench/picks";
import { SHAPES, type Picks, type Shape, type Target } from "./bench/shapes";
import { SERVER_NODE_FLAGS } from "../src/runtime-flags";

const root = defaultProjectRoot();
const artifacts = path.join(root, "artifacts", "bench");

/** Issue 9's targets. */
const TARGETS = {
  p99Ms: { normal: 100, hub: 100, superHub: 300 } as Record<Target, number>,
  floorRatio: 0.85,
  peerRatio: 2,
  coldStartMs: 1_000,
};
/** A peer shape whose first answer (Neo4j planning its Cypher) takes longer is reported as such and not measured. */
const PEER_PLANNING_MS = 60_000;

interface Options {
  duration: number;
  /** Undefined: 100 (the article's benchmark: BENCH_ITERATIONS, else 50). */
  iterations?: number;
  maxSeconds: number;
  clients: number;
  rounds: number;
  only: string[];
  peer: boolean;
  keepNeo4j: boolean;
  graph: string;
  /** A git revision of this server to run beside it (`--baseline`), to measure what a change costs. */
  baseline: string | null;
}

function parseOptions(args: readonly string[]): Options {
  const options: Options = {
    duration: 10,
    maxSeconds: 12,
    clients: 32,
    rounds: 3,
    only: [],
    peer: true,
    keepNeo4j: false,
    graph: "scale",
    baseline: null,
  };
  const usage =
    "usage: bench [--duration S] [--iterations N] [--max-seconds S] [--clients N] [--rounds N] [--only SHAPE]... " +
    "[--no-peer] [--keep-neo4j] [--graph scale|article] [--baseline REV]";
  for (let i = 0; i < args.length; i++) {
    const flag = args[i];
    if (flag === "--no-peer") options.peer = false;
    else if (flag === "--keep-neo4j") options.keepNeo4j = true;
    else if (flag === "--help" || flag === "-h") {
      console.log(usage);
      process.exit(0);
    } else {
      const value = args[++i];
      if (value === undefined) throw new Error(`${flag} needs a value; ${usage}`);
      if (flag === "--only") options.only.push(value);
      else if (flag === "--baseline") options.baseline = value;
      else if (flag === "--graph") {
        if (value !== "scale" && value !== "article") throw new Error(`--graph is scale or article; ${usage}`);
        options.graph = value;
      } else {
        const key = {
          "--duration": "duration",
          "--iterations": "iterations",
          "--max-seconds": "maxSeconds",
          "--clients": "clients",
          "--rounds": "rounds",
        }[flag] as "duration" | "iterations" | "maxSeconds" | "clients" | "rounds" | undefined;
        const number = Number(value);
        if (!key || !(number > 0)) throw new Error(`unknown option or bad value: ${flag} ${value}; ${usage}`);
        options[key] = number;
      }
    }
  }
  return options;
}

const log = (line: string) => console.log(`bench: ${line}`);
const runStarted = Date.now();
const elapsed = () => `${((Date.now() - runStarted) / 60_000).toFixed(1)} min`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

// ---------------------------------------------------------------------------------------------
// The three implementations

type ImplName = "server" | "floor" | "peer" | "baseline";

interface Impl {
  readonly name: ImplName;
  readonly endpoint: Endpoint;
  readonly process: ChildProcess;
  /** A trivial request: answered at once when the process is idle. */
  ready(): Promise<boolean>;
  /** The request body for a shape, or undefined when this implementation cannot run it. */
  body(shape: Shape, variables: Record<string, string>): string | undefined;
}

/** Spawns a process, its output to artifacts/bench/<name>.log; resolves once `ready` answers. */
async function spawnImpl(
  name: ImplName,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
  ready: () => Promise<boolean>,
): Promise<ChildProcess> {
  const logFile = fs.createWriteStream(path.join(artifacts, `${name}.log`));
  // Every implementation runs with the server's Node flags: what differs between them is their code.
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, ...args], { env, cwd, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout?.pipe(logFile);
  child.stderr?.pipe(logFile);
  const started = Date.now();
  while (!(await ready().catch(() => false))) {
    if (child.exitCode !== null) throw new Error(`${name} exited (${child.exitCode}); see artifacts/bench/${name}.log`);
    if (Date.now() - started > 120_000) throw new Error(`${name} not ready after 120 s; see artifacts/bench/${name}.log`);
    await sleep(100);
  }
  return child;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await Promise.race([exited, sleep(10_000)]);
  if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
}

async function httpOk(url: string, init?: RequestInit): Promise<boolean> {
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(5_000) });
  await response.arrayBuffer();
  return response.status === 200;
}

/** The environment our server runs with: the bench Neo4j, production defaults otherwise. */
function serverEnv(neo4jConfig: AppConfig["neo4j"], port: number): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEO4J_URI: neo4jConfig.uri,
    NEO4J_USERNAME: neo4jConfig.username,
    NEO4J_PASSWORD: neo4jConfig.password,
    NEO4J_DATABASE: neo4jConfig.database,
    HOST: "127.0.0.1",
    PORT: String(port),
    NODE_ENV: "production",
    LOG_LEVEL: "warn",
  };
  loadConfig(env, root); // refuses a bad configuration here, with its reasons, not in a child
  return env;
}

async function startServerImpl(neo4jConfig: AppConfig["neo4j"]): Promise<Impl> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const ready = () => httpOk(`${base}/ready`);
  const child = await spawnImpl("server", [path.join(root, "dist", "src", "main.js")], serverEnv(neo4jConfig, port), root, ready);
  return {
    name: "server",
    endpoint: { url: new URL(`${base}/graphql`) },
    process: child,
    ready,
    body: (shape, variables) => JSON.stringify({ query: shape.graphql, variables }),
  };
}

/**
 * The server as it was at a git revision, built in artifacts/bench/baseline-<rev> (its sources from
 * `git archive`; this checkout's node_modules, or its own when its package-lock.json differs), run like ours on the same graph: the same
 * documents, so the ratio is what the commits since then cost or saved.
 */
async function startBaselineImpl(neo4jConfig: AppConfig["neo4j"], revision: string): Promise<Impl> {
  const commit = spawnSync("git", ["rev-parse", "--short", `${revision}^{commit}`], { cwd: root, encoding: "utf8" });
  if (commit.status !== 0) throw new Error(`--baseline ${revision}: not a revision of this repository`);
  const dir = path.join(artifacts, `baseline-${commit.stdout.trim()}`);
  if (!fs.existsSync(path.join(dir, "dist", "src", "main.js"))) {
    log(`building the baseline ${commit.stdout.trim()} in ${path.relative(root, dir)} ...`);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    const archive = spawnSync("sh", ["-c", `git archive ${commit.stdout.trim()} | tar -x -C "${dir}"`], {
      cwd: root,
      stdio: "inherit",
    });
    if (archive.status !== 0) throw new Error("git archive of the baseline failed");
    // This checkout's node_modules when the baseline's dependencies are the same; its own otherwise
    // (a dependency added or removed since then would fail its build or change what it runs).
    const lock = (folder: string) => fs.readFileSync(path.join(folder, "package-lock.json"), "utf8");
    if (lock(dir) === lock(root)) fs.symlinkSync(path.join(root, "node_modules"), path.join(dir, "node_modules"), "dir");
    else {
      log(`its dependencies differ from this checkout's: npm ci in ${path.relative(root, dir)} ...`);
      const install = spawnSync("npm", ["ci", "--ignore-scripts", "--no-audit", "--no-fund"], { cwd: dir, stdio: "inherit" });
      if (install.status !== 0) throw new Error("installing the baseline's dependencies failed");
    }
    const build = spawnSync(
      process.execPath,
      [path.join(dir, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.build.json"],
      {
        cwd: dir,
        stdio: "inherit",
      },
    );
    if (build.status !== 0) throw new Error("building the baseline failed");
  }
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const ready = () => httpOk(`${base}/ready`);
  const child = await spawnImpl("baseline", [path.join(dir, "dist", "src", "main.js")], serverEnv(neo4jConfig, port), dir, ready);
  return {
    name: "baseline",
    endpoint: { url: new URL(`${base}/graphql`) },
    process: child,
    ready,
    body: (shape, variables) => JSON.stringify({ query: shape.graphql, variables }),
  };
}

async function startFloorImpl(neo4jConfig: AppConfig["neo4j"]): Promise<Impl> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const ready = () => httpOk(`${base}/ready`);
  const child = await spawnImpl(
    "floor",
    [path.join(root, "dist", "scripts", "bench", "floor.js")],
    serverEnv(neo4jConfig, port),
    root,
    ready,
  );
  return {
    name: "floor",
    endpoint: { url: new URL(`${base}/`) },
    process: child,
    ready,
    body: (shape, variables) => JSON.stringify({ shape: shape.name, variables }),
  };
}

async function startPeerImpl(neo4jConfig: AppConfig["neo4j"]): Promise<Impl> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}/`;
  const typeDefs = path.join(artifacts, "peer-typedefs.graphql");
  fs.writeFileSync(typeDefs, peerTypeDefs());
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEO4J_URI: neo4jConfig.uri,
    NEO4J_USERNAME: neo4jConfig.username,
    NEO4J_PASSWORD: neo4jConfig.password,
    NEO4J_DATABASE: neo4jConfig.database,
    PORT: String(port),
    PEER_TYPEDEFS: typeDefs,
    // The server's transaction timeout, so a timeout means the same for both.
    PEER_TIMEOUT_MS: String(neo4jConfig.queryTimeoutMs),
    NODE_ENV: "production",
  };
  const ready = () =>
    httpOk(base, { method: "POST", headers: { "content-type": "application/json" }, body: '{"query":"{ __typename }"}' });
  const child = await spawnImpl("peer", [path.join(root, "bench", "peer.mjs")], env, path.join(root, "bench"), ready);
  return {
    name: "peer",
    endpoint: { url: new URL(base) },
    process: child,
    ready,
    body: (shape, variables) => (shape.peer ? JSON.stringify({ query: shape.peer, variables }) : undefined),
  };
}

/** The peer's dependencies, installed from bench/package-lock.json when missing. */
function ensurePeerInstalled(): void {
  if (fs.existsSync(path.join(root, "bench", "node_modules", "@neo4j", "graphql", "package.json"))) return;
  log("installing the peer's dependencies (npm --prefix bench ci) ...");
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const result = spawnSync(npm, ["--prefix", path.join(root, "bench"), "ci", "--no-audit", "--no-fund"], { stdio: "inherit" });
  if (result.status !== 0) throw new Error("npm --prefix bench ci failed");
}

// ---------------------------------------------------------------------------------------------
// Measurement

interface Case {
  readonly shape: Shape;
  readonly target: Target;
  readonly variables: Record<string, string>;
  readonly label: string;
}

interface Result {
  one: Tally;
  many: Tally;
  /** CPU of the implementation's process and of Neo4j during the loaded rounds (`many`). */
  cpu: CpuTally;
  /** Why it was not measured (the peer's planning past PEER_PLANNING_MS, a shape it cannot express). */
  skipped?: string;
  /** It answered none of a round's requests under load: later rounds skip it (its throughput is 0 either way). */
  collapsed?: boolean;
}

const TARGET_LABEL: Record<Target, string> = { normal: "normal", hub: "hub", superHub: "super hub" };

/** Each round starts with another implementation, so none always runs right after the same one. */
function rotate<T>(items: readonly T[], round: number): T[] {
  const shift = round % Math.max(1, items.length);
  return [...items.slice(shift), ...items.slice(0, shift)];
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === "object" && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([left], [right]) => left.localeCompare(right)))
      : inner,
  );
}

/**
 * Before each measurement: nothing left running in Neo4j (a client that gave up leaves its query
 * running there, and in the process that serves it) and the implementation answering at once,
 * so no slice pays for the previous one's backlog.
 */
async function settle(driver: Driver, database: string, impl: Impl): Promise<void> {
  const started = Date.now();
  for (;;) {
    const { records } = await driver.executeQuery(
      "SHOW TRANSACTIONS YIELD currentQuery WHERE NOT currentQuery STARTS WITH 'SHOW TRANSACTIONS' RETURN count(*) AS running",
      {},
      { database },
    );
    const running = neo4j.integer.toNumber(records[0].get("running") as number);
    const pinged = performance.now();
    const idle = (await impl.ready().catch(() => false)) && performance.now() - pinged < 100;
    if (running === 0 && idle) return;
    if (Date.now() - started > 120_000) {
      log(`  (${impl.name} still busy after 120 s: ${running} transaction(s) running; measuring anyway)`);
      return;
    }
    await sleep(200);
  }
}

/** API cold start: Neo4j up, `node dist/src/main.js` spawned, until its first answered query. */
async function coldStart(neo4jConfig: AppConfig["neo4j"], picks: Picks): Promise<number> {
  const port = await freePort();
  const body = JSON.stringify({ query: `{ entity(id: "${picks.normal}") { id name } }` });
  const endpoint = { url: new URL(`http://127.0.0.1:${port}/graphql`) };
  const started = performance.now();
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, path.join(root, "dist", "src", "main.js")], {
    env: serverEnv(neo4jConfig, port),
    cwd: root,
    stdio: "ignore",
  });
  try {
    for (;;) {
      const outcome = await post(endpoint, body, { keepBody: true, timeoutMs: 5_000 });
      const answered = outcome.code === undefined && (outcome.body as { data?: { entity?: unknown } })?.data?.entity;
      if (answered) return performance.now() - started;
      if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}) before answering`);
      if (performance.now() - started > 60_000) throw new Error("the server did not answer within 60 s");
      await sleep(5);
    }
  } finally {
    await stopChild(child);
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (options.graph === "article") {
    for (const script of [
      ["neo4j.js", "start"],
      ["db.js", "seed"],
    ]) {
      const result = spawnSync(process.execPath, [path.join(root, "dist", "scripts", script[0]), script[1]], {
        stdio: "inherit",
      });
      if (result.status !== 0) throw new Error(`${script.join(" ")} failed`);
    }
    await runArticleBench(options.iterations ?? Number(process.env.BENCH_ITERATIONS ?? 50));
    return;
  }
  fs.mkdirSync(artifacts, { recursive: true });
  const shapes = SHAPES.filter((shape) => options.only.length === 0 || options.only.some((text) => shape.name.includes(text)));
  if (shapes.length === 0)
    throw new Error(`no shape matches ${options.only.join(", ")}; shapes: ${SHAPES.map((s) => s.name).join(", ")}`);
  if (options.peer) ensurePeerInstalled();
  const iterations = options.iterations ?? 100;

  const scratch = await startBenchGraph(BENCH_GRAPH, log);
  const neo4jConfig = scratch.config.neo4j;
  const impls: Impl[] = [];
  const monitor = neo4j.driver(neo4jConfig.uri, neo4j.auth.basic(neo4jConfig.username, neo4jConfig.password));
  try {
    log(`picking the entities to measure on, with one query:${PICKS_QUERY.replace(/\n/g, "\n    ")}`);
    const { picks, row } = await pickEntities(scratch.config);
    log(
      `picks: normal ${picks.normal} (${row.normalDegree} relations; ${row.normalDepth2Relations} around its neighbours), ` +
        `hub ${picks.hub} (${row.hubDegree}), super hub ${picks.superHub} (${row.superHubDegree}); ` +
        `paths ${picks.normal} → ${picks.pathTo} (${row.pathLength} hops); counterparties ${picks.hubCounterparty} ` +
        `(${row.hubShared} relations with the hub), ${picks.superHubCounterparty} (${row.superHubShared} with the super hub)`,
    );
    log("warming Neo4j's page cache (every relationship's properties once) ...");
    await warmPageCache(scratch.config);

    log("API cold start: spawning the server 3 times, time to its first answered query ...");
    const coldStarts: number[] = [];
    for (let i = 0; i < 3; i++) coldStarts.push(await coldStart(neo4jConfig, picks));
    log(`cold start: ${coldStarts.map((ms) => `${ms.toFixed(0)} ms`).join(", ")}`);

    log("starting the server, the floor" + (options.peer ? " and the peer" : "") + " ...");
    impls.push(await startServerImpl(neo4jConfig), await startFloorImpl(neo4jConfig));
    if (options.peer) impls.push(await startPeerImpl(neo4jConfig));
    if (options.baseline) impls.push(await startBaselineImpl(neo4jConfig, options.baseline));

    const cases: Case[] = shapes.flatMap((shape) =>
      shape.targets.map((target) => ({
        shape,
        target,
        variables: shape.variables(picks, target),
        label: `${shape.name} ${TARGET_LABEL[target]}`,
      })),
    );
    const results = new Map<string, Result>(
      cases.flatMap((item) =>
        impls.map(
          (impl) => [`${item.label}|${impl.name}`, { one: new Tally(), many: new Tally(), cpu: new CpuTally() }] as const,
        ),
      ),
    );
    const resultOf = (item: Case, impl: Impl) => results.get(`${item.label}|${impl.name}`) as Result;
    for (const item of cases) {
      for (const impl of impls) if (!impl.body(item.shape, item.variables)) resultOf(item, impl).skipped = "cannot express it";
    }

    await warmUp(cases, impls, resultOf);

    const runnable = (item: Case) => impls.filter((impl) => !resultOf(item, impl).skipped);
    const quiet = (impl: Impl) => settle(monitor, neo4jConfig.database, impl);
    const rounds = options.rounds;
    log(
      `one client: up to ${iterations} requests (or ${options.maxSeconds} s) per shape, entity and implementation, ` +
        `in ${rounds} rounds ...`,
    );
    for (let round = 0; round < rounds; round++) {
      for (const item of cases) {
        for (const impl of rotate(runnable(item), round)) {
          const body = impl.body(item.shape, item.variables) as string;
          const share = Math.ceil(iterations / rounds);
          await quiet(impl);
          await sequential(impl.endpoint, body, share, (options.maxSeconds * 1000) / rounds, resultOf(item, impl).one);
        }
      }
      log(`  round ${round + 1} of ${rounds} done (${elapsed()})`);
    }
    const neo4jPid = benchNeo4jPid();
    log(`${options.clients} clients: ${options.duration} s per shape, entity and implementation, in ${rounds} rounds ...`);
    for (let round = 0; round < rounds; round++) {
      for (const item of cases) {
        for (const impl of rotate(runnable(item), round)) {
          const result = resultOf(item, impl);
          if (result.collapsed) continue;
          const body = impl.body(item.shape, item.variables) as string;
          const [ok, count] = [result.many.ok, result.many.count];
          await quiet(impl);
          await result.cpu.measure(impl.process.pid, neo4jPid, async () => {
            await closedLoop(impl.endpoint, body, options.clients, (options.duration * 1000) / rounds, result.many);
            return result.many.count - count;
          });
          if (result.many.ok === ok && round + 1 < rounds) {
            result.collapsed = true;
            log(`  ${impl.name} answered none of ${result.many.count - count} requests on ${item.label}: not measured again`);
          }
        }
        log(`  round ${round + 1}: ${item.label} done (${elapsed()})`);
      }
    }

    const misses = report(cases, impls, resultOf, coldStarts, options);
    log(`run took ${elapsed()}`);
    if (misses > 0) process.exitCode = 1;
  } finally {
    await monitor.close();
    for (const impl of impls) await stopChild(impl.process);
    if (options.keepNeo4j) log(`the bench Neo4j keeps running on ${neo4jConfig.uri} (--keep-neo4j)`);
    else await scratch.stop();
  }
}

/**
 * A few requests of each case on each implementation before anything is measured: plans cached,
 * code paths warm. The server's and the floor's answers are compared (they must be the same
 * data); the peer's first answer to each shape is its planning time, reported when over the limit.
 */
async function warmUp(
  cases: readonly Case[],
  impls: readonly Impl[],
  resultOf: (item: Case, impl: Impl) => Result,
): Promise<void> {
  log("warming up (first answers; the peer's first answer to a shape includes Neo4j planning its Cypher) ...");
  const peerPlanned = new Map<string, string | undefined>();
  for (const item of cases) {
    const answers = new Map<ImplName, unknown>();
    const line: string[] = [];
    for (const impl of impls) {
      const result = resultOf(item, impl);
      if (result.skipped) continue;
      const body = impl.body(item.shape, item.variables) as string;
      if (impl.name === "peer" && peerPlanned.has(item.shape.name)) {
        const failure = peerPlanned.get(item.shape.name);
        if (failure) {
          result.skipped = failure;
          continue;
        }
      }
      const endpoint =
        impl.name === "peer" ? { ...impl.endpoint, headers: { "x-timeout-ms": String(PEER_PLANNING_MS) } } : impl.endpoint;
      const first = await post(endpoint, body, { keepBody: true, timeoutMs: PEER_PLANNING_MS + CLIENT_TIMEOUT_MS });
      if (impl.name === "peer" && !peerPlanned.has(item.shape.name)) {
        const failure = first.timeout ? `no answer within ${PEER_PLANNING_MS / 1000} s (Neo4j planning its query)` : undefined;
        peerPlanned.set(item.shape.name, failure);
        if (failure) {
          result.skipped = failure;
          line.push(`peer ${failure}`);
          continue;
        }
      }
      answers.set(impl.name, (first.body as { data?: unknown } | undefined)?.data);
      for (let i = 0; i < 2; i++) await post(impl.endpoint, body);
      line.push(`${impl.name} ${first.code ?? "ok"} in ${first.ms.toFixed(0)} ms, ${(first.bytes / 1024).toFixed(0)} KB`);
    }
    const server = answers.get("server");
    if (answers.has("baseline") && server !== undefined && canonical(server) !== canonical(answers.get("baseline"))) {
      line.push("BASELINE'S DATA DIFFERS from the server's");
    }
    const same = server !== undefined && answers.has("floor") ? canonical(server) === canonical(answers.get("floor")) : undefined;
    log(
      `  ${item.label}: ${line.join("; ")}` +
        (same === undefined
          ? ""
          : same
            ? " (floor's data = server's)"
            : " (FLOOR'S DATA DIFFERS from the server's: fix its row in shapes.ts)"),
    );
  }
}

async function warmPageCache(config: AppConfig): Promise<void> {
  const driver = neo4j.driver(config.neo4j.uri, neo4j.auth.basic(config.neo4j.username, config.neo4j.password));
  try {
    const started = Date.now();
    await driver.executeQuery(
      "MATCH (e:Entity)-[r]->() RETURN count(e.name) + count(r.periodStart) + count(r.references) AS touched",
      {},
      { database: config.neo4j.database },
    );
    log(`page cache warm (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } finally {
    await driver.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Report

function ms(value: number): string {
  if (!Number.isFinite(value)) return "–";
  return value >= 100 ? value.toFixed(0) : value.toFixed(1);
}

function ratio(value: number, other: string): string {
  if (value === Infinity) return `∞ (${other}: none)`;
  return Number.isFinite(value) ? `${value.toFixed(2)}×` : "–";
}

function kilobytes(value: number): string {
  if (!Number.isFinite(value)) return "–";
  return value >= 10_240 ? `${(value / 1024).toFixed(0)} KB` : `${(value / 1024).toFixed(1)} KB`;
}

function table(header: readonly string[], rows: readonly string[][], rightAligned: ReadonlySet<number>): string {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => row[column].length)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, column) => (rightAligned.has(column) ? cell.padStart(widths[column]) : cell.padEnd(widths[column]))).join(" | ")} |`;
  const rule = `|${widths.map((width, column) => (rightAligned.has(column) ? `${"-".repeat(width + 1)}:` : "-".repeat(width + 2))).join("|")}|`;
  return [line(header), rule, ...rows.map(line)].join("\n");
}

/** Prints the figures and the targets; answers how many targets were missed. */
function report(
  cases: readonly Case[],
  impls: readonly Impl[],
  resultOf: (item: Case, impl: Impl) => Result,
  coldStarts: readonly number[],
  options: Options,
): number {
  const clients = options.clients;
  const rows: string[][] = [];
  for (const item of cases) {
    const server = impls.find((impl) => impl.name === "server");
    const floor = impls.find((impl) => impl.name === "floor");
    const peer = impls.find((impl) => impl.name === "peer");
    const baseline = impls.find((impl) => impl.name === "baseline");
    for (const impl of impls) {
      const result = resultOf(item, impl);
      const first = impl === impls[0];
      if (result.skipped) {
        rows.push([
          first ? item.shape.name : "",
          first ? TARGET_LABEL[item.target] : "",
          impl.name,
          result.skipped,
          "",
          "",
          "",
          "",
          "",
          "",
          "",
          ...(baseline ? ["", ""] : []),
        ]);
        continue;
      }
      const { one, many, cpu } = result;
      const vs = (other: Impl | undefined) => {
        if (impl !== server || !other || resultOf(item, other).skipped) return "";
        return ratio(many.throughput / resultOf(item, other).many.throughput, other.name);
      };
      // What a request costs in CPU against the baseline's: the steadier measure of what commits cost.
      const cpuVs = (other: Impl) => {
        if (impl !== server || resultOf(item, other).skipped) return "";
        return ratio(cpu.perRequest / resultOf(item, other).cpu.perRequest, other.name);
      };
      rows.push([
        first ? item.shape.name : "",
        first ? TARGET_LABEL[item.target] : "",
        impl.name,
        `${ms(one.percentile(0.5))} / ${ms(one.percentile(0.99))} (${one.count})`,
        `${ms(many.percentile(0.5))} / ${ms(many.percentile(0.99))}`,
        Number.isFinite(many.throughput) ? many.throughput.toFixed(1) : "–",
        `${many.errorCount + one.errorCount} / ${many.timeouts + one.timeouts}`,
        kilobytes(one.meanBytes),
        Number.isFinite(cpu.perRequest)
          ? `${ms(cpu.perRequest)} (${ms(cpu.processPerRequest)} + ${ms(cpu.neo4jPerRequest)})`
          : "–",
        vs(floor),
        vs(peer),
        ...(baseline ? [vs(baseline), cpuVs(baseline)] : []),
      ]);
    }
  }
  console.log(
    `\n## Figures (latencies in ms; one client: p50 / p99 (requests); ${clients} clients in a closed loop: p50 / p99, answers without error per second, CPU per request)\n`,
  );
  console.log(
    table(
      [
        "shape",
        "entity",
        "impl",
        "1 client p50 / p99 (n)",
        `${clients} clients p50 / p99`,
        `req/s at ${clients}`,
        "errors / timeouts (all)",
        "answer",
        `CPU ms/req at ${clients} (process + Neo4j)`,
        "server/floor",
        "server/peer",
        ...(impls.some((impl) => impl.name === "baseline")
          ? [`server/${options.baseline}`, `CPU/req server/${options.baseline}`]
          : []),
      ],
      rows,
      new Set([3, 4, 5, 6, 7, 8, 9, 10, 11, 12]),
    ),
  );
  const errorLines = cases.flatMap((item) =>
    impls.flatMap((impl) => {
      const result = resultOf(item, impl);
      const described = [
        result.one.describeErrors(),
        result.many.describeErrors(),
        result.collapsed ? `no answer in a round of ${clients} clients, not loaded again` : "",
      ]
        .filter((text) => text)
        .join("; ");
      return described && !result.skipped ? [`  ${item.label}, ${impl.name}: ${described}`] : [];
    }),
  );
  if (errorLines.length > 0) console.log(`\nErrors by code:\n${errorLines.join("\n")}`);

  // Targets, for our server.
  const checks: string[][] = [];
  let misses = 0;
  const verdict = (met: boolean) => {
    if (!met) misses++;
    return met ? "met" : "MISSED";
  };
  const server = impls.find((impl) => impl.name === "server") as Impl;
  const floor = impls.find((impl) => impl.name === "floor");
  const peer = impls.find((impl) => impl.name === "peer");
  for (const item of cases) {
    const { one, many } = resultOf(item, server);
    const limit = TARGETS.p99Ms[item.target];
    const p99 = one.percentile(0.99);
    checks.push([item.label, `one client p99 ≤ ${limit} ms`, `${ms(p99)} ms`, verdict(p99 <= limit)]);
    const bad = many.errorCount + many.timeouts;
    checks.push([
      item.label,
      `${clients} clients: 0 errors, 0 timeouts`,
      `${many.errorCount} / ${many.timeouts}`,
      verdict(bad === 0),
    ]);
    if (floor && !resultOf(item, floor).skipped) {
      const value = many.throughput / resultOf(item, floor).many.throughput;
      checks.push([
        item.label,
        `throughput ≥ ${TARGETS.floorRatio}× floor`,
        ratio(value, "floor"),
        verdict(value >= TARGETS.floorRatio),
      ]);
    }
    if (peer) {
      const peerResult = resultOf(item, peer);
      if (!peerResult.skipped) {
        const value = many.throughput / peerResult.many.throughput;
        checks.push([
          item.label,
          `throughput ≥ ${TARGETS.peerRatio}× @neo4j/graphql`,
          ratio(value, "peer"),
          verdict(value >= TARGETS.peerRatio),
        ]);
      } else if (item.shape.peer) {
        checks.push([
          item.label,
          `throughput ≥ ${TARGETS.peerRatio}× @neo4j/graphql`,
          `peer: ${peerResult.skipped}`,
          "not comparable",
        ]);
      }
    }
  }
  const coldMedian = [...coldStarts].sort((left, right) => left - right)[Math.floor(coldStarts.length / 2)];
  checks.push([
    "API cold start (median of 3)",
    `≤ ${TARGETS.coldStartMs / 1000} s`,
    `${(coldMedian / 1000).toFixed(2)} s (${coldStarts.map((value) => (value / 1000).toFixed(2)).join(", ")})`,
    verdict(coldMedian <= TARGETS.coldStartMs),
  ]);
  console.log("\n## Issue 9's targets (our server)\n");
  console.log(table(["case", "target", "figure", "verdict"], checks, new Set([2])));
  const total = checks.filter((check) => check[3] === "met" || check[3] === "MISSED").length;
  console.log(
    `\n${total - misses} of ${total} targets met` +
      (misses > 0
        ? `; missed: ${checks
            .filter((check) => check[3] === "MISSED")
            .map((check) => `${check[0]} (${check[1]}: ${check[2]})`)
            .join("; ")}`
        : "."),
  );
  return misses;
}

main().catch((error: unknown) => {
  console.error(`bench: ${(error as Error).message}`);
  process.exit(1);
});
