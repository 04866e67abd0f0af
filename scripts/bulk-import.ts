/**
 * `npm run db:import -- FILE... --bulk`: the first load of a big graph into the project's own,
 * empty, Neo4j. Through Cypher this machine writes about 5,500 relations/s whatever the batching
 * (measured; see the README); Neo4j's offline importer (`neo4j-admin database import full`)
 * writes its store files directly, several times faster. So:
 *
 *   1. every record is checked exactly as by `db:import` (all problems, nothing written);
 *   2. entities and relations are streamed into two CSV files in Neo4j's import format;
 *   3. Neo4j stops, the importer builds the database from them, Neo4j starts again;
 *   4. the schema (constraints, indexes) is applied, and the rest (sources, events, added
 *      references) is written through Cypher like any import.
 *
 * Only for an empty graph on the local Neo4j this project runs (an import `--overwrite`s the
 * database); anything else is refused with the reason, and the plain import does the job.
 */
import fs from "node:fs";
import path from "node:path";
import { once } from "node:events";
import type { Driver } from "neo4j-driver";
import type { AppConfig } from "../src/config";
import { defaultProjectRoot } from "../src/config";
import { Seeder } from "../src/db/seeder";
import { FailureLog } from "../src/failure-log";
import { createDriver } from "../src/graph/driver";
import { QueryRunner } from "../src/graph/query-runner";
import type { CheckedImport, ImportReport } from "../src/knowledge/importer";
import { Importer } from "../src/knowledge/importer";
import { KnowledgeRepository } from "../src/knowledge/knowledge.repository";
import type { EntityFacts, EventFacts, KnowledgeRecord, RelationFacts } from "../src/knowledge/knowledge.records";
import { relationPeriodOf } from "../src/knowledge/period";
import { readRecords } from "../src/knowledge/record-reader";
import { createLogger } from "../src/logger";
import { storedReference } from "../src/source/reference-storage";
import { LocalNeo4j } from "./local-neo4j";

export class BulkImportRefused extends Error {
  override readonly name = "BulkImportRefused";
}

const MAX_EVENTS_IN_MEMORY = 100_000;

/** Between the items of a list property: a control character no text of the graph may hold. */
const ARRAY_DELIMITER = "\u001f";

const ENTITY_HEADER = ["id:ID(Entity)", "name", "kind", "aliases:string[]", "description"];
const RELATION_HEADER = [
  ":START_ID(Entity)",
  ":END_ID(Entity)",
  ":TYPE",
  "id",
  "status",
  "description",
  "validFrom",
  "validTo",
  "attestedFrom",
  "expectedBy",
  "amount:double",
  "currency",
  "amountApproximate:boolean",
  "amountMeasure",
  "amountNote",
  "stakePercent:double",
  "exclusive:boolean",
  "role",
  "agreementId",
  "periodStart:date",
  "periodEnd:date",
  "sourceIds:string[]",
  "references:string[]",
];

export interface BulkImportResult {
  readonly report: ImportReport;
  /** Seconds spent in each step, for the benchmark. */
  readonly steps: Record<string, number>;
}

/**
 * Runs the bulk import against the local Neo4j described by `config` (which must be running and
 * empty); returns with it running again and the graph loaded.
 */
