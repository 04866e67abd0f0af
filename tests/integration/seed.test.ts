/** Applying the schema and the seed again changes nothing: not a count, not a property. */
import { Seeder } from "../../src/db/seeder";
import { rawDriver, testConfig } from "./test-server";

const driver = rawDriver();
afterAll(() => driver.close());

/**
 * Every node and relationship with all its properties, in a stable order; API keys aside: the seed
 * owns none, and the auth tests, which may run at the same time, add and revoke theirs.
 */
async function snapshot(): Promise<string> {
  const { records } = await driver.executeQuery(`
    CALL () {
      MATCH (n) WHERE NOT n:ApiKey RETURN 'node' AS kind, coalesce(n.id, '') AS id, labels(n) AS labels, properties(n) AS props
      UNION ALL
      MATCH (a)-[r]->(b) RETURN 'rel' AS kind, a.id + '|' + type(r) + '|' + coalesce(r.id, '') + '|' + b.id AS id,
                                [] AS labels, properties(r) AS props
    }
    RETURN kind, id, labels, props ORDER BY kind, id`);
  return JSON.stringify(
    records.map((record) => record.toObject()),
    sortedKeys,
  );
}

/** Neo4j returns a map's keys in no set order; compare values, not key order. */
function sortedKeys(_key: string, value: unknown): unknown {
  if (!value || typeof value !== "object" || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)));
}

it("re-applying the schema and the seed leaves the graph identical", async () => {
  const seeder = new Seeder(driver, testConfig().neo4j);
  const before = await snapshot();
  const countsBefore = await seeder.counts();
  await seeder.applySchema();
  await seeder.applySeed();
  await seeder.applySeed();
  expect(await seeder.counts()).toEqual(countsBefore);
  expect(await snapshot()).toBe(before);
  expect(countsBefore.entities).toBeGreaterThan(30);
});

it("seeding again restores the seed's facts (an edited value, a participant link deleted by hand) and keeps properties it does not own", async () => {
  const seeder = new Seeder(driver, testConfig().neo4j);
  const before = await snapshot();
  const edit = `
    MATCH (:Entity)-[r:INVESTS_IN {id: "microsoft-invests-in-openai-2019-07"}]->(:Entity)
    SET r.description = "edited by hand", r.reviewedBy = "analyst"
    WITH 1 AS done
    MATCH (:Entity {id: "cma"})-[p:PARTICIPATED_IN]->(:Event {id: "microsoft-leaves-openai-board-2024-07"})
    DELETE p`;
  const restore = `
    MATCH (:Entity)-[r:INVESTS_IN {id: "microsoft-invests-in-openai-2019-07"}]->(:Entity)
    SET r.description = $description, r.reviewedBy = null`;
  const original = await driver.executeQuery(
    `MATCH ()-[r:INVESTS_IN {id: "microsoft-invests-in-openai-2019-07"}]->() RETURN r.description AS d`,
  );
  try {
    await driver.executeQuery(edit);
    await seeder.applySeed();
    const { records } = await driver.executeQuery(`
      MATCH ()-[r:INVESTS_IN {id: "microsoft-invests-in-openai-2019-07"}]->()
      OPTIONAL MATCH (:Entity {id: "cma"})-[p:PARTICIPATED_IN]->(:Event {id: "microsoft-leaves-openai-board-2024-07"})
      RETURN r.description AS description, r.reviewedBy AS reviewedBy, count(p) AS cmaLinks`);
    // The seed is an import: a changed value is set back to the file's, a property it does not know stays.
    expect(records[0].get("description")).toBe(original.records[0].get("d"));
    expect(records[0].get("reviewedBy")).toBe("analyst");
    // A participant link removed by hand is missing from the seed's point of view: it comes back.
    expect(records[0].get("cmaLinks").toNumber()).toBe(1);
  } finally {
    await driver.executeQuery(restore, { description: original.records[0].get("d") });
    await seeder.applySeed();
  }
  expect(await snapshot()).toBe(before);
});
