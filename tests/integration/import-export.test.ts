/**
 * Import and export against a real Neo4j of their own: a scratch instance (scripts/scratch-neo4j.ts)
 * that these tests may empty at will, beside the one the other suites share.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { int as neo4jInt, type Driver } from "neo4j-driver";
import { bulkImport } from "../../scripts/bulk-import";
import { startScratchNeo4j, type ScratchNeo4j } from "../../scripts/scratch-neo4j";
import { defaultProjectRoot } from "../../src/config";
import { SEED_DIR, Seeder } from "../../src/db/seeder";
import { FailureLog } from "../../src/failure-log";
import { createDriver } from "../../src/graph/driver";
import { QueryRunner } from "../../src/graph/query-runner";
import { Exporter } from "../../src/knowledge/exporter";
import { Importer, formatProblem, type ImportReport } from "../../src/knowledge/importer";
import { KnowledgeRepository } from "../../src/knowledge/knowledge.repository";
import { createLogger } from "../../src/logger";
import { EARLIEST_RELATIONS_ORDER, RECENT_RELATIONS, RECENT_RELATIONS_ORDER } from "../../src/relation/recent-relations";
import { typeExpression } from "../../src/relation/relation-filter";
import { ALL_RELATION_TYPES } from "../../src/relation/relation-type.enum";
import { createTestServer, startHttpTestApp } from "./test-server";

const FIXTURES = path.join(defaultProjectRoot(), "tests", "fixtures", "import");
const fixture = (name: string) => path.join(FIXTURES, name);
const seedFiles = () =>
  fs
    .readdirSync(SEED_DIR)
    .filter((name) => name.endsWith(".jsonl"))
    .sort()
    .map((name) => path.join(SEED_DIR, name));

let scratch: ScratchNeo4j;
let driver: Driver;
let seeder: Seeder;
let repository: KnowledgeRepository;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "kg-import-"));

beforeAll(async () => {
  scratch = await startScratchNeo4j({
    name: "test",
    boltPort: Number(process.env.SCRATCH_NEO4J_BOLT_PORT ?? 7688),
    fresh: true,
    // A fresh database plans each query on first use (seconds for the by-id lookup over every
    // relation type) beside other suites' databases in CI: the limits are not what is tested here.
    env: { NODE_ENV: "test", LOG_LEVEL: "silent", GRAPHQL_REQUEST_TIMEOUT_MS: "60000", NEO4J_QUERY_TIMEOUT_MS: "30000" },
  });
  driver = createDriver(scratch.config.neo4j, new FailureLog(createLogger("silent"), 10_000));
  seeder = new Seeder(driver, scratch.config.neo4j);
  await seeder.applySchema();
  repository = new KnowledgeRepository(new QueryRunner(driver, scratch.config.neo4j));
}, 240_000);

afterAll(async () => {
  await driver?.close();
  await scratch?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
}, 60_000);

function importFiles(files: string[], dryRun = false): Promise<ImportReport> {
  return new Importer(repository).run(files, { dryRun });
}

async function exportText(): Promise<string> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (chunk: Buffer) => chunks.push(chunk));
  await new Exporter(repository).run(out);
  out.end();
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * Each entity's stored lists of recent and earliest relations (as relation ids, which survive a
 * reload, unlike element ids) next to what reading and sorting its relations gives, for entities
 * whose lists are wrong. Empty when every list is current.
 */
async function staleRecentLists(): Promise<string[]> {
  const { records } = await driver.executeQuery(
    `MATCH (e:Entity)
     CALL (e) {
       MATCH (e)-[r${typeExpression(ALL_RELATION_TYPES)}]-()
       WITH r ORDER BY ${RECENT_RELATIONS_ORDER} LIMIT $keep
       RETURN collect(r.id) AS expected
     }
     CALL (e) {
       MATCH (e)-[r${typeExpression(ALL_RELATION_TYPES)}]-()
       WITH r ORDER BY ${EARLIEST_RELATIONS_ORDER} LIMIT $keep
       RETURN collect(r.id) AS expectedEarliest
     }
     CALL (e) {
       UNWIND coalesce(e.recentRelations, []) AS elementId
       MATCH ()-[r]->() WHERE elementId(r) = elementId
       RETURN collect(r.id) AS stored
     }
     CALL (e) {
       UNWIND coalesce(e.earliestRelations, []) AS elementId
       MATCH ()-[r]->() WHERE elementId(r) = elementId
       RETURN collect(r.id) AS storedEarliest
     }
     RETURN e.id AS id, expected, stored, expectedEarliest, storedEarliest,
       e.recentRelations IS NULL AS none, e.earliestRelations IS NULL AS noneEarliest`,
    { keep: neo4jInt(RECENT_RELATIONS.keep) },
    // No bookmarks: a bulk load replaces the store, and its transaction ids start again.
    { database: scratch.config.neo4j.database, bookmarkManager: null },
  );
  return records
    .filter((record) => {
      const listed = (record.get("expected") as string[]).length > RECENT_RELATIONS.minimumDegree;
      const stale = (expected: string, stored: string, none: string) =>
        record.get(none) !== !listed || JSON.stringify(record.get(stored)) !== JSON.stringify(listed ? record.get(expected) : []);
      return stale("expected", "stored", "none") || stale("expectedEarliest", "storedEarliest", "noneEarliest");
    })
    .map((record) => record.get("id") as string);
}

