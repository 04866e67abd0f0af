import { registerEnumType } from "type-graphql";

export enum AmountMeasure {
  DEAL_VALUE = "DEAL_VALUE",
  CUMULATIVE_TOTAL = "CUMULATIVE_TOTAL",
  CAP = "CAP",
  AT_STAKE = "AT_STAKE",
}

registerEnumType(AmountMeasure, {
  name: "AmountMeasure",
  description: "What an amount measures. Only DEAL_VALUE amounts may be added together.",
  valuesConfig: {
    DEAL_VALUE: { description: "The value of the relation itself: an investment, a purchase price." },
    CUMULATIVE_TOTAL: {
      description: "A reported total that already includes individual DEAL_VALUE amounts; never add it to them.",
    },
    CAP: { description: "A ceiling, e.g. the cap on rights to future profits." },
    AT_STAKE: { description: "Money that depends on the relation, e.g. funding a refusal could jeopardise." },
  },
});

export const ALL_AMOUNT_MEASURES: readonly AmountMeasure[] = Object.values(AmountMeasure);
