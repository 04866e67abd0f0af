import { registerEnumType } from "type-graphql";

/**
 * The relationship types of the graph. These names are the only identifiers ever interpolated
 * into Cypher (Neo4j cannot take a relationship type as a parameter in a pattern), and only
 * after `assertRelationType` has checked them against this enum.
 */
export enum RelationType {
  INVESTS_IN = "INVESTS_IN",
  INVESTED_TOTAL_IN = "INVESTED_TOTAL_IN",
  SUPPLIES_CLOUD = "SUPPLIES_CLOUD",
  COMPETES_WITH = "COMPETES_WITH",
  INVESTIGATES = "INVESTIGATES",
  PRESSURES = "PRESSURES",
  HOLDS_STAKE = "HOLDS_STAKE",
  PART_OF = "PART_OF",
  PARTNERS_WITH = "PARTNERS_WITH",
  PARTICIPATES_IN = "PARTICIPATES_IN",
  ACQUIRES = "ACQUIRES",
  SEEKS_IP_ACCESS = "SEEKS_IP_ACCESS",
  CONSIDERS_SUING = "CONSIDERS_SUING",
  LOBBIES = "LOBBIES",
  NEGOTIATES_WITH = "NEGOTIATES_WITH",
  TESTS_MODELS_OF = "TESTS_MODELS_OF",
  FOUNDED = "FOUNDED",
  LEADS = "LEADS",
  HAS_BOARD_SEAT = "HAS_BOARD_SEAT",
  OFFERS_TO_HIRE = "OFFERS_TO_HIRE",
  HAS_TECHNOLOGY_ACCESS = "HAS_TECHNOLOGY_ACCESS",
  LICENSES = "LICENSES",
  DEVELOPS = "DEVELOPS",
  INTEGRATES = "INTEGRATES",
  PARTY_TO = "PARTY_TO",
  RESTRUCTURES_INTO = "RESTRUCTURES_INTO",
  SUPPORTS = "SUPPORTS",
  CHALLENGES = "CHALLENGES",
  FILES_WITH = "FILES_WITH",
  CITES_AS_RISK = "CITES_AS_RISK",
}

/** Types whose direction means nothing: found from either side, drawn once. */
export const SYMMETRIC_RELATION_TYPES: ReadonlySet<RelationType> = new Set([
  RelationType.COMPETES_WITH,
  RelationType.PARTNERS_WITH,
  RelationType.NEGOTIATES_WITH,
]);

export const ALL_RELATION_TYPES: readonly RelationType[] = Object.values(RelationType);

export function isSymmetric(type: RelationType): boolean {
  return SYMMETRIC_RELATION_TYPES.has(type);
}

/** Guards the interpolation of a type name into Cypher. */
export function assertRelationType(value: string): RelationType {
  if (!(ALL_RELATION_TYPES as readonly string[]).includes(value)) {
    throw new RangeError(`Not a relation type: ${JSON.stringify(value)}`);
  }
  return value as RelationType;
}

registerEnumType(RelationType, {
  name: "RelationType",
  description:
    "The kind of a relation. Directed types read from `from` to `to` (Microsoft INVESTS_IN OpenAI); " +
    "symmetric ones (COMPETES_WITH, PARTNERS_WITH, NEGOTIATES_WITH) are stored once and found from either side.",
  valuesConfig: {
    INVESTS_IN: {
      description: "`from` puts money into `to` (one investment; see `amount`). Never add INVESTED_TOTAL_IN to these.",
    },
    INVESTED_TOTAL_IN: {
      description:
        "A reported cumulative total of `from`'s investments in `to`; it already includes the individual INVESTS_IN amounts.",
    },
    SUPPLIES_CLOUD: { description: "`from` provides cloud computing to `to` (see `exclusive`)." },
    COMPETES_WITH: { description: "Symmetric: the two compete in a market named in `description`." },
    INVESTIGATES: { description: "`from`, a regulator, investigates `to`." },
    PRESSURES: { description: "`from`, an authority, puts pressure on `to` to act." },
    HOLDS_STAKE: { description: "`from` owns (or is offered, see `status`) `stakePercent` of `to`." },
    PART_OF: { description: "`from` belongs to the structure of `to`." },
    PARTNERS_WITH: { description: "Symmetric: a partnership, in force or considered (see `status`)." },
    PARTICIPATES_IN: { description: "`from` takes part in the project `to` (see `role`)." },
    ACQUIRES: { description: "`from` acquires, or plans to acquire, `to` (see `status` and `amount`)." },
    SEEKS_IP_ACCESS: { description: "`from` asks for access to the intellectual property of `to`." },
    CONSIDERS_SUING: { description: "`from` has considered legal action against `to`." },
    LOBBIES: { description: "`from` presses the authority `to` to act." },
    NEGOTIATES_WITH: { description: "Symmetric: the two are negotiating (subject in `description`)." },
    TESTS_MODELS_OF: { description: "`from` evaluates the AI models of `to`." },
    FOUNDED: { description: "`from` founded `to` (`validFrom` is the founding date)." },
    LEADS: { description: "`from` leads `to` (see `role`)." },
    HAS_BOARD_SEAT: { description: "`from` has a seat on the board of `to` (see `role`)." },
    OFFERS_TO_HIRE: { description: "`from` offers to employ `to`." },
    HAS_TECHNOLOGY_ACCESS: {
      description: "`from` has privileged access to the technology of `to` (its terms and limits in `description`).",
    },
    LICENSES: { description: "`from` holds a licence on the technology `to` (see `exclusive`)." },
    DEVELOPS: { description: "`from` makes the product or model `to`." },
    INTEGRATES: { description: "The product `from` (or the company `from`, in its products) is built on the technology `to`." },
    PARTY_TO: {
      description:
        "`from` is a party to the agreement `to` (an entity of kind AGREEMENT; its terms are the relations naming it in `agreement`).",
    },
    RESTRUCTURES_INTO: { description: "`from` turns, or plans to turn (see `status`), into the entity `to`." },
    SUPPORTS: { description: "`from` backs `to` (how and when in `description`)." },
    CHALLENGES: { description: "`from` disputes `to` (an agreement or its terms), e.g. by pressing a regulator to examine it." },
    FILES_WITH: { description: "`from` files regulatory reports with the authority `to`." },
    CITES_AS_RISK: {
      description: "`from` names `to` (a law, a party) among the risks to its business, e.g. in a regulatory filing.",
    },
  },
});
