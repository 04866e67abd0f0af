/**
 * The inputs of the write API. Their fields are named and shaped like the import format's
 * records (docs/import-format.md), because they go through the same checks
 * (src/knowledge/knowledge.validation.ts): a fact the import refuses, a mutation refuses, with
 * the same message and the field path ("input.references[0].quotes[1]"). Dates are strings here
 * for that reason: the shared check reads them and names the field when one is wrong.
 */
import { ArgsType, Field, Float, ID, InputType, Int } from "type-graphql";
import { MaxLength } from "../common/class-validator";
import { EntityKind } from "../entity/entity-kind.enum";
import { AmountMeasure } from "../relation/amount-measure.enum";
import { RelationStatus } from "../relation/relation-status.enum";
import { RelationType } from "../relation/relation-type.enum";

const PARTIAL_DATE = 'A date as precise as the source: "2019", "2019-07" or "2019-07-15"';

@InputType({
  description: "A document facts come from. Its `text`, when given, is what quotes are checked against, byte for byte.",
})
export class SourceInput {
  @Field(() => ID, { description: 'Lowercase slug, e.g. "lemonde-2025-06-microsoft-openai".' })
  id!: string;

  @Field({ description: "The document's title." })
  title!: string;

  @Field(() => String, { nullable: true, description: "Who published it." })
  publisher?: string | null;

  @Field(() => String, { nullable: true, description: "Where it can be read (http or https)." })
  url?: string | null;

  @Field(() => String, { nullable: true, description: 'Its language, a BCP 47 tag such as "fr" or "en".' })
  language?: string | null;

  @Field(() => String, { nullable: true, description: `When it was published. ${PARTIAL_DATE}.` })
  publishedOn?: string | null;

  @Field(() => String, { nullable: true, description: "What it is, in a sentence." })
  description?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The full text. Quotes of references citing this source must appear in it word for word.",
  })
  text?: string | null;
}

@InputType({ description: "An entity's facts: what `upsertEntity` creates or replaces." })
export class EntityInput {
  @Field(() => ID, { description: 'Lowercase slug, e.g. "mistral-ai"; it never changes.' })
  id!: string;

  @Field({ description: "Display name." })
  name!: string;

  @Field(() => EntityKind, { description: "What the entity is." })
  kind!: EntityKind;

  @Field(() => [String], { nullable: true, description: "Other names, in English and French." })
  aliases?: string[] | null;

  @Field(() => String, { nullable: true, description: "One or two sentences on the entity's role, in English." })
  description?: string | null;
}

@InputType({ description: "A source supporting a fact, with the words it uses." })
export class ReferenceInput {
  @Field(() => ID, { description: "The source's id (registered first with `registerSource`)." })
  source!: string;

  @Field(() => [String], {
    description: "Verbatim quotes of the source; when the source has a text, each must appear in it byte for byte.",
  })
  quotes!: string[];

  @Field(() => String, { nullable: true, description: "A remark on how the source supports the fact." })
  note?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "True when the source implies the fact without stating it; `note` must then say why.",
  })
  inferred?: boolean | null;
}

@InputType({ description: "An amount of money as the source states it, never more precise." })
export class AmountInput {
  @Field(() => Float, { description: "The amount in units of `currency` (1000000000 for one billion)." })
  value!: number;

  @Field({ description: "ISO 4217 code, e.g. USD." })
  currency!: string;

  @Field(() => Boolean, { nullable: true, description: 'True when the source says "about".' })
  approximate?: boolean | null;

  @Field(() => AmountMeasure, { description: "What the amount measures." })
  measure!: AmountMeasure;

  @Field(() => String, { nullable: true, description: "What the amount is, in words, when it is not a deal value." })
  note?: string | null;
}

/** The facts of a relation, without its identity: what `correctRelation` may change. */
@InputType({
  description:
    "Corrections to a relation's facts. A field left out keeps its value; a field set to null clears it (where it may be empty).",
})
export class RelationCorrectionInput {
  @Field(() => RelationStatus, { nullable: true, description: "Where the link stands." })
  status?: RelationStatus | null;

  @Field(() => String, { nullable: true, description: "What the link is, in one or two English sentences." })
  description?: string | null;

  @Field(() => String, { nullable: true, description: `When the link began. ${PARTIAL_DATE}.` })
  validFrom?: string | null;

  @Field(() => String, { nullable: true, description: `When it ended. ${PARTIAL_DATE}.` })
  validTo?: string | null;

  @Field(() => String, {
    nullable: true,
    description: `When the source first attests it, for links whose start is unknown (then no \`validFrom\`). ${PARTIAL_DATE}.`,
  })
  attestedFrom?: string | null;

  @Field(() => String, { nullable: true, description: `When an announced link is expected. ${PARTIAL_DATE}.` })
  expectedBy?: string | null;

  @Field(() => AmountInput, { nullable: true, description: "The money the source states." })
  amount?: AmountInput | null;

  @Field(() => Float, { nullable: true, description: "Ownership stake in percent, 0 to 100 (HOLDS_STAKE)." })
  stakePercent?: number | null;

  @Field(() => Boolean, { nullable: true, description: "Whether the link is exclusive, when the source says." })
  exclusive?: boolean | null;

  @Field(() => String, { nullable: true, description: "The role, for LEADS, HAS_BOARD_SEAT and the like." })
  role?: string | null;

  @Field(() => ID, { nullable: true, description: "The AGREEMENT entity this relation is a term of." })
  agreement?: string | null;
}

