/**
 * The Neo4j Community server that the project runs for development and tests when NEO4J_URI is
 * not set. No Docker and no neo4j.com download: the server's jars come from Maven Central through
 * `neo4j/pom.xml`, and it runs on a Java 17 or 21 found on the machine.
 *
 * Layout under LOCAL_NEO4J_HOME (default `.neo4j/`, git-ignored):
 *   lib-<version>/  jars     conf/  generated neo4j.conf + log configs
 *   data/  logs/  run/       run/neo4j.pid holds the server's process id
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import neo4j from "neo4j-driver";
import type { AppConfig, LocalNeo4jConfig } from "../src/config";

const ENTRY_POINT = "org.neo4j.server.CommunityEntryPoint";
const ADMIN_TOOL = "org.neo4j.cli.AdminTool";
const SUPPORTED_JAVA = [17, 21];

/** JVM flags that the `neo4j` launcher would add from the official neo4j.conf. */
const JVM_FLAGS = [
  "-XX:+UseG1GC",
  "-XX:-OmitStackTraceInFastThrow",
  "-XX:+UnlockExperimentalVMOptions",
  "-XX:+TrustFinalNonStaticFields",
  "-XX:+DisableExplicitGC",
  "-Djdk.nio.maxCachedBufferSize=1024",
  "-Dio.netty.tryReflectionSetAccessible=true",
  "-Djdk.tls.ephemeralDHKeySize=2048",
  "-Djdk.tls.rejectClientInitiatedRenegotiation=true",
  "-XX:+UnlockDiagnosticVMOptions",
  "-XX:+DebugNonSafepoints",
  "--add-opens=java.base/java.nio=ALL-UNNAMED",
  "--add-opens=java.base/java.io=ALL-UNNAMED",
  "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
  "--add-opens=java.base/java.lang=ALL-UNNAMED",
  "--enable-native-access=ALL-UNNAMED",
  "-Dlog4j2.disable.jmx=true",
];

/** A problem the user can fix, reported as one line without a stack trace. */
export class LocalNeo4jError extends Error {
  override readonly name = "LocalNeo4jError";
}

export interface LocalNeo4jStatus {
  readonly running: boolean;
  readonly pid?: number;
  readonly uri: string;
  readonly version: string;
}

type Log = (line: string) => void;

export class LocalNeo4j {
  private readonly local: LocalNeo4jConfig;
  readonly version: string;

  constructor(
    private readonly config: AppConfig,
    private readonly projectRoot: string,
    private readonly log: Log = (line) => console.log(line),
  ) {
    this.local = config.localNeo4j;
    this.version = readPinnedVersion(path.join(projectRoot, "neo4j", "pom.xml"));
  }

  private get dirs() {
    const home = this.local.home;
    return {
      home,
      lib: path.join(home, `lib-${this.version}`),
      conf: path.join(home, "conf"),
      data: path.join(home, "data"),
      logs: path.join(home, "logs"),
      run: path.join(home, "run"),
      pidFile: path.join(home, "run", "neo4j.pid"),
    };
  }

  get uri(): string {
    return `bolt://127.0.0.1:${this.local.boltPort}`;
  }

