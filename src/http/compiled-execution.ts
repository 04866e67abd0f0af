/**
 * Executes operations with graphql-jit instead of graphql-js's interpreter: a document is compiled
 * once into a function that resolves its own selection, which spends about a fifth less of the
 * server's CPU per cheap request than graphql-js walking the document each time (issue 9: server
 * against the raw-driver floor, same run). Resolvers, types and results are the same.
 *
 * Apollo Server 4+ has no `executor` option; its `gateway` option is the documented place for a
 * custom executor (apollographql/apollo-server#6771, "Gateway support"), so this is a gateway that
 * serves the local schema and executes with graphql-jit. Apollo still parses, validates, runs the
 * plugins and formats errors exactly as before.
 *
 * What stays with graphql-js, so answers do not change:
 * - variables are coerced by graphql-js first: its errors are the ones Apollo recognises as
 *   BAD_USER_INPUT, with their usual messages;
 * - a document runs through graphql-js for its first runs (GRAPHQL_COMPILE_AFTER_RUNS, 1 by
 *   default) and is compiled at the next, so a client sending ever-new queries costs what it did
 *   and never pays for compilation;
 * - a document with a custom scalar written as a literal (`asOf: "2020"`, not `asOf: $asOf`) runs
 *   through graphql-js: graphql-jit parses literals when it compiles and writes them into the
 *   compiled code as JSON, which turns a parsed PartialDate into a plain string or object (and
 *   loses the scalar's own error message). Variables are parsed per run, as graphql-js does, so
 *   the operations programs send (with variables) are compiled;
 * - an operation graphql-jit cannot compile (none known) falls back to graphql-js;
 * - `errors` comes before `data` in an answer, as graphql-js orders them.
 */
