import { IsOptional } from "../common/class-validator";
import { DateTimeResolver } from "graphql-scalars";
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

export const KNOWN_AT_DESCRIPTION =
  "Record time: answer with the graph as it was recorded at this instant (ISO 8601, e.g. " +
  '"2026-03-01T00:00:00Z"): relations recorded later are left out, relations retracted later are back, and ' +
  "facts corrected later are as they were then. `asOf` is when facts were true in the world; the two together " +
  'answer "what did we believe on 1 March about 2023?". Omit for the graph as it is now. Types, `asOf` and ' +
  "page order use a relation's current dates.";

export const INCLUDE_RETRACTED_DESCRIPTION =
  "Also answer retracted relations (hidden by default), each with its `retraction`: who retracted it, when and why.";

/** `knownAt`: the record-time argument of every read over relations. */
export function KnownAtField(): PropertyDecorator {
  return Field(() => DateTimeResolver, { nullable: true, description: KNOWN_AT_DESCRIPTION });
}

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

    @KnownAtField()
    knownAt?: Date;

    @Field({ nullable: true, defaultValue: false, description: INCLUDE_RETRACTED_DESCRIPTION })
    includeRetracted: boolean = false;
  }
  return RelationFilterArgs;
}

/** The base of args classes that only filter. */
@ArgsType()
export class NoArgs {}
