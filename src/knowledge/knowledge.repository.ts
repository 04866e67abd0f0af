/**
 * Cypher that writes knowledge records and reads them back whole, for the import and the export.
 * Values travel as `$parameters`; the only identifiers interpolated are relationship types from
 * the RelationType enum, checked by `assertRelationType` (Neo4j takes no parameter there).
 *
 * Storage: a relation's facts are properties of its relationship; its references are a list of
 * JSON strings (Neo4j properties cannot hold maps), kept in step with `sourceIds`, the list of
 * the sources they cite, so references merge by source in Cypher without reading them first.
 */
import type { ManagedTransaction } from "neo4j-driver";
import type { QueryRunner } from "../graph/query-runner";
import { toInteger, toNumber, toStringList, toStringOrNull, toBooleanOrNull } from "../graph/values";
import { refreshParams, REFRESH_RECENT_RELATIONS, WELL_CONNECTED_ENTITIES } from "../relation/recent-relations";
import { ALL_RELATION_TYPES, assertRelationType, isSymmetric, type RelationType } from "../relation/relation-type.enum";
import type { EntityFacts, EventFacts, ReferenceRecord, RelationFacts, SourceFacts } from "./knowledge.records";
import { eventPeriodOf, relationPeriodOf } from "./period";
import { parseStoredReferences, storedReference, type StoredReference } from "../source/reference-storage";

/** Writes can be big batches: they get their own, longer, timeout. */
const WRITE_TIMEOUT_MS = 120_000;

/** The Cypher that merges `row.references` (JSON strings, one per source in `row.sourceIds`) into `x`'s. */
function mergeReferences(x: string): string {
  return `
WITH ${x}, row, coalesce(${x}.sourceIds, []) AS oldIds, coalesce(${x}.references, []) AS oldRefs
SET ${x}.references = [i IN range(0, size(oldIds) - 1) |
      coalesce(row.references[head([j IN range(0, size(row.sourceIds) - 1) WHERE row.sourceIds[j] = oldIds[i]])], oldRefs[i])]
    + [j IN range(0, size(row.sourceIds) - 1) WHERE NOT row.sourceIds[j] IN oldIds | row.references[j]],
  ${x}.sourceIds = oldIds + [id IN row.sourceIds WHERE NOT id IN oldIds]`;
}

/**
 * Record time: what a write creates is stamped `recordedAt` (the write's instant, `$at`) and
 * version 1; merging into what exists keeps both (an import is not a curated change: it bumps no
 * version and appends no change record).
 */
export const WRITE_SOURCES = `
UNWIND $rows AS row
MERGE (s:Source {id: row.id})
SET s += row.facts, s.recordedAt = coalesce(s.recordedAt, datetime($at))`;

export const WRITE_ENTITIES = `
UNWIND $rows AS row
MERGE (e:Entity {id: row.id})
SET e += row.facts, e.recordedAt = coalesce(e.recordedAt, datetime($at)), e.version = coalesce(e.version, 1)`;

/** One text per relationship type; symmetric types merge whichever way the relation is stored. */
export const WRITE_RELATIONS: ReadonlyMap<RelationType, string> = new Map(
  ALL_RELATION_TYPES.map((type) => [
    type,
    `
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
MERGE (a)-[r:${assertRelationType(type)} {id: row.id}]-${isSymmetric(type) ? "" : ">"}(b)
SET r += row.facts, r.periodStart = date(row.periodStart), r.periodEnd = date(row.periodEnd),
    r.recordedAt = coalesce(r.recordedAt, datetime($at)), r.version = coalesce(r.version, 1)
${mergeReferences("r")}`,
  ]),
);

/**
 * Into a graph that was empty when the import began, with no id twice in the files: nothing can
 * exist yet, so CREATE spares MERGE's lookups and locks (the import's fast path).
 */
const CREATE_ENTITIES = `
UNWIND $rows AS row
CREATE (e:Entity)
SET e = row.facts, e.id = row.id, e.recordedAt = datetime($at), e.version = 1`;

