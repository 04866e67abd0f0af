import "reflect-metadata";
import path from "node:path";
import { assertValidSchema, type GraphQLSchema } from "graphql";
import { buildSchema, emitSchemaDefinitionFile } from "type-graphql";
import { authChecker } from "./auth/auth-checker";
import { ApiKeyResolver } from "./auth/api-key.resolver";
import { validateArguments } from "./common/validation";
import { defaultProjectRoot } from "./config";
import { CurationResolver } from "./curation/curation.resolver";
import { EntityResolver } from "./entity/entity.resolver";
import { EntityEventsResolver } from "./event/entity-events.resolver";
import { EventResolver } from "./event/event.resolver";
import { ExploreResolver, GraphEdgeResolver } from "./explore/explore.resolver";
import { ChangeResolver } from "./history/change.resolver";
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
  CurationResolver,
  ChangeResolver,
  ApiKeyResolver,
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

const MUTATION_DESCRIPTION =
  "The write API, for analysts who find a missing or wrong fact: register a source, create or update an entity, assert a " +
  "relation with its references, add or retract a reference, correct or retract a relation, merge two entities, record an " +
  "event. Every mutation needs an EDITOR key (`Authorization: Bearer <key>`), is checked like the import, and appends a " +
  "change record (`changes`) in the same transaction; nothing is ever deleted, and `knownAt` reads the graph as it was.";

export async function createSchema(options: { emitSchemaFile?: boolean } = {}): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: RESOLVERS,
    validateFn: validateArguments,
    // `@Authorized(Role.…)` on a resolver: the request's key must have that role (src/auth).
    authChecker,
    pubSub: NO_PUBSUB,
    // type-graphql's check runs the whole introspection query over the new schema: about 75 ms
    // of the cold start (issue 9). graphql's validation below resolves every type's fields,
    // arguments, interfaces and members as that query did, so a broken type still stops the
    // start, and Apollo reuses its result instead of validating again; the schema-drift test
    // prints the whole SDL, default values included.
    skipCheck: true,
  });
  assertValidSchema(schema);
  // type-graphql has no option for the root type's description; analysts see it first in Sandbox.
  const query = schema.getQueryType();
  if (query) query.description = QUERY_DESCRIPTION;
  const mutation = schema.getMutationType();
  if (mutation) mutation.description = MUTATION_DESCRIPTION;
  const subscription = schema.getSubscriptionType();
  if (subscription) subscription.description = SUBSCRIPTION_DESCRIPTION;
  if (options.emitSchemaFile) await emitSchemaDefinitionFile(SCHEMA_FILE, schema, { sortedSchema: false });
  return schema;
}
