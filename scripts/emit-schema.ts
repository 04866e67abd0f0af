/** `npm run schema:emit`: rewrites schema/schema.graphql from the code (commit the result). */
import "reflect-metadata";
import { createSchema, SCHEMA_FILE } from "../src/schema";

createSchema({ emitSchemaFile: true })
  .then(() => console.log(`Wrote ${SCHEMA_FILE}`))
  .catch((error: unknown) => {
    console.error(`schema: ${(error as Error).message}`);
    process.exitCode = 1;
  });
