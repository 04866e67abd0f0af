/**
 * Faithfulness: every quote in the graph is the source's own words, and no date is more precise
 * than a partial date. Reads the database directly, so it covers relations no API test names.
 */
import fs from "node:fs";
import path from "node:path";
import { defaultProjectRoot } from "../../src/config";
import { parseStoredReferences } from "../../src/source/reference-storage";
import { rawDriver } from "./test-server";

const documentText = fs.readFileSync(path.join(defaultProjectRoot(), "data", "seed", "microsoft-openai-timeline.fr.txt"), "utf8");
const ARTICLE = "microsoft-openai-timeline-fr";

const driver = rawDriver();
afterAll(() => driver.close());

describe("provenance", () => {
  it("every relation and event quote is verbatim, byte for byte, from the source document", async () => {
    const { records } = await driver.executeQuery(`
      CALL () { MATCH (:Entity)-[r]->(:Entity) RETURN r.id AS id, r.references AS references
                UNION ALL MATCH (e:Event) RETURN e.id AS id, e.references AS references }
      RETURN id, references`);
    expect(records.length).toBeGreaterThan(60);
    const references = records.flatMap((record) =>
      parseStoredReferences(record.get("references")).map((reference) => ({ id: record.get("id") as string, ...reference })),
    );
    expect(references.length).toBeGreaterThanOrEqual(records.length);
    const notVerbatim = references
      .filter((reference) => reference.source === ARTICLE)
      .flatMap((reference) =>
        reference.quotes.filter((quote) => !documentText.includes(quote)).map((quote) => `${reference.id}: ${quote}`),
      );
    expect(notVerbatim).toEqual([]);
    // Checked when written, against the text the graph holds.
    expect(references.filter((reference) => reference.source === ARTICLE && !reference.verified)).toEqual([]);
  });

  it("every date is a partial date (YYYY, YYYY-MM or YYYY-MM-DD) and every relation has a status and a source", async () => {
    const { records } = await driver.executeQuery(`
      MATCH (:Entity)-[r]->(:Entity)
      RETURN r.id AS id, [d IN [r.validFrom, r.validTo, r.attestedFrom, r.expectedBy] WHERE d IS NOT NULL] AS dates,
             r.status AS status, r.sourceIds AS sourceIds`);
    for (const record of records) {
      for (const date of record.get("dates") as string[]) expect(date).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
      expect(record.get("status")).toBeTruthy();
      expect(record.get("sourceIds")).toEqual([ARTICLE]);
    }
  });

  it("has the eight entities of the story with English and French aliases", async () => {
    const { records } = await driver.executeQuery(
      `MATCH (e:Entity) WHERE e.id IN $ids RETURN e.id AS id, e.aliases AS aliases ORDER BY id`,
      { ids: ["cma", "european-commission", "ftc", "google", "microsoft", "openai", "oracle", "stargate", "windsurf"] },
    );
    expect(records.map((r) => r.get("id"))).toEqual([
      "cma",
      "european-commission",
      "ftc",
      "google",
      "microsoft",
      "openai",
      "oracle",
      "stargate",
      "windsurf",
    ]);
    const aliases = Object.fromEntries(records.map((r) => [r.get("id"), r.get("aliases")]));
    expect(aliases["european-commission"]).toContain("Commission européenne");
    expect(aliases.ftc).toContain("FTC");
  });
});

describe("the README's figures", () => {
  it("match the graph", async () => {
    const readme = fs.readFileSync(path.join(defaultProjectRoot(), "README.md"), "utf8");
    const { records } = await driver.executeQuery(`
      CALL () { MATCH (e:Entity) RETURN count(e) AS entities }
      CALL () { MATCH (:Entity)-[r]->(:Entity) RETURN count(r) AS relations, count(DISTINCT type(r)) AS types }
      CALL () { MATCH (e:Event) RETURN count(e) AS events }
      RETURN entities, relations, types, events`);
    const counts = records[0].toObject();
    expect(readme).toContain(`and ${Number(counts.entities) - 9} more entities, ${counts.relations} relations`);
    expect(readme).toContain(`of ${counts.types} types, and ${counts.events} dated events`);
  });
});
