/**
 * The export: the whole graph in the import format, in a fixed order (sources, entities, then
 * relations by type and id, then events, each by id), so exporting the same graph twice gives
 * the same bytes, and export → import into an empty graph → export is byte-identical. Read a
 * page at a time and written with back-pressure: memory stays flat whatever the graph's size.
 */
import { once } from "node:events";
import type { Writable } from "node:stream";
import { ALL_RELATION_TYPES } from "../relation/relation-type.enum";
import type { KnowledgeRepository } from "./knowledge.repository";
import { formatRecord, type KnowledgeRecord, type ReferenceRecord } from "./knowledge.records";

type ExportedRecord = Exclude<KnowledgeRecord, ReferenceRecord>;
type ExportedKind = ExportedRecord["record"];

const PAGE_SIZE = 10_000;

export class Exporter {
  constructor(private readonly repository: KnowledgeRepository) {}

  async run(out: Writable, log: (line: string) => void = () => undefined): Promise<Record<ExportedKind, number>> {
    const counts: Record<ExportedKind, number> = { source: 0, entity: 0, relation: 0, event: 0 };
    const write = async (records: readonly ExportedRecord[]) => {
      if (records.length === 0) return;
      counts[records[0].record] += records.length;
      if (!out.write(records.map((record) => `${formatRecord(record)}\n`).join(""))) await once(out, "drain");
    };
    await write(await this.repository.sources());
    await this.paged((after) => this.repository.entityPage(after, PAGE_SIZE), write);
    log(`export: ${counts.source} source(s), ${counts.entity} entities ...`);
    for (const type of ALL_RELATION_TYPES) {
      await this.paged((after) => this.repository.relationPage(type, after, PAGE_SIZE), write);
    }
    log(`export: ${counts.relation} relations ...`);
    await this.paged((after) => this.repository.eventPage(after, PAGE_SIZE), write);
    return counts;
  }

  private async paged<T extends ExportedRecord>(
    page: (after: string) => Promise<T[]>,
    write: (records: readonly T[]) => Promise<void>,
  ): Promise<void> {
    let after = "";
    for (;;) {
      const records = await page(after);
      await write(records);
      if (records.length < PAGE_SIZE) return;
      after = records[records.length - 1].id;
    }
  }
}
