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

/** Families of relation types, by what they mean: one colour a family in the explorer. */
export enum RelationTypeGroup {
  MONEY = "MONEY",
  DISPUTE = "DISPUTE",
  REGULATION = "REGULATION",
  TECHNOLOGY = "TECHNOLOGY",
  PARTNERSHIP = "PARTNERSHIP",
  OTHER = "OTHER",
}

export interface RelationTypeGroupInfo {
  /** A short title, for a legend. */
  readonly name: string;
  readonly description: string;
  /** A CSS colour (#rrggbb) clients draw the family's edges with. */
  readonly colour: string;
}

export const RELATION_TYPE_GROUPS: Readonly<Record<RelationTypeGroup, RelationTypeGroupInfo>> = {
  MONEY: {
    name: "Money and ownership",
    description: "Investments, stakes, acquisitions, founding and structure.",
    colour: "#2f9e44",
  },
  DISPUTE: {
    name: "Competition and disputes",
    description: "Rivalry, legal threats and contested claims.",
    colour: "#e03131",
  },
  REGULATION: {
    name: "Regulation and pressure",
    description: "Investigations, pressure and lobbying, regulatory filings and the risks they name.",
    colour: "#f08c00",
  },
  TECHNOLOGY: {
    name: "Supply and technology",
    description: "Cloud supply, licences, technology access, products built and integrated.",
    colour: "#1c7ed6",
  },
  PARTNERSHIP: {
    name: "Partnership and people",
    description: "Partnerships, negotiations, agreements, projects and the people who lead or join them.",
    colour: "#7048e8",
  },
  OTHER: {
    name: "Other",
    description: "Types not yet given a family.",
    colour: "#868e96",
  },
};

