import type { ConnectionShape } from "../common/connection";
import { decodeCursor, encodeCursor, toConnection } from "../common/pagination";
import type { ChangeRecord } from "./change.record";
import type { ChangesArgs } from "./change.args";
import type { ChangeRepository } from "./change.repository";

const CURSOR_KIND = "change";
const CURSOR_SHAPE = [/^\d{1,15}$/];

export class ChangeService {
  constructor(private readonly repository: ChangeRepository) {}

  async list(args: ChangesArgs): Promise<ConnectionShape<ChangeRecord>> {
    const after = args.after ? Number(decodeCursor(args.after, CURSOR_KIND, CURSOR_SHAPE)[0]) : null;
    const { changes, total } = await this.repository.page(
      {
        entity: args.entity ?? null,
        relation: args.relation ?? null,
        by: args.by ?? null,
        since: args.since ? args.since.toISOString() : null,
        until: args.until ? args.until.toISOString() : null,
      },
      after,
      args.first + 1,
    );
    return toConnection(changes, {
      first: args.first,
      totalCount: total,
      hasPreviousPage: after !== null,
      cursorOf: (change) => encodeCursor(CURSOR_KIND, [String(change.seq)]),
      nodeOf: (change) => change,
    });
  }
}