export async function bulkImport(
  config: AppConfig,
  files: readonly string[],
  log: (line: string) => void,
  options: { readonly dryRun?: boolean } = {},
): Promise<BulkImportResult> {
  if (!config.neo4j.managedLocally) {
    throw new BulkImportRefused("--bulk loads only the project's own local Neo4j (NEO4J_URI is set); use the plain import.");
  }
  const started = Date.now();
  const steps: Record<string, number> = {};
  const step = (name: string, since: number) => (steps[name] = (Date.now() - since) / 1000);
  const neo4j = new LocalNeo4j(config, defaultProjectRoot(), log);
  let driver: Driver = openDriver(config);
  try {
    const seeder = new Seeder(driver, config.neo4j);
    await seeder.applySchema();
    const counts = await seeder.counts();
    if (counts.entities > 0 || counts.relations > 0 || counts.events > 0 || counts.sources > 0) {
      throw new BulkImportRefused(
        `--bulk needs an empty graph (it replaces the database); this one has ${counts.entities} entities and ` +
          `${counts.sources} source(s). Use the plain import.`,
      );
    }
  } finally {
    await driver.close();
  }

  const dir = path.join(config.localNeo4j.home, "import");
  fs.mkdirSync(dir, { recursive: true });
  const entitiesFile = path.join(dir, "entities.csv");
  const relationsFile = path.join(dir, "relations.csv");
  // The graph is empty, so the check need not ask it: Neo4j stops meanwhile (a checkpoint takes
  // seconds), and the CSV files are written as records pass the check (one read of the files).
  const stopping = options.dryRun ? Promise.resolve() : neo4j.stop();
  stopping.catch(() => undefined);
  let since = Date.now();
  const importer = new Importer(repositoryOf(driver, config));
  const csv = options.dryRun ? undefined : new StoreCsvWriter(entitiesFile, relationsFile);
  let check: CheckedImport;
  const events: EventFacts[] = [];
  try {
    check = await importer.check(files, log, {
      emptyGraph: true,
      onRecord: csv
        ? (record, checked) => {
            // Events are few: kept, so nothing reads the files a third time for them.
            if (record.record === "event" && events.length < MAX_EVENTS_IN_MEMORY) events.push(record);
            return csv.add(record, (sourceId) => typeof checked.textOf(sourceId) === "string");
          }
        : undefined,
    });
    await csv?.finish();
  } finally {
    await stopping;
  }
  step("check and csv", since);
  const seconds = () => (Date.now() - started) / 1000;
  const repeated = check.problems.length === 0 ? check.firstRepeatedId : undefined;
  if (repeated !== undefined) {
    // neo4j-admin writes each line as its own node or relationship: a repeated id (a CSV relation
    // with one row per reference, a record given twice) would be stored twice.
    if (!options.dryRun) await neo4j.start();
    throw new BulkImportRefused(
      `--bulk writes each record once, but ${repeated} appears more than once (a CSV relation with several ` +
        "reference rows, or a record repeated); use the plain import, which merges them.",
    );
  }
  if (check.problems.length > 0 || options.dryRun) {
    if (!options.dryRun) await neo4j.start();
    return { report: { counts: check.counts, problems: check.problems, written: false, seconds: seconds() }, steps };
  }
  log(`import: checked ${check.summary()} in ${seconds().toFixed(1)} s; building the store ...`);
  let multiline = csv?.multiline ?? false;
  if (check.sourcesAfterUse) {
    // A source came after a reference to it: its `verified` was unknown when the line was written.
    since = Date.now();
    multiline = await writeCsvFiles(files, check, entitiesFile, relationsFile);
    step("csv again", since);
  }

  since = Date.now();
  try {
    await neo4j.admin(
      [
        "database",
        "import",
        "full",
        config.neo4j.database,
        "--overwrite-destination=true",
        `--nodes=Entity=${entitiesFile}`,
        `--relationships=${relationsFile}`,
        "--array-delimiter=U+001F",
        `--multiline-fields=${multiline}`,
        "--skip-duplicate-nodes=false",
        "--bad-tolerance=0",
        // Neo4j writes its report of bad entries in the working directory unless told otherwise.
        `--report-file=${path.join(dir, "import.report")}`,
      ],
      (line) => {
        if (/^\s*(\[|IMPORT DONE|Import starting|Estimated|Peak memory)/i.test(line) || /done in/i.test(line))
          log(`  neo4j-admin: ${line.trim()}`);
      },
    );
  } finally {
    // Whatever happened, Neo4j runs again afterwards (after a failure, with what the importer left).
    step("neo4j-admin import", since);
    since = Date.now();
    await neo4j.start();
    step("restart", since);
  }
  for (const file of [entitiesFile, relationsFile]) fs.rmSync(file, { force: true });

  driver = openDriver(config);
  try {
    since = Date.now();
    await new Seeder(driver, config.neo4j, log).applySchema();
    step("constraints and indexes", since);
    since = Date.now();
    await new Importer(repositoryOf(driver, config)).write(files, check, {
      only: "rest",
      log,
      events: events.length < MAX_EVENTS_IN_MEMORY && !check.sourcesAfterUse ? events : undefined,
    });
    step("sources, events, counts", since);
  } finally {
    await driver.close();
  }
  log(`import: wrote ${check.summary()} in ${seconds().toFixed(1)} s (bulk).`);
  return { report: { counts: check.counts, problems: [], written: true, seconds: seconds() }, steps };
}

function openDriver(config: AppConfig): Driver {
  return createDriver(config.neo4j, new FailureLog(createLogger("warn"), 10_000));
}

function repositoryOf(driver: Driver, config: AppConfig): KnowledgeRepository {
  return new KnowledgeRepository(new QueryRunner(driver, config.neo4j));
}

/** Streams the checked files into Neo4j's CSV again; answers whether some value spans lines. */
async function writeCsvFiles(files: readonly string[], check: CheckedImport, entitiesFile: string, relationsFile: string) {
  const verified = check.verifiedSources();
  const csv = new StoreCsvWriter(entitiesFile, relationsFile);
  for (const file of files) {
    await check.assertUnchanged(file);
    for await (const at of readRecords(file)) {
      const kind = (at.raw as { record?: string } | undefined)?.record;
      if (kind === "entity" || kind === "relation")
        await csv.add(at.raw as EntityFacts | RelationFacts, (id) => verified.has(id));
    }
  }
  await csv.finish();
  return csv.multiline;
}

/** Entities and relations as Neo4j's import CSV, buffered and written with back-pressure. */
class StoreCsvWriter {
  multiline = false;
  private readonly entities: fs.WriteStream;
  private readonly relations: fs.WriteStream;
  private entityLines = "";
  private relationLines = "";
  private buffered = 0;

  constructor(entitiesFile: string, relationsFile: string) {
    this.entities = fs.createWriteStream(entitiesFile, { encoding: "utf8" });
    this.relations = fs.createWriteStream(relationsFile, { encoding: "utf8" });
    this.entityLines = `${ENTITY_HEADER.join(",")}\n`;
    this.relationLines = `${RELATION_HEADER.join(",")}\n`;
  }

  async add(record: KnowledgeRecord, verified: (sourceId: string) => boolean): Promise<void> {
    if (record.record === "entity") {
      this.entityLines += this.line([
        record.id,
        record.name,
        record.kind,
        record.aliases?.length ? record.aliases : null,
        record.description,
      ]);
    } else if (record.record === "relation") {
      const period = relationPeriodOf(record);
      this.relationLines += this.line([
        record.from,
        record.to,
        record.type,
        record.id,
        record.status,
        record.description,
        record.validFrom,
        record.validTo,
        period.attestedFrom,
        record.expectedBy,
        record.amount?.value,
        record.amount?.currency,
        record.amount ? record.amount.approximate === true : null,
        record.amount?.measure,
        record.amount?.note,
        record.stakePercent,
        record.exclusive,
        record.role,
        record.agreement,
        period.periodStart,
        period.periodEnd,
        record.references.map((reference) => reference.source),
        record.references.map((reference) => storedReference(reference, verified(reference.source))),
      ]);
    } else {
      return;
    }
    if (++this.buffered >= 2_000) await this.flush();
  }

  async finish(): Promise<void> {
    await this.flush();
    this.entities.end();
    this.relations.end();
    await Promise.all([once(this.entities, "finish"), once(this.relations, "finish")]);
  }

  private async flush(): Promise<void> {
    const [entityLines, relationLines] = [this.entityLines, this.relationLines];
    this.entityLines = this.relationLines = "";
    this.buffered = 0;
    if (entityLines && !this.entities.write(entityLines)) await once(this.entities, "drain");
    if (relationLines && !this.relations.write(relationLines)) await once(this.relations, "drain");
  }

  private line(values: readonly unknown[]): string {
    return `${values.map((value) => this.cell(value)).join(",")}\n`;
  }

  private cell(value: unknown): string {
    if (value === undefined || value === null) return "";
    if (Array.isArray(value) && value.some((item) => String(item).includes(ARRAY_DELIMITER))) {
      throw new BulkImportRefused("a list value holds the control character U+001F; use the plain import.");
    }
    const text = Array.isArray(value) ? value.map(String).join(ARRAY_DELIMITER) : String(value);
    if (text.includes("\n") || text.includes("\r")) this.multiline = true;
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  }
}
