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
import type { EntityFacts, RelationFacts } from "../src/knowledge/knowledge.records";
import { relationPeriodOf } from "../src/knowledge/period";
import { readRecords } from "../src/knowledge/record-reader";
import { createLogger } from "../src/logger";
import { storedReference } from "../src/source/reference-storage";
import { LocalNeo4j } from "./local-neo4j";

export class BulkImportRefused extends Error {
  override readonly name = "BulkImportRefused";
}

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
  let check: CheckedImport;
  try {
    await new Seeder(driver, config.neo4j).applySchema();
    const counts = await new Seeder(driver, config.neo4j).counts();
    if (counts.entities > 0 || counts.relations > 0 || counts.events > 0) {
      throw new BulkImportRefused(
        `--bulk needs an empty graph (it replaces the database); this one has ${counts.entities} entities. ` +
          "Use the plain import, or empty the graph first (npm run db:seed -- --reset reloads only the seed).",
      );
    }
    const since = Date.now();
    check = await new Importer(repositoryOf(driver, config)).check(files, log);
    step("check", since);
  } finally {
    await driver.close();
  }
  const seconds = () => (Date.now() - started) / 1000;
  if (check.problems.length > 0 || options.dryRun) {
    return { report: { counts: check.counts, problems: check.problems, written: false, seconds: seconds() }, steps };
  }
  log(`import: checked ${check.summary()} in ${seconds().toFixed(1)} s; writing the store files ...`);

  const dir = path.join(config.localNeo4j.home, "import");
  fs.mkdirSync(dir, { recursive: true });
  const entitiesFile = path.join(dir, "entities.csv");
  const relationsFile = path.join(dir, "relations.csv");
  let since = Date.now();
  const multiline = await writeCsvFiles(files, check, entitiesFile, relationsFile);
  step("csv", since);

  since = Date.now();
  await neo4j.stop();
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
    ],
    (line) => {
      if (/^\s*(\[|IMPORT DONE|Import starting|Estimated|Peak memory)/i.test(line) || /done in/i.test(line))
        log(`  neo4j-admin: ${line.trim()}`);
    },
  );
  step("neo4j-admin import", since);
  since = Date.now();
  await neo4j.start();
  step("restart", since);
  for (const file of [entitiesFile, relationsFile]) fs.rmSync(file, { force: true });

  driver = openDriver(config);
  try {
    since = Date.now();
    await new Seeder(driver, config.neo4j, log).applySchema();
    step("constraints and indexes", since);
    since = Date.now();
    await new Importer(repositoryOf(driver, config)).write(files, check, { only: "rest", log });
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

/** Streams the checked files into Neo4j's CSV; answers whether some value spans lines. */
async function writeCsvFiles(files: readonly string[], check: CheckedImport, entitiesFile: string, relationsFile: string) {
  const verified = check.verifiedSources();
  const entities = fs.createWriteStream(entitiesFile, { encoding: "utf8" });
  const relations = fs.createWriteStream(relationsFile, { encoding: "utf8" });
  let multiline = false;
  const cell = (value: unknown): string => {
    if (value === undefined || value === null) return "";
    const text = Array.isArray(value) ? value.map(String).join(ARRAY_DELIMITER) : String(value);
    if (text.includes("\n") || text.includes("\r")) multiline = true;
    if (Array.isArray(value) && value.some((item) => String(item).includes(ARRAY_DELIMITER))) {
      throw new BulkImportRefused("a list value holds the control character U+001F; use the plain import.");
    }
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const put = async (stream: fs.WriteStream, line: string) => {
    if (!stream.write(line)) await once(stream, "drain");
  };
  await put(entities, `${ENTITY_HEADER.join(",")}\n`);
  await put(relations, `${RELATION_HEADER.join(",")}\n`);
  let entityLines = "";
  let relationLines = "";
  let buffered = 0;
  for (const file of files) {
    await check.assertUnchanged(file);
    for await (const at of readRecords(file)) {
      const record = at.raw as { record?: string };
      if (record?.record === "entity") {
        const entity = record as EntityFacts;
        entityLines += `${[entity.id, entity.name, entity.kind, entity.aliases?.length ? entity.aliases : null, entity.description].map(cell).join(",")}\n`;
      } else if (record?.record === "relation") {
        const relation = record as RelationFacts;
        const period = relationPeriodOf(relation);
        relationLines += `${[
          relation.from,
          relation.to,
          relation.type,
          relation.id,
          relation.status,
          relation.description,
          relation.validFrom,
          relation.validTo,
          period.attestedFrom,
          relation.expectedBy,
          relation.amount?.value,
          relation.amount?.currency,
          relation.amount ? relation.amount.approximate === true : null,
          relation.amount?.measure,
          relation.amount?.note,
          relation.stakePercent,
          relation.exclusive,
          relation.role,
          relation.agreement,
          period.periodStart,
          period.periodEnd,
          relation.references.map((reference) => reference.source),
          relation.references.map((reference) => storedReference(reference, verified.has(reference.source))),
        ]
          .map(cell)
          .join(",")}\n`;
      } else {
        continue;
      }
      if (++buffered >= 2_000) {
        await put(entities, entityLines);
        await put(relations, relationLines);
        entityLines = relationLines = "";
        buffered = 0;
      }
    }
  }
  await put(entities, entityLines);
  await put(relations, relationLines);
  entities.end();
  relations.end();
  await Promise.all([once(entities, "finish"), once(relations, "finish")]);
  return multiline;
}
