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
