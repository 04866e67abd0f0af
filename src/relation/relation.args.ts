import { IsOptional } from "class-validator";
import { ArgsType, Field, ID } from "type-graphql";
import { PageArgs } from "../common/page.args";
import type { PartialDate } from "../common/partial-date";
import { PartialDateScalar } from "../common/scalars";
import { IsPartialDate, IsSlug } from "../common/validation";
import { DirectionFilter } from "./entity-relation.type";
import { RelationType } from "./relation-type.enum";

const AS_OF_DESCRIPTION =
  'Keep only relations in force at some time in this period: "2024" (the year), "2024-01" (the month) or ' +
  '"2024-01-15" (the day). A relation counts from the first day of `validFrom` (or `attestedFrom`) to the last ' +
  "day of `validTo`. Omit it for all relations, past and present.";

const TYPES_DESCRIPTION = "Keep only these relation types; omit for all types.";

@ArgsType()
export class RelationsArgs extends PageArgs {
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
}

@ArgsType()
export class EntityRelationsArgs {
  @Field(() => DirectionFilter, { nullable: true, defaultValue: DirectionFilter.ANY, description: "Which way the relations point." })
  direction: DirectionFilter = DirectionFilter.ANY;

  @Field(() => [RelationType], { nullable: true, description: TYPES_DESCRIPTION })
  types?: RelationType[];

  @Field(() => ID, {
    nullable: true,
    description: 'Keep only relations with this entity at the other end, in either direction: how are the two linked?',
  })
  @IsOptional()
  @IsSlug()
  counterparty?: string;

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
