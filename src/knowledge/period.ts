/**
 * The one rule deriving the queryable period of a fact from its partial dates, used by the
 * import (and so the seed) and, later, the mutations. A relation counts as in force from the
 * first day of its start (`validFrom`, else `attestedFrom`) to the last day of `validTo`
 * (open while it has none); an event covers its whole date ("2023-11" is all of November).
 */
import { PartialDate } from "../common/partial-date";

export interface RelationPeriod {
  /** `attestedFrom` as stored and served: the given one, else `validFrom`. */
  readonly attestedFrom: string;
  /** ISO dates, both inclusive; `periodEnd` null while in force. */
  readonly periodStart: string;
  readonly periodEnd: string | null;
}

export function relationPeriodOf(dates: {
  validFrom?: string | null;
  validTo?: string | null;
  attestedFrom?: string | null;
}): RelationPeriod {
  const attestedFrom = dates.attestedFrom ?? dates.validFrom;
  if (attestedFrom == null) throw new RangeError("A relation needs validFrom or attestedFrom");
  return {
    attestedFrom,
    periodStart: PartialDate.from(dates.validFrom ?? attestedFrom).start,
    periodEnd: dates.validTo == null ? null : PartialDate.from(dates.validTo).end,
  };
}

export function eventPeriodOf(date: string): { dateStart: string; dateEnd: string } {
  const parsed = PartialDate.from(date);
  return { dateStart: parsed.start, dateEnd: parsed.end };
}