@InputType({ description: "A relation to assert: its type, ends, facts and at least one reference." })
export class RelationInput extends RelationCorrectionInput {
  @Field(() => ID, {
    nullable: true,
    description:
      "Its id; omit it to have one made from the ends, the type and the start " +
      '("microsoft-invests-in-openai-2019-07"). Asserting a relation that exists with the same facts adds the references, ' +
      "or changes nothing.",
  })
  id?: string | null;

  @Field(() => RelationType, { description: "The kind of link." })
  type!: RelationType;

  @Field(() => ID, { description: "The entity the link starts from." })
  from!: string;

  @Field(() => ID, { description: "The entity the link points to." })
  to!: string;

  @Field(() => [ReferenceInput], { description: "At least one source, with its quotes." })
  references!: ReferenceInput[];
}

@InputType({ description: "An entity taking part in an event." })
export class ParticipantInput {
  @Field(() => ID, { description: "The entity's id." })
  entity!: string;

  @Field(() => String, { nullable: true, description: "Its part in the event." })
  role?: string | null;
}

@InputType({ description: "A dated event with its participants and references." })
export class EventInput {
  @Field(() => ID, { description: 'Lowercase slug, e.g. "openai-board-crisis-2023-11".' })
  id!: string;

  @Field({ description: "Its name." })
  name!: string;

  @Field({ description: `When it happened. ${PARTIAL_DATE}.` })
  date!: string;

  @Field({ description: "What happened, in one or two English sentences." })
  description!: string;

  @Field(() => [ParticipantInput], { description: "The entities that took part." })
  participants!: ParticipantInput[];

  @Field(() => [ReferenceInput], { description: "At least one source, with its quotes." })
  references!: ReferenceInput[];
}

const REASON = "Why: kept in the change record (`changes`) with who and when.";
const IDEMPOTENCY_KEY =
  "Any string unique to this request (a UUID): sending the same request again with the same key — after a timeout, " +
  "say — writes nothing twice and answers what the first one did (`replayed: true`). The same key with another " +
  "request is a CONFLICT.";

/** What every mutation takes besides its input. */
@ArgsType()
export class WriteArgs {
  @Field(() => String, { nullable: true, description: REASON })
  @MaxLength(2_000, { message: '"reason" may hold at most 2000 characters.' })
  reason?: string | null;

  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY })
  @MaxLength(200, { message: '"idempotencyKey" may hold at most 200 characters.' })
  idempotencyKey?: string | null;
}

/** Updates of what exists also say why, always. */
@ArgsType()
export class UpdateArgs {
  @Field({ description: REASON })
  @MaxLength(2_000, { message: '"reason" may hold at most 2000 characters.' })
  reason!: string;

  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY })
  @MaxLength(200, { message: '"idempotencyKey" may hold at most 200 characters.' })
  idempotencyKey?: string | null;
}

@ArgsType()
export class RegisterSourceArgs extends WriteArgs {
  @Field(() => SourceInput, { description: "The source." })
  input!: SourceInput;
}

@ArgsType()
export class UpsertEntityArgs extends WriteArgs {
  @Field(() => EntityInput, { description: "The entity's facts." })
  input!: EntityInput;

  @Field(() => Int, {
    nullable: true,
    description:
      "To update an existing entity: the version the update was made from (CONFLICT if it changed since). Omit to create.",
  })
  version?: number | null;
}

@ArgsType()
export class AssertRelationArgs extends WriteArgs {
  @Field(() => RelationInput, { description: "The relation." })
  input!: RelationInput;
}

@ArgsType()
export class AddReferenceArgs extends WriteArgs {
  @Field(() => ID, { description: "The relation the reference supports." })
  relation!: string;

  @Field(() => ReferenceInput, { description: "The reference; one from a source the relation already cites replaces it." })
  reference!: ReferenceInput;

  @Field(() => Int, {
    nullable: true,
    description: "The relation's version the request was made from (CONFLICT if it changed since).",
  })
  version?: number | null;
}

@ArgsType()
export class CorrectRelationArgs extends UpdateArgs {
  @Field(() => ID, { description: "The relation to correct." })
  id!: string;

  @Field(() => Int, { description: "The relation's version the correction was made from (CONFLICT if it changed since)." })
  version!: number;

  @Field(() => RelationCorrectionInput, { description: "The facts to change." })
  facts!: RelationCorrectionInput;
}

@ArgsType()
export class RetractRelationArgs extends UpdateArgs {
  @Field(() => ID, { description: "The relation to retract. It is kept, hidden from reads unless `includeRetracted: true`." })
  id!: string;

  @Field(() => Int, { description: "The relation's version the retraction was decided on (CONFLICT if it changed since)." })
  version!: number;
}

@ArgsType()
export class RetractReferenceArgs extends UpdateArgs {
  @Field(() => ID, { description: "The relation the reference supports." })
  relation!: string;

  @Field(() => ID, { description: "The source whose reference to withdraw." })
  source!: string;

  @Field(() => Int, { description: "The relation's version (CONFLICT if it changed since)." })
  version!: number;
}

@ArgsType()
export class MergeEntitiesArgs extends UpdateArgs {
  @Field(() => ID, { description: "The entity that stays." })
  survivor!: string;

  @Field(() => ID, { description: "The entity merged into it; its id keeps resolving to the survivor." })
  merged!: string;

  @Field(() => Int, { description: "The survivor's version (CONFLICT if it changed since)." })
  survivorVersion!: number;

  @Field(() => Int, { description: "The merged entity's version (CONFLICT if it changed since)." })
  mergedVersion!: number;
}

@ArgsType()
export class RecordEventArgs extends WriteArgs {
  @Field(() => EventInput, { description: "The event." })
  input!: EventInput;
}
