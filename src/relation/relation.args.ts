import { IsOptional } from "class-validator";
import { ArgsType, Field, ID, Int } from "type-graphql";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "../common/pagination";
import type { PartialDate } from "../common/partial-date";
import { PartialDateScalar } from "../common/scalars";
import { IsPageSize, IsPartialDate, IsSlug } from "../common/validation";
import { DirectionFilter } from "./entity-relation.type";
import { RelationType } from "./relation-type.enum";

const AS_OF_DESCRIPTION =
  'Keep only relations in force at some time in this period: "2024" (the year), "2024-01" (the month) or ' +
  '"2024-01-15" (the day). A relation counts from the first day of `validFrom` (or `attestedFrom`) to the last ' +
  "day of `validTo`. Omit it for all relations, past and present.";

const TYPES_DESCRIPTION = "Keep only these relation types; omit for all types.";

@ArgsType()
export class RelationsArgs {
  @Field(() => [RelationType], { nullable: true, description: TYPES_DESCRIPTION })
  types?: RelationType[];

  @Field(() => ID, {
    nullable: true,
    description: 'Keep relations starting from this entity id (e.g. "microsoft"); symmetric types match either side.',
  })
  @IsOptional()
  @IsSlug()
  from?: string;

  @Field(() => ID, { nullable: true, description: 'Keep relations pointing to this entity id (e.g. "openai").' })
  @IsOptional()
  @IsSlug()
  to?: string;

  @Field(() => PartialDateScalar, { nullable: true, description: AS_OF_DESCRIPTION })
  @IsOptional()
  @IsPartialDate()
  asOf?: PartialDate;

  @Field(() => Int, { defaultValue: DEFAULT_PAGE_SIZE, description: `Page size, 1 to ${MAX_PAGE_SIZE}.` })
  @IsPageSize(MAX_PAGE_SIZE)
  first: number = DEFAULT_PAGE_SIZE;

  @Field(() => String, { nullable: true, description: "Return the items after this cursor (`pageInfo.endCursor` of the previous page)." })
  after?: string;
}

@ArgsType()
export class EntityRelationsArgs {
  @Field(() => DirectionFilter, { defaultValue: DirectionFilter.ANY, description: "Which way the relations point." })
  direction: DirectionFilter = DirectionFilter.ANY;

  @Field(() => [RelationType], { nullable: true, description: TYPES_DESCRIPTION })
  types?: RelationType[];

  @Field(() => PartialDateScalar, { nullable: true, description: AS_OF_DESCRIPTION })
  @IsOptional()
  @IsPartialDate()
  asOf?: PartialDate;
}

@ArgsType()
export class RelationIdArgs {
  @Field(() => ID, { description: 'Relation id, e.g. "microsoft-invests-in-openai-2019-07".' })
  @IsSlug()
  id!: string;
}
