/**
 * Shapes repository records into the GraphQL `Relation` (pure: no I/O). Derived fields live
 * here so resolvers stay thin and the mapping is unit-tested.
 */
import { precisionOf, type DatePrecision } from "../common/partial-date";
import type { SourceRecord } from "../source/source.record";
import type { EntityRecord } from "../entity/entity.repository";
import type { RelationRecord } from "./relation.repository";
import { isSymmetric, type RelationType } from "./relation-type.enum";
import type { RelationStatus } from "./relation-status.enum";
import type { AmountMeasure } from "./relation.type";

export interface MoneyView {
  amount: number;
  currency: string;
  approximate: boolean;
  measure: AmountMeasure;
  note: string | null;
}

export interface ProvenanceView {
  source: SourceRecord;
  quotes: readonly string[];
}

export interface RelationView {
  id: string;
  type: RelationType;
  symmetric: boolean;
  from: EntityRecord;
  to: EntityRecord;
  status: RelationStatus;
  description: string;
  validFrom: string | null;
  validFromPrecision: DatePrecision | null;
  validTo: string | null;
  validToPrecision: DatePrecision | null;
  attestedFrom: string;
  expectedBy: string | null;
  amount: MoneyView | null;
  stakePercent: number | null;
  exclusive: boolean | null;
  role: string | null;
  provenance: ProvenanceView;
}

/** Stands in when a relation names a source that is not in the graph, so `provenance` stays non-null. */
export const UNKNOWN_SOURCE: SourceRecord = {
  id: "unknown",
  title: "Unknown source",
  description: null,
  publishedOn: null,
  language: null,
  file: null,
};

export function toRelationView(record: RelationRecord): RelationView {
  return {
    id: record.id,
    type: record.type,
    symmetric: isSymmetric(record.type),
    from: record.from,
    to: record.to,
    status: record.status,
    description: record.description,
    validFrom: record.validFrom,
    validFromPrecision: record.validFrom ? precisionOf(record.validFrom) : null,
    validTo: record.validTo,
    validToPrecision: record.validTo ? precisionOf(record.validTo) : null,
    attestedFrom: record.attestedFrom,
    expectedBy: record.expectedBy,
    amount:
      record.amount === null || record.currency === null
        ? null
        : {
            amount: record.amount,
            currency: record.currency,
            approximate: record.amountApproximate ?? false,
            measure: (record.amountMeasure ?? "DEAL_VALUE") as AmountMeasure,
            note: record.amountNote,
          },
    stakePercent: record.stakePercent,
    exclusive: record.exclusive,
    role: record.role,
    provenance: { source: record.source ?? UNKNOWN_SOURCE, quotes: record.quotes },
  };
}
