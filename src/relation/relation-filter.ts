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
  /** Record time (ISO instant): the graph as it was recorded then; null for the graph as it is. */
  readonly knownAt: string | null;
  /** Also answer retracted relations (with who retracted them, when and why). */
  readonly includeRetracted: boolean;
}

export type DirectionFilterValue = "OUTGOING" | "INCOMING" | "ANY";

/** Arguments as the API takes them: no types means every type, no `asOf` every time. */
export function relationFilterOf(args: {
  readonly types?: readonly RelationType[] | null;
  readonly asOf?: PartialDate | null;
  readonly knownAt?: Date | null;
  readonly includeRetracted?: boolean | null;
}): RelationFilter {
  const types = args.types && args.types.length > 0 ? [...new Set(args.types)] : [...ALL_RELATION_TYPES];
  return {
    types,
    symmetricTypes: types.filter(isSymmetric),
    asOf: args.asOf ? { start: args.asOf.start, end: args.asOf.end } : null,
    knownAt: args.knownAt ? args.knownAt.toISOString() : null,
    includeRetracted: args.includeRetracted === true,
  };
}

/**
 * Whether the query must also read retracted relations: to show them, or because some were not
 * yet retracted at `knownAt`. A retracted relation keeps every property but is stored under the
 * one type RETRACTED (its own type in `retractedType`), so the reads that need neither never
 * expand it and cost what they cost before retraction existed.
 */
export function readsRetracted(filter: RecordTimeFilter): boolean {
  return filter.knownAt !== null || filter.includeRetracted;
}

/** The parameters the conditions below read. */
export function relationFilterParams(filter: RelationFilter): Record<string, unknown> {
  return {
    types: [...filter.types],
    symmetricTypes: [...filter.symmetricTypes],
    asOfStart: filter.asOf?.start ?? null,
    asOfEnd: filter.asOf?.end ?? null,
    ...recordTimeParams(filter),
  };
}

/** The parameters of RECORD_CONDITION and of the relation projection's `knownAt` overlay. */
export type RecordTimeFilter = Pick<RelationFilter, "knownAt" | "includeRetracted">;

export function recordTimeParams(filter: RecordTimeFilter | null): Record<string, unknown> {
  return { knownAt: filter?.knownAt ?? null, includeRetracted: filter?.includeRetracted ?? false };
}

/** The own type of the relationship `relationship` names: a retracted one keeps it in `retractedType`. */
export function relationTypeOf(relationship: string): string {
  return `CASE type(${relationship}) WHEN 'RETRACTED' THEN ${relationship}.retractedType ELSE type(${relationship}) END`;
}

export const RELATION_TYPE_OF_R = relationTypeOf("r");

/**
 * Whether a filter asks for every current relation (none retracted, no `asOf`), of every type, in
 * both directions: what the lists of src/relation/recent-relations.ts hold.
 */
export function isUnfiltered(filter: RelationFilter, direction: DirectionFilterValue): boolean {
  return direction === "ANY" && !filter.asOf && !readsRetracted(filter) && filter.types.length === ALL_RELATION_TYPES.length;
}

/**
 * Record time (valid time is `asOf`): keeps `r` when it had been recorded by `$knownAt` and
 * not yet retracted then; a RETRACTED relationship only when asked (`$includeRetracted`) or
 * when it was still current at `$knownAt`, and only of the asked types. Without `$knownAt`
 * and on typed relationships it reads no property.
 */
export const RECORD_CONDITION = `($knownAt IS NULL OR r.recordedAt IS NULL OR r.recordedAt <= datetime($knownAt))
  AND (type(r) <> 'RETRACTED' OR (r.retractedType IN $types
    AND ($includeRetracted OR ($knownAt IS NOT NULL AND r.retractedAt > datetime($knownAt)))))`;

/**
 * RECORD_CONDITION where the filter needs it; without `knownAt` or `includeRetracted` the pattern
 * expands no RETRACTED relationship and every relation read is current, so no predicate at all.
 */
export function recordCondition(filter: RelationFilter): string {
  return readsRetracted(filter) ? RECORD_CONDITION : "true";
}

/** Keeps `r` when its period overlaps [$asOfStart, $asOfEnd]; no-op when $asOfStart is null. */
export const AS_OF_CONDITION = `($asOfStart IS NULL OR (r.periodStart <= date($asOfEnd)
  AND (r.periodEnd IS NULL OR r.periodEnd >= date($asOfStart))))`;

/** Keeps `r` of the asked types, in force in the asked period. */
export const RELATION_FILTER_CONDITION = `(type(r) IN $types OR type(r) = 'RETRACTED') AND ${AS_OF_CONDITION} AND ${RECORD_CONDITION}`;

/**
 * Keeps `r`, found from entity `e`, when it points the asked way (`$direction`); symmetric
 * relations have no direction and always pass.
 */
export const DIRECTION_CONDITION = `($direction = 'ANY' OR type(r) IN $symmetricTypes
  OR (type(r) = 'RETRACTED' AND r.retractedType IN $symmetricTypes) OR (($direction = 'OUTGOING') = (startNode(r) = e)))`;

/**
 * The asked types as a relationship pattern's type expression (`:INVESTS_IN|PARTY_TO`), so Neo4j
 * expands only relationships of those types (a parameter cannot do that: `type(r) IN $types`
 * expands every relationship of a hub, then filters). The names come from the enum, checked by
 * `assertRelationType`, and are sorted so one set of types is one query text (one cached plan).
 */
export function typeExpression(types: readonly RelationType[], withRetracted = false): string {
  return `:${[...types].sort().map(assertRelationType).join("|")}${withRetracted ? "|RETRACTED" : ""}`;
}

/** The filter's types as a pattern's type expression, with RETRACTED when the filter reads retracted relations. */
export function filterTypeExpression(filter: RelationFilter, types: readonly RelationType[] = filter.types): string {
  return typeExpression(types, readsRetracted(filter));
}

/**
 * How many relations of `e` pass the filter, as a Cypher expression. Without `asOf` it counts
 * typed patterns with no predicate, which Neo4j answers from its per-node degree counts (a hub
 * of 25,000 costs what a leaf costs); with `asOf`, each relation's period must be read. The
 * entity is the variable `e`, as in DIRECTION_CONDITION.
 */
export function relationCountExpression(filter: RelationFilter, direction: DirectionFilterValue): string {
  const e = "e";
  if (filter.asOf !== null || readsRetracted(filter)) {
    return `COUNT { MATCH (e)-[r${filterTypeExpression(filter)}]-() WHERE ${AS_OF_CONDITION} AND ${recordCondition(filter)} AND ${DIRECTION_CONDITION} }`;
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
