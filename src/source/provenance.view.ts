/** Provenance as plain objects (pure): the references of a fact, read from their stored form. */
import { parseStoredReferences } from "./reference-storage";

export interface ReferenceView {
  readonly sourceId: string;
  readonly quotes: readonly string[];
  readonly note: string | null;
  readonly inferred: boolean;
  readonly verified: boolean;
}

export interface ProvenanceView {
  readonly references: readonly ReferenceView[];
}

export function toProvenance(stored: unknown): ProvenanceView {
  return {
    references: parseStoredReferences(stored).map((reference) => ({
      sourceId: reference.source,
      quotes: reference.quotes,
      note: reference.note ?? null,
      inferred: reference.inferred === true,
      verified: reference.verified,
    })),
  };
}

/** A fact is inferred when no reference states it. */
export function isInferred(provenance: ProvenanceView): boolean {
  return provenance.references.length > 0 && provenance.references.every((reference) => reference.inferred);
}
