import { IsOptional } from "../common/class-validator";
import { ArgsType, Field, ID, Int } from "type-graphql";
import { ENTITY_RELATIONS_PAGE } from "../common/list-limits";
import { PageArgs } from "../common/page.args";
import { IsPageSize, IsSlug } from "../common/validation";
import { DirectionFilter } from "./entity-relation.type";
import { INCLUDE_RETRACTED_DESCRIPTION, KnownAtField, NoArgs, WithRelationFilter } from "./relation-filter.args";

@ArgsType()
export class RelationsArgs extends WithRelationFilter(PageArgs) {
  @Field(() => ID, {
    nullable: true,
    description:
      'Keep relations starting from this entity id (e.g. "microsoft"); symmetric types match either side, and ' +
      "each relation keeps its stored `from` and `to`.",
  })
  @IsOptional()
  @IsSlug()
  from?: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Keep relations pointing to this entity id (e.g. "openai"); symmetric types match either side.',
  })
  @IsOptional()
  @IsSlug()
  to?: string;
}

export { ENTITY_RELATIONS_PAGE };

@ArgsType()
export class EntityRelationsArgs extends WithRelationFilter(NoArgs) {
  @Field(() => Int, {
    nullable: true,
    defaultValue: ENTITY_RELATIONS_PAGE.default,
    description:
      `At most this many relations, 1 to ${ENTITY_RELATIONS_PAGE.max} (default ${ENTITY_RELATIONS_PAGE.default}), ` +
      "in order of start date then id; pass the last one's `cursor` as `after` for the next ones.",
  })
  @IsPageSize(ENTITY_RELATIONS_PAGE.max)
  first: number = ENTITY_RELATIONS_PAGE.default;

  @Field(() => String, {
    nullable: true,
    description: "Only the relations after this cursor (an `EntityRelation.cursor` or `pageInfo.endCursor` of the same list).",
  })
  after?: string;

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

  @KnownAtField()
  knownAt?: Date;

  @Field({ nullable: true, defaultValue: false, description: INCLUDE_RETRACTED_DESCRIPTION })
  includeRetracted: boolean = false;
}
