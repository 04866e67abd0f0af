import { Field, ObjectType, registerEnumType } from "type-graphql";
import { Connection } from "../common/connection";
import { Entity } from "../entity/entity.type";
import { Relation } from "./relation.type";

export enum RelationDirection {
  OUTGOING = "OUTGOING",
  INCOMING = "INCOMING",
  UNDIRECTED = "UNDIRECTED",
}

registerEnumType(RelationDirection, {
  name: "RelationDirection",
  description: "How a relation stands to the entity it is listed under.",
  valuesConfig: {
    OUTGOING: { description: "The entity is `from` (Microsoft → INVESTS_IN → OpenAI, listed under Microsoft)." },
    INCOMING: { description: "The entity is `to`." },
    UNDIRECTED: { description: "A symmetric type (COMPETES_WITH, PARTNERS_WITH, NEGOTIATES_WITH): no direction." },
  },
});

export enum DirectionFilter {
  OUTGOING = "OUTGOING",
  INCOMING = "INCOMING",
  ANY = "ANY",
}

registerEnumType(DirectionFilter, {
  name: "DirectionFilter",
  description: "Which relations of an entity to list. Symmetric relations have no direction and are always listed.",
  valuesConfig: {
    OUTGOING: { description: "Where the entity is `from`, plus symmetric ones." },
    INCOMING: { description: "Where the entity is `to`, plus symmetric ones." },
    ANY: { description: "All of them." },
  },
});

@ObjectType({
  simpleResolvers: true,
  description: "A relation seen from one entity: which way it points and who is on the other side.",
})
export class EntityRelation {
  @Field(() => RelationDirection, { description: "How the relation stands to this entity." })
  direction!: RelationDirection;

  @Field(() => Entity, { description: "The entity at the other end." })
  counterparty!: Entity;

  @Field(() => Relation, {
    description:
      "The relation with its dates, amounts and quotes, as stored: its `from` and `to` are the same under either " +
      "entity (read `direction` and `counterparty` for this entity's side).",
  })
  relation!: Relation;

  @Field({ description: "Opaque cursor of this relation in the entity's list; pass it as `after` for the ones after it." })
  cursor!: string;
}

@ObjectType({
  simpleResolvers: true,
  description: "A page of an entity's relations, with cursors and how many there are in all.",
})
export class EntityRelationConnection extends Connection(EntityRelation, "EntityRelation", "relation of the entity") {}
