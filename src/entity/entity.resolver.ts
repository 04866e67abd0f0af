import { Args, Ctx, Query, Resolver } from "type-graphql";
import type { RequestContext } from "../request-context";
import { EntitiesArgs, EntityIdArgs } from "./entity.args";
import type { EntityRecord } from "./entity.repository";
import { Entity, EntityConnection } from "./entity.type";
import { pageComplexity } from "../common/complexity";
import type { ConnectionShape } from "../common/connection";

@Resolver(() => Entity)
export class EntityResolver {
  @Query(() => Entity, {
    nullable: true,
    description: 'One entity by id, e.g. entity(id: "openai"); null when no entity has that id.',
  })
  async entity(@Args() { id, knownAt }: EntityIdArgs, @Ctx() ctx: RequestContext): Promise<EntityRecord | null> {
    const entity = await ctx.entities.get(id);
    if (!entity || !knownAt) return entity;
    // As recorded then: not yet there, or there with its relations read at that instant too.
    if (entity.recordedAt !== null && new Date(entity.recordedAt) > knownAt) return null;
    return { ...entity, knownAt: knownAt.toISOString() };
  }

  @Query(() => EntityConnection, {
    description: "Entities ordered by id, a page at a time (Relay connection), optionally of one kind.",
    complexity: pageComplexity,
  })
  entities(@Args() args: EntitiesArgs, @Ctx() ctx: RequestContext): Promise<ConnectionShape<EntityRecord>> {
    return ctx.entities.list(args);
  }
}
