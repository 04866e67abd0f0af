/** Cypher for events: dated happenings with participants, written by the import (src/knowledge). */
import type { Record as Neo4jRecord } from "neo4j-driver";
import { entityMap, toEntityRecord, type EntityRecord } from "../entity/entity.repository";
import type { QueryRunner } from "../graph/query-runner";
import { toInteger, toStringOrNull } from "../graph/values";
import { PARTICIPANTS_CAP } from "../common/list-limits";
import { toProvenance, type ProvenanceView } from "../source/provenance.view";

export interface EventRecord {
  readonly id: string;
  readonly name: string;
  readonly date: string;
  readonly description: string | null;
  readonly participants: ReadonlyArray<{ entity: EntityRecord; role: string | null }>;
  readonly provenance: ProvenanceView;
}

/** The one projection of an event bound to `ev`, with its participants. */
const EVENT_PROJECTION = `ev {.id, .name, .date, .description, .references,
  participants: [(p:Entity)-[pi:PARTICIPATED_IN]->(ev) | {entity: ${entityMap("p")}, role: pi.role}][..${PARTICIPANTS_CAP}]}`;

/** Returns the `event` column for an event bound to `ev`. */
export const EVENT_RETURN = `
RETURN ${EVENT_PROJECTION} AS event`;

const LIST = `
MATCH (ev:Event)
WHERE $participantId IS NULL OR EXISTS { (:Entity {id: $participantId})-[:PARTICIPATED_IN]->(ev) }
WITH ev ORDER BY ev.dateStart, ev.id LIMIT $limit
${EVENT_RETURN}`;

const FIND_BY_IDS = `
UNWIND $ids AS id
MATCH (ev:Event {id: id})
${EVENT_RETURN}`;

const FOR_ENTITIES = `
UNWIND $ids AS entityId
CALL (entityId) {
  MATCH (:Entity {id: entityId})-[:PARTICIPATED_IN]->(ev:Event)
  WITH ev ORDER BY ev.dateStart, ev.id LIMIT $limit
  RETURN ev
}
RETURN entityId, ${EVENT_PROJECTION} AS event`;

export class EventRepository {
  constructor(private readonly runner: QueryRunner) {}

  list(participantId: string | null, limit: number): Promise<EventRecord[]> {
    return this.runner.read("event.list", async (tx) =>
      (await tx.run(LIST, { participantId, limit: toInteger(limit) })).records.map(toEventRecord),
    );
  }

  findByIds(ids: readonly string[]): Promise<EventRecord[]> {
    return this.runner.read("event.findByIds", async (tx) =>
      (await tx.run(FIND_BY_IDS, { ids: [...ids] })).records.map(toEventRecord),
    );
  }

  /** Events of each entity in date order; one query for all the ids. */
  forEntities(ids: readonly string[], limit: number): Promise<Array<{ entityId: string; event: EventRecord }>> {
    return this.runner.read("event.forEntities", async (tx) =>
      (await tx.run(FOR_ENTITIES, { ids: [...ids], limit: toInteger(limit) })).records.map((record) => ({
        entityId: String(record.get("entityId")),
        event: toEventRecord(record),
      })),
    );
  }
}

export function toEventRecord(record: Neo4jRecord): EventRecord {
  const event = record.get("event") as Record<string, unknown>;
  const participants = event.participants as Array<{ entity: Record<string, unknown>; role: unknown }>;
  return {
    id: String(event.id),
    name: String(event.name),
    date: String(event.date),
    description: toStringOrNull(event.description),
    participants: participants
      .map((participant) => ({ entity: toEntityRecord(participant.entity), role: toStringOrNull(participant.role) }))
      .sort((left, right) => left.entity.id.localeCompare(right.entity.id)),
    provenance: toProvenance(event.references),
  };
}