async function recentRelationIds(entityId: string): Promise<string[]> {
  const { records } = await driver.executeQuery(
    `MATCH (e:Entity {id: $entityId}) UNWIND e.recentRelations AS elementId
     MATCH ()-[r]->() WHERE elementId(r) = elementId RETURN r.id AS id`,
    { entityId },
    // No bookmarks: a bulk load replaces the store, and its transaction ids start again.
    { database: scratch.config.neo4j.database, bookmarkManager: null },
  );
  return records.map((record) => record.get("id") as string);
}

/** The CSV fixtures, with the sources they cite (small-graph.jsonl's) in a file of their own. */
function csvFilesWithSources(): string[] {
  const sources = path.join(tmp, "csv-sources.jsonl");
  const lines = fs
    .readFileSync(fixture("small-graph.jsonl"), "utf8")
    .split("\n")
    .filter((line) => line.includes('"record":"source"'));
  fs.writeFileSync(sources, lines.join("\n"));
  return [sources, fixture("small.entities.csv"), fixture("small.relations.csv")];
}

const lineOf = (text: string, id: string) => JSON.parse(text.split("\n").find((line) => line.includes(`"id":"${id}"`)) ?? "null");

describe("db:import", () => {
  beforeEach(() => seeder.reset());

  it("lists all 20 mistakes of a file, each with its file and line, and writes nothing", async () => {
    const report = await importFiles([fixture("small-graph-20-mistakes.jsonl")], true);
    expect(report.written).toBe(false);
    expect(report.problems).toHaveLength(20);
    expect(report.problems.map((problem) => problem.line)).toEqual(Array.from({ length: 20 }, (_, index) => 16 + index));
    const lines = report.problems.map(formatProblem);
    expect(lines[0]).toMatch(
      /small-graph-20-mistakes\.jsonl:16: relation "m01-unknown-entity" from: no entity has the id "acme-corp"; did you mean "acme"/,
    );
    expect(lines.join("\n")).toContain('did you mean "dana-doe"');
    expect(lines.join("\n")).toContain('not found word for word in the text of source "fixture-note"');
    expect(await seeder.counts()).toEqual({ entities: 0, relations: 0, events: 0, sources: 0 });
    // Without --dry-run the answer is the same, and still nothing is written.
    const real = await importFiles([fixture("small-graph-20-mistakes.jsonl")]);
    expect(real.problems).toHaveLength(20);
    expect(await seeder.counts()).toEqual({ entities: 0, relations: 0, events: 0, sources: 0 });
  });

  it("imports the corrected file, and importing it again changes nothing", async () => {
    const first = await importFiles([fixture("small-graph.jsonl")]);
    expect(first.problems).toEqual([]);
    expect(await seeder.counts()).toEqual({ entities: 5, relations: 6, events: 1, sources: 2 });
    const before = await exportText();
    await importFiles([fixture("small-graph.jsonl")]);
    expect(await exportText()).toBe(before);
    expect(await seeder.counts()).toEqual({ entities: 5, relations: 6, events: 1, sources: 2 });
  });

  it("updates a fact whose value changed, keeping the references of other sources", async () => {
    await importFiles([fixture("small-graph.jsonl")]);
    const changed = path.join(tmp, "changed.jsonl");
    const text = fs.readFileSync(fixture("small-graph.jsonl"), "utf8").replace('"stakePercent":30', '"stakePercent":35');
    fs.writeFileSync(
      changed,
      text
        .split("\n")
        .filter((line) => !line.includes('"record":"entity"') || line.includes("acme"))
        .join("\n"),
    );
    expect((await importFiles([changed])).problems).toEqual([]);
    const stake = lineOf(await exportText(), "acme-holds-stake-in-beta-labs");
    expect(stake.stakePercent).toBe(35);
    expect(stake.references.map((reference: { source: string }) => reference.source)).toEqual([
      "fixture-note",
      "fixture-untexted",
    ]);
  });

  it("reads CSV: one row per reference, several quotes a cell, merged into the fact", async () => {
    await importFiles([fixture("small-graph.jsonl")]);
    const report = await importFiles([fixture("small.entities.csv"), fixture("small.relations.csv")]);
    expect(report.problems).toEqual([]);
    expect(report.counts).toMatchObject({ entity: 2, relation: 3 });
    const stake = lineOf(await exportText(), "acme-holds-stake-in-beta-labs");
    expect(stake.references).toEqual([
      { source: "fixture-note", quotes: ["Acme holds 30 % of Beta Labs."] },
      {
        source: "fixture-untexted",
        quotes: ["Acme owns thirty percent of Beta Labs.", "A second quote, on its own line of the cell."],
      },
    ]);
    const acme = lineOf(await exportText(), "acme");
    expect(acme).toEqual({
      record: "entity",
      id: "acme",
      name: "Acme",
      kind: "COMPANY",
      aliases: ["Acme Cloud"],
      description: "A cloud company.",
    });
  });

  it("merges a CSV relation's rows (one per source) into an empty graph, every reference kept", async () => {
    expect((await importFiles(csvFilesWithSources())).problems).toEqual([]);
    const stake = lineOf(await exportText(), "acme-holds-stake-in-beta-labs");
    expect(stake.references.map((reference: { source: string }) => reference.source)).toEqual([
      "fixture-note",
      "fixture-untexted",
    ]);
    expect(stake.references[1].quotes).toHaveLength(2);
  });

  it("reads a source's textFile only beside the import file, never elsewhere", async () => {
    const dir = fs.mkdtempSync(path.join(tmp, "text-"));
    fs.writeFileSync(path.join(dir, "note.txt"), "A text beside the file.");
    const file = path.join(dir, "sources.jsonl");
    fs.writeFileSync(
      file,
      [
        '{"record":"source","id":"beside","title":"Beside","textFile":"note.txt"}',
        '{"record":"source","id":"outside","title":"Outside","textFile":"../../etc/passwd"}',
        '{"record":"source","id":"absolute","title":"Absolute","textFile":"/etc/passwd"}',
        '{"record":"source","id":"linked","title":"Linked","textFile":"link.txt"}',
        '{"record":"source","id":"unknown","title":"Text unknown","textFile":null}',
      ].join("\n"),
    );
    // A link beside the file that points outside it is outside.
    fs.symlinkSync("/etc/hostname", path.join(dir, "link.txt"));
    const report = await importFiles([file], true);
    expect(report.problems.map((problem) => [problem.line, problem.path])).toEqual([
      [2, "textFile"],
      [3, "textFile"],
      [4, "textFile"],
    ]);
  });

  it("refuses an agreement that is not an entity of kind AGREEMENT, in the files or in the graph", async () => {
    const relationLine = fs
      .readFileSync(fixture("small-graph.jsonl"), "utf8")
      .split("\n")
      .find((line) => line.includes('"id":"acme-invests-in-beta-labs-2024"')) as string;
    const withAgreement = relationLine.replace('"record":"relation",', '"record":"relation","agreement":"gamma-corp",');
    const inFiles = path.join(tmp, "agreement.jsonl");
    fs.writeFileSync(inFiles, fs.readFileSync(fixture("small-graph.jsonl"), "utf8").replace(relationLine, withAgreement));
    const message = /agreement: "agreement" must name an entity of kind AGREEMENT; "gamma-corp" is not one/;
    expect((await importFiles([inFiles], true)).problems.map(formatProblem)).toEqual([expect.stringMatching(message)]);
    await importFiles([fixture("small-graph.jsonl")]);
    const againstGraph = path.join(tmp, "agreement-only.jsonl");
    fs.writeFileSync(againstGraph, withAgreement);
    expect((await importFiles([againstGraph], true)).problems.map(formatProblem)).toEqual([expect.stringMatching(message)]);
  });

  it("takes a symmetric relation repeated with its ends swapped as the same fact, not a conflict", async () => {
    const text = fs.readFileSync(fixture("small-graph.jsonl"), "utf8");
    const line = text.split("\n").find((row) => row.includes('"id":"gamma-corp-competes-with-acme"')) as string;
    const swapped = line.replace('"from":"gamma-corp","to":"acme"', '"from":"acme","to":"gamma-corp"');
    expect(swapped).not.toBe(line);
    const file = path.join(tmp, "swapped.jsonl");
    fs.writeFileSync(file, `${text.trimEnd()}\n${swapped}\n`);
    expect((await importFiles([file], true)).problems).toEqual([]);
  });

  it("refuses a record whose id the graph holds as another type or between other entities", async () => {
    await importFiles([fixture("small-graph.jsonl")]);
    const moved = path.join(tmp, "moved.jsonl");
    fs.writeFileSync(
      moved,
      fs
        .readFileSync(fixture("small-graph.jsonl"), "utf8")
        .replace('"type":"FOUNDED","from":"dana-doe"', '"type":"LEADS","from":"dana-doe"'),
    );
    const report = await importFiles([moved], true);
    expect(report.problems.map(formatProblem)).toEqual([
      expect.stringMatching(
        /relation "dana-doe-founded-beta-labs" type: the graph already has this id as dana-doe FOUNDED beta-labs/,
      ),
    ]);
  });
});