  /** Starts the server unless it already runs; resolves when Bolt accepts our credentials. */
  async start(): Promise<void> {
    const running = this.runningPid();
    if (running !== undefined) {
      await this.waitForBolt(running, 30);
      this.log(`Neo4j ${this.version} is already running (pid ${running}) on ${this.uri}; reusing it.`);
      return;
    }
    const java = findJava(this.local.javaHome, this.local.systemJavaHome);
    if (await isPortTaken(this.local.boltPort)) {
      throw new LocalNeo4jError(
        `Port ${this.local.boltPort} is already taken by another process (not this project's Neo4j). ` +
          "Stop it, or set LOCAL_NEO4J_BOLT_PORT to a free port, or NEO4J_URI to use that server.",
      );
    }
    await this.ensureJars();
    this.writeConfiguration();
    this.ensureInitialPassword(java);

    const dirs = this.dirs;
    const consoleLog = fs.openSync(path.join(dirs.logs, "console.log"), "a");
    const args = [
      `-Xms${this.local.heapSize}`,
      `-Xmx${this.local.heapSize}`,
      ...JVM_FLAGS,
      "-cp",
      `${dirs.lib}${path.sep}*`,
      ENTRY_POINT,
      `--home-dir=${dirs.home}`,
      `--config-dir=${dirs.conf}`,
    ];
    const started = Date.now();
    this.log(`Starting Neo4j ${this.version} with ${java.description} on ${this.uri} ...`);
    const child = spawn(java.bin, args, {
      detached: true,
      stdio: ["ignore", consoleLog, consoleLog],
      env: { ...process.env, NEO4J_HOME: dirs.home, NEO4J_CONF: dirs.conf },
    });
    fs.closeSync(consoleLog);
    if (child.pid === undefined) throw new LocalNeo4jError(`Could not launch ${java.bin}.`);
    child.unref();
    fs.writeFileSync(dirs.pidFile, `${child.pid}\n`);
    await this.waitForBolt(child.pid, this.local.startTimeoutSeconds);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    this.log(`Neo4j ${this.version} is ready on ${this.uri} (pid ${child.pid}, ${seconds} s). Logs: ${dirs.logs}`);
  }

  /** Stops the server and waits until its process is gone. */
  async stop(): Promise<void> {
    const pids = this.ourProcesses();
    if (pids.length === 0) {
      this.log("Neo4j is not running.");
      fs.rmSync(this.dirs.pidFile, { force: true });
      return;
    }
    for (const pid of pids) signal(pid, "SIGTERM");
    this.log(`Stopping Neo4j (pid ${pids.join(", ")}) ...`);
    // A pid may be reused once our process is gone: signal only while it is still ours.
    const stillOurs = () => pids.filter((pid) => isAlive(pid) && this.isOurs(pid) !== false);
    const deadline = Date.now() + 60_000;
    while (stillOurs().length > 0 && Date.now() < deadline) await sleep(250);
    for (const pid of stillOurs()) {
      this.log(`Neo4j (pid ${pid}) did not stop within 60 s; killing it.`);
      signal(pid, "SIGKILL");
    }
    const killDeadline = Date.now() + 10_000;
    while (stillOurs().length > 0 && Date.now() < killDeadline) await sleep(100);
    const left = stillOurs();
    if (left.length > 0) throw new LocalNeo4jError(`Neo4j (pid ${left.join(", ")}) is still running after SIGKILL.`);
    fs.rmSync(this.dirs.pidFile, { force: true });
    this.log("Neo4j stopped.");
  }

  status(): LocalNeo4jStatus {
    const pid = this.runningPid();
    return { running: pid !== undefined, pid, uri: this.uri, version: this.version };
  }

  /** The pid of this project's server if it runs: the pid file, checked against /proc where there is one. */
  private runningPid(): number | undefined {
    return this.ourProcesses()[0];
  }

  private ourProcesses(): number[] {
    const found = new Set<number>();
    const fromFile = readPid(this.dirs.pidFile);
    if (fromFile !== undefined && isAlive(fromFile) && this.isOurs(fromFile) !== false) found.add(fromFile);
    // The pid file can be lost (a deleted folder, a crash); on Linux, /proc finds the server anyway.
    if (fs.existsSync("/proc/self/cmdline")) {
      for (const entry of fs.readdirSync("/proc")) {
        const pid = Number(entry);
        if (Number.isInteger(pid) && pid !== process.pid && this.isOurs(pid)) found.add(pid);
      }
    }
    return [...found];
  }

  /** Whether a process is this home's Neo4j; undefined where /proc cannot tell. */
  private isOurs(pid: number): boolean | undefined {
    try {
      const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
      return cmdline.includes(ENTRY_POINT) && cmdline.includes(`--home-dir=${this.dirs.home}`);
    } catch {
      return fs.existsSync("/proc/self/cmdline") ? false : undefined;
    }
  }

