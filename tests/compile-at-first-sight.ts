/**
 * The suite runs every operation through graphql-jit, as production runs repeated ones
 * (src/http/compiled-execution.ts): most tests send a query once, which production interprets
 * with graphql-js. Servers the tests start as child processes inherit this too.
 * tests/unit/compiled-execution.test.ts covers the interpreted first runs.
 */
process.env.GRAPHQL_COMPILE_AFTER_RUNS ??= "0";
