/**
 * Cypher of the write API. Each mutation is one write transaction that
 *   1. numbers its change (src/history/change-log.ts: the counter's lock serialises writes),
 *   2. answers an idempotency key seen before with what that write made, writing nothing,
 *   3. checks what the write depends on (ids, versions, quotes against the source's text) in the
 *      same transaction, so nothing can change in between,
 *   4. writes, keeping the state it replaces as a (:Revision) (reads `knownAt` an earlier instant
 *      find it there),
 *   5. appends the change record and reads back what it made.
 * A check that fails throws, and the driver rolls everything back: a write is there with its
 * change record, or neither is. As everywhere, values are `$parameters`; the only identifiers
 * interpolated are relationship types from the RelationType enum (`assertRelationType`).
 */
import type { ManagedTransaction } from "neo4j-driver";
import { ConflictError } from "../common/errors";
import { entityMap, toEntityRecord, type EntityRecord } from "../entity/entity.repository";
import { EVENT_RETURN, toEventRecord, type EventRecord } from "../event/event.repository";
import type { QueryRunner } from "../graph/query-runner";
import { toNumber, toStringList, toStringOrNull } from "../graph/values";
import { appendChange, nextChange, type AppendedChange, type ChangeInput } from "../history/change-log";
import { toChangeRecord, type ChangeRecord } from "../history/change.record";
import {
  entityRow,
  eventRow,
  relationRow,
  sourceRow,
  toRelationFacts,
  WRITE_ENTITIES,
  WRITE_EVENTS,
  WRITE_RELATIONS,
  WRITE_SOURCES,
} from "../knowledge/knowledge.repository";
import type { EntityFacts, EventFacts, ReferenceFacts, RelationFacts, SourceFacts } from "../knowledge/knowledge.records";
import { REFRESH_RECENT_RELATIONS, refreshParams } from "../relation/recent-relations";
import { recordTimeParams } from "../relation/relation-filter";
import { ALL_RELATION_TYPES, assertRelationType, type RelationType } from "../relation/relation-type.enum";
import { relationsAndEnds, relationsOf } from "../relation/relation.repository";
import type { RelationView } from "../relation/relation.view";
import { parseStoredReferences, storedReference } from "../source/reference-storage";
import { SOURCE_FIELDS, toSourceRecord, type SourceRecord } from "../source/source.record";

/** Who asks and why, and the key that makes a retry safe. */
export interface WriteMeta {
  readonly by: string;
  readonly operation: string;
  readonly reason: string | null;
  readonly idempotencyKey: string | null;
  /** A digest of the request: a key sent again with another request is refused. */
  readonly requestHash: string;
}

export interface WriteResult<T> {
  readonly result: T;
  /** Null when the write changed nothing (the fact was already there as asked). */
  readonly change: ChangeRecord | null;
  /** True when the idempotency key had been used: nothing was written this time. */
  readonly replayed: boolean;
}

type ChangeFacts = Omit<ChangeInput, "by" | "operation" | "reason" | "idempotencyKey">;

interface WorkOutcome<T> {
  readonly result: T;
  readonly change: ChangeFacts | null;
}

/** Ends the transaction without writing (rolled back), carrying the answer out. */
class RollBack<T> extends Error {
  constructor(readonly outcome: WriteResult<T>) {
    super("rolled back on purpose");
  }
}

const WRITE_TIMEOUT_MS = 30_000;

const CHANGE_BY_KEY = `
MATCH (c:Change {idempotencyKey: $key})
RETURN c {.*, at: toString(c.at)} AS change`;

/** Every relationship type a relation can be stored under, retracted included. */
const STORED_TYPES = [...ALL_RELATION_TYPES.map(assertRelationType), "RETRACTED"];

const STATE_RETURN = `RETURN r, type(r) AS storedType, CASE type(r) WHEN 'RETRACTED' THEN r.retractedType ELSE type(r) END AS type,
  startNode(r).id AS fromId, endNode(r).id AS toId, properties(r) AS props, coalesce(r.version, 1) AS version`;

/** A relation by id through each type's index (and the retracted ones'), with its ends. */
const RELATION_BY_ID = `
CALL () {
${STORED_TYPES.map((type) => `  MATCH (a:Entity)-[r:${type} {id: $id}]->(b:Entity) RETURN r`).join("\n  UNION ALL\n")}
}
${STATE_RETURN}`;

