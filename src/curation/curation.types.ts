import { Field, ObjectType } from "type-graphql";
import { Entity } from "../entity/entity.type";
import { Event } from "../event/event.type";
import { Change } from "../history/change.type";
import { Relation } from "../relation/relation.type";
import { Source } from "../source/source.type";

const CHANGE = "The change record this write appended; null when it changed nothing (the fact was already there as sent).";
const REPLAYED =
  "True when the idempotency key had been used: nothing was written this time, and `change` is the first write's record.";

@ObjectType({ simpleResolvers: true, description: "What a write to a relation made." })
export class RelationPayload {
  @Field(() => Relation, { description: "The relation as it is now (a retracted one with its `retraction`)." })
  relation!: Relation;

  @Field(() => Change, { nullable: true, description: CHANGE })
  change!: Change | null;

  @Field({ description: REPLAYED })
  replayed!: boolean;
}

@ObjectType({ simpleResolvers: true, description: "What a write to an entity made." })
export class EntityPayload {
  @Field(() => Entity, { description: "The entity as it is now (after a merge: the survivor)." })
  entity!: Entity;

  @Field(() => Change, { nullable: true, description: CHANGE })
  change!: Change | null;

  @Field({ description: REPLAYED })
  replayed!: boolean;
}

@ObjectType({ simpleResolvers: true, description: "What registering a source made." })
export class SourcePayload {
  @Field(() => Source, { description: "The source." })
  source!: Source;

  @Field(() => Change, { nullable: true, description: CHANGE })
  change!: Change | null;

  @Field({ description: REPLAYED })
  replayed!: boolean;
}

@ObjectType({ simpleResolvers: true, description: "What recording an event made." })
export class EventPayload {
  @Field(() => Event, { description: "The event as it is now." })
  event!: Event;

  @Field(() => Change, { nullable: true, description: CHANGE })
  change!: Change | null;

  @Field({ description: REPLAYED })
  replayed!: boolean;
}
