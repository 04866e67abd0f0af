import DataLoader from "dataloader";
import type { ConnectionShape } from "../common/connection";
import { decodeCursor, encodeCursor, toConnection } from "../common/pagination";
import type { PartialDate } from "../common/partial-date";
import { SLUG_PATTERN } from "../common/validation";
import type { EntityService } from "../entity/entity.service";
import type { EntityRecord } from "../entity/entity.repository";
import { RelationDirection } from "./entity-relation.type";
import type { EntityRelationsArgs, RelationsArgs } from "./relation.args";
import type { EntityRelationRecord, PeriodFilter, RelationRepository } from "./relation.repository";
import { ALL_RELATION_TYPES, isSymmetric, type RelationType } from "./relation-type.enum";
import { toRelationView, type RelationView } from "./relation.view";

const CURSOR_KIND = "relation";
/** (periodStart as an ISO date, relation id) */
const CURSOR_SHAPE = [/^\d{4}-\d{2}-\d{2}$/, SLUG_PATTERN];

export class RelationService {
  private readonly byId: DataLoader<string, RelationView | null>;
  /** One loader per distinct argument set of `Entity.relations`, so a list of entities costs one query. */
  private readonly forEntityLoaders = new Map<string, DataLoader<string, EntityRelationView[]>>();

  constructor(
    private readonly repository: RelationRepository,
    private readonly entities: EntityService,
  ) {
    this.byId = new DataLoader(async (ids) => {
      const found = new Map((await repository.findByIds(ids)).map((record) => [record.id, toRelationView(record)]));
      return ids.map((id) => found.get(id) ?? null);
    });
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
    const types = typesOrAll(args.types);
    const { relations, total } = await this.repository.listPage(
      {
        types,
        symmetricTypes: types.filter(isSymmetric),
        fromId: args.from ?? null,
        toId: args.to ?? null,
        asOf: toPeriod(args.asOf),
      },
      after ? { periodStart: after[0], id: after[1] } : null,
      args.first + 1,
    );
    return toConnection(relations, {
      first: args.first,
      totalCount: total,
      hasPreviousPage: after !== null,
      cursorOf: (record) => encodeCursor(CURSOR_KIND, [record.periodStart, record.id]),
      nodeOf: toRelationView,
    });
  }

  /** The relations of one entity, batched with those of every other entity asked in the same request. */
  forEntity(entityId: string, args: EntityRelationsArgs): Promise<EntityRelationView[]> {
    const types = typesOrAll(args.types);
    const asOf = toPeriod(args.asOf);
    const counterpartyId = args.counterparty ?? null;
    const key = JSON.stringify([args.direction, types, asOf, counterpartyId]);
    let loader = this.forEntityLoaders.get(key);
    if (!loader) {
      loader = new DataLoader(async (ids) => {
        const rows = await this.repository.forEntities(
          ids,
          { types, symmetricTypes: types.filter(isSymmetric), asOf, counterpartyId },
          args.direction,
        );
        const byEntity = groupBy(rows, (row) => row.entityId);
        return ids.map((id) => (byEntity.get(id) ?? []).map(toEntityRelation));
      });
      this.forEntityLoaders.set(key, loader);
    }
    return loader.load(entityId);
  }
}

export interface EntityRelationView {
  direction: RelationDirection;
  counterparty: EntityRecord;
  relation: RelationView;
}

function toEntityRelation(row: EntityRelationRecord): EntityRelationView {
  return {
    direction: RelationDirection[row.direction],
    counterparty: row.counterparty,
    relation: toRelationView(row.relation),
  };
}

/** The asked types without repeats, or every type when none is asked. */
export function typesOrAll(types: readonly RelationType[] | undefined): RelationType[] {
  return types && types.length > 0 ? [...new Set(types)] : [...ALL_RELATION_TYPES];
}

export function toPeriod(date: PartialDate | undefined): PeriodFilter | null {
  return date ? { start: date.start, end: date.end } : null;
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
