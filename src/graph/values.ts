/**
 * Conversion of driver values at the repository boundary: Neo4j Integers and temporals never
 * leave a repository.
 */
import neo4j, { isInt, type Integer } from "neo4j-driver-core";

export function toNumber(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  if (isInt(value as Integer)) return (value as Integer).toNumber();
  if (typeof value === "number") return value;
  if (typeof value === "bigint") return Number(value);
  throw new TypeError(`Expected a number from Neo4j, got ${typeof value}`);
}

/** Strings as they are; Neo4j temporals as their ISO text ("2019-07-01"). */
export function toStringOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

/**
 * A Neo4j DateTime (or its text, as `toString(dt)` returns it) as an ISO instant with
 * milliseconds, "2026-11-28T14:50:00.123Z": what JavaScript and the DateTime scalar read.
 */
export function toInstantOrNull(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (neo4j.isDateTime(value)) return value.toStandardDate().toISOString();
  const parsed = new Date(String(value));
  return Number.isNaN(parsed.getTime()) ? String(value) : parsed.toISOString();
}

export function toStringList(value: unknown): string[] {
  return Array.isArray(value) ? value.map((item) => String(item)) : [];
}

export function toBooleanOrNull(value: unknown): boolean | null {
  return value === null || value === undefined ? null : Boolean(value);
}

/** LIMIT and SKIP need a Neo4j integer: a JavaScript number is sent as a float. */
export function toInteger(value: number): Integer {
  return neo4j.int(value);
}