/**
 * A relation of a known type by id, standing or retracted: two index seeks. Neo4j plans a query
 * over every type (30 branches) in seconds, so the writes use it only when the type is unknown.
 */
function ofTypeQuery(type: string, returned: string): string {
  return `
CALL () {
  MATCH (:Entity)-[r:${type} {id: $id}]->(:Entity) RETURN r
  UNION ALL
  MATCH (:Entity)-[r:RETRACTED {id: $id}]->(:Entity) WHERE r.retractedType = '${type}' RETURN r
}
${returned}`;
}

const RELATION_OF_TYPE = new Map(ALL_RELATION_TYPES.map((type) => [type, ofTypeQuery(assertRelationType(type), STATE_RETURN)]));
const READ_RELATION = new Map(
  ALL_RELATION_TYPES.map((type) => [
    type,
    ofTypeQuery(assertRelationType(type), `WITH collect(r) AS found RETURN ${relationsAndEnds("found")}`),
  ]),
);

/** Keeps the state a change replaces, for reads `knownAt` an instant before the change. */
const KEEP_RELATION_REVISION = `
MATCH ()-[r]->() WHERE elementId(r) = $elementId
CREATE (v:Revision)
SET v = properties(r), v.subject = r.id, v.kind = 'relation',
    v.recordedAt = coalesce(r.updatedAt, r.recordedAt, datetime('1970-01-01T00:00:00Z')), v.supersededAt = datetime($at)`;

const KEEP_ENTITY_REVISION = `
MATCH (e:Entity {id: $id})
CREATE (v:Revision)
SET v = properties(e), v.subject = e.id, v.kind = 'entity',
    v.recordedAt = coalesce(e.updatedAt, e.recordedAt, datetime('1970-01-01T00:00:00Z')), v.supersededAt = datetime($at)
REMOVE v.recentRelations, v.earliestRelations`;

/** The facts of a relation replaced (a correction); references untouched. */
const SET_RELATION_FACTS = `
MATCH ()-[r]->() WHERE elementId(r) = $elementId
SET r += $facts, r.periodStart = date($periodStart), r.periodEnd = date($periodEnd),
    r.version = coalesce(r.version, 1) + 1, r.updatedAt = datetime($at)`;

const SET_RELATION_REFERENCES = `
MATCH ()-[r]->() WHERE elementId(r) = $elementId
SET r.sourceIds = $sourceIds, r.references = $references, r.version = coalesce(r.version, 1) + 1, r.updatedAt = datetime($at)`;

/** Retraction: the relationship is re-created, every property kept, under the one type RETRACTED. */
const RETRACT_RELATION = `
MATCH (a)-[r]->(b) WHERE elementId(r) = $elementId
WITH a, b, r, properties(r) AS props, type(r) AS type
DELETE r
CREATE (a)-[x:RETRACTED]->(b)
SET x = props, x.retractedType = type, x.retractedAt = datetime($at), x.retractedBy = $by, x.retractionReason = $reason,
    x.version = coalesce(props.version, 1) + 1, x.updatedAt = datetime($at)`;

const SOURCE_TEXTS = `
UNWIND $ids AS id
MATCH (s:Source {id: id})
RETURN s.id AS id, s.text AS text`;

const EXISTING_ENTITIES = `
UNWIND $ids AS id
MATCH (e:Entity {id: id})
RETURN e.id AS id, e.kind AS kind`;

const ENTITY_STATE = `
OPTIONAL MATCH (e:Entity {id: $id})
OPTIONAL MATCH (m:MergedEntity {id: $id})
RETURN e {.*} AS entity, m.mergedInto AS mergedInto`;

const READ_ENTITY = `
MATCH (e:Entity {id: $id})
RETURN ${entityMap("e")} AS entity`;

const UPDATE_ENTITY = `
MATCH (e:Entity {id: $id})
SET e += $facts, e.version = coalesce(e.version, 1) + 1, e.updatedAt = datetime($at)`;

const READ_SOURCE = `
MATCH (s:Source {id: $id})
RETURN s ${SOURCE_FIELDS} AS source, properties(s) AS props`;

