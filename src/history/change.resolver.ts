import { Args, Ctx, Query, Resolver } from "type-graphql";
import { pageComplexity } from "../common/complexity";
import type { ConnectionShape } from "../common/connection";
import type { ChangeRecord } from "./change.record";
import type { RequestContext } from "../request-context";
import { ChangesArgs } from "./change.args";
import { Change, ChangeConnection } from "./change.type";

@Resolver(() => Change)
export class ChangeResolver {
  @Query(() => ChangeConnection, {
    description:
      "The change log, newest first: every write through the API with who (the key's name), when, what (before and after) " +
      "and why. Filter by entity, relation, key name and time; page with `first` and `after`.",
    complexity: pageComplexity,
  })
  changes(@Args() args: ChangesArgs, @Ctx() ctx: RequestContext): Promise<ConnectionShape<ChangeRecord>> {
    return ctx.changes.list(args);
  }
}
