import { IsOptional } from "../common/class-validator";
import { ArgsType, Field, ID, Int } from "type-graphql";
import { EVENTS_PAGE, PARTICIPANTS_CAP } from "../common/list-limits";
import { IsPageSize, IsSlug } from "../common/validation";

export { EVENTS_PAGE, PARTICIPANTS_CAP };

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