describe("db:export", () => {
  it("export → import into an empty graph → export is byte-identical", async () => {
    await seeder.reset();
    expect((await importFiles([...seedFiles(), fixture("small-graph.jsonl"), fixture("second-source.jsonl")])).problems).toEqual(
      [],
    );
    const first = await exportText();
    const file = path.join(tmp, "export.jsonl");
    fs.writeFileSync(file, first);
    await seeder.reset();
    expect(await seeder.counts()).toEqual({ entities: 0, relations: 0, events: 0, sources: 0 });
    expect((await importFiles([file])).problems).toEqual([]);
    const second = await exportText();
    expect(second).toBe(first);
    // Every kind is there, sources first with their whole text.
    expect(first.split("\n")[0]).toContain('"record":"source"');
    expect(first).toContain('"record":"event"');
    expect(first).toContain('"inferred":true');
  });
});

describe("db:import --bulk", () => {
  it("keeps each well-connected entity's list of recent relations in step with its relations, import after import", async () => {
    await seeder.reset();
    expect((await importFiles(seedFiles())).problems).toEqual([]);
    expect(await staleRecentLists()).toEqual([]);
    const before = await recentRelationIds("microsoft");
    expect(before.length).toBeGreaterThan(RECENT_RELATIONS.minimumDegree);
    // A later import adds a newer relation: it heads Microsoft's list, and every list is still right.
    const later = path.join(tmp, "later.jsonl");
    fs.writeFileSync(
      later,
      [
        { record: "source", id: "later-note", title: "A later note", language: "en", publishedOn: "2026-02" },
        {
          record: "relation",
          id: "microsoft-supplies-cloud-to-openai-2026-01",
          type: "SUPPLIES_CLOUD",
          from: "microsoft",
          to: "openai",
          status: "ACTIVE",
          description: "A later cloud agreement (test data).",
          validFrom: "2026-01",
          references: [{ source: "later-note", quotes: ["Microsoft supplies cloud capacity to OpenAI from January 2026."] }],
        },
      ]
        .map((record) => JSON.stringify(record))
        .join("\n") + "\n",
    );
    expect((await importFiles([later])).problems).toEqual([]);
    expect(await recentRelationIds("microsoft")).toEqual(["microsoft-supplies-cloud-to-openai-2026-01", ...before]);
    expect(await staleRecentLists()).toEqual([]);
  });

  it("builds, through neo4j-admin, the same graph as the plain import, byte for byte in the export", async () => {
    const files = [...seedFiles(), fixture("small-graph.jsonl"), fixture("second-source.jsonl")];
    await seeder.reset();
    expect((await importFiles(files)).problems).toEqual([]);
    const plain = await exportText();
    const plainLists = await recentRelationIds("microsoft");
    await seeder.reset();
    const { report } = await bulkImport(scratch.config, files, () => undefined);
    expect(report.problems).toEqual([]);
    expect(await exportText()).toBe(plain);
    // neo4j-admin writes relations outside the import's pass: the lists are rebuilt after it.
    expect(await staleRecentLists()).toEqual([]);
    expect(await recentRelationIds("microsoft")).toEqual(plainLists);
    // A second bulk load is refused: the graph is no longer empty.
    await expect(bulkImport(scratch.config, files, () => undefined)).rejects.toThrow(/needs an empty graph/);
  }, 240_000);

  it("refuses files that repeat an id (neo4j-admin would store it twice), leaving Neo4j up and the graph empty", async () => {
    await seeder.reset();
    await expect(bulkImport(scratch.config, csvFilesWithSources(), () => undefined)).rejects.toThrow(
      /relation "acme-holds-stake-in-beta-labs" appears more than once/,
    );
    expect(await seeder.counts()).toEqual({ entities: 0, relations: 0, events: 0, sources: 0 });
  }, 240_000);
});

