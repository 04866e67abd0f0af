import { IsOptional } from "class-validator";
import { ArgsType, Field, ID } from "type-graphql";
import { IsSlug } from "../common/validation";

@ArgsType()
export class EventIdArgs {
  @Field(() => ID, { description: 'Event id, e.g. "openai-governance-crisis-2023-11".' })
  @IsSlug()
  id!: string;
}

@ArgsType()
export class EventsArgs {
  @Field(() => ID, { nullable: true, description: 'Keep events this entity took part in (e.g. "sam-altman"); omit for all.' })
  @IsOptional()
  @IsSlug()
  participant?: string;
}
