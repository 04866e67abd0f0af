import { Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../context";
import { Event } from "../event/event.type";
import type { EventView } from "../event/event.service";
import { EntityRelation } from "../relation/entity-relation.type";
import { EntityRelationsArgs } from "../relation/relation.args";
import type { EntityRelationView } from "../relation/relation.service";
import { EntitiesArgs, EntityIdArgs } from "./entity.args";
import type { EntityRecord } from "./entity.repository";
import { Entity, EntityConnection } from "./entity.type";
import { pageComplexity, relationsComplexity, smallListComplexity } from "../common/complexity";
import type { ConnectionShape } from "../common/connection";

@Resolver(() => Entity)
export class EntityResolver {
  @Query(() => Entity, {
    nullable: true,
    description: 'One entity by id, e.g. entity(id: "openai"); null when no entity has that id.',
  })
  entity(@Args() { id }: EntityIdArgs, @Ctx() ctx: RequestContext): Promise<EntityRecord | null> {
    return ctx.entities.get(id);
  }

  @Query(() => EntityConnection, {
    description: "Entities ordered by id, a page at a time (Relay connection), optionally of one kind.",
    complexity: pageComplexity,
  })
  entities(@Args() args: EntitiesArgs, @Ctx() ctx: RequestContext): Promise<ConnectionShape<EntityRecord>> {
    return ctx.entities.list(args);
  }

  @FieldResolver(() => [EntityRelation], {
    description:
      "This entity's relations, each with its direction and counterparty, ordered by start date. " +
      "Filter by direction, types, counterparty and `asOf`. Asked for a list of entities, all are fetched in one query.",
    complexity: relationsComplexity,
  })
  relations(
    @Root() entity: EntityRecord,
    @Args() args: EntityRelationsArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<EntityRelationView[]> {
    return ctx.relations.forEntity(entity.id, args);
  }

  @FieldResolver(() => [Event], { description: "Events this entity took part in, in date order.", complexity: smallListComplexity })
  events(@Root() entity: EntityRecord, @Ctx() ctx: RequestContext): Promise<EventView[]> {
    return ctx.events.forEntity(entity.id);
  }
}