export interface RelationTypeMetadata {
  readonly group: RelationTypeGroup;
  /** What the type means, in Sandbox (the enum value's description) and in the explorer. */
  readonly description: string;
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

/**
 * What the clients (the explorer's filters and legend, Sandbox) show of each type: its group and
 * description. The one place for this metadata; `relationTypes` serves it. A type added to the
 * enum without an entry here still works everywhere and is listed in OTHER.
 */
export const RELATION_TYPE_METADATA: Readonly<Partial<Record<RelationType, RelationTypeMetadata>>> = {
  INVESTS_IN: {
    group: RelationTypeGroup.MONEY,
    description: "`from` puts money into `to` (one investment; see `amount`). Never add INVESTED_TOTAL_IN to these.",
  },
  INVESTED_TOTAL_IN: {
    group: RelationTypeGroup.MONEY,
    description:
      "A reported cumulative total of `from`'s investments in `to`; it already includes the individual INVESTS_IN amounts.",
  },
  SUPPLIES_CLOUD: {
    group: RelationTypeGroup.TECHNOLOGY,
    description: "`from` provides cloud computing to `to` (see `exclusive`).",
  },
  COMPETES_WITH: {
    group: RelationTypeGroup.DISPUTE,
    description: "Symmetric: the two compete in a market named in `description`.",
  },
  INVESTIGATES: {
    group: RelationTypeGroup.REGULATION,
    description: "`from`, a regulator, investigates `to`.",
  },
  PRESSURES: {
    group: RelationTypeGroup.REGULATION,
    description: "`from`, an authority, puts pressure on `to` to act.",
  },
  HOLDS_STAKE: {
    group: RelationTypeGroup.MONEY,
    description: "`from` owns (or is offered, see `status`) `stakePercent` of `to`.",
  },
  PART_OF: {
    group: RelationTypeGroup.MONEY,
    description: "`from` belongs to the structure of `to`.",
  },
  PARTNERS_WITH: {
    group: RelationTypeGroup.PARTNERSHIP,
    description: "Symmetric: a partnership, in force or considered (see `status`).",
  },
  PARTICIPATES_IN: {
    group: RelationTypeGroup.PARTNERSHIP,
    description: "`from` takes part in the project `to` (see `role`).",
  },
  ACQUIRES: {
    group: RelationTypeGroup.MONEY,
    description: "`from` acquires, or plans to acquire, `to` (see `status` and `amount`).",
  },
  SEEKS_IP_ACCESS: {
    group: RelationTypeGroup.DISPUTE,
    description: "`from` asks for access to the intellectual property of `to`.",
  },
  CONSIDERS_SUING: {
    group: RelationTypeGroup.DISPUTE,
    description: "`from` has considered legal action against `to`.",
  },
  LOBBIES: {
    group: RelationTypeGroup.REGULATION,
    description: "`from` presses the authority `to` to act.",
  },
  NEGOTIATES_WITH: {
    group: RelationTypeGroup.PARTNERSHIP,
    description: "Symmetric: the two are negotiating (subject in `description`).",
  },
  TESTS_MODELS_OF: {
    group: RelationTypeGroup.REGULATION,
    description: "`from` evaluates the AI models of `to`.",
  },
  FOUNDED: {
    group: RelationTypeGroup.MONEY,
    description: "`from` founded `to` (`validFrom` is the founding date).",
  },
  LEADS: {
    group: RelationTypeGroup.PARTNERSHIP,
    description: "`from` leads `to` (see `role`).",
  },
  HAS_BOARD_SEAT: {
    group: RelationTypeGroup.PARTNERSHIP,
    description: "`from` has a seat on the board of `to` (see `role`).",
  },
  OFFERS_TO_HIRE: {
    group: RelationTypeGroup.PARTNERSHIP,
    description: "`from` offers to employ `to`.",
  },
  HAS_TECHNOLOGY_ACCESS: {
    group: RelationTypeGroup.TECHNOLOGY,
    description: "`from` has privileged access to the technology of `to` (its terms and limits in `description`).",
  },
  LICENSES: {
    group: RelationTypeGroup.TECHNOLOGY,
    description: "`from` holds a licence on the technology `to` (see `exclusive`).",
  },
  DEVELOPS: {
    group: RelationTypeGroup.TECHNOLOGY,
    description: "`from` makes the product or model `to`.",
  },
  INTEGRATES: {
    group: RelationTypeGroup.TECHNOLOGY,
    description: "The product `from` (or the company `from`, in its products) is built on the technology `to`.",
  },
  PARTY_TO: {
    group: RelationTypeGroup.PARTNERSHIP,
    description:
      "`from` is a party to the agreement `to` (an entity of kind AGREEMENT; its terms are the relations naming it in `agreement`).",
  },
  RESTRUCTURES_INTO: {
    group: RelationTypeGroup.MONEY,
    description: "`from` turns, or plans to turn (see `status`), into the entity `to`.",
  },
  SUPPORTS: {
    group: RelationTypeGroup.PARTNERSHIP,
    description: "`from` backs `to` (how and when in `description`).",
  },
  CHALLENGES: {
    group: RelationTypeGroup.DISPUTE,
    description: "`from` disputes `to` (an agreement or its terms), e.g. by pressing a regulator to examine it.",
  },
  FILES_WITH: {
    group: RelationTypeGroup.REGULATION,
    description: "`from` files regulatory reports with the authority `to`.",
  },
  CITES_AS_RISK: {
    group: RelationTypeGroup.REGULATION,
    description: "`from` names `to` (a law, a party) among the risks to its business, e.g. in a regulatory filing.",
  },
};

/** The group and description of a type; a type without metadata is in OTHER, described by its name. */
export function relationTypeMetadata(type: RelationType): RelationTypeMetadata {
  return (
    RELATION_TYPE_METADATA[type] ?? {
      group: RelationTypeGroup.OTHER,
      description: `${type}: not described yet.`,
    }
  );
}

/** A type's name as words, for labels: INVESTS_IN → "invests in". */
export function relationTypeLabel(type: RelationType): string {
  return type.toLowerCase().replace(/_/g, " ");
}

registerEnumType(RelationType, {
  name: "RelationType",
  description:
    "The kind of a relation. Directed types read from `from` to `to` (Microsoft INVESTS_IN OpenAI); " +
    "symmetric ones (COMPETES_WITH, PARTNERS_WITH, NEGOTIATES_WITH) are stored once and found from either side. " +
    "`relationTypes` lists each with its group, colour and whether it is symmetric.",
  valuesConfig: Object.fromEntries(
    ALL_RELATION_TYPES.map((type) => [type, { description: relationTypeMetadata(type).description }]),
  ),
});

registerEnumType(RelationTypeGroup, {
  name: "RelationTypeGroup",
  description: "Families of relation types, by what they mean; the explorer colours edges by family.",
  valuesConfig: Object.fromEntries(
    Object.values(RelationTypeGroup).map((group) => [group, { description: RELATION_TYPE_GROUPS[group].description }]),
  ),
});
