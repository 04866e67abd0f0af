import { ArgsType, Field, ID } from "type-graphql";
import { PageArgs } from "../common/page.args";
import { IsSlug } from "../common/validation";

@ArgsType()
export class SourceIdArgs {
  @Field(() => ID, { description: 'Source id, e.g. "microsoft-openai-timeline-fr".' })
  @IsSlug()
  id!: string;
}

@ArgsType()
export class SourcesArgs extends PageArgs {}
