import { DateTimeResolver, JSONResolver } from "graphql-scalars";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { Connection } from "../common/connection";

@ObjectType({
  simpleResolvers: true,
  description:
    "One write to the graph, as the change log recorded it in the same transaction: who, when, what (the facts before and " +
    "after) and why. Nothing is written without its change record.",
})
export class Change {
  @Field(() => Int, { description: "Its number: changes are numbered in the order they were committed." })
  seq!: number;

  @Field(() => DateTimeResolver, { description: "When (server time, UTC). Reads `knownAt` this instant or later see the write." })
  at!: string;

  @Field({ description: "The name of the API key that wrote it." })
  by!: string;

  @Field({
    description:
      "The mutation: registerSource, upsertEntity, assertRelation, addReference, correctRelation, retractRelation, " +
      "retractReference, mergeEntities or recordEvent.",
  })
  operation!: string;

  @Field(() => String, { nullable: true, description: "Why, as the editor wrote it." })
  reason!: string | null;

  @Field(() => [ID], { description: "Entities changed, or at an end of a relation that changed." })
  entityIds!: string[];

  @Field(() => [ID], { description: "Relations asserted, corrected, moved, retracted or given a reference." })
  relationIds!: string[];

  @Field(() => [String], { description: "The types of those relations." })
  relationTypes!: string[];

  @Field(() => [ID], { description: "Entities merged away (their ids now resolve to the survivor)." })
  removedEntityIds!: string[];

  @Field(() => [ID], { description: "Relations retracted." })
  removedRelationIds!: string[];

  @Field(() => [ID], { description: "Events recorded or given a reference." })
  eventIds!: string[];

  @Field(() => [ID], { description: "Sources registered or cited by the change." })
  sourceIds!: string[];

  @Field(() => JSONResolver, {
    nullable: true,
    description: "The facts before the change, in the import format's shape; null for a creation.",
  })
  before!: unknown;

  @Field(() => JSONResolver, {
    nullable: true,
    description: "The facts after the change, in the import format's shape; null for a retraction.",
  })
  after!: unknown;
}

@ObjectType({ simpleResolvers: true, description: "A page of changes, newest first (Relay connection)." })
export class ChangeConnection extends Connection(Change, "Change", "change") {}