  private async ensureJars(): Promise<void> {
    const { lib } = this.dirs;
    const stamp = path.join(lib, ".complete");
    if (fs.existsSync(stamp)) return;
    const mvn = which("mvn");
    if (!mvn) {
      throw new LocalNeo4jError(
        "Maven (mvn) is not installed; it fetches Neo4j's jars from Maven Central. Install it (Debian: apt-get install maven) and retry.",
      );
    }
    this.log(
      `First start: fetching the jars of Neo4j Community ${this.version} from Maven Central (about 125 MB of jars plus Maven's plugins, once) into ${lib} ...`,
    );
    fs.rmSync(lib, { recursive: true, force: true });
    // Maven prints one line per file it downloads; count them and report every few seconds, so a
    // long first download shows progress without flooding the terminal.
    let downloads = 0;
    let lastReport = Date.now();
    const errors: string[] = [];
    const exitCode = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(
        mvn,
        [
          "-B",
          "-f",
          path.join(this.projectRoot, "neo4j", "pom.xml"),
          "dependency:copy-dependencies",
          `-DoutputDirectory=${lib}`,
          "-DincludeScope=runtime",
        ],
        { stdio: ["ignore", "pipe", "pipe"] },
      );
      const onLine = (line: string) => {
        // Maven colours its output: ANSI escapes (ESC [ ... m) are stripped on purpose.
        // eslint-disable-next-line no-control-regex
        if (line.includes("[ERROR]") && errors.length < 3) errors.push(line.replace(/\x1b\[[0-9;]*m/g, "").trim());
        if (line.includes("Downloaded from")) {
          downloads += 1;
          if (Date.now() - lastReport >= 5000) {
            this.log(`  ${downloads} files downloaded so far ...`);
            lastReport = Date.now();
          }
        }
      };
      for (const stream of [child.stdout, child.stderr]) {
        let pending = "";
        stream.setEncoding("utf8");
        stream.on("data", (chunk: string) => {
          const lines = (pending + chunk).split("\n");
          pending = lines.pop() ?? "";
          lines.forEach(onLine);
        });
      }
      child.once("error", reject);
      child.once("close", resolve);
    });
    if (exitCode !== 0) {
      throw new LocalNeo4jError(`Maven could not fetch Neo4j ${this.version}: ${errors.join(" ") || `exit code ${exitCode}`}`);
    }
    const jars = fs.readdirSync(lib).filter((name) => name.endsWith(".jar")).length;
    fs.writeFileSync(stamp, `${this.version}\n`);
    this.log(`Fetched ${jars} jars (${downloads} files downloaded, the rest from the local Maven cache).`);
  }

  private writeConfiguration(): void {
    const dirs = this.dirs;
    for (const dir of [dirs.conf, dirs.data, dirs.logs, dirs.run]) fs.mkdirSync(dir, { recursive: true });
    for (const file of ["server-logs.xml", "user-logs.xml"]) {
      fs.copyFileSync(path.join(this.projectRoot, "neo4j", "conf", file), path.join(dirs.conf, file));
    }
    const settings = [
      "# Generated by scripts/local-neo4j.ts on each start; edit the environment, not this file.",
      "server.default_listen_address=127.0.0.1",
      "server.default_advertised_address=127.0.0.1",
      `server.bolt.listen_address=127.0.0.1:${this.local.boltPort}`,
      "server.http.enabled=false",
      "server.https.enabled=false",
      `server.directories.data=${dirs.data}`,
      `server.directories.logs=${dirs.logs}`,
      `server.directories.run=${dirs.run}`,
      `server.memory.pagecache.size=${this.local.pageCacheSize}`,
      "dbms.security.auth_enabled=true",
      "db.transaction.timeout=60s",
      // Neo4j looks for timed-out transactions this often (2 s by default), so a query can run
      // that long past its timeout; NEO4J_RESPONSE_GRACE_MS must cover it.
      "db.transaction.monitor.check.interval=500ms",
      "dbms.usage_report.enabled=false",
      "",
    ];
    fs.writeFileSync(path.join(dirs.conf, "neo4j.conf"), settings.join("\n"));
  }

  /**
   * Runs neo4j-admin with this home's configuration, passing each line it prints to `onLine`;
   * offline commands (a bulk import) need the server stopped first.
   */
  async admin(args: readonly string[], onLine: (line: string) => void): Promise<void> {
    if (this.runningPid() !== undefined) throw new LocalNeo4jError("Stop Neo4j before running an offline neo4j-admin command.");
    const java = findJava(this.local.javaHome, this.local.systemJavaHome);
    await this.ensureJars();
    this.writeConfiguration();
    const dirs = this.dirs;
    const child = spawn(java.bin, ["-cp", `${dirs.lib}${path.sep}*`, ADMIN_TOOL, ...args], {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, NEO4J_HOME: dirs.home, NEO4J_CONF: dirs.conf },
    });
    let pending = "";
    const tail: string[] = [];
    const read = (chunk: Buffer) => {
      const lines = (pending + chunk.toString("utf8")).split(/\r?\n/);
      pending = lines.pop() ?? "";
      for (const line of lines.filter((text) => text.trim() !== "")) {
        onLine(line);
        tail.push(line);
        if (tail.length > 5) tail.shift();
      }
    };
    child.stdout.on("data", read);
    child.stderr.on("data", read);
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once("error", reject);
      child.once("close", resolve);
    });
    if (code !== 0)
      throw new LocalNeo4jError(`neo4j-admin ${args.slice(0, 3).join(" ")} failed (exit ${code}): ${tail.join(" | ")}`);
  }

  /**
   * Neo4j takes its first password from the admin tool, before the first start only. The tool
   * accepts it only as an argument, visible to local users for the second it runs; this is the
   * development database on 127.0.0.1, and its password is documented anyway.
   */
  private ensureInitialPassword(java: JavaRuntime): void {
    const dirs = this.dirs;
    if (fs.existsSync(path.join(dirs.data, "dbms", "auth.ini"))) return;
    const result = spawnSync(
      java.bin,
      ["-cp", `${dirs.lib}${path.sep}*`, ADMIN_TOOL, "dbms", "set-initial-password", this.config.neo4j.password],
      { env: { ...process.env, NEO4J_HOME: dirs.home, NEO4J_CONF: dirs.conf }, encoding: "utf8" },
    );
    if (result.status !== 0) {
      throw new LocalNeo4jError(`Could not set Neo4j's initial password: ${lastLines(result.stderr || result.stdout, 3)}`);
    }
  }

  private async waitForBolt(pid: number, timeoutSeconds: number): Promise<void> {
    const { uri } = this;
    const { username, password } = this.config.neo4j;
    const deadline = Date.now() + timeoutSeconds * 1000;
    let lastError = "";
    let lastReport = Date.now();
    while (Date.now() < deadline) {
      if (!isAlive(pid)) {
        throw new LocalNeo4jError(
          `Neo4j exited during start-up. Last lines of ${path.join(this.dirs.logs, "console.log")}:\n` +
            lastLines(readIfExists(path.join(this.dirs.logs, "console.log")), 15),
        );
      }
      const driver = neo4j.driver(uri, neo4j.auth.basic(username, password), {
        connectionTimeout: 2000,
        logging: { level: "error", logger: () => undefined },
      });
      try {
        await driver.verifyConnectivity();
        return;
      } catch (error) {
        const code = (error as { code?: string }).code ?? "";
        lastError = (error as Error).message;
        if (code === "Neo.ClientError.Security.Unauthorized") {
          throw new LocalNeo4jError(
            `The local Neo4j rejects NEO4J_PASSWORD. Its password was set at its first start; use that one, ` +
              `or run "npm run neo4j:stop" and delete ${this.dirs.data} to start afresh.`,
          );
        }
      } finally {
        await driver.close();
      }
      if (Date.now() - lastReport >= 10_000) {
        this.log(`  still waiting for Bolt on ${uri} (${Math.round((deadline - Date.now()) / 1000)} s left) ...`);
        lastReport = Date.now();
      }
      await sleep(500);
    }
    throw new LocalNeo4jError(
      `Neo4j did not answer on ${uri} within ${timeoutSeconds} s (${lastError}). See ${this.dirs.logs}/neo4j.log and debug.log.`,
    );
  }
}

