import { registerEnumType } from "type-graphql";

export enum RelationStatus {
  ANNOUNCED = "ANNOUNCED",
  ACTIVE = "ACTIVE",
  COMPLETED = "COMPLETED",
  PLANNED = "PLANNED",
  PROPOSED = "PROPOSED",
  CONSIDERED = "CONSIDERED",
  CONTESTED = "CONTESTED",
  ENDED = "ENDED",
}

registerEnumType(RelationStatus, {
  name: "RelationStatus",
  description: "Where a relation stood when the source was written.",
  valuesConfig: {
    ANNOUNCED: { description: "Announced; the source does not say more about its execution." },
    ACTIVE: { description: "In force or under way." },
    COMPLETED: { description: "Done: the deal was concluded or the act took place." },
    PLANNED: { description: "Intended by `from`, not yet done." },
    PROPOSED: { description: "Offered by one side, not agreed." },
    CONSIDERED: { description: "Envisaged by `from`, not acted on." },
    CONTESTED: { description: "In force but disputed by a party or a regulator." },
    ENDED: { description: "No longer in force; `validTo` says when it ended." },
  },
});