const CREATE_RELATIONS: ReadonlyMap<RelationType, string> = new Map(
  ALL_RELATION_TYPES.map((type) => [
    type,
    `
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
CREATE (a)-[r:${assertRelationType(type)}]->(b)
SET r = row.facts, r.id = row.id, r.periodStart = date(row.periodStart), r.periodEnd = date(row.periodEnd),
    r.sourceIds = row.sourceIds, r.references = row.references, r.recordedAt = datetime($at), r.version = 1`,
  ]),
);

/** Entities whose lists of recent relations one transaction rebuilds (a hub reads all its relations). */
const RECENT_REFRESH_BATCH = 500;

export type WriteMode = "merge" | "create";

interface ReferencedRow {
  readonly sourceIds: string[];
  readonly references: string[];
}

/**
 * One row per key: Cypher reads every row's old references before any row's SET lands, so two
 * rows for one relation in a batch (a CSV relation with a row per source) would each merge into
 * the old list and the last would win. Later rows' facts replace earlier ones (they are equal,
 * the check made sure); references merge by source, a later one replacing the same source's.
 */
export function oneRowPerKey<T extends ReferencedRow>(rows: readonly T[], keyOf: (row: T) => string): T[] {
  const byKey = new Map<string, T>();
  for (const row of rows) {
    const key = keyOf(row);
    const earlier = byKey.get(key);
    if (earlier === undefined) {
      byKey.set(key, row);
      continue;
    }
    const sourceIds = [...earlier.sourceIds];
    const references = [...earlier.references];
    row.sourceIds.forEach((sourceId, index) => {
      const at = sourceIds.indexOf(sourceId);
      if (at >= 0) references[at] = row.references[index];
      else {
        sourceIds.push(sourceId);
        references.push(row.references[index]);
      }
    });
    byKey.set(key, { ...row, sourceIds, references });
  }
  return [...byKey.values()];
}

export const WRITE_EVENTS = `
UNWIND $rows AS row
MERGE (ev:Event {id: row.id})
SET ev += row.facts, ev.recordedAt = coalesce(ev.recordedAt, datetime($at)), ev.dateStart = date(row.dateStart), ev.dateEnd = date(row.dateEnd)
${mergeReferences("ev")}
WITH ev, row
CALL (ev, row) {
  MATCH (p:Entity)-[old:PARTICIPATED_IN]->(ev)
  WHERE NOT p.id IN [participant IN row.participants | participant.entity]
  DELETE old
}
CALL (ev, row) {
  UNWIND row.participants AS participant
  MATCH (p:Entity {id: participant.entity})
  MERGE (p)-[pi:PARTICIPATED_IN]->(ev)
  SET pi.role = participant.role
}`;

/** Each source's references (from relations and events), counted once per import. */
const REFRESH_REFERENCE_COUNTS = `
CALL () {
  MATCH (s:Source) SET s.referenceCount = 0
}
CALL () {
  MATCH (:Entity)-[r]->(:Entity) WHERE r.sourceIds IS NOT NULL
  UNWIND r.sourceIds AS id RETURN id
  UNION ALL
  MATCH (ev:Event) WHERE ev.sourceIds IS NOT NULL
  UNWIND ev.sourceIds AS id RETURN id
}
WITH id, count(*) AS references
MATCH (s:Source {id: id})
SET s.referenceCount = references`;

/** Existing relations with these ids, whatever their type, through each type's id index. */
const RELATION_IDENTITIES = `
UNWIND $ids AS id
CALL (id) {
${ALL_RELATION_TYPES.map((type) => `  MATCH (a:Entity)-[r:${assertRelationType(type)} {id: id}]->(b:Entity) RETURN r, a, b`).join("\n  UNION ALL\n")}
}
RETURN r.id AS id, type(r) AS type, a.id AS fromId, b.id AS toId`;

