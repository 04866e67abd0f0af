import neo4j from "neo4j-driver";
import type { AppConfig } from "../src/config";
import { LocalNeo4jError } from "./local-neo4j";

/** Waits until the Neo4j named by NEO4J_URI answers (0 s: a single try). */
export async function waitForExternalNeo4j(config: AppConfig, timeoutSeconds: number): Promise<void> {
  const { uri, username, password } = config.neo4j;
  const deadline = Date.now() + timeoutSeconds * 1000;
  for (;;) {
    const driver = neo4j.driver(uri, neo4j.auth.basic(username, password), {
      connectionTimeout: 3000,
      logging: { level: "error", logger: () => undefined },
    });
    try {
      const info = await driver.getServerInfo();
      console.log(`Neo4j at ${uri} answers (${info.agent ?? "unknown version"}).`);
      return;
    } catch (error) {
      if (Date.now() >= deadline) {
        throw new LocalNeo4jError(`Neo4j at ${uri} does not answer: ${(error as Error).message}`);
      }
    } finally {
      await driver.close();
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}