const READ_EVENT = `
MATCH (ev:Event {id: $id})
${EVENT_RETURN}`;

const EVENT_STATE = `
MATCH (ev:Event {id: $id})
RETURN properties(ev) AS props,
  COLLECT { MATCH (p:Entity)-[pi:PARTICIPATED_IN]->(ev) RETURN {entity: p.id, role: pi.role} ORDER BY p.id } AS participants`;

const SET_EVENT_REFERENCES = `
MATCH (ev:Event {id: $id})
SET ev.sourceIds = $sourceIds, ev.references = $references, ev.updatedAt = datetime($at)`;

/** Moves the merged entity's relations of one type to the survivor (ids, facts and versions kept). */
function moveRelationsQuery(type: string): string {
  return `
MATCH (m:Entity {id: $merged}), (s:Entity {id: $survivor})
CALL (m, s) {
  MATCH (m)-[r:${type}]->(o) WHERE o <> s AND o <> m
  WITH s, o, r, properties(r) AS props
  DELETE r
  CREATE (s)-[x:${type}]->(o) SET x = props
  RETURN collect({id: props.id, other: o.id}) AS outgoing
}
CALL (m, s) {
  MATCH (m)<-[r:${type}]-(o) WHERE o <> s AND o <> m
  WITH s, o, r, properties(r) AS props
  DELETE r
  CREATE (o)-[x:${type}]->(s) SET x = props
  RETURN collect({id: props.id, other: o.id}) AS incoming
}
RETURN outgoing + incoming AS moved`;
}

const MOVE_QUERIES = new Map(STORED_TYPES.map((type) => [type, moveRelationsQuery(type)]));

/** The relationship types the merged entity has, so only those types' moves run. */
const TYPES_OF = `
MATCH (:Entity {id: $id})-[r]-(:Entity)
RETURN collect(DISTINCT type(r)) AS types`;

/** Relations between the two entities merged would become loops: they are retracted, looping on the survivor. */
const RELATIONS_BETWEEN = `
MATCH (m:Entity {id: $merged})-[r]-(s:Entity {id: $survivor})
WHERE type(r) <> 'RETRACTED'
RETURN DISTINCT elementId(r) AS elementId, r.id AS id, type(r) AS type`;

const RETRACT_AS_LOOP = `
MATCH ()-[r]->() WHERE elementId(r) = $elementId
MATCH (s:Entity {id: $survivor})
WITH s, r, properties(r) AS props, type(r) AS type
DELETE r
CREATE (s)-[x:RETRACTED]->(s)
SET x = props, x.retractedType = type, x.retractedAt = datetime($at), x.retractedBy = $by, x.retractionReason = $reason,
    x.version = coalesce(props.version, 1) + 1, x.updatedAt = datetime($at)`;

const FINISH_MERGE = `
MATCH (m:Entity {id: $merged}), (s:Entity {id: $survivor})
CALL (m, s) {
  MATCH (m)-[p:PARTICIPATED_IN]->(ev:Event)
  MERGE (s)-[q:PARTICIPATED_IN]->(ev)
  SET q.role = coalesce(q.role, p.role)
  DELETE p
}
CALL (m, s) {
  OPTIONAL MATCH (earlier:MergedEntity {mergedInto: m.id})
  SET earlier.mergedInto = s.id
}
CALL (m, s) {
  MATCH (m)<-[:PARTY_TO]-(:Entity)-[r]-(:Entity) WHERE m.kind = 'AGREEMENT' AND r.agreementId = m.id
  SET r.agreementId = s.id
}
WITH m, s, [name IN [m.name] + coalesce(m.aliases, []) WHERE NOT name IN [s.name] + coalesce(s.aliases, [])] AS newAliases
SET s.aliases = coalesce(s.aliases, []) + newAliases, s.version = coalesce(s.version, 1) + 1, s.updatedAt = datetime($at)
REMOVE m:Entity, m.recentRelations, m.earliestRelations
SET m:MergedEntity, m.mergedInto = s.id, m.mergedAt = datetime($at), m.mergedBy = $by`;

export class CurationRepository {
  constructor(private readonly runner: QueryRunner) {}

