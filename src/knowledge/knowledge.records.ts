/**
 * The knowledge records of the import format (docs/import-format.md), as they are once checked:
 * what the import writes, the export reads back, and (later) the mutations take. Absent optional
 * values are `undefined`, never `null`, so a record serialises to the canonical line.
 */
import { createHash } from "node:crypto";
import type { EntityKind } from "../entity/entity-kind.enum";
import type { AmountMeasure } from "../relation/amount-measure.enum";
import type { RelationStatus } from "../relation/relation-status.enum";
import { isSymmetric, type RelationType } from "../relation/relation-type.enum";

export interface SourceFacts {
  readonly record: "source";
  readonly id: string;
  readonly title: string;
  readonly publisher?: string;
  readonly url?: string;
  readonly language?: string;
  readonly publishedOn?: string;
  readonly description?: string;
  /** The full text; quotes citing the source are checked against it. */
  readonly text?: string;
}

export interface EntityFacts {
  readonly record: "entity";
  readonly id: string;
  readonly name: string;
  readonly kind: EntityKind;
  readonly aliases?: readonly string[];
  readonly description?: string;
}

export interface ReferenceFacts {
  readonly source: string;
  readonly quotes: readonly string[];
  readonly note?: string;
  /** The source implies the fact without stating it; `note` gives the reasoning. */
  readonly inferred?: boolean;
}

export interface AmountFacts {
  readonly value: number;
  readonly currency: string;
  readonly approximate?: boolean;
  readonly measure: AmountMeasure;
  readonly note?: string;
}

export interface RelationFacts {
  readonly record: "relation";
  readonly id: string;
  readonly type: RelationType;
  readonly from: string;
  readonly to: string;
  readonly status: RelationStatus;
  readonly description: string;
  readonly validFrom?: string;
  readonly validTo?: string;
  readonly attestedFrom?: string;
  readonly expectedBy?: string;
  readonly amount?: AmountFacts;
  readonly stakePercent?: number;
  readonly exclusive?: boolean;
  readonly role?: string;
  readonly agreement?: string;
  readonly references: readonly ReferenceFacts[];
}

export interface ParticipantFacts {
  readonly entity: string;
  readonly role?: string;
}

export interface EventFacts {
  readonly record: "event";
  readonly id: string;
  readonly name: string;
  readonly date: string;
  readonly description: string;
  readonly participants: readonly ParticipantFacts[];
  readonly references: readonly ReferenceFacts[];
}

/** One more source for a relation or an event already recorded (in the graph or the same import). */
export interface ReferenceRecord extends ReferenceFacts {
  readonly record: "reference";
  /** The relation the reference supports, or */
  readonly relation?: string;
  /** the event. */
  readonly event?: string;
}

export type KnowledgeRecord = SourceFacts | EntityFacts | RelationFacts | EventFacts | ReferenceRecord;
export type RecordKind = KnowledgeRecord["record"];

/** Field order of each record kind: the order a line is written in, and the fields it may have. */
export const RECORD_FIELDS = {
  source: ["record", "id", "title", "publisher", "url", "language", "publishedOn", "description", "text", "textFile"],
  entity: ["record", "id", "name", "kind", "aliases", "description"],
  relation: [
    "record",
    "id",
    "type",
    "from",
    "to",
    "status",
    "description",
    "validFrom",
    "validTo",
    "attestedFrom",
    "expectedBy",
    "amount",
    "stakePercent",
    "exclusive",
    "role",
    "agreement",
    "references",
  ],
  event: ["record", "id", "name", "date", "description", "participants", "references"],
  reference: ["record", "relation", "event", "source", "quotes", "note", "inferred"],
} as const satisfies Record<RecordKind, readonly string[]>;

export const REFERENCE_FIELDS = ["source", "quotes", "note", "inferred"] as const;
export const AMOUNT_FIELDS = ["value", "currency", "approximate", "measure", "note"] as const;
export const PARTICIPANT_FIELDS = ["entity", "role"] as const;

/** A record as one line of the format: fields in canonical order, absent values left out. */
export function formatRecord(record: KnowledgeRecord): string {
  return JSON.stringify(canonical(record, RECORD_FIELDS[record.record]));
}

function canonical(value: object, order: readonly string[]): Record<string, unknown> {
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of order) {
    const field = source[key];
    if (field === undefined || field === null) continue;
    if (key === "references") {
      out[key] = (field as object[]).map((reference) => canonical(reference, REFERENCE_FIELDS));
    } else if (key === "participants") {
      out[key] = (field as object[]).map((participant) => canonical(participant, PARTICIPANT_FIELDS));
    } else if (key === "amount") {
      out[key] = canonical(field as object, AMOUNT_FIELDS);
    } else {
      out[key] = field;
    }
  }
  return out;
}

/** What two records with one id must agree on: the facts, references left out (they merge by source). */
export function factsDigest(record: KnowledgeRecord): string {
  let facts: string;
  if (record.record === "relation") {
    // A symmetric relation states the same fact whichever end comes first.
    const swapped = isSymmetric(record.type) && record.to < record.from;
    facts = formatRecord({ ...record, ...(swapped ? { from: record.to, to: record.from } : {}), references: [] });
  } else if (record.record === "event") {
    facts = formatRecord({ ...record, references: [] });
  } else {
    facts = formatRecord(record);
  }
  return createHash("sha1").update(facts).digest("base64").slice(0, 16);
}
