import { KnownAtField } from "../relation/relation-filter.args";
import { IsOptional } from "../common/class-validator";
import { ArgsType, Field, ID } from "type-graphql";
import { PageArgs } from "../common/page.args";
import { IsSlug } from "../common/validation";
import { EntityKind } from "./entity-kind.enum";

@ArgsType()
export class EntityIdArgs {
  @Field(() => ID, { description: 'Entity id: a lowercase slug such as "openai" or "european-commission".' })
  @IsSlug()
  id!: string;

  @KnownAtField()
  knownAt?: Date;
}

@ArgsType()
export class EntitiesArgs extends PageArgs {
  @Field(() => EntityKind, { nullable: true, description: "Keep only entities of this kind; omit for all." })
  @IsOptional()
  kind?: EntityKind;
}
