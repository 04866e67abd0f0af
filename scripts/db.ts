/**
 * `npm run db:seed`: applies the schema (constraints, indexes) and the seed graph to the
 * configured Neo4j. Idempotent: run it as often as you like.
 */
import { ConfigError, loadConfig } from "../src/config";
import { SeedError, Seeder } from "../src/db/seeder";
import { createDriver } from "../src/graph/driver";
import { createLogger } from "../src/logger";

async function main(command: string | undefined): Promise<void> {
  if (command !== "seed") throw new ConfigError(`Unknown command "${command ?? ""}": use seed.`);
  const config = loadConfig();
  const driver = createDriver(config.neo4j, createLogger(config.logLevel));
  try {
    console.log(`Applying cypher/schema and cypher/seed to ${config.neo4j.uri} (database "${config.neo4j.database}") ...`);
    const seeder = new Seeder(driver, config.neo4j.database, (line) => console.log(line));
    await seeder.applySchema();
    await seeder.applySeed();
  } finally {
    await driver.close();
  }
}

main(process.argv[2]).catch((error: unknown) => {
  const known = error instanceof ConfigError || error instanceof SeedError;
  console.error(`db: ${known ? (error as Error).message : `failed: ${(error as Error).message}`}`);
  process.exitCode = 1;
});
