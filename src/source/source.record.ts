import { toStringOrNull } from "../graph/values";

export interface SourceRecord {
  readonly id: string;
  readonly title: string;
  readonly description: string | null;
  readonly publishedOn: string | null;
  readonly language: string | null;
  readonly file: string | null;
}

/** Projection of a `(s:Source)` node, shared by the queries that fold in provenance. */
export const SOURCE_FIELDS = "{.id, .title, .description, .publishedOn, .language, .file}";

export function toSourceRecord(map: Record<string, unknown> | null): SourceRecord | null {
  if (!map) return null;
  return {
    id: String(map.id),
    title: String(map.title),
    description: toStringOrNull(map.description),
    publishedOn: toStringOrNull(map.publishedOn),
    language: toStringOrNull(map.language),
    file: toStringOrNull(map.file),
  };
}
