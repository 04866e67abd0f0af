/**
 * `npm run db:seed`: applies the schema (constraints, indexes) and the seed graph to the
 * configured Neo4j. Idempotent: run it as often as you like. It adds what is missing and leaves
 * what is there, hand edits included. `npm run db:seed -- --reset` deletes the whole graph first,
 * to reload a seed whose files changed.
 */
import { ConfigError, loadConfig } from "../src/config";
import { SeedError, Seeder } from "../src/db/seeder";
import { FailureLog } from "../src/failure-log";
import { createDriver } from "../src/graph/driver";
import { createLogger } from "../src/logger";

async function main(command: string | undefined, flags: string[]): Promise<void> {
  if (command !== "seed") throw new ConfigError(`Unknown command "${command ?? ""}": use seed.`);
  const unknown = flags.filter((flag) => flag !== "--reset");
  if (unknown.length > 0) throw new ConfigError(`Unknown option ${unknown.join(" ")}: the only option is --reset.`);
  const config = loadConfig();
  const driver = createDriver(config.neo4j, new FailureLog(createLogger(config.logLevel), config.http.failureLogIntervalMs));
  try {
    console.log(`Applying cypher/schema and cypher/seed to ${config.neo4j.uri} (database "${config.neo4j.database}") ...`);
    const seeder = new Seeder(driver, config.neo4j.database, (line) => console.log(line));
    await seeder.applySchema();
    if (flags.includes("--reset")) await seeder.reset();
    await seeder.applySeed();
  } finally {
    await driver.close();
  }
}

main(process.argv[2], process.argv.slice(3)).catch((error: unknown) => {
  const known = error instanceof ConfigError || error instanceof SeedError;
  console.error(`db: ${known ? (error as Error).message : `failed: ${(error as Error).message}`}`);
  process.exitCode = 1;
});