/** One more reference for relations (found by id through each type's index) and events. */
const WRITE_RELATION_REFERENCES = `
UNWIND $rows AS row
CALL (row) {
${ALL_RELATION_TYPES.map((type) => `  MATCH (:Entity)-[r:${assertRelationType(type)} {id: row.target}]->(:Entity) RETURN r`).join("\n  UNION ALL\n")}
}
${mergeReferences("r")}`;

const WRITE_EVENT_REFERENCES = `
UNWIND $rows AS row
MATCH (ev:Event {id: row.target})
${mergeReferences("ev")}`;

const EXISTING_EVENTS = `
UNWIND $ids AS id
MATCH (ev:Event {id: id})
RETURN collect(ev.id) AS ids`;

const SOURCES = `
MATCH (s:Source)
RETURN s {.id, .title, .publisher, .url, .language, .publishedOn, .description, .text} AS source
ORDER BY s.id`;

const ENTITY_PAGE = `
MATCH (e:Entity) WHERE e.id > $after
RETURN e {.id, .name, .kind, .aliases, .description} AS entity
ORDER BY e.id LIMIT $limit`;

const RELATION_PAGE: ReadonlyMap<RelationType, string> = new Map(
  ALL_RELATION_TYPES.map((type) => [
    type,
    `
MATCH (a:Entity)-[r:${assertRelationType(type)}]->(b:Entity) WHERE r.id > $after
RETURN r {.id, .status, .description, .validFrom, .validTo, .attestedFrom, .expectedBy, .amount, .currency,
          .amountApproximate, .amountMeasure, .amountNote, .stakePercent, .exclusive, .role, .agreementId, .references} AS relation,
       a.id AS fromId, b.id AS toId
ORDER BY r.id LIMIT $limit`,
  ]),
);

const EVENT_PAGE = `
MATCH (ev:Event) WHERE ev.id > $after
RETURN ev {.id, .name, .date, .description, .references} AS event,
       COLLECT { MATCH (p:Entity)-[pi:PARTICIPATED_IN]->(ev) RETURN {entity: p.id, role: pi.role} ORDER BY p.id } AS participants
ORDER BY ev.id LIMIT $limit`;

export interface RelationIdentity {
  readonly id: string;
  readonly type: RelationType;
  readonly fromId: string;
  readonly toId: string;
}

/** The properties a source is stored with (the import's and the mutations' one mapping). */
export function sourceRow(source: SourceFacts) {
  return {
    id: source.id,
    facts: {
      title: source.title,
      publisher: source.publisher ?? null,
      url: source.url ?? null,
      language: source.language ?? null,
      publishedOn: source.publishedOn ?? null,
      description: source.description ?? null,
      text: source.text ?? null,
    },
  };
}

export function entityRow(entity: EntityFacts) {
  return {
    id: entity.id,
    facts: {
      name: entity.name,
      kind: entity.kind,
      aliases: entity.aliases && entity.aliases.length > 0 ? entity.aliases : null,
      description: entity.description ?? null,
    },
  };
}

/** The row a relation is written from: its facts as properties, its period, its references as JSON. */
export function relationRow(relation: RelationFacts, verifiedSources: ReadonlySet<string>) {
  const period = relationPeriodOf(relation);
  return {
    id: relation.id,
    from: relation.from,
    to: relation.to,
    periodStart: period.periodStart,
    periodEnd: period.periodEnd,
    sourceIds: relation.references.map((reference) => reference.source),
    references: relation.references.map((reference) => storedReference(reference, verifiedSources.has(reference.source))),
    facts: {
      status: relation.status,
      description: relation.description,
      validFrom: relation.validFrom ?? null,
      validTo: relation.validTo ?? null,
      attestedFrom: period.attestedFrom,
      expectedBy: relation.expectedBy ?? null,
      amount: relation.amount?.value ?? null,
      currency: relation.amount?.currency ?? null,
      amountApproximate: relation.amount ? relation.amount.approximate === true : null,
      amountMeasure: relation.amount?.measure ?? null,
      amountNote: relation.amount?.note ?? null,
      stakePercent: relation.stakePercent ?? null,
      exclusive: relation.exclusive ?? null,
      role: relation.role ?? null,
      agreementId: relation.agreement ?? null,
    },
  };
}

