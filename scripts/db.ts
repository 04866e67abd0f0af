/**
 * The graph's command line:
 *   `npm run db:seed [-- --reset]`   schema (constraints, indexes) and the seed graph (data/seed);
 *                                    `--reset` deletes the whole graph first.
 *   `npm run db:import -- FILE... [--dry-run] [--bulk]`   checks every record of the files (all
 *                                    problems, with file and line), then writes them in batches;
 *                                    `--bulk`: a first load into the empty local Neo4j through
 *                                    neo4j-admin (scripts/bulk-import.ts).
 *   `npm run db:export -- FILE`      the whole graph in the import format (`-` for stdout).
 *   `npm run db:reindex`             rebuilds every entity's lists of recent and earliest relations
 *                                    (src/relation/recent-relations.ts), after edits made outside
 *                                    the import.
 * Problems with the input are one line each and exit code 1; never a stack trace.
 */
import fs from "node:fs";
import { finished } from "node:stream/promises";
import { ServiceUnavailableError } from "../src/common/errors";
import { ConfigError, loadConfig, type AppConfig } from "../src/config";
import { SeedError, Seeder } from "../src/db/seeder";
import { FailureLog } from "../src/failure-log";
import { createDriver } from "../src/graph/driver";
import { QueryRunner } from "../src/graph/query-runner";
import { Exporter } from "../src/knowledge/exporter";
import { ImportFileChangedError, Importer, formatProblem, type ImportProblem } from "../src/knowledge/importer";
import { KnowledgeRepository } from "../src/knowledge/knowledge.repository";
import { createLogger } from "../src/logger";
import { BulkImportRefused, bulkImport } from "./bulk-import";
import { LocalNeo4jError } from "./local-neo4j";

const USAGE = "use: seed [--reset] | import FILE... [--dry-run] [--bulk] | export FILE | reindex";

class UsageError extends Error {}

async function main(command: string | undefined, args: string[]): Promise<void> {
  const flags = args.filter((arg) => arg.startsWith("--"));
  const operands = args.filter((arg) => !arg.startsWith("--") || arg === "-");
  const allowed: Record<string, string[]> = { seed: ["--reset"], import: ["--dry-run", "--bulk"], export: [], reindex: [] };
  if (command === undefined || !(command in allowed)) throw new UsageError(`Unknown command "${command ?? ""}"; ${USAGE}.`);
  const unknown = flags.filter((flag) => !allowed[command].includes(flag));
  if (unknown.length > 0) throw new UsageError(`Unknown option ${unknown.join(" ")} for ${command}; ${USAGE}.`);
  if (command === "seed" && operands.length > 0) throw new UsageError(`seed takes no file; ${USAGE}.`);
  if (command === "import" && operands.length === 0) throw new UsageError(`import needs at least one file; ${USAGE}.`);
  if (command === "reindex" && operands.length > 0) throw new UsageError(`reindex takes no file; ${USAGE}.`);
  if (command === "export" && operands.length !== 1) throw new UsageError(`export needs one output file (or -); ${USAGE}.`);

  const config = loadConfig();
  // A command line reports what failed in one line; the driver's own warnings are for LOG_LEVEL=debug.
  const logger = createLogger(process.env.LOG_LEVEL ? config.logLevel : "error");
  const driver = createDriver(config.neo4j, new FailureLog(logger, config.http.failureLogIntervalMs));
  try {
    if (command === "seed") await seed(driver, config, flags.includes("--reset"));
    else if (command === "import" && flags.includes("--bulk")) {
      await driver.close();
      const { report } = await bulkImport(config, operands, (line) => console.log(line), { dryRun: flags.includes("--dry-run") });
      reportProblems(report.problems);
    } else if (command === "import") await importFiles(driver, config, operands, flags.includes("--dry-run"));
    else if (command === "reindex") await reindex(driver, config);
    else await exportGraph(driver, config, operands[0]);
  } finally {
    await driver.close();
  }
}

async function reindex(driver: ReturnType<typeof createDriver>, config: AppConfig): Promise<void> {
  const started = Date.now();
  let lastLine = 0;
  await new KnowledgeRepository(new QueryRunner(driver, config.neo4j)).refreshRecentRelations(null, (done, total) => {
    if (done < total && Date.now() - lastLine < 5_000) return;
    lastLine = Date.now();
    console.log(`reindex: recent relations of ${done.toLocaleString("en-US")}/${total.toLocaleString("en-US")} entities`);
  });
  console.log(`reindex: done in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

async function seed(driver: ReturnType<typeof createDriver>, config: AppConfig, reset: boolean): Promise<void> {
  console.log(`Applying cypher/schema and data/seed to ${config.neo4j.uri} (database "${config.neo4j.database}") ...`);
  const seeder = new Seeder(driver, config.neo4j, (line) => console.log(line));
  await seeder.applySchema();
  if (reset) await seeder.reset();
  await seeder.applySeed();
}

async function importFiles(driver: ReturnType<typeof createDriver>, config: AppConfig, files: string[], dryRun: boolean) {
  // The schema first: its constraints are what make MERGE by id fast and ids unique.
  await new Seeder(driver, config.neo4j).applySchema();
  const importer = new Importer(new KnowledgeRepository(new QueryRunner(driver, config.neo4j)));
  const report = await importer.run(files, { dryRun, log: (line) => console.log(line) });
  reportProblems(report.problems);
}

function reportProblems(problems: readonly ImportProblem[]): void {
  if (problems.length === 0) return;
  for (const problem of problems) console.error(formatProblem(problem));
  console.error(`import: ${problems.length} problem(s); nothing was written. Correct them and import again.`);
  process.exitCode = 1;
}

async function exportGraph(driver: ReturnType<typeof createDriver>, config: AppConfig, file: string): Promise<void> {
  const out = file === "-" ? process.stdout : fs.createWriteStream(file, { encoding: "utf8" });
  const log = (line: string) => console.error(line);
  const counts = await new Exporter(new KnowledgeRepository(new QueryRunner(driver, config.neo4j))).run(out, log);
  if (out !== process.stdout) {
    out.end();
    await finished(out);
  }
  log(
    `export: wrote ${counts.source} source(s), ${counts.entity} entities, ${counts.relation} relations and ` +
      `${counts.event} events${file === "-" ? "" : ` to ${file}`}.`,
  );
}

main(process.argv[2], process.argv.slice(3)).catch((error: unknown) => {
  if (error instanceof ServiceUnavailableError) {
    const uri = loadConfig().neo4j.uri;
    console.error(`db: cannot reach Neo4j at ${uri}: ${error.message} (npm run neo4j:start starts the project's own).`);
    process.exitCode = 1;
    return;
  }
  const known =
    error instanceof ConfigError ||
    error instanceof SeedError ||
    error instanceof UsageError ||
    error instanceof ImportFileChangedError ||
    error instanceof BulkImportRefused ||
    error instanceof LocalNeo4jError;
  console.error(`db: ${known ? (error as Error).message : `failed: ${(error as Error).message}`}`);
  process.exitCode = 1;
});
