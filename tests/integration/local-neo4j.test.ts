/** The project's own Neo4j (scripts/local-neo4j.ts), as `npm test` left it running. */
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { defaultProjectRoot, loadConfig } from "../../src/config";
import { findJava, LocalNeo4j, LocalNeo4jError, readPinnedVersion } from "../../scripts/local-neo4j";

const config = loadConfig({ ...process.env, NODE_ENV: "test" });
const managed = config.neo4j.managedLocally;

describe("local Neo4j", () => {
  it("pins a Neo4j 5.26.x and finds a Java 17 or 21 to run it", () => {
    expect(readPinnedVersion(path.join(defaultProjectRoot(), "neo4j", "pom.xml"))).toMatch(/^5\.26\.\d+$/);
    expect([17, 21]).toContain(findJava(config.localNeo4j.javaHome).major);
  });

  (managed ? it : it.skip)("is running, and a second start reuses it within seconds", async () => {
    const lines: string[] = [];
    const local = new LocalNeo4j(config, defaultProjectRoot(), (line) => lines.push(line));
    expect(local.status()).toMatchObject({ running: true, uri: config.neo4j.uri });
    const started = Date.now();
    await local.start();
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(lines.join("\n")).toMatch(/already running .* reusing it/);
  });

  it("refuses to start on a port another process holds, in one clear sentence", async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    const home = fs.mkdtempSync(path.join(os.tmpdir(), "kg-neo4j-"));
    try {
      const other = loadConfig({ LOCAL_NEO4J_HOME: home, LOCAL_NEO4J_BOLT_PORT: String(port) });
      const local = new LocalNeo4j(other, defaultProjectRoot(), () => undefined);
      expect(local.status().running).toBe(false);
      await expect(local.start()).rejects.toThrow(LocalNeo4jError);
      await expect(local.start()).rejects.toThrow(`Port ${port} is already taken by another process`);
    } finally {
      blocker.close();
      fs.rmSync(home, { recursive: true, force: true });
    }
  });
});