export function eventRow(event: EventFacts, verifiedSources: ReadonlySet<string>) {
  return {
    id: event.id,
    ...eventPeriodOf(event.date),
    participants: event.participants.map((participant) => ({ entity: participant.entity, role: participant.role ?? null })),
    sourceIds: event.references.map((reference) => reference.source),
    references: event.references.map((reference) => storedReference(reference, verifiedSources.has(reference.source))),
    facts: { name: event.name, date: event.date, description: event.description },
  };
}

export class KnowledgeRepository {
  constructor(private readonly runner: QueryRunner) {}

  /** Every source's text (null for a source without one), to check quotes against. */
  async sourceTexts(): Promise<Map<string, string | null>> {
    const sources = await this.sources();
    return new Map(sources.map((source) => [source.id, source.text ?? null]));
  }

  entityIds(): Promise<string[]> {
    return this.runner.read(
      "knowledge.entityIds",
      async (tx) => toStringList((await tx.run("MATCH (e:Entity) RETURN collect(e.id) AS ids")).records[0].get("ids")),
      { timeoutMs: WRITE_TIMEOUT_MS },
    );
  }

  /** Ids of the entities of kind AGREEMENT (few: what a relation's `agreement` may name). */
  agreementIds(): Promise<string[]> {
    return this.runner.read("knowledge.agreementIds", async (tx) =>
      toStringList(
        (await tx.run("MATCH (e:Entity) WHERE e.kind = 'AGREEMENT' RETURN collect(e.id) AS ids")).records[0].get("ids"),
      ),
    );
  }

  relationIdentities(ids: readonly string[]): Promise<RelationIdentity[]> {
    return this.runner.read(
      "knowledge.relationIdentities",
      async (tx) =>
        (await tx.run(RELATION_IDENTITIES, { ids: [...ids] })).records.map((record) => ({
          id: String(record.get("id")),
          type: String(record.get("type")) as RelationType,
          fromId: String(record.get("fromId")),
          toId: String(record.get("toId")),
        })),
      { timeoutMs: WRITE_TIMEOUT_MS },
    );
  }

  writeSources(sources: readonly SourceFacts[]): Promise<void> {
    const rows = sources.map(sourceRow);
    return this.write("knowledge.writeSources", (tx) => tx.run(WRITE_SOURCES, { rows, at: now() }));
  }

  writeEntities(entities: readonly EntityFacts[], mode: WriteMode = "merge"): Promise<void> {
    const rows = entities.map(entityRow);
    return this.write("knowledge.writeEntities", (tx) =>
      tx.run(mode === "create" ? CREATE_ENTITIES : WRITE_ENTITIES, { rows, at: now() }),
    );
  }

  /** Writes relations of any types in one transaction, one statement per type present. */
  writeRelations(
    relations: readonly RelationFacts[],
    verifiedSources: ReadonlySet<string>,
    mode: WriteMode = "merge",
  ): Promise<void> {
    const byType = new Map<RelationType, Array<ReferencedRow & { id: string }>>();
    for (const relation of relations) {
      const row = relationRow(relation, verifiedSources);
      const rows = byType.get(relation.type);
      if (rows) rows.push(row);
      else byType.set(relation.type, [row]);
    }
    return this.write("knowledge.writeRelations", async (tx) => {
      const queries = mode === "create" ? CREATE_RELATIONS : WRITE_RELATIONS;
      for (const [type, rows] of byType) {
        await tx.run(queries.get(type) as string, { rows: oneRowPerKey(rows, (row) => row.id), at: now() });
      }
    });
  }

