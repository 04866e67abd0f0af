import { Field, ObjectType } from "type-graphql";
import { RelationType, RelationTypeGroup } from "./relation-type.enum";

@ObjectType({
  simpleResolvers: true,
  description:
    "A family of relation types (money, disputes, regulation, technology, partnership, other), with the colour " +
    "clients draw its edges in.",
})
export class RelationTypeGroupInfo {
  @Field(() => RelationTypeGroup, { description: "The family's identifier." })
  id!: RelationTypeGroup;

  @Field({ description: 'A short title for a legend, e.g. "Money and ownership".' })
  name!: string;

  @Field({ description: "Which types belong to the family, in a sentence." })
  description!: string;

  @Field({ description: 'The CSS colour (#rrggbb) of the family\'s edges in the explorer, e.g. "#2f9e44".' })
  colour!: string;
}

@ObjectType({
  simpleResolvers: true,
  description:
    "What one relation type means and how to draw it: the explorer builds its type filters and legend from these, " +
    "so a type added to the server shows up without a change to the client.",
})
export class RelationTypeInfo {
  @Field(() => RelationType, { description: "The type, as relations carry it and filters take it." })
  name!: RelationType;

  @Field({ description: 'The type in words for a label, e.g. "invests in" for INVESTS_IN.' })
  label!: string;

  @Field({ description: "What a relation of this type states, and which fields carry its details." })
  description!: string;

  @Field({
    description:
      "True when direction means nothing (COMPETES_WITH, PARTNERS_WITH, NEGOTIATES_WITH): stored once, found from either " +
      "side, drawn without an arrow.",
  })
  symmetric!: boolean;

  @Field(() => RelationTypeGroupInfo, {
    description: "The family the type belongs to, with its colour; OTHER for a type not yet given one.",
  })
  group!: RelationTypeGroupInfo;
}
