/**
 * Caps on every graph query. A request past a cap is refused with BAD_USER_INPUT naming the
 * cap before any Cypher runs, so a wide traversal can never become a slow one.
 */
export const EXPLORE_LIMITS = {
  /** Neighbourhood depth: relations followed from the centre. */
  depth: { default: 1, max: 3 },
  /**
   * Relations followed from each node of a neighbourhood, the most recent first: a hub's 25,000
   * cost what 50 cost. The default covers the article's best-connected entity (48).
   */
  relationsPerNode: { default: 50, max: 500 },
  /** Nodes in one neighbourhood, subgraph or whole-graph payload. */
  nodes: { default: 100, max: 500 },
  /** Path length in relations. */
  hops: { default: 4, max: 6 },
  /** Paths returned by one `paths` query (and the `SHORTEST` k Neo4j searches for). */
  paths: { default: 5, max: 25 },
  /** Entity ids in one `subgraph` query. */
  subgraphIds: { max: 200 },
  /** Timeline items in one answer. */
  timelineItems: { default: 500, max: 1000 },
  /** Search hits in one answer. */
  searchHits: { default: 10, max: 50 },
  /** Characters of search text. */
  searchText: { max: 200 },
} as const;
