/** Cypher for events: dated happenings with participants (cypher/seed/040-events.cypher). */
import type { Record as Neo4jRecord } from "neo4j-driver";
import { ENTITY_FIELDS, toEntityRecord, type EntityRecord } from "../entity/entity.repository";
import type { QueryRunner } from "../graph/query-runner";
import { toStringList, toStringOrNull } from "../graph/values";
import { SOURCE_FIELDS, toSourceRecord, type SourceRecord } from "../source/source.record";

export interface EventRecord {
  readonly id: string;
  readonly name: string;
  readonly date: string;
  readonly description: string | null;
  readonly quotes: readonly string[];
  readonly participants: ReadonlyArray<{ entity: EntityRecord; role: string | null }>;
  readonly source: SourceRecord | null;
}

/** Returns `event`, `participants` and `source` columns for an event bound to `ev`. */
export const EVENT_RETURN = `
OPTIONAL MATCH (s:Source {id: ev.sourceId})
RETURN ev {.id, .name, .date, .description, .quotes} AS event,
       [(p:Entity)-[pi:PARTICIPATED_IN]->(ev) | {entity: p ${ENTITY_FIELDS}, role: pi.role}] AS participants,
       s ${SOURCE_FIELDS} AS source`;

const LIST = `
MATCH (ev:Event)
WHERE $participantId IS NULL OR EXISTS { (:Entity {id: $participantId})-[:PARTICIPATED_IN]->(ev) }
${EVENT_RETURN}
ORDER BY ev.dateStart, ev.id`;

const FIND_BY_IDS = `
UNWIND $ids AS id
MATCH (ev:Event {id: id})
${EVENT_RETURN}`;

const FOR_ENTITIES = `
UNWIND $ids AS entityId
MATCH (:Entity {id: entityId})-[:PARTICIPATED_IN]->(ev:Event)
OPTIONAL MATCH (s:Source {id: ev.sourceId})
RETURN entityId, ev {.id, .name, .date, .description, .quotes} AS event,
       [(p:Entity)-[pi:PARTICIPATED_IN]->(ev) | {entity: p ${ENTITY_FIELDS}, role: pi.role}] AS participants,
       s ${SOURCE_FIELDS} AS source
ORDER BY ev.dateStart, ev.id`;

export class EventRepository {
  constructor(private readonly runner: QueryRunner) {}

  list(participantId: string | null): Promise<EventRecord[]> {
    return this.runner.read("event.list", async (tx) => (await tx.run(LIST, { participantId })).records.map(toEventRecord));
  }

  findByIds(ids: readonly string[]): Promise<EventRecord[]> {
    return this.runner.read("event.findByIds", async (tx) =>
      (await tx.run(FIND_BY_IDS, { ids: [...ids] })).records.map(toEventRecord),
    );
  }

  /** Events of each entity in date order; one query for all the ids. */
  forEntities(ids: readonly string[]): Promise<Array<{ entityId: string; event: EventRecord }>> {
    return this.runner.read("event.forEntities", async (tx) =>
      (await tx.run(FOR_ENTITIES, { ids: [...ids] })).records.map((record) => ({
        entityId: String(record.get("entityId")),
        event: toEventRecord(record),
      })),
    );
  }
}

export function toEventRecord(record: Neo4jRecord): EventRecord {
  const event = record.get("event") as Record<string, unknown>;
  const participants = record.get("participants") as Array<{ entity: Record<string, unknown>; role: unknown }>;
  return {
    id: String(event.id),
    name: String(event.name),
    date: String(event.date),
    description: toStringOrNull(event.description),
    quotes: toStringList(event.quotes),
    participants: participants
      .map((participant) => ({ entity: toEntityRecord(participant.entity), role: toStringOrNull(participant.role) }))
      .sort((left, right) => left.entity.id.localeCompare(right.entity.id)),
    source: toSourceRecord(record.get("source") as Record<string, unknown> | null),
  };
}
