import { LocaleResolver } from "graphql-scalars";
import { Field, ID, ObjectType } from "type-graphql";
import { PartialDateScalar } from "../common/scalars";

@ObjectType({ description: "A document the graph's facts come from." })
export class Source {
  @Field(() => ID, { description: 'Stable id, e.g. "microsoft-openai-timeline-fr".' })
  id!: string;

  @Field({ description: "The document's title." })
  title!: string;

  @Field(() => String, { nullable: true, description: "What the document covers, in English." })
  description!: string | null;

  @Field(() => PartialDateScalar, { nullable: true, description: "Publication date." })
  publishedOn!: string | null;

  @Field(() => LocaleResolver, { nullable: true, description: 'Language of the document and of its quotes (BCP 47, e.g. "fr").' })
  language!: string | null;

  @Field(() => String, { nullable: true, description: "Path of the document's text in this repository." })
  file!: string | null;
}
