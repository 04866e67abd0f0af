import fs from "node:fs";
import path from "node:path";
import { CYPHER_DIR } from "../../src/db/seeder";
import { ALL_RELATION_TYPES } from "../../src/relation/relation-type.enum";

describe("cypher files", () => {
  const schema = fs.readFileSync(path.join(CYPHER_DIR, "schema", "001-constraints-and-indexes.cypher"), "utf8");

  it("declare a relation-id constraint for every RelationType, and no other", () => {
    const constrained = [...schema.matchAll(/CONSTRAINT \w+ IF NOT EXISTS FOR \(\)-\[r:([A-Z_]+)\]-\(\)/g)].map(
      (match) => match[1],
    );
    expect(constrained.sort()).toEqual([...ALL_RELATION_TYPES].sort());
  });

  it("index retracted relations by id (their ids are unique per original type, so no constraint)", () => {
    expect(schema).toMatch(/CREATE INDEX retracted_id IF NOT EXISTS FOR \(\)-\[r:RETRACTED\]-\(\) ON \(r\.id\)/);
  });

  it("hold the schema only: the graph's data are import files (data/seed), loaded by the import", () => {
    expect(fs.readdirSync(CYPHER_DIR)).toEqual(["schema"]);
    expect(schema).not.toMatch(/\b(MERGE|CREATE \(|SET)\b/);
  });
});