interface JavaRuntime {
  readonly bin: string;
  readonly major: number;
  readonly description: string;
}

/** Finds a Java 17 or 21: LOCAL_NEO4J_JAVA_HOME, then JAVA_HOME, then `java` on PATH, then /usr/lib/jvm. */
export function findJava(preferredHome: string | undefined, systemJavaHome?: string): JavaRuntime {
  const candidates: string[] = [];
  if (preferredHome) candidates.push(path.join(preferredHome, "bin", "java"));
  if (systemJavaHome) candidates.push(path.join(systemJavaHome, "bin", "java"));
  const onPath = which("java");
  if (onPath) candidates.push(onPath);
  for (const root of ["/usr/lib/jvm", "/Library/Java/JavaVirtualMachines"]) {
    if (!fs.existsSync(root)) continue;
    for (const name of fs.readdirSync(root).sort()) {
      candidates.push(path.join(root, name, "bin", "java"), path.join(root, name, "Contents", "Home", "bin", "java"));
    }
  }
  const seen: string[] = [];
  for (const bin of candidates) {
    if (!fs.existsSync(bin)) continue;
    const major = javaMajorVersion(bin);
    if (major === undefined) continue;
    seen.push(`${bin} (${major})`);
    if (preferredHome && bin.startsWith(preferredHome) && !SUPPORTED_JAVA.includes(major)) {
      throw new LocalNeo4jError(`LOCAL_NEO4J_JAVA_HOME points to Java ${major}; Neo4j 5.26 needs Java 17 or 21.`);
    }
    if (SUPPORTED_JAVA.includes(major)) return { bin, major, description: `Java ${major} (${bin})` };
  }
  throw new LocalNeo4jError(
    `Neo4j 5.26 needs Java 17 or 21, and none was found${seen.length ? ` (found: ${seen.join(", ")})` : ""}. ` +
      "Install one (Debian: apt-get install openjdk-17-jre-headless) or set LOCAL_NEO4J_JAVA_HOME.",
  );
}

