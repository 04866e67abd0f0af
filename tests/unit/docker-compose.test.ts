/** docker-compose.yml cannot run here; this keeps it true to the code it starts. */
import fs from "node:fs";
import path from "node:path";
import { defaultProjectRoot, loadConfig } from "../../src/config";

const root = defaultProjectRoot();
const compose = fs.readFileSync(path.join(root, "docker-compose.yml"), "utf8");
const configSource = fs.readFileSync(path.join(root, "src", "config.ts"), "utf8");

describe("docker-compose.yml", () => {
  it("uses the official Neo4j 5.26 Community image", () => {
    expect(compose).toMatch(/image: neo4j:5\.26-community/);
  });

  it("sets only environment variables that src/config.ts reads", () => {
    const apiSection = compose.slice(compose.indexOf("\n  api:"));
    const environment = apiSection.slice(apiSection.indexOf("environment:"), apiSection.indexOf("ports:"));
    const names = [...environment.matchAll(/^\s+([A-Z][A-Z0-9_]+):/gm)].map((match) => match[1]);
    expect(names).toEqual(expect.arrayContaining(["NEO4J_URI", "NEO4J_PASSWORD", "PORT"]));
    for (const name of names) expect(configSource).toMatch(new RegExp(`"${name}"|env\\.${name}\\b`));
  });

  it("publishes the ports the code listens on by default", () => {
    const defaults = loadConfig({});
    expect(compose).toContain(`"${defaults.http.port}:4000"`);
    expect(compose).toContain(`"127.0.0.1:${defaults.localNeo4j.boltPort}:7687"`);
    expect(compose).toMatch(/NEO4J_URI: bolt:\/\/neo4j:7687/);
    expect(compose).toMatch(/condition: service_healthy/);
  });

  it("restarts both services when they exit, as a supervisor would", () => {
    const services = compose.split(/\n {2}(?=neo4j:|api:)/).slice(1);
    expect(services).toHaveLength(2);
    for (const service of services) expect(service).toMatch(/\n {4}restart: unless-stopped/);
  });

  it("builds an image holding every folder the server reads at run time", () => {
    const dockerfile = fs.readFileSync(path.join(root, "Dockerfile"), "utf8");
    const runtime = dockerfile.slice(dockerfile.lastIndexOf("FROM "));
    // cypher/ (schema and seed), schema/ (the SDL), public/ (the explorer and GraphiQL pages).
    for (const folder of ["cypher", "data", "schema", "public"]) expect(runtime).toContain(`COPY ${folder} ./${folder}`);
  });
});