  /**
   * Runs `work` in one write transaction, numbered, behind the idempotency check, and appends its
   * change record; `replay` reads what an earlier write with the same key made.
   */
  async transact<T>(
    meta: WriteMeta,
    work: (tx: ManagedTransaction, stamp: AppendedChange) => Promise<WorkOutcome<T>>,
    replay: (tx: ManagedTransaction, earlier: ChangeRecord) => Promise<T>,
  ): Promise<WriteResult<T>> {
    try {
      return await this.runner.write(
        `curation.${meta.operation}`,
        async (tx) => {
          const stamp = await nextChange(tx);
          if (meta.idempotencyKey !== null) {
            const earlier = (await tx.run(CHANGE_BY_KEY, { key: meta.idempotencyKey })).records[0];
            if (earlier) {
              const stored = earlier.get("change") as Record<string, unknown>;
              if (stored.requestHash !== meta.requestHash || stored.operation !== meta.operation) {
                throw new ConflictError(
                  `The idempotency key "${meta.idempotencyKey}" was used for another request (change ${toNumber(stored.seq)}); ` +
                    "use a new key for a new request.",
                );
              }
              const change = toChangeRecord(stored);
              throw new RollBack({ result: await replay(tx, change), change, replayed: true });
            }
          }
          const outcome = await work(tx, stamp);
          if (outcome.change === null) throw new RollBack({ result: outcome.result, change: null, replayed: false });
          const input: ChangeInput = {
            ...outcome.change,
            by: meta.by,
            operation: meta.operation,
            reason: meta.reason,
            idempotencyKey: meta.idempotencyKey,
          };
          await appendChange(tx, stamp, input, { requestHash: meta.requestHash });
          return {
            result: outcome.result,
            change: toChangeRecord({
              ...input,
              seq: stamp.seq,
              at: stamp.at,
              before: json(input.before),
              after: json(input.after),
            }),
            replayed: false,
          };
        },
        { timeoutMs: WRITE_TIMEOUT_MS },
      );
    } catch (error) {
      if (error instanceof RollBack) return error.outcome as WriteResult<T>;
      throw error;
    }
  }

  // --- reads inside a write transaction -------------------------------------------------------

  async sourceTexts(tx: ManagedTransaction, ids: readonly string[]): Promise<Map<string, string | null>> {
    const result = await tx.run(SOURCE_TEXTS, { ids: [...new Set(ids)] });
    return new Map(result.records.map((record) => [String(record.get("id")), toStringOrNull(record.get("text"))]));
  }

  /** Kinds of the entities that exist among `ids`. */
  async entityKinds(tx: ManagedTransaction, ids: readonly string[]): Promise<Map<string, string>> {
    const result = await tx.run(EXISTING_ENTITIES, { ids: [...new Set(ids)] });
    return new Map(result.records.map((record) => [String(record.get("id")), String(record.get("kind"))]));
  }

  /** The relation with this id, standing or retracted; looked for among `type`'s only when given. */
  async relationState(tx: ManagedTransaction, id: string, ofType?: RelationType): Promise<StoredRelation | null> {
    const query = ofType === undefined ? RELATION_BY_ID : (RELATION_OF_TYPE.get(ofType) as string);
    const record = (await tx.run(query, { id })).records[0];
    if (!record) return null;
    const type = String(record.get("type")) as RelationType;
    return {
      elementId: (record.get("r") as { elementId: string }).elementId,
      retracted: record.get("storedType") === "RETRACTED",
      version: toNumber(record.get("version")) ?? 1,
      facts: toRelationFacts(
        record.get("props") as Record<string, unknown>,
        type,
        String(record.get("fromId")),
        String(record.get("toId")),
      ),
      storedReferences: toStringList((record.get("props") as Record<string, unknown>).references),
    };
  }

  async readRelation(tx: ManagedTransaction, id: string, type: RelationType): Promise<RelationView> {
    const record = (await tx.run(READ_RELATION.get(type) as string, { id, ...recordTimeParams(null) })).records[0];
    return relationsOf(record)[0];
  }

