/**
 * The peer's model of the graph, as a @neo4j/graphql 7 user would write it: one `@node` type,
 * `Entity`, with one `@relationship` field per relation type and direction (a symmetric type is
 * one undirected field), all sharing one `@relationshipProperties` type with the stored
 * properties. Generated from the RelationType enum so it follows the project's types; the
 * text is written to artifacts/bench/peer-typedefs.graphql for reading.
 */
import { ALL_RELATION_TYPES, isSymmetric, type RelationType } from "../../src/relation/relation-type.enum";

export interface PeerField {
  readonly name: string;
  readonly type: RelationType;
  readonly direction: "OUT" | "IN";
  readonly undirected: boolean;
}

/** INVESTS_IN → investsIn (outgoing), investsInIncoming; COMPETES_WITH → competesWith (either way). */
export const PEER_FIELDS: readonly PeerField[] = ALL_RELATION_TYPES.flatMap((type): PeerField[] => {
  const camel = type.toLowerCase().replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
  if (isSymmetric(type)) return [{ name: camel, type, direction: "OUT", undirected: true }];
  return [
    { name: camel, type, direction: "OUT", undirected: false },
    { name: `${camel}Incoming`, type, direction: "IN", undirected: false },
  ];
});

export function peerTypeDefs(): string {
  const fields = PEER_FIELDS.map(
    (field) =>
      `  ${field.name}: [Entity!]! @relationship(type: "${field.type}", direction: ${field.direction}` +
      `${field.undirected ? ", queryDirection: UNDIRECTED" : ""}, properties: "Relation")`,
  );
  return `type Entity @node(labels: ["Entity"]) {
  id: ID!
  name: String!
  kind: String!
  aliases: [String!]
  description: String
${fields.join("\n")}
}

type Relation @relationshipProperties {
  id: ID!
  status: String!
  description: String
  validFrom: String
  validTo: String
  attestedFrom: String
  expectedBy: String
  amount: Float
  currency: String
  role: String
  periodStart: Date
  periodEnd: Date
  sourceIds: [String!]
  references: [String!]
}
`;
}

/**
 * Every relationship field's connection, aliased by field, with the given selection of each edge
 * and an optional argument list (a `where`): what "all of an entity's relations" is in this model.
 */
export function peerConnections(edge: string, args = ""): string {
  return PEER_FIELDS.map((field) => `${field.name}: ${field.name}Connection${args} { edges { ${edge} } }`).join("\n      ");
}
