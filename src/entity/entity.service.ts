import DataLoader from "dataloader";
import { NotFoundError } from "../common/errors";
import { decodeCursor, encodeCursor, toConnection } from "../common/pagination";
import type { ConnectionShape } from "../common/connection";
import { SLUG_PATTERN } from "../common/validation";
import type { EntitiesArgs } from "./entity.args";
import type { EntityRecord, EntityRepository } from "./entity.repository";

const CURSOR_KIND = "entity";
const CURSOR_SHAPE = [SLUG_PATTERN];

/** Per-request entity access: one DataLoader, so N lookups by id cost one query. */
export class EntityService {
  private readonly byId: DataLoader<string, EntityRecord | null>;

  constructor(private readonly repository: EntityRepository) {
    this.byId = new DataLoader(async (ids) => {
      const found = await repository.findByIds(ids);
      return ids.map((id) => found.get(id) ?? null);
    });
  }

  get(id: string): Promise<EntityRecord | null> {
    return this.byId.load(id);
  }

  /** The entity, or NOT_FOUND naming the argument that gave its id. */
  async require(id: string, argument: string): Promise<EntityRecord> {
    const entity = await this.get(id);
    if (!entity) throw new NotFoundError("entity", id, argument);
    return entity;
  }

  async list(args: EntitiesArgs): Promise<ConnectionShape<EntityRecord>> {
    const afterId = args.after ? decodeCursor(args.after, CURSOR_KIND, CURSOR_SHAPE)[0] : null;
    const { entities, total } = await this.repository.listPage(args.kind ?? null, afterId, args.first + 1);
    for (const entity of entities) this.byId.prime(entity.id, entity);
    return toConnection(entities, {
      first: args.first,
      totalCount: total,
      hasPreviousPage: afterId !== null,
      cursorOf: (entity) => encodeCursor(CURSOR_KIND, [entity.id]),
      nodeOf: (entity) => entity,
    });
  }
}