  writeEvents(events: readonly EventFacts[], verifiedSources: ReadonlySet<string>): Promise<void> {
    const rows = events.map((event) => eventRow(event, verifiedSources));
    return this.write("knowledge.writeEvents", (tx) =>
      tx.run(WRITE_EVENTS, { rows: oneRowPerKey(rows, (row) => row.id), at: now() }),
    );
  }

  /** Adds each reference to its relation or event, merged by source like any other. */
  writeReferences(references: readonly ReferenceRecord[], verifiedSources: ReadonlySet<string>): Promise<void> {
    const rowsOf = (target: "relation" | "event") =>
      references
        .filter((reference) => reference[target] !== undefined)
        .map((reference) => ({
          target: reference[target],
          sourceIds: [reference.source],
          references: [storedReference(reference, verifiedSources.has(reference.source))],
        }));
    const oneRowPerTarget = (rows: ReturnType<typeof rowsOf>) => oneRowPerKey(rows, (row) => row.target as string);
    return this.write("knowledge.writeReferences", async (tx) => {
      const [relationRows, eventRows] = [oneRowPerTarget(rowsOf("relation")), oneRowPerTarget(rowsOf("event"))];
      if (relationRows.length > 0) await tx.run(WRITE_RELATION_REFERENCES, { rows: relationRows });
      if (eventRows.length > 0) await tx.run(WRITE_EVENT_REFERENCES, { rows: eventRows });
    });
  }

  /** Which of these event ids the graph has. */
  existingEventIds(ids: readonly string[]): Promise<Set<string>> {
    return this.runner.read(
      "knowledge.existingEventIds",
      async (tx) => new Set(toStringList((await tx.run(EXISTING_EVENTS, { ids: [...ids] })).records[0].get("ids"))),
    );
  }

  /** Sets each source's reference count to a known figure (after a load into an empty graph). */
  writeReferenceCounts(counts: ReadonlyMap<string, number>): Promise<void> {
    const rows = [...counts].map(([id, references]) => ({ id, references }));
    return this.write("knowledge.writeReferenceCounts", (tx) =>
      tx.run(
        "MATCH (s:Source) SET s.referenceCount = 0 WITH count(*) AS reset UNWIND $rows AS row MATCH (s:Source {id: row.id}) SET s.referenceCount = row.references",
        { rows },
      ),
    );
  }

  refreshReferenceCounts(): Promise<void> {
    return this.write("knowledge.refreshReferenceCounts", (tx) => tx.run(REFRESH_REFERENCE_COUNTS));
  }

  async sources(): Promise<SourceFacts[]> {
    return this.runner.read("knowledge.sources", async (tx) =>
      (await tx.run(SOURCES)).records.map((record) => {
        const source = record.get("source") as Record<string, unknown>;
        return {
          record: "source" as const,
          id: String(source.id),
          title: String(source.title),
          publisher: optional(source.publisher),
          url: optional(source.url),
          language: optional(source.language),
          publishedOn: optional(source.publishedOn),
          description: optional(source.description),
          text: optional(source.text),
        };
      }),
    );
  }

  entityPage(after: string, limit: number): Promise<EntityFacts[]> {
    return this.page("knowledge.entityPage", ENTITY_PAGE, after, limit, (get) => {
      const entity = get("entity") as Record<string, unknown>;
      const aliases = toStringList(entity.aliases);
      return {
        record: "entity" as const,
        id: String(entity.id),
        name: String(entity.name),
        kind: String(entity.kind) as EntityFacts["kind"],
        aliases: aliases.length > 0 ? aliases : undefined,
        description: optional(entity.description),
      };
    });
  }

  relationPage(type: RelationType, after: string, limit: number): Promise<RelationFacts[]> {
    return this.page("knowledge.relationPage", RELATION_PAGE.get(type) as string, after, limit, (get) =>
      toRelationFacts(get("relation") as Record<string, unknown>, type, String(get("fromId")), String(get("toId"))),
    );
  }

