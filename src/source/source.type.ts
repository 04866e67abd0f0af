import { LocaleResolver } from "graphql-scalars";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { Connection } from "../common/connection";
import { PartialDateScalar } from "../common/scalars";

@ObjectType({
  simpleResolvers: true,
  description: "A document the graph's facts come from: an article, a filing, a press release.",
})
export class Source {
  @Field(() => ID, { description: 'Stable id, e.g. "microsoft-openai-timeline-fr".' })
  id!: string;

  @Field({ description: "The document's title." })
  title!: string;

  @Field(() => String, { nullable: true, description: "Who published it." })
  publisher!: string | null;

  @Field(() => String, { nullable: true, description: "Where the document can be read." })
  url!: string | null;

  @Field(() => String, { nullable: true, description: "What the document covers, in English." })
  description!: string | null;

  @Field(() => PartialDateScalar, { nullable: true, description: "Publication date, as precisely as known." })
  publishedOn!: string | null;

  @Field(() => LocaleResolver, { nullable: true, description: 'Language of the document and of its quotes (BCP 47, e.g. "fr").' })
  language!: string | null;

  @Field({
    description:
      "True when the server holds the document's full text: every quote citing it was checked, byte for byte, when written.",
  })
  hasText!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Path of the full text on this server ("/sources/{id}/text", plain UTF-8), when it has one.',
  })
  textUrl!: string | null;

  @Field(() => Int, { description: "How many relations and events cite this document." })
  referenceCount!: number;

  @Field(() => String, {
    nullable: true,
    deprecationReason: "Texts are served by the server now: use `textUrl`.",
    description: "Formerly the path of the text in the repository; always null.",
  })
  file!: string | null;
}

@ObjectType({ simpleResolvers: true, description: "A page of sources (Relay connection), ordered by id." })
export class SourceConnection extends Connection(Source, "Source", "source") {}
