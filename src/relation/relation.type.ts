import { CurrencyResolver, DateTimeResolver } from "graphql-scalars";
import { Field, Float, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Connection } from "../common/connection";
import { DatePrecision } from "../common/partial-date";
import { PartialDateScalar } from "../common/scalars";
import { Entity } from "../entity/entity.type";
import { Provenance } from "../source/provenance.type";
import { RelationStatus } from "./relation-status.enum";
import { RelationType } from "./relation-type.enum";
import { AmountMeasure } from "./amount-measure.enum";

registerEnumType(DatePrecision, {
  name: "DatePrecision",
  description: "How precisely the source dates something.",
  valuesConfig: {
    YEAR: { description: 'Known to the year: "2019".' },
    MONTH: { description: 'Known to the month: "2019-07".' },
    DAY: { description: 'Known to the day: "2019-07-15".' },
  },
});

@ObjectType({ simpleResolvers: true, description: "An amount of money as the source states it, never more precise." })
export class Money {
  @Field(() => Float, { description: 'The amount in units of `currency` (1000000000 for "1 milliard de dollars").' })
  amount!: number;

  @Field(() => CurrencyResolver, { description: "ISO 4217 currency code, e.g. USD." })
  currency!: string;

  @Field({ description: 'True when the source gives the figure as approximate ("environ", "près de").' })
  approximate!: boolean;

  @Field(() => AmountMeasure, { description: "What the amount measures; only DEAL_VALUE amounts may be summed." })
  measure!: AmountMeasure;

  @Field(() => String, { nullable: true, description: "What the amount is, in words, when `measure` is not DEAL_VALUE." })
  note!: string | null;
}

@ObjectType({ simpleResolvers: true, description: "Why a relation no longer stands: it is kept, never deleted." })
export class Retraction {
  @Field(() => DateTimeResolver, { description: "When it was retracted (server time, UTC)." })
  at!: string;

  @Field({ description: "The name of the API key that retracted it." })
  by!: string;

  @Field({ description: "Why, as the editor wrote it." })
  reason!: string;
}

@ObjectType({
  simpleResolvers: true,
  description:
    "A typed, dated, sourced link between two entities, e.g. Microsoft INVESTS_IN OpenAI (July 2019, $1 bn). " +
    "Dates keep the source's precision; `provenance` quotes the source.",
})
export class Relation {
  @Field(() => ID, { description: 'Stable id, e.g. "microsoft-invests-in-openai-2019-07".' })
  id!: string;

  @Field(() => RelationType, { description: "The kind of link." })
  type!: RelationType;

  @Field({ description: "True for types without direction (COMPETES_WITH, PARTNERS_WITH, NEGOTIATES_WITH)." })
  symmetric!: boolean;

  @Field(() => Entity, {
    description:
      "The entity the link starts from, as stored: the same whichever side it was found from, so a relation id " +
      "always answers the same `from` and `to`. For symmetric types the order means nothing; the side you asked " +
      "about is in `EntityRelation.counterparty` and `direction`.",
  })
  from!: Entity;

  @Field(() => Entity, { description: "The entity the link points to, as stored (see `from`)." })
  to!: Entity;

  @Field(() => RelationStatus, { description: "Where the link stood when the source was written." })
  status!: RelationStatus;

  @Field({ description: "What the link is, in one or two English sentences." })
  description!: string;

  @Field(() => PartialDateScalar, {
    nullable: true,
    description: "When the link began, as precisely as the source says; null when the source gives no start.",
  })
  validFrom!: string | null;

  @Field(() => DatePrecision, { nullable: true, description: "Precision of `validFrom`." })
  validFromPrecision!: DatePrecision | null;

  @Field(() => PartialDateScalar, { nullable: true, description: "When the link ended; null while in force or when unknown." })
  validTo!: string | null;

  @Field(() => DatePrecision, { nullable: true, description: "Precision of `validTo`." })
  validToPrecision!: DatePrecision | null;

  @Field(() => PartialDateScalar, {
    description:
      "The earliest date at which the source shows the link in force: `validFrom` when known, otherwise the period " +
      "the source places it in (a dated section, or its June 2025 present tense). `asOf` filters use it when `validFrom` is null.",
  })
  attestedFrom!: string;

  @Field(() => PartialDateScalar, {
    nullable: true,
    description: 'Target date of a planned link (e.g. chips "by the end of 2025").',
  })
  expectedBy!: string | null;

  @Field(() => Money, { nullable: true, description: "The money the source states for this link, if any." })
  amount!: Money | null;

  @Field(() => Float, { nullable: true, description: "Ownership stake in percent (49 for 49 %), for HOLDS_STAKE." })
  stakePercent!: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "True when the source calls the link exclusive (Azure cloud, the GPT-3 licence).",
  })
  exclusive!: boolean | null;

  @Field(() => String, {
    nullable: true,
    description: 'The role of `from` in the link, e.g. "CEO (PDG)", "observer (non-voting)".',
  })
  role!: string | null;

  @Field({
    description:
      "True when no source states the link: every reference only implies it (each says why in its `note`). Never present it as stated.",
  })
  inferred!: boolean;

  @Field(() => Entity, {
    nullable: true,
    description: "The agreement (an entity of kind AGREEMENT) this relation is one term of; its other terms share it.",
  })
  agreement?: Entity | null;

  @Field(() => Provenance, { description: "The sources that report the link, each with its quotes." })
  provenance!: Provenance;

  @Field(() => Int, {
    description:
      "Starts at 1 and grows by one with each change (a correction, a reference added or retracted). Updates carry the " +
      "version they were made from; one made from an older version is refused with CONFLICT and changes nothing.",
  })
  version!: number;

  @Field(() => DateTimeResolver, {
    nullable: true,
    description:
      "When the graph recorded the relation (record time, not when it was true: see `validFrom`); null for relations " +
      "loaded before record time was kept. `knownAt` arguments compare with it.",
  })
  recordedAt!: string | null;

  @Field(() => Retraction, {
    nullable: true,
    description: "Set when the relation was retracted (then shown only with `includeRetracted: true`); null while it stands.",
  })
  retraction!: Retraction | null;
}

@ObjectType({ simpleResolvers: true, description: "A page of relations (Relay connection), ordered by start date then id." })
export class RelationConnection extends Connection(Relation, "Relation", "relation") {}
