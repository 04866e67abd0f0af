import DataLoader from "dataloader";
import type { ConnectionShape } from "../common/connection";
import { NotFoundError } from "../common/errors";
import { decodeCursor, encodeCursor, toConnection } from "../common/pagination";
import { SLUG_PATTERN } from "../common/validation";
import type { SourceRecord } from "./source.record";
import type { SourceRepository } from "./source.repository";

const CURSOR_KIND = "source";
const CURSOR_SHAPE = [SLUG_PATTERN];

/** Per-request source access: the references of a whole answer resolve their sources in one query. */
export class SourceService {
  private readonly byId: DataLoader<string, SourceRecord | null>;

  constructor(private readonly repository: SourceRepository) {
    this.byId = new DataLoader(async (ids) => {
      const found = new Map((await repository.findByIds(ids)).map((source) => [source.id, source]));
      return ids.map((id) => found.get(id) ?? null);
    });
  }

  get(id: string): Promise<SourceRecord | null> {
    return this.byId.load(id);
  }

  async list(args: { first: number; after?: string }): Promise<ConnectionShape<SourceRecord>> {
    const afterId = args.after ? decodeCursor(args.after, CURSOR_KIND, CURSOR_SHAPE)[0] : null;
    const { sources, total } = await this.repository.listPage(afterId, args.first + 1);
    for (const source of sources) this.byId.prime(source.id, source);
    return toConnection(sources, {
      first: args.first,
      totalCount: total,
      hasPreviousPage: afterId !== null,
      cursorOf: (source) => encodeCursor(CURSOR_KIND, [source.id]),
      nodeOf: (source) => source,
    });
  }

  /** The source's full text; NOT_FOUND when no source has the id or it has no text. */
  async text(id: string): Promise<string> {
    const { found, text } = await this.repository.text(id);
    if (!found) throw new NotFoundError("source", id, "id");
    if (text === null) throw new NotFoundError("source text", id, "id");
    return text;
  }
}
