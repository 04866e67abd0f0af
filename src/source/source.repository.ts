/** Cypher for sources: the documents facts come from, their metadata and their full text. */
import type { QueryRunner } from "../graph/query-runner";
import { toInteger, toNumber, toStringOrNull } from "../graph/values";
import { SOURCE_FIELDS, toSourceRecord, type SourceRecord } from "./source.record";

const FIND_BY_IDS = `
UNWIND $ids AS id
MATCH (s:Source {id: id})
RETURN s ${SOURCE_FIELDS} AS source`;

const PAGE = `
MATCH (s:Source) WHERE $afterId IS NULL OR s.id > $afterId
RETURN s ${SOURCE_FIELDS} AS source
ORDER BY s.id LIMIT $limit`;

const COUNT = `MATCH (s:Source) RETURN count(s) AS total`;

const TEXT = `
OPTIONAL MATCH (s:Source {id: $id})
RETURN s IS NOT NULL AS found, s.text AS text`;

export class SourceRepository {
  constructor(private readonly runner: QueryRunner) {}

  findByIds(ids: readonly string[]): Promise<SourceRecord[]> {
    return this.runner.read("source.findByIds", async (tx) =>
      (await tx.run(FIND_BY_IDS, { ids: [...ids] })).records.map((record) => toSourceRecord(record.get("source"))),
    );
  }

  listPage(afterId: string | null, limit: number): Promise<{ sources: SourceRecord[]; total: number }> {
    return this.runner.read("source.listPage", async (tx) => {
      const page = await tx.run(PAGE, { afterId, limit: toInteger(limit) });
      const count = await tx.run(COUNT);
      return {
        sources: page.records.map((record) => toSourceRecord(record.get("source"))),
        total: toNumber(count.records[0].get("total")) ?? 0,
      };
    });
  }

  /** The full text; `found` false when no source has the id, `text` null when it has none. */
  text(id: string): Promise<{ found: boolean; text: string | null }> {
    return this.runner.read("source.text", async (tx) => {
      const record = (await tx.run(TEXT, { id })).records[0];
      return { found: record.get("found") === true, text: toStringOrNull(record.get("text")) };
    });
  }
}
