/** Cost estimates of list fields, for the complexity limit (src/http/complexity.ts). */
import type { ComplexityEstimator } from "graphql-query-complexity";

/** About how many relations an entity has; the best-connected one has ~40. */
export const RELATIONS_FAN_OUT = 25;
/** About how many events or participants a list holds. */
export const SMALL_LIST_SIZE = 10;

/** A page costs its size times what is asked of each item. */
export const pageComplexity: ComplexityEstimator = ({ args, childComplexity }) =>
  1 + Number(args.first ?? 20) * childComplexity;

export const relationsComplexity: ComplexityEstimator = ({ childComplexity }) => 5 + RELATIONS_FAN_OUT * childComplexity;

export const smallListComplexity: ComplexityEstimator = ({ childComplexity }) => 1 + SMALL_LIST_SIZE * childComplexity;

/**
 * A graph payload costs about its node cap times what is asked of each node or edge; edges are
 * counted as twice the nodes (the seeded graph has ~2 relations per entity).
 */
export const graphComplexity: ComplexityEstimator = ({ args, childComplexity }) =>
  10 + 2 * Number(args.limit ?? 100) * childComplexity;

export const subgraphComplexity: ComplexityEstimator = ({ args, childComplexity }) =>
  10 + 2 * (Array.isArray(args.ids) ? args.ids.length : 1) * childComplexity;

/** `limit` paths of up to `maxHops` relations (plus one node) each. */
export const pathsComplexity: ComplexityEstimator = ({ args, childComplexity }) =>
  10 + Number(args.limit ?? 5) * (Number(args.maxHops ?? 4) + 1) * childComplexity;

/** Lists whose size is the `limit` argument (timeline items) or `first` (search hits). */
export const limitComplexity: ComplexityEstimator = ({ args, childComplexity }) =>
  1 + Number(args.limit ?? args.first ?? 20) * childComplexity;
