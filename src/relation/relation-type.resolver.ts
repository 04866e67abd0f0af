import { Query, Resolver } from "type-graphql";
import {
  ALL_RELATION_TYPES,
  isSymmetric,
  RELATION_TYPE_GROUPS,
  relationTypeLabel,
  relationTypeMetadata,
} from "./relation-type.enum";
import { RelationTypeGroupInfo, RelationTypeInfo } from "./relation-type-info.type";

/** Every relation type with its metadata, in the enum's order: built once, it never changes while the server runs. */
export function relationTypeInfos(): RelationTypeInfo[] {
  return ALL_RELATION_TYPES.map((type) => {
    const metadata = relationTypeMetadata(type);
    const group: RelationTypeGroupInfo = { id: metadata.group, ...RELATION_TYPE_GROUPS[metadata.group] };
    return {
      name: type,
      label: relationTypeLabel(type),
      description: metadata.description,
      symmetric: isSymmetric(type),
      group,
    };
  });
}

const RELATION_TYPE_INFOS = relationTypeInfos();

@Resolver()
export class RelationTypeResolver {
  @Query(() => [RelationTypeInfo], {
    description:
      "Every relation type the server knows, in a fixed order, with its description, whether it is symmetric, and its " +
      "family and colour: what a client needs to build type filters and a legend. Answered from the code, without Neo4j.",
  })
  relationTypes(): RelationTypeInfo[] {
    return RELATION_TYPE_INFOS;
  }
}
