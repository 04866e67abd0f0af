import fs from "node:fs";
import path from "node:path";
import { CYPHER_DIR } from "../../src/db/seeder";
import { ALL_RELATION_TYPES } from "../../src/relation/relation-type.enum";

const read = (file: string) => fs.readFileSync(path.join(CYPHER_DIR, file), "utf8");

describe("cypher files", () => {
  const schema = read("schema/001-constraints-and-indexes.cypher");
  const relations = read("seed/030-relations.cypher");

  it("declare a relation-id constraint for every RelationType, and no other", () => {
    const constrained = [...schema.matchAll(/FOR \(\)-\[r:([A-Z_]+)\]-\(\)/g)].map((match) => match[1]);
    expect(constrained.sort()).toEqual([...ALL_RELATION_TYPES].sort());
  });

  it("seed only relationship types the API knows", () => {
    const seeded = new Set([...relations.matchAll(/MERGE \(a\)-\[r:([A-Z_]+) \{id: row\.id\}\]->\(b\)/g)].map((m) => m[1]));
    expect(seeded.size).toBeGreaterThan(0);
    for (const type of seeded) expect(ALL_RELATION_TYPES).toContain(type);
  });

  it("only MERGE, set ON CREATE, never DELETE: seeding again adds what is missing and changes nothing else", () => {
    for (const file of fs.readdirSync(path.join(CYPHER_DIR, "seed"))) {
      const text = read(`seed/${file}`).replace(/\/\/.*$/gm, "");
      expect(text.replace(/\bON CREATE SET\b/g, "")).not.toMatch(/\bCREATE\b/);
      expect(text).not.toMatch(/\b(DELETE|REMOVE)\b/);
      // Seeded facts are set ON CREATE only; the one plain SET derives dates (090-derived-dates).
      if (file !== "090-derived-dates.cypher") expect(text.replace(/\bON CREATE SET\b/g, "")).not.toMatch(/\bSET\b/);
    }
  });
});
