/**
 * Refuses operations whose estimated cost is over the limit, before any resolver runs. Each
 * batched level of `Entity.relations` costs Neo4j one query but multiplies the response (an
 * entity has up to ~40 relations here), so nesting, not the database, is what must be bounded.
 * Costs: 1 per field, list fields as declared with `complexity` on their decorators (pages
 * multiply by `first`, `Entity.relations` by its page size); aliases count separately.
 *
 * The check fails closed: an operation whose cost cannot be estimated does not run. (It once
 * failed open, and a null for a defaulted variable then let a deep sibling field through.)
 */
import { GraphQLError, type DocumentNode, type GraphQLSchema } from "graphql";
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from "graphql-query-complexity";
import { BadUserInputError, ErrorCode } from "../common/errors";

/**
 * AST nodes the estimator may visit (fragments spread many times multiply them); past it the
 * operation is refused as too complex. graphql-query-complexity's own default, made explicit.
 */
export const MAX_QUERY_NODES = 10_000;

/** Variable sets remembered per document; past it the document's memory starts afresh. */
const COSTS_PER_DOCUMENT = 64;

/**
 * Estimates already made, per parsed document (Apollo hands the same DocumentNode object for the
 * same query text from its document cache) and per operation name and variables: walking the
 * document is a tenth of a cheap request's CPU, and clients repeat the same few operations.
 * Only estimates are kept, never refusals, and nothing outlives its document.
 */
const knownCosts = new WeakMap<DocumentNode, Map<string, number>>();

export function checkCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined,
  variables: Record<string, unknown>,
  maximumCost: number,
): void {
  const key = `${operationName ?? ""}\u0000${JSON.stringify(variables)}`;
  let costs = knownCosts.get(document);
  const known = costs?.get(key);
  if (known !== undefined) return refuseOverLimit(known, maximumCost);
  const cost = estimateCost(schema, document, operationName, variables);
  if (Number.isFinite(cost)) {
    if (!costs || costs.size >= COSTS_PER_DOCUMENT) knownCosts.set(document, (costs = new Map()));
    costs.set(key, cost);
  }
  refuseOverLimit(cost, maximumCost);
}

function estimateCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined,
  variables: Record<string, unknown>,
): number {
  let cost: number;
  try {
    cost = getComplexity({
      schema,
      query: document,
      operationName,
      variables,
      maxQueryNodes: MAX_QUERY_NODES,
      estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
    });
  } catch (error) {
    // graphql-js could not coerce a variable or an argument (a null where a value is required):
    // the client's input. Anything else, the node cap included, is too complex to estimate.
    if (error instanceof GraphQLError && !/number of nodes/i.test(error.message)) {
      // graphql-js names the culprit: 'Argument "first" of non-null type…', 'Variable "$f" got…'.
      const argument = /^(?:Argument "|Variable "\$)(\w+)"/.exec(error.message)?.[1] ?? "variables";
      throw new BadUserInputError(argument, error.message, { http: { status: 400 } });
    }
    cost = Number.POSITIVE_INFINITY;
  }
  return cost;
}

function refuseOverLimit(cost: number, maximumCost: number): void {
  // Every size is clamped (src/common/complexity.ts), so an estimate is finite; one that is not
  // is a refusal too, never a pass.
  const bounded = Number.isFinite(cost) && cost >= 0;
  if (!bounded || cost > maximumCost) {
    throw new GraphQLError(
      `This operation is too expensive: its estimated cost is ${bounded ? cost : "unbounded"}, over the limit of ${maximumCost}. ` +
        "Ask for fewer levels of nested `relations`, fewer aliases or fragment spreads, or smaller pages (`first`).",
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
}
