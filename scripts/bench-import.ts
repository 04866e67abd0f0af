/**
 * `npm run bench:import [-- --entities N --relations M --seed S --batch B]`: the import's speed.
 * Generates the graph once (`db:generate`, kept in artifacts/bench/), starts an empty scratch
 * Neo4j (scripts/scratch-neo4j.ts; the project's own graph is not touched), imports the file the
 * way `db:import` does, and prints the time, relations/s and the import process's peak RSS.
 * Defaults: 100,000 entities and 1,000,000 relations, the figure the README reports.
 * A benchmark, not a test: the machine is shared and noisy, so read its figures as such.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { defaultProjectRoot } from "../src/config";
import { Seeder } from "../src/db/seeder";
import { FailureLog } from "../src/failure-log";
import { createDriver } from "../src/graph/driver";
import { QueryRunner } from "../src/graph/query-runner";
import { Importer, formatProblem, type ImportReport } from "../src/knowledge/importer";
import { KnowledgeRepository } from "../src/knowledge/knowledge.repository";
import { createLogger } from "../src/logger";
import { bulkImport } from "./bulk-import";
import { startScratchNeo4j } from "./scratch-neo4j";

interface Options {
  entities: number;
  relations: number;
  seed: number;
  batch: number;
  heap: string;
  pageCache: string;
  /** bulk (neo4j-admin, the first-load path), cypher (the plain import), or both, side by side. */
  mode: string;
}

function parseOptions(args: string[]): Options {
  const options: Options = {
    entities: 100_000,
    relations: 1_000_000,
    seed: 1,
    batch: 10_000,
    heap: "2g",
    pageCache: "2g",
    mode: "bulk",
  };
  for (let index = 0; index < args.length; index += 2) {
    const [flag, value] = [args[index], args[index + 1]];
    const key = flag?.replace(/^--/, "") as keyof Options;
    if (!(key in options) || value === undefined) {
      throw new Error(
        `Unknown option ${flag}; use --entities N --relations M --seed S --batch B --heap 2g --pageCache 2g --mode bulk|cypher|both`,
      );
    }
    (options as unknown as Record<string, unknown>)[key] = typeof options[key] === "number" ? Number(value) : value;
  }
  return options;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const root = defaultProjectRoot();
  const dir = path.join(root, "artifacts", "bench");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `graph-${options.entities}-${options.relations}-seed${options.seed}.jsonl`);
  if (!fs.existsSync(file)) {
    console.log(`bench:import: generating ${file} ...`);
    const generated = spawnSync(
      process.execPath,
      [
        path.join(root, "dist", "scripts", "db-generate.js"),
        "--entities",
        String(options.entities),
        "--relations",
        String(options.relations),
        "--seed",
        String(options.seed),
        "--out",
        `${file}.partial`,
      ],
      { stdio: "inherit" },
    );
    if (generated.status !== 0) throw new Error("db:generate failed");
    fs.renameSync(`${file}.partial`, file);
  }
  const megabytes = (fs.statSync(file).size / 1e6).toFixed(0);
  console.log(`bench:import: ${file} (${megabytes} MB)`);
  const modes = options.mode === "both" ? ["bulk", "cypher"] : [options.mode];
  const results: string[] = [];
  for (const mode of modes) {
    if (mode !== "bulk" && mode !== "cypher") throw new Error(`--mode must be bulk, cypher or both; got ${mode}`);
    results.push(await run(mode, file, options));
  }
  console.log("");
  for (const line of results) console.log(line);
}

/** One import of the file into a fresh, empty scratch Neo4j; answers its summary line. */
async function run(mode: "bulk" | "cypher", file: string, options: Options): Promise<string> {
  console.log(
    `bench:import (${mode}): starting an empty scratch Neo4j (heap ${options.heap}, page cache ${options.pageCache}) ...`,
  );
  const scratch = await startScratchNeo4j({
    name: "bench",
    boltPort: Number(process.env.BENCH_NEO4J_BOLT_PORT ?? 7689),
    fresh: true,
    heap: options.heap,
    pageCache: options.pageCache,
    log: (line) => console.log(`  ${line}`),
    env: { LOG_LEVEL: "warn" },
  });
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
  const log = (line: string) => console.log(line);
  try {
    const started = Date.now();
    let report: ImportReport;
    let steps = "";
    if (mode === "bulk") {
      const result = await bulkImport(scratch.config, [file], log);
      report = result.report;
      steps = Object.entries(result.steps)
        .map(([name, seconds]) => `${name} ${seconds.toFixed(1)} s`)
        .join(", ");
    } else {
      const driver = createDriver(scratch.config.neo4j, new FailureLog(createLogger("warn"), 10_000));
      try {
        await new Seeder(driver, scratch.config.neo4j).applySchema();
        report = await new Importer(new KnowledgeRepository(new QueryRunner(driver, scratch.config.neo4j))).run([file], {
          batchSize: options.batch,
          log,
        });
      } finally {
        await driver.close();
      }
    }
    const seconds = (Date.now() - started) / 1000;
    if (report.problems.length > 0) {
      for (const problem of report.problems.slice(0, 20)) console.error(formatProblem(problem));
      throw new Error(`${report.problems.length} problem(s) in the generated file`);
    }
    peakRss = Math.max(peakRss, process.resourceUsage().maxRSS * 1024);
    const rate = Math.round(report.counts.relation / seconds);
    const target = options.relations >= 1_000_000 ? ` (target 1,000,000 in ≤ 60 s: ${seconds <= 60 ? "met" : "missed"})` : "";
    return (
      `bench:import ${mode}: ${report.counts.entity.toLocaleString("en-US")} entities, ${report.counts.relation.toLocaleString("en-US")} relations ` +
      `in ${seconds.toFixed(1)} s = ${rate.toLocaleString("en-US")} relations/s, peak RSS ${(peakRss / 1024 / 1024).toFixed(0)} MB${target}` +
      (steps ? `\n  steps: ${steps}` : "")
    );
  } finally {
    clearInterval(sampler);
    await scratch.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`bench:import: ${(error as Error).message}`);
  process.exitCode = 1;
});