  eventPage(after: string, limit: number): Promise<EventFacts[]> {
    return this.page("knowledge.eventPage", EVENT_PAGE, after, limit, (get) => {
      const event = get("event") as Record<string, unknown>;
      const participants = get("participants") as Array<{ entity: unknown; role: unknown }>;
      return {
        record: "event" as const,
        id: String(event.id),
        name: String(event.name),
        date: String(event.date),
        description: String(event.description),
        participants: participants.map((participant) => ({
          entity: String(participant.entity),
          role: optional(participant.role),
        })),
        references: exportedReferences(event.references),
      };
    });
  }

  private page<T>(
    name: string,
    query: string,
    after: string,
    limit: number,
    map: (get: (key: string) => unknown) => T,
  ): Promise<T[]> {
    return this.runner.read(
      name,
      async (tx) =>
        (await tx.run(query, { after, limit: toInteger(limit) })).records.map((record) => map((key) => record.get(key))),
      { timeoutMs: WRITE_TIMEOUT_MS },
    );
  }

  /**
   * Rebuilds the lists of recent relations (src/relation/recent-relations.ts) of these entities,
   * or of every entity that needs one when `ids` is null (after a bulk load), in batches;
   * `progress` hears how many are done.
   */
  async refreshRecentRelations(ids: readonly string[] | null, progress?: (done: number, total: number) => void): Promise<void> {
    const targets =
      ids ??
      (await this.runner.read("knowledge.wellConnectedEntities", async (tx) =>
        (await tx.run(WELL_CONNECTED_ENTITIES, refreshParams([]))).records.map((record) => String(record.get("id"))),
      ));
    for (let start = 0; start < targets.length; start += RECENT_REFRESH_BATCH) {
      const batch = targets.slice(start, start + RECENT_REFRESH_BATCH);
      await this.write("knowledge.refreshRecentRelations", (tx) => tx.run(REFRESH_RECENT_RELATIONS, refreshParams(batch)));
      progress?.(start + batch.length, targets.length);
    }
  }

  private async write(name: string, work: (tx: ManagedTransaction) => Promise<unknown>): Promise<void> {
    await this.runner.write(name, work, { timeoutMs: WRITE_TIMEOUT_MS });
  }
}

/** A stored relationship's properties back as the record it was written from (export, mutations' before and after). */
export function toRelationFacts(r: Record<string, unknown>, type: RelationType, from: string, to: string): RelationFacts {
  const validFrom = optional(r.validFrom);
  const attestedFrom = optional(r.attestedFrom);
  const amount = toNumber(r.amount);
  return {
    record: "relation" as const,
    id: String(r.id),
    type,
    from,
    to,
    status: String(r.status) as RelationFacts["status"],
    description: String(r.description),
    validFrom,
    validTo: optional(r.validTo),
    // Stored as validFrom when the file gave none: written back only when it says something.
    attestedFrom: validFrom === undefined ? attestedFrom : undefined,
    expectedBy: optional(r.expectedBy),
    amount:
      amount === null
        ? undefined
        : {
            value: amount,
            currency: String(r.currency),
            approximate: toBooleanOrNull(r.amountApproximate) || undefined,
            measure: String(r.amountMeasure) as NonNullable<RelationFacts["amount"]>["measure"],
            note: optional(r.amountNote),
          },
    stakePercent: toNumber(r.stakePercent) ?? undefined,
    exclusive: toBooleanOrNull(r.exclusive) ?? undefined,
    role: optional(r.role),
    agreement: optional(r.agreementId),
    references: exportedReferences(r.references),
  };
}

function now(): string {
  return new Date().toISOString();
}

function optional(value: unknown): string | undefined {
  return toStringOrNull(value) ?? undefined;
}

/** References as the import format writes them: without `verified`, which the import recomputes. */
function exportedReferences(value: unknown) {
  return parseStoredReferences(value).map(({ verified: _verified, ...reference }: StoredReference) => reference);
}
