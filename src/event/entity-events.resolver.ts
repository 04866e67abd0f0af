import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { eventsComplexity } from "../common/complexity";
import type { EntityRecord } from "../entity/entity.repository";
import { Entity } from "../entity/entity.type";
import type { RequestContext } from "../request-context";
import { EVENTS_PAGE, EventListArgs } from "./event.args";
import type { EventView } from "./event.service";
import { Event } from "./event.type";

/** `Entity.events` lives with the events feature that owns it. */
@Resolver(() => Entity)
export class EntityEventsResolver {
  @FieldResolver(() => [Event], {
    description: `Events this entity took part in, in date order: the first ${EVENTS_PAGE.default} unless \`first\` says otherwise (at most ${EVENTS_PAGE.max}).`,
    complexity: eventsComplexity,
  })
  events(@Root() entity: EntityRecord, @Args() { first }: EventListArgs, @Ctx() ctx: RequestContext): Promise<EventView[]> {
    return ctx.events.forEntity(entity.id, first);
  }
}
