/**
 * graphql-ws publishes its ws adapter only under `exports` ("graphql-ws/use/ws"), which the
 * project's `moduleResolution: node` does not read for types; Node's `require` does at run time.
 * This points the types at the file those exports name.
 */
declare module "graphql-ws/use/ws" {
  export * from "graphql-ws/dist/use/ws";
}
