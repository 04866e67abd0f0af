/**
 * The process's driver without RxJS (src/graph/driver.ts): built as neo4j-driver's own
 * `neo4j.driver` builds it, from the same packages at the same version; and what the server
 * loads before its first request (issue 9's cold start), from dist/ as `node dist/src/main.js`
 * runs it (`npm test` builds it first).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import neo4j, { type Driver } from "neo4j-driver";
import { Driver as CoreDriver } from "neo4j-driver-core";
import { defaultProjectRoot } from "../../src/config";
import { newDriver } from "../../src/graph/driver";

function versionOf(name: string): string {
  return (JSON.parse(fs.readFileSync(require.resolve(`${name}/package.json`), "utf8")) as { version: string }).version;
}

/** What a driver was built with: its address, config, connection provider and credentials. */
function internals(driver: Driver): unknown {
  type Provider = Record<string, unknown> & { _authenticationProvider: { _authTokenManager: { _authToken: unknown } } };
  const inner = driver as unknown as Record<string, unknown> & { _getOrCreateConnectionProvider(): Provider };
  const provider = inner._getOrCreateConnectionProvider();
  const fields = ["_config", "_userAgent", "_boltAgent", "_address", "_routingContext", "_seedRouter"];
  return {
    meta: inner._meta,
    config: inner._config,
    encryption: typeof inner.encryption,
    provider: provider.constructor.name,
    ...Object.fromEntries(fields.map((field) => [field, provider[field]])),
    authToken: provider._authenticationProvider._authTokenManager._authToken,
  };
}

describe("the driver", () => {
  it("comes from neo4j-driver's own packages, all three at one version", () => {
    expect(versionOf("neo4j-driver-core")).toBe(versionOf("neo4j-driver"));
    expect(versionOf("neo4j-driver-bolt-connection")).toBe(versionOf("neo4j-driver"));
  });

  it.each([
    "bolt://127.0.0.1:7687",
    "bolt+s://db.example.com",
    "bolt+ssc://db.example.com:7688",
    "neo4j://127.0.0.1",
    "neo4j+s://abc.databases.neo4j.io",
    "neo4j+ssc://db.example.com?region=eu",
  ])("is what neo4j.driver builds for %s", async (uri) => {
    const config = () => ({ connectionTimeout: 1_000, maxConnectionPoolSize: 3, userAgent: "test/1" });
    const ours = newDriver(uri, neo4j.auth.basic("neo4j", "secret"), config());
    const theirs = neo4j.driver(uri, neo4j.auth.basic("neo4j", "secret"), config());
    try {
      expect(ours).toBeInstanceOf(CoreDriver);
      expect(internals(ours)).toEqual(internals(theirs));
    } finally {
      await Promise.all([ours.close(), theirs.close()]);
    }
  });

  it("refuses what neo4j.driver refuses", () => {
    for (const uri of ["http://127.0.0.1:7474", "bolt://127.0.0.1:7687?region=eu"]) {
      const message = (build: () => unknown) => {
        try {
          build();
        } catch (error) {
          return (error as Error).message;
        }
        return "built";
      };
      expect(message(() => newDriver(uri, neo4j.auth.basic("neo4j", "x")))).toBe(
        message(() => neo4j.driver(uri, neo4j.auth.basic("neo4j", "x"))),
      );
    }
  });

  it("still opens reactive sessions, loading RxJS then", async () => {
    const driver = newDriver("bolt://127.0.0.1:7687", neo4j.auth.basic("neo4j", "x"));
    try {
      expect(typeof driver.rxSession({ database: "neo4j" }).run).toBe("function");
    } finally {
      await driver.close();
    }
  });
});

describe("the server's start-up", () => {
  it("loads neither RxJS, nor ws and graphql-ws, nor Apollo's federated tracing, nor graphql-jit before its first compilation", () => {
    const root = defaultProjectRoot();
    const app = path.join(root, "dist", "src", "app.js");
    if (!fs.existsSync(app)) throw new Error("dist/src/app.js is missing: run `npm run build` first");
    // The app as main.ts makes it (Apollo started, routes mounted), against a Neo4j never asked.
    const script = `
      const { loadConfig } = require(${JSON.stringify(path.join(root, "dist", "src", "config.js"))});
      const { createApp } = require(${JSON.stringify(app)});
      const config = loadConfig({ NEO4J_URI: "bolt://127.0.0.1:1", NEO4J_PASSWORD: "x", NODE_ENV: "production" });
      createApp({ config }).then(() => {
        process.stdout.write(JSON.stringify(Object.keys(require.cache)));
        process.exit(0);
      });`;
    const result = spawnSync(process.execPath, ["-e", script], { cwd: root, encoding: "utf8" });
    expect(result.stderr).toBe("");
    const loaded = JSON.parse(result.stdout) as string[];
    expect(loaded.length).toBeGreaterThan(100);
    const unwanted = loaded.filter((file) =>
      /node_modules\/(rxjs|ws|graphql-ws|@apollo\/usage-reporting-protobuf|graphql-jit|fast-json-stringify)\//.test(file),
    );
    expect(unwanted).toEqual([]);
  });
});
