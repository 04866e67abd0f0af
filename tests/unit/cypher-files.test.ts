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

  it("only MERGE, so applying them twice changes nothing", () => {
    for (const file of fs.readdirSync(path.join(CYPHER_DIR, "seed"))) {
      const text = read(`seed/${file}`);
      expect(text).not.toMatch(/\bCREATE\b/);
      // The one DELETE removes participants an edited event no longer lists, never a listed one.
      for (const match of text.matchAll(/\bDELETE\b/g)) {
        expect(text.slice(Math.max(0, match.index - 200), match.index)).toMatch(/WHERE NOT gone\.id IN/);
      }
    }
  });
});
