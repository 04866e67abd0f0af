/** When graphql-jit takes over from graphql-js, and that the answers and errors stay graphql-js's. */
import {
  GraphQLError,
  GraphQLInt,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLScalarType,
  GraphQLSchema,
  GraphQLString,
  parse,
  type OperationDefinitionNode,
} from "graphql";
import { CompiledExecution, hasCustomScalarLiterals } from "../../src/http/compiled-execution";

const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: "Query",
    fields: {
      double: { type: GraphQLInt, args: { n: { type: new GraphQLNonNull(GraphQLInt) } }, resolve: (_root, { n }) => n * 2 },
      refused: {
        type: GraphQLString,
        resolve: () => {
          throw new GraphQLError("no such thing", { extensions: { code: "NOT_FOUND" } });
        },
      },
      caller: { type: GraphQLString, resolve: (_root, _args, context: { who: string }) => context.who },
    },
  }),
});

function run(execution: CompiledExecution, text: string, variables: Record<string, unknown> = {}) {
  const document = parse(text);
  const operation = document.definitions[0] as OperationDefinitionNode;
  return (source = document) => execution.execute(source, undefined, operation, variables, { who: "analyst" });
}

it("interprets an operation's first runs, then compiles it once", async () => {
  const execution = new CompiledExecution(schema, 2);
  const next = run(execution, `query($n: Int!) { double(n: $n) caller }`, { n: 21 });
  for (const expected of [0, 0, 1, 1]) {
    expect(await next()).toEqual({ data: { double: 42, caller: "analyst" } });
    expect(execution.compiledOperations).toBe(expected);
  }
});

it("compiles at first sight with 0", async () => {
  const execution = new CompiledExecution(schema, 0);
  expect(await run(execution, `{ caller }`)()).toEqual({ data: { caller: "analyst" } });
  expect(execution.compiledOperations).toBe(1);
});

it("answers a bad variable with graphql-js's error (the one Apollo codes BAD_USER_INPUT), compiled or not", async () => {
  const execution = new CompiledExecution(schema, 0);
  const result = await run(execution, `query($n: Int!) { double(n: $n) }`, { n: "many" })();
  expect(result.data).toBeUndefined();
  expect(result.errors?.map((error) => error.message)).toEqual([
    `Variable "$n" got invalid value "many"; Int cannot represent non-integer value: "many"`,
  ]);
  expect(result.errors?.[0].nodes?.[0].kind).toBe("VariableDefinition");
});

it("keeps a resolver's coded error, with its path and original error, as graphql-js does", async () => {
  for (const compileAfterRuns of [0, 1_000]) {
    const result = await run(new CompiledExecution(schema, compileAfterRuns), `{ refused caller }`)();
    expect(result.data).toEqual({ refused: null, caller: "analyst" });
    const [error] = result.errors ?? [];
    expect(error).toBeInstanceOf(GraphQLError);
    expect(error).toMatchObject({ message: "no such thing", path: ["refused"], extensions: { code: "NOT_FOUND" } });
    expect(error.originalError?.message).toBe("no such thing");
  }
});

describe("hasCustomScalarLiterals (those documents stay with graphql-js)", () => {
  const dated = new GraphQLSchema({
    query: new GraphQLObjectType({
      name: "Query",
      fields: {
        on: {
          type: GraphQLString,
          args: { day: { type: new GraphQLScalarType({ name: "Day" }) }, label: { type: GraphQLString } },
        },
        since: { type: GraphQLString, args: { day: { type: new GraphQLScalarType({ name: "Since" }), defaultValue: "2019" } } },
      },
    }),
  });
  it.each([
    [`{ on(day: "2020") }`, true],
    [`query($d: Day = "2020") { on(day: $d) }`, true],
    [`{ since }`, true],
    [`{ since(day: $d) }`, false],
    [`query($d: Day) { on(day: $d, label: "a literal String is fine") }`, false],
  ])("%s → %s", (text, expected) => {
    expect(hasCustomScalarLiterals(dated, parse(text))).toBe(expected);
  });
});

it("answers errors before data, as graphql-js does", async () => {
  const result = await run(new CompiledExecution(schema, 0), `{ refused caller }`)();
  expect(Object.keys(result)).toEqual(["errors", "data"]);
});

it("without an operation to run (an unknown operationName), answers graphql-js's error instead of throwing", async () => {
  const execution = new CompiledExecution(schema, 0);
  const document = parse(`query A { caller } query B { caller }`);
  const result = await execution.execute(document, "C", undefined, {}, { who: "analyst" });
  expect(result.errors?.map((error) => error.message)).toEqual(['Unknown operation named "C".']);
  expect(result.data).toBeUndefined();
  expect(execution.compiledOperations).toBe(0);
});
