import { Field, Int, ObjectType } from "type-graphql";
import { EntityKind } from "../entity/entity-kind.enum";
import { RelationType } from "../relation/relation-type.enum";

@ObjectType({ simpleResolvers: true, description: "How many entities the graph holds of one kind." })
export class KindCount {
  @Field(() => EntityKind, { description: "The kind." })
  kind!: EntityKind;

  @Field(() => Int, { description: "Entities of that kind." })
  count!: number;
}

@ObjectType({ simpleResolvers: true, description: "How many relations the graph holds of one type." })
export class TypeCount {
  @Field(() => RelationType, { description: "The relation type." })
  type!: RelationType;

  @Field(() => Int, { description: "Relations of that type." })
  count!: number;
}

@ObjectType({ simpleResolvers: true, description: "What the graph holds, in counts: for a home page or a first look." })
export class GraphSummary {
  @Field(() => Int, { description: "Entities (nodes)." })
  entities!: number;

  @Field(() => Int, { description: "Relations between entities (edges)." })
  relations!: number;

  @Field(() => Int, { description: "Dated events." })
  events!: number;

  @Field(() => Int, { description: "Registered sources (documents the references quote)." })
  sources!: number;

  @Field(() => [KindCount], { description: "Entities per kind, most first; kinds with none are left out." })
  entitiesByKind!: KindCount[];

  @Field(() => [TypeCount], { description: "Relations per type, most first; types with none are left out." })
  relationsByType!: TypeCount[];
}