import type { ApolloServerOptionsWithGateway } from "@apollo/server";
import {
  execute,
  getNamedType,
  isScalarType,
  isSpecifiedScalarType,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  BREAK,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from "graphql";
import { getVariableValues } from "graphql/execution/values";
import type * as GraphQLJit from "graphql-jit";
import type { CompiledQuery } from "graphql-jit";

/**
 * graphql-jit and what it brings (fast-json-stringify, ajv: 171 modules) load at the first
 * compilation, not at start: the cold start's first query is interpreted anyway (issue 9: ≤ 1 s).
 */
let jit: typeof GraphQLJit | undefined;
/* eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, see above */
const loadJit = (): typeof GraphQLJit => (jit ??= require("graphql-jit") as typeof GraphQLJit);

type Gateway = ApolloServerOptionsWithGateway<Record<string, unknown>>["gateway"];
type GatewayExecutor = Awaited<ReturnType<Gateway["load"]>>["executor"];

/** What is known of one operation of a document: how often it ran interpreted, or its compiled form (or that it has none). */
type Known = number | CompiledQuery | "interpret";

/** How many operations of one document are remembered (a document names few); past it they start afresh. */
const OPERATIONS_PER_DOCUMENT = 16;

export class CompiledExecution {
  /**
   * Per parsed document: Apollo hands the same DocumentNode for the same query text from its
   * document cache (bounded by Apollo), so nothing here outlives the cache's own entries.
   */
  private readonly known = new WeakMap<DocumentNode, Map<string, Known>>();

  private compilations = 0;

  constructor(
    private readonly schema: GraphQLSchema,
    /** Runs through graphql-js before an operation is compiled; 0 compiles at first sight. */
    private readonly compileAfterRuns: number,
  ) {}

  /** Operations compiled so far by this instance. */
  get compiledOperations(): number {
    return this.compilations;
  }

  /** Apollo's `gateway` option: the local schema, executed by `execute` below. */
  gateway(): Gateway {
    const schema = this.schema;
    const executor: GatewayExecutor = (request) =>
      Promise.resolve(
        this.execute(
          request.document,
          request.operationName ?? undefined,
          request.operation,
          request.request.variables ?? {},
          request.context,
        ),
      );
    return {
      load: async () => ({ executor }),
      onSchemaLoadOrUpdate(callback) {
        // The SDL string is for Apollo's schema reporting, which this server does not use.
        callback({ apiSchema: schema, coreSupergraphSdl: "" });
        return () => undefined;
      },
      stop: async () => undefined,
    };
  }

  execute(
    document: DocumentNode,
    operationName: string | undefined,
    operation: OperationDefinitionNode | undefined,
    variables: Record<string, unknown>,
    contextValue: unknown,
  ): ExecutionResult | Promise<ExecutionResult> {
    // Refused before execution (src/http/operation-limits.ts); should one come, graphql-js says why.
    if (!operation) return execute({ schema: this.schema, document, operationName, variableValues: variables, contextValue });
    const coerced = getVariableValues(this.schema, operation.variableDefinitions ?? [], variables);
    if (coerced.errors) return { errors: coerced.errors };
    const compiled = this.compiled(document, operationName);
    if (!compiled) return execute({ schema: this.schema, document, operationName, variableValues: variables, contextValue });
    const result = compiled.query(undefined, contextValue, variables) as ExecutionResult | Promise<ExecutionResult>;
    return result instanceof Promise ? result.then(errorsFirst) : errorsFirst(result);
  }

  /** The compiled operation, or undefined while it is to be interpreted (its first runs, or not compilable). */
  private compiled(document: DocumentNode, operationName: string | undefined): CompiledQuery | undefined {
    let operations = this.known.get(document);
    if (!operations) this.known.set(document, (operations = new Map()));
    const key = operationName ?? "";
    const remembered = operations.get(key);
    if (remembered === undefined && operations.size >= OPERATIONS_PER_DOCUMENT) operations.clear();
    const known = remembered ?? 0;
    if (known === "interpret") return undefined;
    if (typeof known !== "number") return known;
    if (known < this.compileAfterRuns) {
      operations.set(key, known + 1);
      return undefined;
    }
    if (hasCustomScalarLiterals(this.schema, document)) {
      operations.set(key, "interpret");
      return undefined;
    }
    // useExperimentalPathBasedSkipInclude: @skip/@include on fragment spreads as graphql-js applies them.
    const { compileQuery, isCompiledQuery } = loadJit();
    const result = compileQuery(this.schema, document, operationName, { useExperimentalPathBasedSkipInclude: true });
    if (!isCompiledQuery(result)) {
      operations.set(key, "interpret");
      return undefined;
    }
    this.compilations += 1;
    operations.set(key, result);
    return result;
  }
}

/** graphql-js's order of an answer's keys: errors, then data (graphql-jit puts data first). */
function errorsFirst(result: ExecutionResult): ExecutionResult {
  return result.errors ? { errors: result.errors, ...result } : result;
}

function isCustomScalar(type: GraphQLInputType | undefined | null): boolean {
  const named = type ? getNamedType(type) : undefined;
  return named !== undefined && isScalarType(named) && !isSpecifiedScalarType(named);
}

/**
 * Whether the document gives a custom scalar a value graphql-jit would fix at compile time: a
 * literal (in an argument, a list, an input object or a variable's default), or a schema default
 * of an argument the document leaves out.
 */
export function hasCustomScalarLiterals(schema: GraphQLSchema, document: DocumentNode): boolean {
  const typeInfo = new TypeInfo(schema);
  let found = false;
  const literal = () => {
    if (isCustomScalar(typeInfo.getInputType())) {
      found = true;
      return BREAK;
    }
    return undefined;
  };
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      [Kind.STRING]: literal,
      [Kind.INT]: literal,
      [Kind.FLOAT]: literal,
      [Kind.BOOLEAN]: literal,
      [Kind.OBJECT]: literal,
      [Kind.LIST]: literal,
      [Kind.FIELD]: (node) => {
        const given = new Set(node.arguments?.map((argument) => argument.name.value));
        const defaulted = typeInfo
          .getFieldDef()
          ?.args.some(
            (argument) => !given.has(argument.name) && argument.defaultValue !== undefined && isCustomScalar(argument.type),
          );
        if (defaulted) {
          found = true;
          return BREAK;
        }
        return undefined;
      },
    }),
  );
  return found;
}