  async entityState(
    tx: ManagedTransaction,
    id: string,
  ): Promise<{ entity: EntityFacts & { version: number }; mergedInto: null } | { entity: null; mergedInto: string | null }> {
    const record = (await tx.run(ENTITY_STATE, { id })).records[0];
    const props = record.get("entity") as Record<string, unknown> | null;
    if (!props) return { entity: null, mergedInto: toStringOrNull(record.get("mergedInto")) };
    const aliases = toStringList(props.aliases);
    return {
      entity: {
        record: "entity",
        id: String(props.id),
        name: String(props.name),
        kind: String(props.kind) as EntityFacts["kind"],
        aliases: aliases.length > 0 ? aliases : undefined,
        description: toStringOrNull(props.description) ?? undefined,
        version: toNumber(props.version) ?? 1,
      },
      mergedInto: null,
    };
  }

  async readEntity(tx: ManagedTransaction, id: string): Promise<EntityRecord> {
    return toEntityRecord((await tx.run(READ_ENTITY, { id })).records[0].get("entity"));
  }

  async sourceState(
    tx: ManagedTransaction,
    id: string,
  ): Promise<{ record: SourceRecord; props: Record<string, unknown> } | null> {
    const record = (await tx.run(READ_SOURCE, { id })).records[0];
    if (!record) return null;
    return { record: toSourceRecord(record.get("source")), props: record.get("props") as Record<string, unknown> };
  }

  async readEvent(tx: ManagedTransaction, id: string): Promise<EventRecord> {
    return toEventRecord((await tx.run(READ_EVENT, { id })).records[0]);
  }

  async eventState(tx: ManagedTransaction, id: string): Promise<{ facts: EventFacts; storedReferences: string[] } | null> {
    const record = (await tx.run(EVENT_STATE, { id })).records[0];
    if (!record) return null;
    const props = record.get("props") as Record<string, unknown>;
    const participants = record.get("participants") as Array<{ entity: unknown; role: unknown }>;
    return {
      facts: {
        record: "event",
        id: String(props.id),
        name: String(props.name),
        date: String(props.date),
        description: String(props.description),
        participants: participants.map((p) => ({ entity: String(p.entity), role: toStringOrNull(p.role) ?? undefined })),
        references: parseStoredReferences(props.references).map(({ verified: _verified, ...reference }) => reference),
      },
      storedReferences: toStringList(props.references),
    };
  }

  // --- writes inside a write transaction ------------------------------------------------------

  async createSource(tx: ManagedTransaction, source: SourceFacts, at: string): Promise<void> {
    await tx.run(WRITE_SOURCES, { rows: [sourceRow(source)], at });
  }

  async createEntity(tx: ManagedTransaction, entity: EntityFacts, at: string): Promise<void> {
    await tx.run(WRITE_ENTITIES, { rows: [entityRow(entity)], at });
  }

  async updateEntity(tx: ManagedTransaction, entity: EntityFacts, at: string): Promise<void> {
    await tx.run(KEEP_ENTITY_REVISION, { id: entity.id, at });
    await tx.run(UPDATE_ENTITY, { id: entity.id, facts: entityRow(entity).facts, at });
  }

  /** A new relation, then the lists of recent relations of its ends. */
  async createRelation(
    tx: ManagedTransaction,
    relation: RelationFacts,
    verifiedSources: ReadonlySet<string>,
    at: string,
  ): Promise<void> {
    await tx.run(WRITE_RELATIONS.get(relation.type) as string, { rows: [relationRow(relation, verifiedSources)], at });
    await this.refreshRecent(tx, [relation.from, relation.to]);
  }

  async correctRelation(
    tx: ManagedTransaction,
    stored: StoredRelation,
    relation: RelationFacts,
    verifiedSources: ReadonlySet<string>,
    at: string,
  ): Promise<void> {
    const row = relationRow(relation, verifiedSources);
    await tx.run(KEEP_RELATION_REVISION, { elementId: stored.elementId, at });
    await tx.run(SET_RELATION_FACTS, {
      elementId: stored.elementId,
      facts: row.facts,
      periodStart: row.periodStart,
      periodEnd: row.periodEnd,
      at,
    });
    await this.refreshRecent(tx, [relation.from, relation.to]);
  }

