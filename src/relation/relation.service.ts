import DataLoader from "dataloader";
import type { ConnectionShape } from "../common/connection";
import { decodeCursor, encodeCursor, toConnection } from "../common/pagination";
import { SLUG_PATTERN } from "../common/validation";
import type { EntityService } from "../entity/entity.service";
import type { EntityRecord } from "../entity/entity.repository";
import { RelationDirection } from "./entity-relation.type";
import type { EntityRelationsArgs, RelationsArgs } from "./relation.args";
import { relationFilterOf } from "./relation-filter";
import type { EntityRelationRecord, RelationRepository } from "./relation.repository";
import type { RelationView } from "./relation.view";

const CURSOR_KIND = "relation";
/** (periodStart as an ISO date, relation id) */
const CURSOR_SHAPE = [/^\d{4}-\d{2}-\d{2}$/, SLUG_PATTERN];

export interface EntityRelationView {
  direction: RelationDirection;
  counterparty: EntityRecord;
  relation: RelationView;
}

export class RelationService {
  private readonly byId: DataLoader<string, RelationView | null>;
  private readonly terms: DataLoader<string, RelationView[]>;
  /** One loader per distinct argument set of `Entity.relations`, so a list of entities costs one query. */
  private readonly forEntityLoaders = new Map<string, DataLoader<string, EntityRelationView[]>>();

  constructor(
    private readonly repository: RelationRepository,
    private readonly entities: EntityService,
  ) {
    this.byId = new DataLoader(async (ids) => {
      const found = new Map((await repository.findByIds(ids)).map((relation) => [relation.id, relation]));
      return ids.map((id) => found.get(id) ?? null);
    });
    this.terms = new DataLoader(async (ids) => {
      const byAgreement = groupBy(await repository.termsOf(ids), (row) => row.agreementId);
      return ids.map((id) => (byAgreement.get(id) ?? []).map((row) => row.relation));
    });
  }

  /** The relations that are terms of this agreement (empty for an entity that is not one). */
  termsOf(agreementId: string): Promise<RelationView[]> {
    return this.terms.load(agreementId);
  }

  get(id: string): Promise<RelationView | null> {
    return this.byId.load(id);
  }

  async list(args: RelationsArgs): Promise<ConnectionShape<RelationView>> {
    // An unknown endpoint is almost always a typo: say so rather than answer an empty page.
    await Promise.all([
      args.from ? this.entities.require(args.from, "from") : null,
      args.to ? this.entities.require(args.to, "to") : null,
    ]);
    const after = args.after ? decodeCursor(args.after, CURSOR_KIND, CURSOR_SHAPE) : null;
    const { relations, total } = await this.repository.listPage(
      { ...relationFilterOf(args), fromId: args.from ?? null, toId: args.to ?? null },
      after ? { periodStart: after[0], id: after[1] } : null,
      args.first + 1,
    );
    return toConnection(relations, {
      first: args.first,
      totalCount: total,
      hasPreviousPage: after !== null,
      cursorOf: (relation) => encodeCursor(CURSOR_KIND, [relation.periodStart, relation.id]),
      nodeOf: (relation) => relation,
    });
  }

  /** The relations of one entity, batched with those of every other entity asked in the same request. */
  forEntity(entityId: string, args: EntityRelationsArgs): Promise<EntityRelationView[]> {
    const filter = relationFilterOf(args);
    const counterpartyId = args.counterparty ?? null;
    const key = JSON.stringify([args.direction, filter, counterpartyId]);
    let loader = this.forEntityLoaders.get(key);
    if (!loader) {
      loader = new DataLoader(async (ids) => {
        const rows = await this.repository.forEntities(ids, filter, counterpartyId, args.direction);
        const byEntity = groupBy(rows, (row) => row.entityId);
        return ids.map((id) => (byEntity.get(id) ?? []).map(toEntityRelation));
      });
      this.forEntityLoaders.set(key, loader);
    }
    return loader.load(entityId);
  }
}

function toEntityRelation(row: EntityRelationRecord): EntityRelationView {
  return { direction: RelationDirection[row.direction], counterparty: row.counterparty, relation: row.relation };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}
