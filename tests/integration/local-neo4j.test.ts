/** The project's own Neo4j (scripts/local-neo4j.ts), as `npm test` left it running. */
import { spawnSync } from "node:child_process";
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
    expect([17, 21]).toContain(findJava(config.localNeo4j.javaHome, config.localNeo4j.systemJavaHome).major);
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

  it("starts a second server in its own home, reuses it, and stops it leaving no process behind", async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), "kg-neo4j-cycle-"));
    const port = await freePort();
    const lines: string[] = [];
    const own = loadConfig({
      LOCAL_NEO4J_HOME: home,
      LOCAL_NEO4J_BOLT_PORT: String(port),
      LOCAL_NEO4J_HEAP: "256m",
      LOCAL_NEO4J_PAGECACHE: "64m",
      LOCAL_NEO4J_JAVA_HOME: process.env.LOCAL_NEO4J_JAVA_HOME,
    });
    const local = new LocalNeo4j(own, defaultProjectRoot(), (line) => lines.push(line));
    try {
      expect(local.status().running).toBe(false);
      await local.start();
      const { pid } = local.status();
      expect(pid).toBeGreaterThan(0);
      expect(lines.join("\n")).toMatch(new RegExp(`ready on bolt://127\\.0\\.0\\.1:${port}`));
      await local.start();
      expect(local.status().pid).toBe(pid);
      expect(lines.at(-1)).toMatch(/already running .* reusing it/);
      await local.stop();
      expect(local.status().running).toBe(false);
      expect(processesWithHome(home)).toEqual([]);
      expect(fs.existsSync(path.join(home, "run", "neo4j.pid"))).toBe(false);
    } finally {
      if (local.status().running) await local.stop();
      fs.rmSync(home, { recursive: true, force: true });
    }
  }, 180_000);

  (managed ? it : it.skip)("says in one sentence that the password is not the one set at first start", async () => {
    const wrong = loadConfig({ ...process.env, NODE_ENV: "test", NEO4J_PASSWORD: `${config.neo4j.password}-not` });
    const local = new LocalNeo4j(wrong, defaultProjectRoot(), () => undefined);
    await expect(local.start()).rejects.toThrow(
      /^The local Neo4j rejects NEO4J_PASSWORD\. Its password was set at its first start; use that one, or run "npm run neo4j:stop" and delete .+ to start afresh\.$/,
    );
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

describe("npm run neo4j:start on a machine that lacks a tool", () => {
  const cli = path.join(defaultProjectRoot(), "dist", "scripts", "neo4j.js");

  it("says in one line that Maven is missing, and exits 1", async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), "kg-neo4j-nomvn-"));
    const bin = path.join(home, "bin");
    fs.mkdirSync(bin);
    fs.symlinkSync(process.execPath, path.join(bin, "node"));
    try {
      const result = spawnSync(process.execPath, [cli, "start"], {
        env: { PATH: bin, LOCAL_NEO4J_HOME: path.join(home, "neo4j"), LOCAL_NEO4J_BOLT_PORT: String(await freePort()) },
        encoding: "utf8",
      });
      expect(result.status).toBe(1);
      expect(result.stderr.trim().split("\n")).toEqual([
        "neo4j: Maven (mvn) is not installed; it fetches Neo4j's jars from Maven Central. Install it (Debian: apt-get install maven) and retry.",
      ]);
    } finally {
      fs.rmSync(home, { recursive: true, force: true });
    }
  });

  const otherJava = fs.existsSync("/usr/lib/jvm")
    ? fs.readdirSync("/usr/lib/jvm").find((name) => /(^|-)(8|11|22|23|24|25)(-|$)/.test(name))
    : undefined;
  (otherJava ? it : it.skip)("says in one line that a configured Java is not 17 or 21", () => {
    const result = spawnSync(process.execPath, [cli, "start"], {
      env: { ...process.env, LOCAL_NEO4J_JAVA_HOME: `/usr/lib/jvm/${otherJava}`, LOCAL_NEO4J_HOME: os.tmpdir() + "/kg-none" },
      encoding: "utf8",
    });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toMatch(/^neo4j: LOCAL_NEO4J_JAVA_HOME points to Java \d+; Neo4j 5\.26 needs Java 17 or 21\.$/);
  });
});

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Every process whose command line names this home (Linux /proc). */
function processesWithHome(home: string): number[] {
  return fs
    .readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").includes(home);
      } catch {
        return false;
      }
    })
    .map(Number);
}
