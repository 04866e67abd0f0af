/**
 * Limits on what one operation may ask, checked before any resolver runs:
 * - graphql-js stops parsing past `maxTokens` tokens (GRAPHQL_PARSE_FAILED);
 * - GraphQL Armor's rules bound aliases, depth and directives, and a rule of ours refuses
 *   mutations and subscriptions, which this schema does not have (GRAPHQL_VALIDATION_FAILED);
 * - variables nested deeper than `maxVariableDepth` are refused before graphql-js coerces them
 *   (it recurses, and a 100,000-level list once overflowed the stack) (BAD_USER_INPUT);
 * - the cost estimate (src/http/complexity.ts) comes last, on an operation known to be sane.
 */
import { maxAliasesRule } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthRule } from "@escape.tech/graphql-armor-max-depth";
import { maxDirectivesRule } from "@escape.tech/graphql-armor-max-directives";
import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError, type ASTVisitor, type ValidationContext, type ValidationRule } from "graphql";
import { BadUserInputError } from "../common/errors";
import type { GraphQLLimitsConfig } from "../config";

export function operationValidationRules(limits: GraphQLLimitsConfig): ValidationRule[] {
  return [
    maxAliasesRule({ n: limits.maxAliases, ...reportAs("GRAPHQL_MAX_ALIASES") }),
    maxDepthRule({ n: limits.maxDepth, ignoreIntrospection: true, ...reportAs("GRAPHQL_MAX_DEPTH") }),
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

/** Refuses variables whose JSON nests deeper than `maxDepth`, walking them without recursion. */
export function variableDepthPlugin<TContext extends object>(maxDepth: number): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request }) {
          const offending = deepestVariable(request.variables ?? {}, maxDepth);
          if (offending) {
            throw new BadUserInputError(
              offending,
              `Variable "$${offending}" nests lists or objects more than ${maxDepth} levels deep; no argument of this API needs that.`,
              { http: { status: 400 } },
            );
          }
        },
      };
    },
  };
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
