/**
 * The peer of the scale benchmark (npm run bench): @neo4j/graphql 7 served by Apollo Server over
 * the bench graph, as its documentation sets it up. Started as its own process by
 * scripts/bench.ts; its dependencies are this folder's, never the server's.
 *
 * Environment: NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE, PORT, PEER_TYPEDEFS
 * (the type definitions' file, generated from the project's relation types by
 * scripts/bench/peer-schema.ts), PEER_TIMEOUT_MS (each transaction's timeout, as the server's
 * NEO4J_QUERY_TIMEOUT_MS; a request may lengthen it with an `x-timeout-ms` header).
 */
import fs from "node:fs";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { Neo4jGraphQL } from "@neo4j/graphql";
import neo4j from "neo4j-driver";

const env = process.env;
const typeDefs = fs.readFileSync(env.PEER_TYPEDEFS, "utf8");
const driver = neo4j.driver(env.NEO4J_URI, neo4j.auth.basic(env.NEO4J_USERNAME ?? "neo4j", env.NEO4J_PASSWORD ?? ""));
const database = env.NEO4J_DATABASE ?? "neo4j";
const defaultTimeout = Number(env.PEER_TIMEOUT_MS ?? 10_000);

const started = Date.now();
const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();
const server = new ApolloServer({ schema });
const { url } = await startStandaloneServer(server, {
  listen: { port: Number(env.PORT ?? 0), host: "127.0.0.1" },
  context: async ({ req }) => ({
    sessionConfig: { database },
    transaction: {
      timeout: Number(req.headers["x-timeout-ms"] ?? defaultTimeout),
      metadata: { app: "bench-peer" },
    },
  }),
});
console.log(`peer (@neo4j/graphql) listening on ${url} (schema built in ${Date.now() - started} ms)`);

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => {
    server
      .stop()
      .finally(() => driver.close())
      .finally(() => process.exit(0));
  });
}
