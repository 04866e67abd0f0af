import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { smallListComplexity } from "../common/complexity";
import type { EntityRecord } from "../entity/entity.repository";
import { Entity } from "../entity/entity.type";
import type { RequestContext } from "../request-context";
import type { EventView } from "./event.service";
import { Event } from "./event.type";

/** `Entity.events` lives with the events feature that owns it. */
@Resolver(() => Entity)
export class EntityEventsResolver {
  @FieldResolver(() => [Event], {
    description: "Events this entity took part in, in date order.",
    complexity: smallListComplexity,
  })
  events(@Root() entity: EntityRecord, @Ctx() ctx: RequestContext): Promise<EventView[]> {
    return ctx.events.forEntity(entity.id);
  }
}
