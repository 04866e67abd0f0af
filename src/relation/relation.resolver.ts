import { Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { pageComplexity } from "../common/complexity";
import type { ConnectionShape } from "../common/connection";
import type { EntityRecord } from "../entity/entity.repository";
import { Entity } from "../entity/entity.type";
import type { RequestContext } from "../request-context";
import { RelationIdArgs, RelationsArgs } from "./relation.args";
import { Relation, RelationConnection } from "./relation.type";
import type { RelationView } from "./relation.view";

@Resolver(() => Relation)
export class RelationResolver {
  @Query(() => Relation, {
    nullable: true,
    description:
      "One relation by id; null when no relation has that id, or when it was retracted (unless `includeRetracted`) " +
      "or recorded after `knownAt`.",
  })
  relation(@Args() { id, knownAt, includeRetracted }: RelationIdArgs, @Ctx() ctx: RequestContext): Promise<RelationView | null> {
    return knownAt || includeRetracted
      ? ctx.relations.getAsRecorded(id, knownAt ?? null, includeRetracted)
      : ctx.relations.get(id);
  }

  @Query(() => RelationConnection, {
    description:
      "Relations filtered by type, endpoints and date, ordered by start date then id (Relay connection). " +
      'E.g. relations(types: [INVESTS_IN], to: "openai") answers "who invests in OpenAI, when, how much". ' +
      "An unknown `from` or `to` id is a NOT_FOUND error.",
    complexity: pageComplexity,
  })
  relations(@Args() args: RelationsArgs, @Ctx() ctx: RequestContext): Promise<ConnectionShape<RelationView>> {
    return ctx.relations.list(args);
  }

  @FieldResolver(() => Entity, { nullable: true, description: "The agreement this relation is a term of (batched by id)." })
  agreement(@Root() relation: RelationView, @Ctx() ctx: RequestContext): Promise<EntityRecord | null> | null {
    return relation.agreementId ? ctx.entities.get(relation.agreementId) : null;
  }
}
