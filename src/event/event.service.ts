import DataLoader from "dataloader";
import { precisionOf, type DatePrecision } from "../common/partial-date";
import type { EntityRecord } from "../entity/entity.repository";
import type { EntityService } from "../entity/entity.service";
import type { ProvenanceView } from "../source/provenance.view";
import type { EventRecord, EventRepository } from "./event.repository";

export interface EventView {
  id: string;
  name: string;
  date: string;
  datePrecision: DatePrecision;
  description: string | null;
  participants: ReadonlyArray<{ entity: EntityRecord; role: string | null }>;
  provenance: ProvenanceView;
}

export class EventService {
  private readonly byId: DataLoader<string, EventView | null>;
  private readonly byEntity: DataLoader<string, EventView[]>;

  constructor(
    private readonly repository: EventRepository,
    private readonly entities: EntityService,
  ) {
    this.byId = new DataLoader(async (ids) => {
      const found = new Map((await repository.findByIds(ids)).map((event) => [event.id, toEventView(event)]));
      return ids.map((id) => found.get(id) ?? null);
    });
    this.byEntity = new DataLoader(async (ids) => {
      const rows = await repository.forEntities(ids);
      return ids.map((id) => rows.filter((row) => row.entityId === id).map((row) => toEventView(row.event)));
    });
  }

  get(id: string): Promise<EventView | null> {
    return this.byId.load(id);
  }

  async list(participantId: string | undefined): Promise<EventView[]> {
    if (participantId) await this.entities.require(participantId, "participant");
    return (await this.repository.list(participantId ?? null)).map(toEventView);
  }

  forEntity(entityId: string): Promise<EventView[]> {
    return this.byEntity.load(entityId);
  }
}

export function toEventView(record: EventRecord): EventView {
  return {
    id: record.id,
    name: record.name,
    date: record.date,
    datePrecision: precisionOf(record.date),
    description: record.description,
    participants: record.participants,
    provenance: record.provenance,
  };
}
