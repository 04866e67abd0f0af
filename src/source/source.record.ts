import { toNumber, toStringOrNull } from "../graph/values";

/** A source as the API serves it (its text is served apart, by GET /sources/{id}/text). */
export interface SourceRecord {
  readonly id: string;
  readonly title: string;
  readonly publisher: string | null;
  readonly url: string | null;
  readonly description: string | null;
  readonly publishedOn: string | null;
  readonly language: string | null;
  readonly hasText: boolean;
  readonly textUrl: string | null;
  readonly referenceCount: number;
  readonly file: null;
}

/** Projection of a `(s:Source)` node, without its text. */
export const SOURCE_FIELDS =
  "{.id, .title, .publisher, .url, .description, .publishedOn, .language, .referenceCount, hasText: s.text IS NOT NULL}";

export function toSourceRecord(map: Record<string, unknown>): SourceRecord {
  const id = String(map.id);
  const hasText = map.hasText === true;
  return {
    id,
    title: String(map.title),
    publisher: toStringOrNull(map.publisher),
    url: toStringOrNull(map.url),
    description: toStringOrNull(map.description),
    publishedOn: toStringOrNull(map.publishedOn),
    language: toStringOrNull(map.language),
    hasText,
    textUrl: hasText ? `/sources/${encodeURIComponent(id)}/text` : null,
    referenceCount: toNumber(map.referenceCount) ?? 0,
    file: null,
  };
}
