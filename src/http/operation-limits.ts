/**
 * Limits on what one operation may ask, checked before any resolver runs:
 * - graphql-js stops parsing past `maxTokens` tokens (GRAPHQL_PARSE_FAILED);
 * - GraphQL Armor's rules bound aliases, depth (fragments flattened, so depth is field nesting)
 *   and directives, and a rule of ours refuses mutations and subscriptions, which this schema
 *   does not have (GRAPHQL_VALIDATION_FAILED);
 * - then, in one plugin and in this order: a document whose operation to run cannot be told (an
 *   unknown `operationName`, or several operations and none named) is refused
 *   (OPERATION_RESOLUTION_FAILURE, 400); variables nested deeper than `maxVariableDepth` are
 *   refused before anything coerces them (graphql-js recurses, and a 100,000-level list once
 *   overflowed the stack) (BAD_USER_INPUT); then the cost estimate (src/http/complexity.ts).
 */
import { maxAliasesRule } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthRule } from "@escape.tech/graphql-armor-max-depth";
import { maxDirectivesRule } from "@escape.tech/graphql-armor-max-directives";
import type { ApolloServerPlugin } from "@apollo/server";
import { ApolloServerErrorCode } from "@apollo/server/errors";
import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type DocumentNode,
  type GraphQLSchema,
  type ValidationContext,
  type ValidationRule,
} from "graphql";
import { BadUserInputError } from "../common/errors";
import type { GraphQLLimitsConfig } from "../config";
import { checkCost } from "./complexity";

export function operationValidationRules(limits: GraphQLLimitsConfig): ValidationRule[] {
  return [
    maxAliasesRule({ n: limits.maxAliases, ...reportAs("GRAPHQL_MAX_ALIASES") }),
    maxDepthRule({ n: limits.maxDepth, ignoreIntrospection: true, flattenFragments: true, ...reportAs("GRAPHQL_MAX_DEPTH") }),
    maxDirectivesRule({ n: limits.maxDirectives, ...reportAs("GRAPHQL_MAX_DIRECTIVES") }),
    rootOperationTypeRule,
  ];
}

/**
 * Armor throws its error out of validation by default, which Apollo answers as an internal
 * error; reported instead, it is a GRAPHQL_VALIDATION_FAILED like any rule's, naming the setting.
 */
function reportAs(setting: string) {
  return {
    exposeLimits: true,
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) =>
        context?.reportError(new GraphQLError(`${error.message.replace(/^Syntax Error: /, "")} (setting ${setting}).`)),
    ],
  };
}

/**
 * graphql-js validates `mutation { x }` against a schema without mutations as valid and fails
 * only in execution, with an uncoded error; this makes it a validation error that says why.
 */
export function rootOperationTypeRule(context: ValidationContext): ASTVisitor {
  return {
    OperationDefinition(node) {
      if (!context.getSchema().getRootType(node.operation)) {
        context.reportError(
          new GraphQLError(`This API has no ${node.operation}s: it is read-only for now; send a query.`, { nodes: node }),
        );
      }
    },
  };
}

/** The checks that need the operation and its variables: the operation itself, variable depth, then cost. */
export function operationLimitsPlugin<TContext extends object>(
  schema: GraphQLSchema,
  limits: Pick<GraphQLLimitsConfig, "maxVariableDepth" | "maxCost">,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation }) {
          // Apollo lets such a request through to execution, where our executor has no operation to run.
          if (!operation) throw unresolvedOperation(document, request.operationName ?? undefined);
          const variables = request.variables ?? {};
          const offending = deepestVariable(variables, limits.maxVariableDepth);
          if (offending) {
            throw new BadUserInputError(
              offending,
              `Variable "$${offending}" nests lists or objects more than ${limits.maxVariableDepth} levels deep; no argument of this API needs that.`,
              { http: { status: 400 } },
            );
          }
          checkCost(schema, document, request.operationName ?? undefined, variables, limits.maxCost);
        },
      };
    },
  };
}

/**
 * Why no operation of the document can run, worded as graphql-js words it, with the names a
 * client could send as `operationName` (GraphiQL, for one, may send a stale name after a tab
 * switch).
 */
export function unresolvedOperation(document: DocumentNode, operationName: string | undefined): GraphQLError {
  const names = document.definitions.flatMap((definition) =>
    definition.kind === Kind.OPERATION_DEFINITION ? [definition.name ? `"${definition.name.value}"` : "(unnamed)"] : [],
  );
  const message = operationName
    ? `Unknown operation named "${operationName}"; this document has ${names.join(", ") || "no operation"}.`
    : `Must provide operation name if query contains multiple operations (this document has ${names.join(", ")}).`;
  return new GraphQLError(message, {
    extensions: { code: ApolloServerErrorCode.OPERATION_RESOLUTION_FAILURE, http: { status: 400 } },
  });
}

/** The name of the first variable nested deeper than `maxDepth`, if any. */
export function deepestVariable(variables: Record<string, unknown>, maxDepth: number): string | undefined {
  for (const [name, value] of Object.entries(variables)) {
    const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
    while (stack.length > 0) {
      const { value: current, depth } = stack.pop()!;
      if (current === null || typeof current !== "object") continue;
      if (depth >= maxDepth) return name;
      for (const inner of Object.values(current)) stack.push({ value: inner, depth: depth + 1 });
    }
  }
  return undefined;
}
