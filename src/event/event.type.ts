import { Field, ID, ObjectType } from "type-graphql";
import { smallListComplexity } from "../common/complexity";
import { PARTICIPANTS_CAP } from "../common/list-limits";
import { DatePrecision } from "../common/partial-date";
import { PartialDateScalar } from "../common/scalars";
import { Entity } from "../entity/entity.type";
import { Provenance } from "../source/provenance.type";

@ObjectType({ simpleResolvers: true, description: "An entity's part in an event." })
export class Participant {
  @Field(() => Entity, { description: "The participating entity." })
  entity!: Entity;

  @Field(() => String, {
    nullable: true,
    description: 'What it did in the event, e.g. "dismissed, then reinstated five days later".',
  })
  role!: string | null;
}

@ObjectType({
  simpleResolvers: true,
  description: "A dated happening that is not a link between two entities, e.g. OpenAI's November 2023 governance crisis.",
})
export class Event {
  @Field(() => ID, { description: 'Stable id, e.g. "openai-governance-crisis-2023-11".' })
  id!: string;

  @Field({ description: "Short English title." })
  name!: string;

  @Field(() => PartialDateScalar, { description: "When it happened, as precisely as the source says." })
  date!: string;

  @Field(() => DatePrecision, { description: "Precision of `date`." })
  datePrecision!: DatePrecision;

  @Field(() => String, { nullable: true, description: "What happened, with the figures the source gives, in English." })
  description!: string | null;

  @Field(() => [Participant], {
    description: `The entities involved and their roles (at most ${PARTICIPANTS_CAP}).`,
    complexity: smallListComplexity,
  })
  participants!: Participant[];

  @Field(() => Provenance, { description: "The sources that report the event, each with its quotes." })
  provenance!: Provenance;
}
