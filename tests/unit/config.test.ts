import { ConfigError, LOCAL_NEO4J_DEFAULT_PASSWORD, loadConfig } from "../../src/config";

describe("loadConfig", () => {
  it("defaults to the project's own local Neo4j and port 4000", () => {
    const config = loadConfig({}, "/repo");
    expect(config.neo4j).toMatchObject({
      uri: "bolt://127.0.0.1:7687",
      username: "neo4j",
      password: LOCAL_NEO4J_DEFAULT_PASSWORD,
      database: "neo4j",
      managedLocally: true,
    });
    expect(config.http.port).toBe(4000);
    expect(config.localNeo4j.home).toBe("/repo/.neo4j");
    expect(Object.isFrozen(config.neo4j)).toBe(true);
  });

  it("uses LOCAL_NEO4J_BOLT_PORT for the local URI", () => {
    expect(loadConfig({ LOCAL_NEO4J_BOLT_PORT: "7700" }).neo4j.uri).toBe("bolt://127.0.0.1:7700");
  });

  it("requires a password for a Neo4j the project does not run", () => {
    expect(() => loadConfig({ NEO4J_URI: "neo4j+s://abc.databases.neo4j.io" })).toThrow(/NEO4J_PASSWORD is required/);
    const config = loadConfig({ NEO4J_URI: "neo4j+s://abc.databases.neo4j.io", NEO4J_PASSWORD: "secret" });
    expect(config.neo4j).toMatchObject({ managedLocally: false, password: "secret" });
  });

  it("reports every invalid variable at once", () => {
    try {
      loadConfig({ PORT: "http", NEO4J_URI: "http://x", NODE_ENV: "staging" });
      throw new Error("expected a ConfigError");
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as Error).message;
      expect(message).toMatch(/PORT must be an integer/);
      expect(message).toMatch(/NEO4J_URI must be a bolt:\/\/ or neo4j:\/\/ URI/);
      expect(message).toMatch(/NODE_ENV must be one of/);
    }
  });

  it("listens on loopback by default and keeps Sandbox, introspection and hints outside production", () => {
    const development = loadConfig({}, "/repo");
    expect(development.http.host).toBe("127.0.0.1");
    expect(development.graphql).toMatchObject({ introspection: true, schemaHints: true, landingPage: "sandbox" });
  });

  it("turns introspection, schema hints and the CDN landing page off in production, each a setting", () => {
    const production = loadConfig({ NODE_ENV: "production" }, "/repo");
    expect(production.graphql).toMatchObject({ introspection: false, schemaHints: false, landingPage: "none" });
    const opened = loadConfig(
      { NODE_ENV: "production", GRAPHQL_INTROSPECTION: "true", GRAPHQL_SCHEMA_HINTS: "1", GRAPHQL_LANDING_PAGE: "sandbox" },
      "/repo",
    );
    expect(opened.graphql).toMatchObject({ introspection: true, schemaHints: true, landingPage: "sandbox" });
    expect(() => loadConfig({ GRAPHQL_INTROSPECTION: "yes" })).toThrow(/GRAPHQL_INTROSPECTION must be true or false/);
  });

  it("admits Apollo Studio and localhost origins by default; CORS_ORIGINS replaces them or says none", () => {
    expect(loadConfig({}).http.corsOrigins).toEqual([
      "https://studio.apollographql.com",
      "http://localhost:*",
      "http://127.0.0.1:*",
    ]);
    expect(loadConfig({ CORS_ORIGINS: "https://viz.example.org, http://localhost:5173" }).http.corsOrigins).toEqual([
      "https://viz.example.org",
      "http://localhost:5173",
    ]);
    expect(loadConfig({ CORS_ORIGINS: "none" }).http.corsOrigins).toEqual([]);
    expect(() => loadConfig({ CORS_ORIGINS: "*" })).toThrow(/CORS_ORIGINS must be "none" or origins/);
    expect(() => loadConfig({ CORS_ORIGINS: "https://viz.example.org/path" })).toThrow(/CORS_ORIGINS/);
  });

  it("keeps a pool connection free for /ready: concurrent queries stay below the pool size", () => {
    expect(() => loadConfig({ NEO4J_MAX_CONCURRENT_QUERIES: "100", NEO4J_MAX_CONNECTION_POOL_SIZE: "100" })).toThrow(
      /NEO4J_MAX_CONCURRENT_QUERIES must be below NEO4J_MAX_CONNECTION_POOL_SIZE/,
    );
  });
});
