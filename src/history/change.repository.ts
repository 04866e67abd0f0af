/** Cypher reading the change log (src/history/change-log.ts writes it). */
import type { QueryRunner } from "../graph/query-runner";
import { toInteger, toNumber } from "../graph/values";
import { toChangeRecord, type ChangeRecord } from "./change.record";

export interface ChangeFilter {
  readonly entity: string | null;
  readonly relation: string | null;
  readonly by: string | null;
  readonly since: string | null;
  readonly until: string | null;
}

const CONDITION = `($entity IS NULL OR $entity IN c.entityIds OR $entity IN c.removedEntityIds)
  AND ($relation IS NULL OR $relation IN c.relationIds)
  AND ($by IS NULL OR c.by = $by)
  AND ($since IS NULL OR c.at >= datetime($since))
  AND ($until IS NULL OR c.at < datetime($until))`;

/** Newest first, a page after a cursor (a seq), and the count over all pages, in one statement. */
const PAGE = `
CALL () {
  MATCH (c:Change) WHERE ${CONDITION}
  RETURN count(c) AS total
}
CALL () {
  MATCH (c:Change) WHERE ${CONDITION} AND ($afterSeq IS NULL OR c.seq < $afterSeq)
  WITH c ORDER BY c.seq DESC LIMIT $limit
  RETURN collect(c {.*, at: toString(c.at)}) AS changes
}
RETURN total, changes`;

export class ChangeRepository {
  constructor(private readonly runner: QueryRunner) {}

  page(filter: ChangeFilter, afterSeq: number | null, limit: number): Promise<{ changes: ChangeRecord[]; total: number }> {
    return this.runner.read("history.changes", async (tx) => {
      const record = (
        await tx.run(PAGE, { ...filter, afterSeq: afterSeq === null ? null : toInteger(afterSeq), limit: toInteger(limit) })
      ).records[0];
      return {
        changes: (record.get("changes") as Array<Record<string, unknown>>).map(toChangeRecord),
        total: toNumber(record.get("total")) ?? 0,
      };
    });
  }
}
