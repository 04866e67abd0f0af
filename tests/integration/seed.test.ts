/** Applying the schema and the seed again changes nothing: not a count, not a property. */
import { Seeder } from "../../src/db/seeder";
import { rawDriver, testConfig } from "./test-server";

const driver = rawDriver();
afterAll(() => driver.close());

/** Every node and relationship with all its properties, in a stable order. */
async function snapshot(): Promise<string> {
  const { records } = await driver.executeQuery(`
    CALL () {
      MATCH (n) RETURN 'node' AS kind, coalesce(n.id, '') AS id, labels(n) AS labels, properties(n) AS props
      UNION ALL
      MATCH (a)-[r]->(b) RETURN 'rel' AS kind, a.id + '|' + type(r) + '|' + coalesce(r.id, '') + '|' + b.id AS id,
                                [] AS labels, properties(r) AS props
    }
    RETURN kind, id, labels, props ORDER BY kind, id`);
  return JSON.stringify(records.map((record) => record.toObject()), sortedKeys);
}

/** Neo4j returns a map's keys in no set order; compare values, not key order. */
function sortedKeys(_key: string, value: unknown): unknown {
  if (!value || typeof value !== "object" || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)));
}

it("re-applying the schema and the seed leaves the graph identical", async () => {
  const seeder = new Seeder(driver, testConfig().neo4j.database);
  const before = await snapshot();
  const countsBefore = await seeder.counts();
  await seeder.applySchema();
  await seeder.applySeed();
  await seeder.applySeed();
  expect(await seeder.counts()).toEqual(countsBefore);
  expect(await snapshot()).toBe(before);
  expect(countsBefore.entities).toBeGreaterThan(30);
});
