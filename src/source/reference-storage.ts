/**
 * How a reference is stored on a relationship or an event node: one JSON string per reference
 * (Neo4j properties hold lists of scalars, not maps), keys in a fixed order so equal references
 * are equal strings. Written by the import, read by every query that answers provenance.
 */
export interface StoredReference {
  readonly source: string;
  readonly quotes: readonly string[];
  readonly note?: string;
  readonly inferred?: boolean;
  /** The quotes were checked against the source's text when written (false: the source has none). */
  readonly verified: boolean;
}

export function storedReference(
  reference: { source: string; quotes: readonly string[]; note?: string; inferred?: boolean },
  verified: boolean,
): string {
  return JSON.stringify({
    source: reference.source,
    quotes: reference.quotes,
    note: reference.note,
    inferred: reference.inferred ? true : undefined,
    verified,
  });
}

/** The stored list back as objects; an entry that is not a reference (a hand edit) is skipped. */
export function parseStoredReferences(value: unknown): StoredReference[] {
  if (!Array.isArray(value)) return [];
  const references: StoredReference[] = [];
  for (const item of value) {
    try {
      const parsed = JSON.parse(String(item)) as Partial<StoredReference>;
      if (typeof parsed.source !== "string" || !Array.isArray(parsed.quotes)) continue;
      references.push({
        source: parsed.source,
        quotes: parsed.quotes.map(String),
        note: typeof parsed.note === "string" ? parsed.note : undefined,
        inferred: parsed.inferred === true ? true : undefined,
        verified: parsed.verified === true,
      });
    } catch {
      continue;
    }
  }
  return references;
}
