import { Field, Float, ObjectType } from "type-graphql";
import { Entity } from "../entity/entity.type";

@ObjectType({ simpleResolvers: true, description: "An entity found by `search`, with how well it matched." })
export class SearchHit {
  @Field(() => Entity, { description: "The entity whose name or alias matched." })
  entity!: Entity;

  @Field(() => Float, {
    description: "Lucene relevance score: higher is better. Comparable within one answer only, not across searches.",
  })
  score!: number;
}
