import { IsOptional } from "class-validator";
import { ArgsType, Field, ID, Int } from "type-graphql";
import { IsPageSize, IsSlug } from "../common/validation";

/** Events in one list (an entity's, or all); a list is cut in Cypher, in date order. */
export const EVENTS_PAGE = { default: 20, max: 200 } as const;

/** Participants listed per event: a summit may gather many; the cap keeps one event's answer small. */
export const PARTICIPANTS_CAP = 50;

const FIRST_DESCRIPTION = `At most this many events, 1 to ${EVENTS_PAGE.max} (default ${EVENTS_PAGE.default}), the earliest first.`;

@ArgsType()
export class EventListArgs {
  @Field(() => Int, { nullable: true, defaultValue: EVENTS_PAGE.default, description: FIRST_DESCRIPTION })
  @IsPageSize(EVENTS_PAGE.max)
  first: number = EVENTS_PAGE.default;
}

@ArgsType()
export class EventIdArgs {
  @Field(() => ID, { description: 'Event id, e.g. "openai-governance-crisis-2023-11".' })
  @IsSlug()
  id!: string;
}

@ArgsType()
export class EventsArgs extends EventListArgs {
  @Field(() => ID, { nullable: true, description: 'Keep events this entity took part in (e.g. "sam-altman"); omit for all.' })
  @IsOptional()
  @IsSlug()
  participant?: string;
}
