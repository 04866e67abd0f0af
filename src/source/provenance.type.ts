import { Field, ObjectType } from "type-graphql";
import { referencesComplexity } from "../common/complexity";
import { Source } from "./source.type";

@ObjectType({ simpleResolvers: true, description: "One source's support for a fact: the document and its exact words." })
export class Reference {
  @Field(() => Source, { description: "The document." })
  source!: Source;

  @Field(() => [String], { description: "Verbatim passages of the document (in its language) that support the fact." })
  quotes!: string[];

  @Field(() => String, { nullable: true, description: "A remark on the reference; for an inferred one, the reasoning." })
  note!: string | null;

  @Field({
    description:
      "True when the document implies the fact without stating it; `note` gives the reasoning. Never read it as stated.",
  })
  inferred!: boolean;

  @Field({
    description:
      "True when each quote was found, byte for byte, in the document's text held by the server; false when it has no text.",
  })
  verified!: boolean;
}

@ObjectType({
  simpleResolvers: true,
  description: "Where a fact comes from: every source that reports it, with its exact words.",
})
export class Provenance {
  @Field(() => [Reference], {
    description:
      "The sources that report the fact, in the order they were recorded. Two sources stating one fact are two references.",
    complexity: referencesComplexity,
  })
  references!: Reference[];

  @Field(() => Source, {
    deprecationReason: "A fact may have several sources: use `references`.",
    description: "The source of the first reference.",
  })
  source!: Source;

  @Field(() => [String], {
    deprecationReason: "A fact may have several sources: use `references { quotes }`.",
    description: "The quotes of the first reference.",
  })
  quotes!: string[];
}
