import { Args, Ctx, Query, Resolver } from "type-graphql";
import { eventsComplexity } from "../common/complexity";
import type { RequestContext } from "../request-context";
import { EVENTS_PAGE, EventIdArgs, EventsArgs } from "./event.args";
import type { EventView } from "./event.service";
import { Event } from "./event.type";

@Resolver(() => Event)
export class EventResolver {
  @Query(() => Event, { nullable: true, description: "One event by id; null when no event has that id." })
  event(@Args() { id }: EventIdArgs, @Ctx() ctx: RequestContext): Promise<EventView | null> {
    return ctx.events.get(id);
  }

  @Query(() => [Event], {
    description:
      "Events in date order (dated happenings such as OpenAI's November 2023 governance crisis), " +
      `the first ${EVENTS_PAGE.default} unless \`first\` says otherwise (at most ${EVENTS_PAGE.max}).`,
    complexity: eventsComplexity,
  })
  events(@Args() { participant, first }: EventsArgs, @Ctx() ctx: RequestContext): Promise<EventView[]> {
    return ctx.events.list(participant, first);
  }
}
