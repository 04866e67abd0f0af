import { ArgsType, Field, Int } from "type-graphql";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "./pagination";
import { IsPageSize } from "./validation";

/**
 * `first` and `after` of every Relay connection; feature args extend it. Arguments with a default
 * are nullable in the schema: an explicit `null` means the default (src/common/validation.ts).
 */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, defaultValue: DEFAULT_PAGE_SIZE, description: `Page size, 1 to ${MAX_PAGE_SIZE}.` })
  @IsPageSize(MAX_PAGE_SIZE)
  first: number = DEFAULT_PAGE_SIZE;

  @Field(() => String, {
    nullable: true,
    description: "Return the items after this cursor (`pageInfo.endCursor` of the previous page).",
  })
  after?: string;
}
