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
  cursor: string;
}

export interface EntityRelationsPageView {
  rows: EntityRelationView[];
  total: number | null;
  /** Whether the page was asked `after` a cursor. */
  after: boolean;
}

export class RelationService {
  private readonly byId: DataLoader<string, RelationView | null>;
  private readonly terms: DataLoader<string, RelationView[]>;
  /** One loader per distinct argument set of `Entity.relations`, so a list of entities costs one query. */
  private readonly forEntityLoaders = new Map<string, DataLoader<string, EntityRelationsPageView>>();

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

  /** One relation as recorded at `knownAt` (null: now), retracted ones too when asked; not batched (rare). */
  async getAsRecorded(id: string, knownAt: Date | null, includeRetracted: boolean): Promise<RelationView | null> {
    const filter = { knownAt: knownAt ? knownAt.toISOString() : null, includeRetracted };
    const [relation] = await this.repository.findByIds([id], filter);
    return relation ?? null;
  }

  async list(args: RelationsArgs): Promise<ConnectionShape<RelationView>> {
    // An unknown endpoint is almost always a typo: say so rather than answer an empty page.
    // (A merged id resolves to the survivor, whose id the query then uses.)
    const [from, to] = await Promise.all([
      args.from ? this.entities.require(args.from, "from") : null,
      args.to ? this.entities.require(args.to, "to") : null,
    ]);
    const after = args.after ? decodeCursor(args.after, CURSOR_KIND, CURSOR_SHAPE) : null;
    const { relations, total } = await this.repository.listPage(
      { ...relationFilterOf(args), fromId: from?.id ?? null, toId: to?.id ?? null },
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

  /**
   * A page of one entity's relations (up to `first + 1`: the extra one only tells that more
   * follow), and their count when `counted`; batched with every other entity asked for with the
   * same arguments in the same request, so a list of entities costs one query.
   */
  async pageOf(entityId: string, args: EntityRelationsArgs, counted = false): Promise<EntityRelationsPageView> {
    const filter = relationFilterOf(args);
    const counterpartyId = args.counterparty ?? null;
    const after = args.after ? decodeCursor(args.after, CURSOR_KIND, CURSOR_SHAPE) : null;
    const key = JSON.stringify([args.direction, filter, counterpartyId, after, args.first, counted]);
    let loader = this.forEntityLoaders.get(key);
    if (!loader) {
      loader = new DataLoader(async (ids) => {
        const pages = await this.repository.pageForEntities(ids, {
          filter,
          counterpartyId,
          direction: args.direction,
          after: after ? { periodStart: after[0], id: after[1] } : null,
          limit: args.first + 1,
          counted,
        });
        return ids.map((id) => {
          const page = pages.get(id);
          return { rows: (page?.rows ?? []).map(toEntityRelation), total: page?.total ?? null, after: after !== null };
        });
      });
      this.forEntityLoaders.set(key, loader);
    }
    return loader.load(entityId);
  }

  /** The first page of an entity's relations, as a list. */
  async forEntity(entityId: string, args: EntityRelationsArgs): Promise<EntityRelationView[]> {
    return (await this.pageOf(entityId, args)).rows.slice(0, args.first);
  }

  /** A page of an entity's relations with its cursors and their count. */
  async connectionOf(entityId: string, args: EntityRelationsArgs): Promise<ConnectionShape<EntityRelationView>> {
    const page = await this.pageOf(entityId, args, true);
    return toConnection(page.rows, {
      first: args.first,
      totalCount: page.total ?? 0,
      hasPreviousPage: page.after,
      cursorOf: (row) => row.cursor,
      nodeOf: (row) => row,
    });
  }
}

function toEntityRelation(row: EntityRelationRecord): EntityRelationView {
  return {
    direction: RelationDirection[row.direction],
    counterparty: row.counterparty,
    relation: row.relation,
    cursor: encodeCursor(CURSOR_KIND, [row.relation.periodStart, row.relation.id]),
  };
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
