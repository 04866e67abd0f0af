import { DateTimeResolver } from "graphql-scalars";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { Connection } from "../common/connection";
import { EntityKind } from "./entity-kind.enum";

@ObjectType({
  simpleResolvers: true,
  description:
    "A node of the knowledge graph: a company, regulator, project, person, product, AI model or law. " +
    "Its `relations` field lists its typed, dated links with their counterparties.",
})
export class Entity {
  @Field(() => ID, { description: 'Stable lowercase slug, e.g. "openai", "european-commission". Never changes.' })
  id!: string;

  @Field({ description: 'Display name, e.g. "Federal Trade Commission".' })
  name!: string;

  @Field(() => EntityKind, { description: "What the entity is." })
  kind!: EntityKind;

  @Field(() => [String], {
    description: 'Other names in English and French, e.g. "FTC", "Commission européenne".',
  })
  aliases!: string[];

  @Field(() => String, { nullable: true, description: "One or two sentences on the entity's role in the story, in English." })
  description!: string | null;

  @Field(() => Int, {
    description:
      "Starts at 1 and grows by one with each change to the entity's own facts (`upsertEntity`, `mergeEntities`). " +
      "Updates carry the version they were made from; an older one is refused with CONFLICT.",
  })
  version!: number;

  @Field(() => DateTimeResolver, {
    nullable: true,
    description: "When the graph recorded the entity (record time); null for entities loaded before record time was kept.",
  })
  recordedAt!: string | null;
}

@ObjectType({ simpleResolvers: true, description: "A page of entities (Relay connection)." })
export class EntityConnection extends Connection(Entity, "Entity", "entity") {}
