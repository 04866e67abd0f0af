import fs from "node:fs";
import { printSchema } from "graphql";
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
});
