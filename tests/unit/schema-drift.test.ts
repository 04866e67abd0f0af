import fs from "node:fs";
import { isObjectType, printSchema } from "graphql";
import { getMetadataStorage } from "type-graphql";
import { createSchema, SCHEMA_FILE } from "../../src/schema";

describe("schema/schema.graphql", () => {
  it("is what the code generates (run `npm run schema:emit` and commit it when this fails)", async () => {
    const emitted = fs.readFileSync(SCHEMA_FILE, "utf8").replace(/^(#.*\n)+\n/, "");
    expect(emitted).toBe(printSchema(await createSchema()));
  });

  it("describes every type, field, argument and enum value", async () => {
    const schema = await createSchema();
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith("__")) continue;
      if (!type.description) missing.push(type.name);
      if ("getFields" in type) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of "args" in field ? field.args : []) {
            if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
          }
        }
      }
      if ("getValues" in type) {
        for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
      }
    }
    expect(missing.filter((name) => !["String", "Boolean", "ID", "Int", "Float"].includes(name))).toEqual([]);
  });

  it("resolves plain fields with graphql-js's default resolver: only resolver methods wrap a field", async () => {
    // Without `simpleResolvers: true` on its @ObjectType, type-graphql wraps every field of a type in
    // a middleware runner: a 50-relation answer paid for ~800 of them per request.
    const schema = await createSchema();
    const storage = getMetadataStorage();
    const classes = new Map(storage.objectTypes.map((objectType) => [objectType.name, objectType.target]));
    // A resolver method declared on a class also resolves the field in the classes extending it.
    const hasResolverMethod = (typeName: string, fieldName: string) => {
      const target = classes.get(typeName);
      return storage.fieldResolvers.some((resolver) => {
        const owner = resolver.getObjectType?.();
        return (
          resolver.schemaName === fieldName && !!owner && !!target && (target === owner || target.prototype instanceof owner)
        );
      });
    };
    const roots = new Set([schema.getQueryType()?.name, schema.getMutationType()?.name, schema.getSubscriptionType()?.name]);
    const wrapped: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith("__") || roots.has(type.name)) continue;
      for (const field of Object.values(type.getFields())) {
        if (field.resolve && !hasResolverMethod(type.name, field.name)) wrapped.push(`${type.name}.${field.name}`);
      }
    }
    expect(wrapped).toEqual([]);
  });
});
