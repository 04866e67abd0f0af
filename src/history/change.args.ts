import { DateTimeResolver } from "graphql-scalars";
import { ArgsType, Field, ID } from "type-graphql";
import { IsOptional, MaxLength } from "../common/class-validator";
import { PageArgs } from "../common/page.args";
import { IsSlug } from "../common/validation";

@ArgsType()
export class ChangesArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: "Only changes touching this entity (its facts or its relations)." })
  @IsOptional()
  @IsSlug()
  entity?: string;

  @Field(() => ID, { nullable: true, description: "Only changes of this relation." })
  @IsOptional()
  @IsSlug()
  relation?: string;

  @Field(() => String, { nullable: true, description: "Only changes written with this API key (its name)." })
  @IsOptional()
  @MaxLength(200, { message: '"by" may hold at most 200 characters.' })
  by?: string;

  @Field(() => DateTimeResolver, { nullable: true, description: "Only changes at or after this instant." })
  since?: Date;

  @Field(() => DateTimeResolver, { nullable: true, description: "Only changes before this instant." })
  until?: Date;
}
