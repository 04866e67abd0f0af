/**
 * Turns what a person types into a Lucene query for the `entity_names` full-text index (pure).
 *
 * The index folds accents and case (`standard-folding`), but Lucene does not analyse prefix and
 * fuzzy terms, so the text is folded here the same way: "Commission Européenne" and
 * "commission europeenne" give one query. Each word matches exactly (boosted), as a prefix
 * ("open" → OpenAI) or, from four letters, within one edit ("micrsoft" → Microsoft). Only letters
 * and digits survive, so no Lucene syntax from the user ever reaches the parser.
 */
export interface SearchQueries {
  /** Every word must match: tried first. */
  readonly allWords: string;
  /** Any word may match: the fallback when `allWords` finds nothing (e.g. a stop word like "the"). */
  readonly anyWord: string;
  readonly words: readonly string[];
}

export function foldForSearch(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
}

export function searchWords(text: string): string[] {
  return foldForSearch(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

function wordClause(word: string): string {
  const clauses = [`${word}^4`, `${word}*^2`];
  if (word.length >= 4) clauses.push(`${word}~1`);
  return `(${clauses.join(" OR ")})`;
}

/** Null when the text holds no letter or digit. */
export function toSearchQueries(text: string): SearchQueries | null {
  const words = [...new Set(searchWords(text))];
  if (words.length === 0) return null;
  const clauses = words.map(wordClause);
  return { allWords: clauses.join(" AND "), anyWord: clauses.join(" OR "), words };
}
