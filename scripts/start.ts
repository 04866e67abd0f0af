/**
 * `npm start`: everything a new user needs, in order. Runs the project's own Neo4j unless
 * NEO4J_URI is set, applies the schema, seeds the graph when the database is empty (so data
 * added later is never overwritten; `npm run db:seed` re-applies the seed on demand), then
 * serves GraphQL.
 */
import { ConfigError, defaultProjectRoot, loadConfig } from "../src/config";
import { SeedError, Seeder } from "../src/db/seeder";
import { FailureLog } from "../src/failure-log";
import { createDriver } from "../src/graph/driver";
import { createLogger } from "../src/logger";
import { logUnhandledRejections, startServer } from "../src/main";
import { waitForExternalNeo4j } from "./external-neo4j";
import { LocalNeo4j, LocalNeo4jError } from "./local-neo4j";

async function main(): Promise<void> {
  logUnhandledRejections();
  const config = loadConfig();
  if (config.neo4j.managedLocally) {
    await new LocalNeo4j(config, defaultProjectRoot()).start();
  } else {
    await waitForExternalNeo4j(config, 60);
  }

  const driver = createDriver(config.neo4j, new FailureLog(createLogger(config.logLevel), config.http.failureLogIntervalMs));
  try {
    const seeder = new Seeder(driver, config.neo4j, (line) => console.log(line));
    await seeder.applySchema();
    const counts = await seeder.counts();
    if (counts.entities === 0) {
      console.log("The graph is empty: seeding it from data/seed ...");
      await seeder.applySeed();
    } else {
      console.log(
        `The graph has ${counts.entities} entities and ${counts.relations} relations; not re-seeding (npm run db:seed does).`,
      );
    }
  } catch (error) {
    await driver.close();
    throw error;
  }

  // The same driver serves GraphQL: one driver per process.
  const server = await startServer(config, driver);
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      // The local Neo4j keeps running for the next start; `npm run neo4j:stop` stops it.
      server.stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
}

main().catch((error: unknown) => {
  const known = error instanceof ConfigError || error instanceof SeedError || error instanceof LocalNeo4jError;
  console.error(`start: ${known ? (error as Error).message : `failed: ${(error as Error).message}`}`);
  process.exit(1);
});
