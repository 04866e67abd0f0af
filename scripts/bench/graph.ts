/**
 * The scale benchmark's graph: 100,000 entities and 1,000,000 power-law relations from the
 * project's generator, plus one super hub, bulk-loaded once into a Neo4j of its own
 * (`.neo4j-bench-graph/`, port 7690; the project's graph is untouched) and reused by later runs.
 * A marker in that home records the generator's parameters: a run with other parameters, or
 * after an interrupted load, rebuilds; otherwise the Neo4j starts on the data it has.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { defaultProjectRoot } from "../../src/config";
import { Seeder } from "../../src/db/seeder";
import { FailureLog } from "../../src/failure-log";
import { createDriver } from "../../src/graph/driver";
import { QueryRunner } from "../../src/graph/query-runner";
import { formatProblem } from "../../src/knowledge/importer";
import { KnowledgeRepository } from "../../src/knowledge/knowledge.repository";
import { createLogger } from "../../src/logger";
import { bulkImport } from "../bulk-import";
import { startScratchNeo4j, type ScratchNeo4j } from "../scratch-neo4j";

export interface GraphParameters {
  readonly entities: number;
  readonly relations: number;
  readonly seed: number;
  readonly superHubs: number;
  readonly superHubRelations: number;
}

export const BENCH_GRAPH: GraphParameters = {
  entities: 100_000,
  relations: 1_000_000,
  seed: 1,
  superHubs: 1,
  // With the ~4,900 the top hub has from the power law: ~25,000 relations, the super hub.
  superHubRelations: 20_000,
};

export const BENCH_NEO4J = { name: "bench-graph", boltPort: 7690, heap: "2g", pageCache: "2g" } as const;

const MARKER = "bench-graph.json";

/** The process id of the bench graph's Neo4j (from its pid file), for the CPU it spends; undefined when unknown. */
export function benchNeo4jPid(): number | undefined {
  try {
    const pid = Number(
      fs.readFileSync(path.join(defaultProjectRoot(), `.neo4j-${BENCH_NEO4J.name}`, "run", "neo4j.pid"), "utf8").trim(),
    );
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Starts the bench Neo4j with the graph loaded, building it first when needed. */
export async function startBenchGraph(parameters: GraphParameters, log: (line: string) => void): Promise<ScratchNeo4j> {
  const root = defaultProjectRoot();
  const home = path.join(root, `.neo4j-${BENCH_NEO4J.name}`);
  const marker = path.join(home, MARKER);
  const wanted = JSON.stringify(parameters);
  const recorded = fs.existsSync(marker) ? fs.readFileSync(marker, "utf8").trim() : undefined;
  const reuse = recorded === wanted;
  const neo4jLog = (line: string) => log(`  neo4j: ${line}`);
  if (reuse) {
    log(`graph: reusing ${path.relative(root, home)}/ (${describe(parameters)}); starting its Neo4j ...`);
    const scratch = await startNeo4j(false, neo4jLog);
    await applySchema(scratch, log);
    await refreshRecentRelations(scratch, log);
    return scratch;
  }
  log(
    recorded === undefined
      ? `graph: none yet in ${path.relative(root, home)}/; building ${describe(parameters)} (a few minutes, once)`
      : `graph: parameters changed (was ${recorded}); rebuilding ${describe(parameters)}`,
  );
  fs.rmSync(marker, { force: true });
  const file = await generate(parameters, log);
  const scratch = await startNeo4j(true, neo4jLog);
  try {
    const started = Date.now();
    log("graph: bulk import (neo4j-admin; about two minutes) ...");
    const { report } = await bulkImport(scratch.config, [file], (line) => log(`  ${line}`));
    if (report.problems.length > 0) {
      for (const problem of report.problems.slice(0, 20)) log(formatProblem(problem));
      throw new Error(`${report.problems.length} problem(s) in the generated file`);
    }
    log(
      `graph: loaded ${report.counts.entity.toLocaleString("en-US")} entities and ${report.counts.relation.toLocaleString("en-US")} ` +
        `relations in ${((Date.now() - started) / 1000).toFixed(0)} s`,
    );
    fs.writeFileSync(marker, `${wanted}\n`);
    return scratch;
  } catch (error) {
    await scratch.stop();
    throw error;
  }
}

function describe(parameters: GraphParameters): string {
  const hubs =
    parameters.superHubs > 0
      ? `, ${parameters.superHubs} super hub(s) of +${parameters.superHubRelations.toLocaleString("en-US")}`
      : "";
  return (
    `${parameters.entities.toLocaleString("en-US")} entities, ${parameters.relations.toLocaleString("en-US")} relations` +
    `${hubs}, seed ${parameters.seed}`
  );
}

function startNeo4j(fresh: boolean, log: (line: string) => void): Promise<ScratchNeo4j> {
  return startScratchNeo4j({
    name: BENCH_NEO4J.name,
    boltPort: Number(process.env.BENCH_GRAPH_BOLT_PORT ?? BENCH_NEO4J.boltPort),
    fresh,
    heap: BENCH_NEO4J.heap,
    pageCache: BENCH_NEO4J.pageCache,
    log,
    env: { LOG_LEVEL: "warn" },
  });
}

/**
 * The project's schema, applied on every run (it is idempotent): an index added to
 * cypher/schema since the graph was built is created, and awaited, before anything is measured.
 */
async function applySchema(scratch: ScratchNeo4j, log: (line: string) => void): Promise<void> {
  const driver = createDriver(scratch.config.neo4j, new FailureLog(createLogger("warn"), 10_000));
  try {
    const started = Date.now();
    await new Seeder(driver, scratch.config.neo4j).applySchema();
    log(`graph: schema in place (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } finally {
    await driver.close();
  }
}

/**
 * Rebuilds every entity's lists of recent and earliest relations on a reused graph (about 17 s): a graph loaded
 * by an older version has none, or lists in another order, and the bench must measure what a
 * fresh import gives.
 */
async function refreshRecentRelations(scratch: ScratchNeo4j, log: (line: string) => void): Promise<void> {
  const driver = createDriver(scratch.config.neo4j, new FailureLog(createLogger("warn"), 10_000));
  try {
    const started = Date.now();
    await new KnowledgeRepository(new QueryRunner(driver, scratch.config.neo4j)).refreshRecentRelations(null);
    log(`graph: lists of recent relations rebuilt (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } finally {
    await driver.close();
  }
}

/** The generator's file, written once by `db:generate` (its progress lines are shown). */
async function generate(parameters: GraphParameters, log: (line: string) => void): Promise<string> {
  const root = defaultProjectRoot();
  const dir = path.join(root, "artifacts", "bench");
  fs.mkdirSync(dir, { recursive: true });
  const hubs = parameters.superHubs > 0 ? `-superhubs${parameters.superHubs}x${parameters.superHubRelations}` : "";
  const file = path.join(dir, `graph-${parameters.entities}-${parameters.relations}-seed${parameters.seed}${hubs}.jsonl`);
  if (fs.existsSync(file)) {
    log(`graph: reusing ${path.relative(root, file)}`);
    return file;
  }
  log(`graph: generating ${path.relative(root, file)} ...`);
  const args = [
    path.join(root, "dist", "scripts", "db-generate.js"),
    ...["--entities", String(parameters.entities), "--relations", String(parameters.relations)],
    ...["--seed", String(parameters.seed), "--out", `${file}.partial`],
    ...["--super-hubs", String(parameters.superHubs), "--super-hub-relations", String(parameters.superHubRelations)],
  ];
  const child = spawn(process.execPath, args, { stdio: ["ignore", "inherit", "pipe"] });
  child.stderr.on("data", (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n")) if (line.trim()) log(`  ${line.trim()}`);
  });
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  if (code !== 0) throw new Error(`db:generate failed (exit ${code})`);
  fs.renameSync(`${file}.partial`, file);
  return file;
}
