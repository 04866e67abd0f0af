import { IsOptional } from "class-validator";
import { ArgsType, Field, ID } from "type-graphql";
import { PageArgs } from "../common/page.args";
import { IsSlug } from "../common/validation";
import { DirectionFilter } from "./entity-relation.type";
import { NoArgs, WithRelationFilter } from "./relation-filter.args";

@ArgsType()
export class RelationsArgs extends WithRelationFilter(PageArgs) {
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
}

@ArgsType()
export class EntityRelationsArgs extends WithRelationFilter(NoArgs) {
  @Field(() => DirectionFilter, {
    nullable: true,
    defaultValue: DirectionFilter.ANY,
    description: "Which way the relations point.",
  })
  direction: DirectionFilter = DirectionFilter.ANY;

  @Field(() => ID, {
    nullable: true,
    description: "Keep only relations with this entity at the other end, in either direction: how are the two linked?",
  })
  @IsOptional()
  @IsSlug()
  counterparty?: string;
}

@ArgsType()
export class RelationIdArgs {
  @Field(() => ID, { description: 'Relation id, e.g. "microsoft-invests-in-openai-2019-07".' })
  @IsSlug()
  id!: string;
}
