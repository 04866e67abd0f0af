import { IsOptional } from "class-validator";
import { ArgsType, Field, ID, Int } from "type-graphql";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "../common/pagination";
import { IsPageSize, IsSlug } from "../common/validation";
import { EntityKind } from "./entity-kind.enum";

@ArgsType()
export class EntityIdArgs {
  @Field(() => ID, { description: 'Entity id: a lowercase slug such as "openai" or "european-commission".' })
  @IsSlug()
  id!: string;
}

@ArgsType()
export class EntitiesArgs {
  @Field(() => EntityKind, { nullable: true, description: "Keep only entities of this kind; omit for all." })
  @IsOptional()
  kind?: EntityKind;

  @Field(() => Int, { defaultValue: DEFAULT_PAGE_SIZE, description: `Page size, 1 to ${MAX_PAGE_SIZE}.` })
  @IsPageSize(MAX_PAGE_SIZE)
  first: number = DEFAULT_PAGE_SIZE;

  @Field(() => String, { nullable: true, description: "Return the items after this cursor (`pageInfo.endCursor` of the previous page)." })
  after?: string;
}
