import { DatePrecision } from "../../src/common/partial-date";
import type { RelationRecord } from "../../src/relation/relation.repository";
import { RelationStatus } from "../../src/relation/relation-status.enum";
import { RelationType } from "../../src/relation/relation-type.enum";
import { toRelationView, UNKNOWN_SOURCE } from "../../src/relation/relation.view";

const entity = (id: string) => ({ id, name: id, kind: "COMPANY" as never, aliases: [], description: null });

const base: RelationRecord = {
  id: "r",
  type: RelationType.INVESTS_IN,
  status: RelationStatus.ANNOUNCED,
  description: "d",
  validFrom: "2019-07",
  validTo: null,
  attestedFrom: "2019-07",
  expectedBy: null,
  amount: 1e9,
  currency: "USD",
  amountApproximate: false,
  amountMeasure: "DEAL_VALUE",
  amountNote: null,
  stakePercent: null,
  exclusive: null,
  role: null,
  quotes: ["q"],
  from: entity("microsoft"),
  to: entity("openai"),
  source: null,
  periodStart: "2019-07-01",
  periodEnd: null,
};

describe("toRelationView", () => {
  it("derives precisions, money and symmetry", () => {
    const view = toRelationView({ ...base, validTo: "2024" });
    expect(view.validFromPrecision).toBe(DatePrecision.MONTH);
    expect(view.validToPrecision).toBe(DatePrecision.YEAR);
    expect(view.amount).toEqual({ amount: 1e9, currency: "USD", approximate: false, measure: "DEAL_VALUE", note: null });
    expect(view.symmetric).toBe(false);
    expect(toRelationView({ ...base, type: RelationType.COMPETES_WITH }).symmetric).toBe(true);
  });

  it("has no money without an amount and a currency, and always a source", () => {
    const view = toRelationView({ ...base, amount: null, currency: null, validFrom: null });
    expect(view.amount).toBeNull();
    expect(view.validFromPrecision).toBeNull();
    expect(view.provenance).toEqual({ source: UNKNOWN_SOURCE, quotes: ["q"] });
  });
});
