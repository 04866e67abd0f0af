/**
 * The one home of the relation filter: which types, in force when (`asOf`), which way. Every
 * query that filters relations (lists, an entity's relations, traversals, paths, graph payloads)
 * turns its arguments into a `RelationFilter` here and uses these conditions and parameters, so
 * `asOf` means the same thing everywhere.
 *
 * Time: every relation stores `periodStart` (first day of validFrom, else of attestedFrom) and
 * `periodEnd` (last day of validTo, or null while in force), derived by src/knowledge/period.ts.
 * `asOf` keeps relations whose period overlaps the asked period.
 */
import type { PartialDate } from "../common/partial-date";
import { ALL_RELATION_TYPES, assertRelationType, isSymmetric, type RelationType } from "./relation-type.enum";

export interface PeriodFilter {
  /** ISO dates bounding the asked period, both inclusive. */
  readonly start: string;
  readonly end: string;
}

export interface RelationFilter {
  readonly types: readonly RelationType[];
  readonly symmetricTypes: readonly RelationType[];
  readonly asOf: PeriodFilter | null;
}

export type DirectionFilterValue = "OUTGOING" | "INCOMING" | "ANY";

/** Arguments as the API takes them: no types means every type, no `asOf` every time. */
export function relationFilterOf(args: {
  readonly types?: readonly RelationType[] | null;
  readonly asOf?: PartialDate | null;
}): RelationFilter {
  const types = args.types && args.types.length > 0 ? [...new Set(args.types)] : [...ALL_RELATION_TYPES];
  return {
    types,
    symmetricTypes: types.filter(isSymmetric),
    asOf: args.asOf ? { start: args.asOf.start, end: args.asOf.end } : null,
  };
}

/** The parameters the conditions below read. */
export function relationFilterParams(filter: RelationFilter): Record<string, unknown> {
  return {
    types: [...filter.types],
    symmetricTypes: [...filter.symmetricTypes],
    asOfStart: filter.asOf?.start ?? null,
    asOfEnd: filter.asOf?.end ?? null,
  };
}

/** Keeps `r` when its period overlaps [$asOfStart, $asOfEnd]; no-op when $asOfStart is null. */
export const AS_OF_CONDITION = `($asOfStart IS NULL OR (r.periodStart <= date($asOfEnd)
  AND (r.periodEnd IS NULL OR r.periodEnd >= date($asOfStart))))`;

/** Keeps `r` of the asked types, in force in the asked period. */
export const RELATION_FILTER_CONDITION = `type(r) IN $types AND ${AS_OF_CONDITION}`;

/**
 * Keeps `r`, found from entity `e`, when it points the asked way (`$direction`); symmetric
 * relations have no direction and always pass.
 */
export const DIRECTION_CONDITION = `($direction = 'ANY' OR type(r) IN $symmetricTypes OR (($direction = 'OUTGOING') = (startNode(r) = e)))`;

/**
 * The asked types as a relationship pattern's type expression (`:INVESTS_IN|PARTY_TO`), so Neo4j
 * expands only relationships of those types (a parameter cannot do that: `type(r) IN $types`
 * expands every relationship of a hub, then filters). The names come from the enum, checked by
 * `assertRelationType`, and are sorted so one set of types is one query text (one cached plan).
 */
export function typeExpression(types: readonly RelationType[]): string {
  return `:${[...types].sort().map(assertRelationType).join("|")}`;
}

/**
 * How many relations of `e` pass the filter, as a Cypher expression. Without `asOf` it counts
 * typed patterns with no predicate, which Neo4j answers from its per-node degree counts (a hub
 * of 25,000 costs what a leaf costs); with `asOf`, each relation's period must be read. The
 * entity is the variable `e`, as in DIRECTION_CONDITION.
 */
export function relationCountExpression(filter: RelationFilter, direction: DirectionFilterValue): string {
  const e = "e";
  if (filter.asOf !== null) {
    return `COUNT { MATCH (e)-[r${typeExpression(filter.types)}]-() WHERE ${AS_OF_CONDITION} AND ${DIRECTION_CONDITION} }`;
  }
  if (direction === "ANY") return `COUNT { (e)-[${typeExpression(filter.types)}]-() }`;
  const directed = filter.types.filter((type) => !isSymmetric(type));
  const arrow = direction === "OUTGOING" ? ["-", "->"] : ["<-", "-"];
  const parts = [
    directed.length > 0 ? `COUNT { (${e})${arrow[0]}[${typeExpression(directed)}]${arrow[1]}() }` : null,
    filter.symmetricTypes.length > 0 ? `COUNT { (${e})-[${typeExpression(filter.symmetricTypes)}]-() }` : null,
  ].filter((part) => part !== null);
  return parts.length > 0 ? `(${parts.join(" + ")})` : "0";
}
