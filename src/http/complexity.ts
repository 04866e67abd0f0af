/**
 * Rejects operations whose estimated cost is over the limit, before any resolver runs. Each
 * batched level of `Entity.relations` costs Neo4j one query but multiplies the response (an
 * entity has up to ~40 relations here), so nesting, not the database, is what must be bounded.
 * Costs: 1 per field, list fields as declared with `complexity` on their decorators (pages
 * multiply by `first`, `Entity.relations` by RELATIONS_FAN_OUT); aliases count separately.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError, type GraphQLSchema } from "graphql";
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from "graphql-query-complexity";
import { ErrorCode } from "../common/errors";

export function complexityLimitPlugin<TContext extends object>(
  schema: GraphQLSchema,
  maximumCost: number,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          let cost: number;
          try {
            cost = getComplexity({
              schema,
              query: document,
              operationName: request.operationName ?? undefined,
              variables: request.variables,
              estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
            });
          } catch {
            // Variables that do not coerce: execution reports them with the proper error.
            return;
          }
          // Every size is clamped (src/common/complexity.ts), so the estimate is finite; should it
          // ever not be, that is a refusal too, never a pass.
          const bounded = Number.isFinite(cost) && cost >= 0;
          if (!bounded || cost > maximumCost) {
            throw new GraphQLError(
              `This operation is too expensive: its estimated cost is ${bounded ? cost : "unbounded"}, over the limit of ${maximumCost}. ` +
                "Ask for fewer levels of nested `relations`, fewer aliases or smaller pages (`first`).",
              {
                extensions: {
                  code: ErrorCode.QUERY_TOO_COMPLEX,
                  cost: bounded ? cost : "unbounded",
                  maximumCost,
                  http: { status: 400 },
                },
              },
            );
          }
        },
      };
    },
  };
}
