import "reflect-metadata";
import path from "node:path";
import type { GraphQLSchema } from "graphql";
import { buildSchema, emitSchemaDefinitionFile } from "type-graphql";
import { validateArguments } from "./common/validation";
import { defaultProjectRoot } from "./config";
import { EntityResolver } from "./entity/entity.resolver";
import { EntityEventsResolver } from "./event/entity-events.resolver";
import { EventResolver } from "./event/event.resolver";
import { ExploreResolver, GraphEdgeResolver } from "./explore/explore.resolver";
import { LiveResolver, NO_PUBSUB } from "./live/live.resolver";
import { EntityRelationsResolver } from "./relation/entity-relations.resolver";
import { RelationResolver } from "./relation/relation.resolver";
import { RelationTypeResolver } from "./relation/relation-type.resolver";
import { ProvenanceResolver, ReferenceResolver, SourceResolver } from "./source/source.resolver";

export const RESOLVERS = [
  EntityResolver,
  EntityRelationsResolver,
  EntityEventsResolver,
  RelationResolver,
  RelationTypeResolver,
  EventResolver,
  SourceResolver,
  ReferenceResolver,
  ProvenanceResolver,
  ExploreResolver,
  GraphEdgeResolver,
  LiveResolver,
] as const;

/** Where the SDL is checked in; `npm run schema:emit` rewrites it, a test fails when it drifts. */
export const SCHEMA_FILE = path.join(defaultProjectRoot(), "schema", "schema.graphql");

const QUERY_DESCRIPTION =
  "A knowledge graph that starts with the Microsoft–OpenAI story (a French article of June 2025) and grows by import: " +
  "entities linked by typed, dated relations, each with the references (source and quotes) that support it, plus dated events; " +
  '`sources` lists the documents. Start with `entity(id: "openai")` and its `relations`, ' +
  "or `relations(types: [...], from, to, asOf)`. To explore: `search`, `neighbourhood`, `paths`, `timeline`, " +
  "`subgraph` and `graph` answer draw-ready nodes and edges.";

const SUBSCRIPTION_DESCRIPTION =
  "Live updates, over WebSocket at the same URL as queries (/graphql, the graphql-ws protocol that Apollo Sandbox and " +
  "Apollo Client speak). Every server instance follows the change log in Neo4j, so a subscriber on any of them sees the " +
  "changes written through all of them.";

export async function createSchema(options: { emitSchemaFile?: boolean } = {}): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: RESOLVERS,
    validateFn: validateArguments,
    pubSub: NO_PUBSUB,
  });
  // type-graphql has no option for the root type's description; analysts see it first in Sandbox.
  const query = schema.getQueryType();
  if (query) query.description = QUERY_DESCRIPTION;
  const subscription = schema.getSubscriptionType();
  if (subscription) subscription.description = SUBSCRIPTION_DESCRIPTION;
  if (options.emitSchemaFile) await emitSchemaDefinitionFile(SCHEMA_FILE, schema, { sortedSchema: false });
  return schema;
}