describe("the statement model through the API", () => {
  beforeAll(async () => {
    await seeder.reset();
    const report = await importFiles([...seedFiles(), fixture("small-graph.jsonl"), fixture("second-source.jsonl")]);
    expect(report.problems).toEqual([]);
  });

  it("a fact two sources state has two references; the second source's own facts sit beside the article's", async () => {
    const server = await createTestServer(scratch.config);
    try {
      const result = await server.execute(`{
        relation(id: "microsoft-invests-in-openai-2019-07") {
          inferred
          provenance {
            references { source { id title hasText textUrl } quotes verified inferred }
            source { id }
          }
        }
        openai: entity(id: "openai") { relations(counterparty: "fixture-analyst-firm") { relation { id provenance { references { source { id } } } } } }
        sources { totalCount nodes { id referenceCount hasText } }
      }`);
      expect(result.errors).toBeUndefined();
      const relation = result.data?.relation;
      expect(relation.provenance.references.map((reference: { source: { id: string } }) => reference.source.id)).toEqual([
        "microsoft-openai-timeline-fr",
        "fixture-second-source",
      ]);
      expect(relation.provenance.references.every((reference: { verified: boolean }) => reference.verified)).toBe(true);
      expect(relation.provenance.source.id).toBe("microsoft-openai-timeline-fr");
      expect(relation.provenance.references[1].source.textUrl).toBe("/sources/fixture-second-source/text");
      expect(relation.inferred).toBe(false);
      expect(result.data?.openai.relations.map((row: { relation: { id: string } }) => row.relation.id)).toEqual([
        "fixture-analyst-firm-tests-models-of-openai",
      ]);
      const sources = Object.fromEntries(
        result.data?.sources.nodes.map((source: { id: string; referenceCount: number }) => [source.id, source.referenceCount]),
      );
      expect(sources["fixture-second-source"]).toBe(2);
      expect(sources["microsoft-openai-timeline-fr"]).toBeGreaterThan(60);
      expect(result.data?.sources.totalCount).toBe(4);
    } finally {
      await server.close();
    }
  });

  it("answers inferred facts as inferred, and quotes of a source without text as unverified", async () => {
    const server = await createTestServer(scratch.config);
    try {
      const result = await server.execute(`{
        inferred: relation(id: "fixture-regulator-investigates-acme") { inferred provenance { references { inferred note verified } } }
        stake: relation(id: "acme-holds-stake-in-beta-labs") { inferred provenance { references { source { id hasText } verified } } }
      }`);
      expect(result.errors).toBeUndefined();
      expect(result.data?.inferred.inferred).toBe(true);
      expect(result.data?.inferred.provenance.references[0].note).toMatch(/without naming them/);
      expect(result.data?.stake.provenance.references).toEqual([
        { source: { id: "fixture-note", hasText: true }, verified: true },
        { source: { id: "fixture-untexted", hasText: false }, verified: false },
      ]);
    } finally {
      await server.close();
    }
  });

  it("GET /sources/{id}/text serves a source's text, and a coded error otherwise", async () => {
    const http = await startHttpTestApp(scratch.config);
    try {
      const article = await fetch(`${http.base}/sources/microsoft-openai-timeline-fr/text`);
      expect(article.status).toBe(200);
      expect(article.headers.get("content-type")).toBe("text/plain; charset=utf-8");
      expect(await article.text()).toBe(fs.readFileSync(path.join(SEED_DIR, "microsoft-openai-timeline.fr.txt"), "utf8"));
      const missing = await fetch(`${http.base}/sources/no-such-source/text`);
      expect(missing.status).toBe(404);
      expect(((await missing.json()) as { error: { code: string } }).error.code).toBe("NOT_FOUND");
      const untexted = await fetch(`${http.base}/sources/fixture-untexted/text`);
      expect(untexted.status).toBe(404);
      const bad = await fetch(`${http.base}/sources/Not%20A%20Slug/text`);
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { error: object }).error).toMatchObject({ code: "BAD_USER_INPUT", argument: "id" });
    } finally {
      await http.close();
    }
  });
});
