import { IsOptional } from "../common/class-validator";
import { ArgsType, Field, type ClassType } from "type-graphql";
import type { PartialDate } from "../common/partial-date";
import { PartialDateScalar } from "../common/scalars";
import { IsPartialDate } from "../common/validation";
import { RelationType } from "./relation-type.enum";

export const AS_OF_DESCRIPTION =
  'Keep only relations in force at some time in this period: "2024" (the year), "2024-01" (the month) or ' +
  '"2024-01-15" (the day). A relation counts from the first day of `validFrom` (or `attestedFrom`) to the last ' +
  "day of `validTo`. Omit it for all relations, past and present.";

export const TYPES_DESCRIPTION = "Keep (or follow) only these relation types; omit for all types.";

/** `types` and `asOf`, the filter arguments shared by every query over relations (see relation-filter.ts). */
export function WithRelationFilter<TBase extends ClassType>(Base: TBase) {
  @ArgsType()
  class RelationFilterArgs extends Base {
    @Field(() => [RelationType], { nullable: true, description: TYPES_DESCRIPTION })
    types?: RelationType[];

    @Field(() => PartialDateScalar, { nullable: true, description: AS_OF_DESCRIPTION })
    @IsOptional()
    @IsPartialDate()
    asOf?: PartialDate;
  }
  return RelationFilterArgs;
}

/** The base of args classes that only filter. */
@ArgsType()
export class NoArgs {}
