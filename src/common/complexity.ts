/** Cost estimates of list fields, for the complexity limit (src/http/complexity.ts). */
import type { ComplexityEstimator } from "graphql-query-complexity";
import { EXPLORE_LIMITS } from "../explore/explore.limits";
import { ENTITY_RELATIONS_PAGE, EVENTS_PAGE } from "./list-limits";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "./pagination";

/** The most terms one agreement lists (a cap in Cypher, in `Entity.terms`' description). */
export const TERMS_CAP = 50;
/** About how many events or participants a list holds. */
export const SMALL_LIST_SIZE = 10;

/**
 * A page costs its size times what is asked of each item. The size is clamped like every other
 * one: a negative `first` once made the estimate negative and let a deep sibling field through.
 */
export const pageComplexity: ComplexityEstimator = ({ args, childComplexity }) =>
  1 + sized(args.first, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE) * childComplexity;

/** A page of an entity's relations costs its size (`first`, or the default page) times each item. */
export const relationsComplexity: ComplexityEstimator = ({ args, childComplexity }) =>
  5 + sized(args.first, ENTITY_RELATIONS_PAGE.default, ENTITY_RELATIONS_PAGE.max) * childComplexity;

/** A list of events costs its size (`first`, or the default) times each event. */
export const eventsComplexity: ComplexityEstimator = ({ args, childComplexity }) =>
  1 + sized(args.first, EVENTS_PAGE.default, EVENTS_PAGE.max) * childComplexity;

/** An agreement's terms, capped at TERMS_CAP. */
export const termsComplexity: ComplexityEstimator = ({ childComplexity }) => 5 + TERMS_CAP * childComplexity;

export const smallListComplexity: ComplexityEstimator = ({ childComplexity }) => 1 + SMALL_LIST_SIZE * childComplexity;

/** About how many sources report one fact: most have one, a well-covered fact a few. */
export const REFERENCES_PER_FACT = 2;

export const referencesComplexity: ComplexityEstimator = ({ childComplexity }) => 1 + REFERENCES_PER_FACT * childComplexity;

/**
 * Every size a client gives enters the estimate through here, clamped to 1..cap, so no input can
 * lower the estimate; sizes past a cap are refused by the argument check, which names the cap
 * (BAD_USER_INPUT) rather than the cost limit: the client learns the real bound. `null` is the
 * default, as for the argument itself.
 */
export function sized(value: unknown, fallback: number, cap: number): number {
  const size = Number(value ?? fallback);
  return Number.isFinite(size) ? Math.min(Math.max(size, 1), cap) : fallback;
}

/**
 * A graph payload costs about its node cap times what is asked of each node or edge; edges are
 * counted as twice the nodes (the seeded graph has ~2 relations per entity).
 */
export const graphComplexity: ComplexityEstimator = ({ args, childComplexity }) =>
  10 + 2 * sized(args.limit, EXPLORE_LIMITS.nodes.default, EXPLORE_LIMITS.nodes.max) * childComplexity;

export const subgraphComplexity: ComplexityEstimator = ({ args, childComplexity }) =>
  10 + 2 * sized(Array.isArray(args.ids) ? args.ids.length : 1, 1, EXPLORE_LIMITS.subgraphIds.max) * childComplexity;

/** `limit` paths of up to `maxHops` relations (plus one node) each. */
export const pathsComplexity: ComplexityEstimator = ({ args, childComplexity }) =>
  10 +
  sized(args.limit, EXPLORE_LIMITS.paths.default, EXPLORE_LIMITS.paths.max) *
    (sized(args.maxHops, EXPLORE_LIMITS.hops.default, EXPLORE_LIMITS.hops.max) + 1) *
    childComplexity;

export const timelineComplexity: ComplexityEstimator = ({ args, childComplexity }) =>
  1 + sized(args.limit, EXPLORE_LIMITS.timelineItems.default, EXPLORE_LIMITS.timelineItems.max) * childComplexity;

export const searchComplexity: ComplexityEstimator = ({ args, childComplexity }) =>
  1 + sized(args.first, EXPLORE_LIMITS.searchHits.default, EXPLORE_LIMITS.searchHits.max) * childComplexity;