  /** Replaces the relation's references (stored JSON strings, in step with their source ids). */
  async setReferences(
    tx: ManagedTransaction,
    stored: StoredRelation,
    references: ReadonlyArray<{ source: string; json: string }>,
    at: string,
  ): Promise<void> {
    await tx.run(KEEP_RELATION_REVISION, { elementId: stored.elementId, at });
    await tx.run(SET_RELATION_REFERENCES, {
      elementId: stored.elementId,
      sourceIds: references.map((reference) => reference.source),
      references: references.map((reference) => reference.json),
      at,
    });
  }

  async retractRelation(tx: ManagedTransaction, stored: StoredRelation, by: string, reason: string, at: string): Promise<void> {
    await tx.run(KEEP_RELATION_REVISION, { elementId: stored.elementId, at });
    await tx.run(RETRACT_RELATION, { elementId: stored.elementId, by, reason, at });
    await this.refreshRecent(tx, [stored.facts.from, stored.facts.to]);
  }

  async createEvent(tx: ManagedTransaction, event: EventFacts, verifiedSources: ReadonlySet<string>, at: string): Promise<void> {
    await tx.run(WRITE_EVENTS, { rows: [eventRow(event, verifiedSources)], at });
  }

  async setEventReferences(
    tx: ManagedTransaction,
    id: string,
    references: ReadonlyArray<{ source: string; json: string }>,
    at: string,
  ): Promise<void> {
    await tx.run(SET_EVENT_REFERENCES, {
      id,
      sourceIds: references.map((reference) => reference.source),
      references: references.map((reference) => reference.json),
      at,
    });
  }

  /**
   * Merges `merged` into `survivor`: relations move (ids and facts kept), relations between the
   * two are retracted, events and agreement terms follow, the survivor takes the other's names as
   * aliases, and the merged node stays (label MergedEntity) so its id resolves to the survivor.
   */
  async mergeEntities(
    tx: ManagedTransaction,
    survivor: string,
    merged: string,
    by: string,
    reason: string,
    at: string,
  ): Promise<{ moved: Array<{ id: string; type: string; other: string }>; retracted: Array<{ id: string; type: string }> }> {
    const retracted: Array<{ id: string; type: string }> = [];
    for (const record of (await tx.run(RELATIONS_BETWEEN, { merged, survivor })).records) {
      const elementId = String(record.get("elementId"));
      await tx.run(KEEP_RELATION_REVISION, { elementId, at });
      await tx.run(RETRACT_AS_LOOP, {
        elementId,
        survivor,
        by,
        reason: `merge of "${merged}" into "${survivor}": both ends are now one entity. ${reason}`,
        at,
      });
      retracted.push({ id: String(record.get("id")), type: String(record.get("type")) });
    }
    const moved: Array<{ id: string; type: string; other: string }> = [];
    const present = new Set(toStringList((await tx.run(TYPES_OF, { id: merged })).records[0].get("types")));
    for (const [type, query] of MOVE_QUERIES) {
      if (!present.has(type)) continue;
      const rows = (await tx.run(query, { merged, survivor })).records[0]?.get("moved") as
        Array<{ id: unknown; other: unknown }> | undefined;
      for (const row of rows ?? []) moved.push({ id: String(row.id), type, other: String(row.other) });
    }
    await tx.run(KEEP_ENTITY_REVISION, { id: survivor, at });
    await tx.run(FINISH_MERGE, { merged, survivor, by, at });
    await this.refreshRecent(tx, [survivor, ...moved.map((row) => row.other)]);
    return { moved, retracted };
  }

  private async refreshRecent(tx: ManagedTransaction, ids: readonly string[]): Promise<void> {
    await tx.run(REFRESH_RECENT_RELATIONS, refreshParams([...new Set(ids)]));
  }
}

export interface StoredRelation {
  readonly elementId: string;
  readonly retracted: boolean;
  readonly version: number;
  readonly facts: RelationFacts;
  /** The references as stored (JSON strings, `verified` included), in the order of `facts.references`. */
  readonly storedReferences: string[];
}

/** A reference as stored, with whether its quotes were checked against the source's text. */
export function storedReferenceOf(reference: ReferenceFacts, verified: boolean): { source: string; json: string } {
  return { source: reference.source, json: storedReference(reference, verified) };
}

function json(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}
