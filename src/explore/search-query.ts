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
  if (words.length === 1) return { allWords: clauses[0], anyWord: clauses[0], words };
  // "open ai" also means the one word "openai": names are often written both ways.
  const joined = wordClause(words.join(""));
  return { allWords: `(${clauses.join(" AND ")}) OR ${joined}`, anyWord: [...clauses, joined].join(" OR "), words };
}

/** A name or what was typed without spaces, hyphens or punctuation, folded: "Open-AI" and "open ai" are "openai". */
export function compactForSearch(text: string): string {
  return foldForSearch(text).replace(/[^\p{L}\p{N}]+/gu, "");
}
