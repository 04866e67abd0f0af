/**
 * The relation shape, as plain objects: what every query over relations answers (relation
 * lists, an entity's relations, graph edges, paths, the timeline) and the GraphQL `Relation`
 * resolves from. Built in one place, `toRelationView` (relation.repository.ts).
 */
import type { DatePrecision } from "../common/partial-date";
import type { EntityRecord } from "../entity/entity.repository";
import type { ProvenanceView } from "../source/provenance.view";
import type { AmountMeasure } from "./amount-measure.enum";
import type { RelationStatus } from "./relation-status.enum";
import type { RelationType } from "./relation-type.enum";

export interface MoneyView {
  amount: number;
  currency: string;
  approximate: boolean;
  measure: AmountMeasure;
  note: string | null;
}

export interface RelationView {
  id: string;
  type: RelationType;
  symmetric: boolean;
  /** As stored, whoever asks and from whichever side (a symmetric relation too): clients cache a relation by id. */
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
  /** The AGREEMENT entity this relation is a term of. */
  agreementId: string | null;
  inferred: boolean;
  provenance: ProvenanceView;
  /** The first day the relation counts (ISO date); the sort key used by cursors. */
  periodStart: string;
  /** The last day it counts (ISO date), or null while in force. */
  periodEnd: string | null;
  /** Starts at 1; each change through the API adds one (optimistic concurrency). */
  version: number;
  /** When the graph first recorded it (ISO instant); null for relations loaded before record time was kept. */
  recordedAt: string | null;
  /** Who retracted it, when and why; null while it stands. */
  retraction: RetractionView | null;
}

export interface RetractionView {
  at: string;
  by: string;
  reason: string;
}
