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
  /** One loader per page size, so a list of entities costs one query. */
  private readonly byEntity = new Map<number, DataLoader<string, EventView[]>>();

  constructor(
    private readonly repository: EventRepository,
    private readonly entities: EntityService,
  ) {
    this.byId = new DataLoader(async (ids) => {
      const found = new Map((await repository.findByIds(ids)).map((event) => [event.id, toEventView(event)]));
      return ids.map((id) => found.get(id) ?? null);
    });
  }

  get(id: string): Promise<EventView | null> {
    return this.byId.load(id);
  }

  async list(participantId: string | undefined, first: number): Promise<EventView[]> {
    if (participantId) await this.entities.require(participantId, "participant");
    return (await this.repository.list(participantId ?? null, first)).map(toEventView);
  }

  forEntity(entityId: string, first: number): Promise<EventView[]> {
    let loader = this.byEntity.get(first);
    if (!loader) {
      loader = new DataLoader(async (ids) => {
        const rows = await this.repository.forEntities(ids, first);
        return ids.map((id) => rows.filter((row) => row.entityId === id).map((row) => toEventView(row.event)));
      });
      this.byEntity.set(first, loader);
    }
    return loader.load(entityId);
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
