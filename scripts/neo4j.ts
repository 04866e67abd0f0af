/**
 * `npm run neo4j:start | neo4j:stop | neo4j:status`: the project's own Neo4j (scripts/local-neo4j.ts).
 * With NEO4J_URI set, the project runs no Neo4j: `start` only waits until that server answers.
 */
import { ConfigError, defaultProjectRoot, loadConfig } from "../src/config";
import { LocalNeo4j, LocalNeo4jError } from "./local-neo4j";
import { waitForExternalNeo4j } from "./external-neo4j";

async function main(command: string | undefined): Promise<void> {
  const config = loadConfig();
  if (!config.neo4j.managedLocally) {
    if (command === "start" || command === "status") {
      await waitForExternalNeo4j(config, command === "start" ? 60 : 0);
    } else {
      console.log(`NEO4J_URI is set (${config.neo4j.uri}): the project does not run that Neo4j, so it will not stop it.`);
    }
    return;
  }
  const local = new LocalNeo4j(config, defaultProjectRoot());
  switch (command) {
    case "start":
      await local.start();
      return;
    case "stop":
      await local.stop();
      return;
    case "status": {
      const status = local.status();
      console.log(
        status.running
          ? `Neo4j ${status.version} is running (pid ${status.pid}) on ${status.uri}.`
          : `Neo4j ${status.version} is not running (npm run neo4j:start starts it on ${status.uri}).`,
      );
      return;
    }
    default:
      throw new LocalNeo4jError(`Unknown command "${command ?? ""}": use start, stop or status.`);
  }
}

main(process.argv[2]).catch((error: unknown) => {
  if (error instanceof LocalNeo4jError || error instanceof ConfigError) {
    console.error(`neo4j: ${error.message}`);
  } else {
    console.error("neo4j: unexpected failure:", error);
  }
  process.exitCode = 1;
});
