import "reflect-metadata";
import path from "node:path";
import type { GraphQLSchema } from "graphql";
import { buildSchema } from "type-graphql";
import { validateArguments } from "./common/validation";
import { defaultProjectRoot } from "./config";
import { EntityResolver } from "./entity/entity.resolver";
import { EventResolver } from "./event/event.resolver";
import { RelationResolver } from "./relation/relation.resolver";

export const RESOLVERS = [EntityResolver, RelationResolver, EventResolver] as const;

/** Where the SDL is checked in; `npm run schema:emit` rewrites it, a test fails when it drifts. */
export const SCHEMA_FILE = path.join(defaultProjectRoot(), "schema", "schema.graphql");

export function createSchema(options: { emitSchemaFile?: boolean } = {}): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: RESOLVERS,
    validateFn: validateArguments,
    emitSchemaFile: options.emitSchemaFile ? { path: SCHEMA_FILE, sortedSchema: false } : false,
  });
}