function javaMajorVersion(bin: string): number | undefined {
  const result = spawnSync(bin, ["-version"], { encoding: "utf8" });
  const match = /version "(\d+)(?:\.(\d+))?/.exec(`${result.stderr}${result.stdout}`);
  if (!match) return undefined;
  const first = Number(match[1]);
  return first === 1 ? Number(match[2]) : first;
}

export function readPinnedVersion(pomFile: string): string {
  const match = /<neo4j\.version>([^<]+)<\/neo4j\.version>/.exec(fs.readFileSync(pomFile, "utf8"));
  if (!match) throw new LocalNeo4jError(`${pomFile} does not pin <neo4j.version>.`);
  return match[1].trim();
}

function which(command: string): string | undefined {
  try {
    return execFileSync("sh", ["-c", `command -v ${command}`], { encoding: "utf8" }).trim() || undefined;
  } catch {
    return undefined;
  }
}

function isPortTaken(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.setTimeout(1000);
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("timeout", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

function readPid(file: string): number | undefined {
  const pid = Number(readIfExists(file).trim());
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // A zombie (exited, not yet reaped) still answers signal 0.
  const stat = readIfExists(`/proc/${pid}/stat`);
  return !/^\d+ \(.*\) Z /.test(stat);
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // Already gone.
  }
}

function readIfExists(file: string): string {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return "";
  }
}

function lastLines(text: string, count: number): string {
  return text.trimEnd().split("\n").slice(-count).join("\n");
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
