import { DatePrecision } from "../../src/common/partial-date";
import { indexEntities } from "../../src/entity/entity.repository";
import { toRelationView as mapRelation } from "../../src/relation/relation.repository";
import { storedReference } from "../../src/source/reference-storage";

const entity = (id: string) => ({ id, name: id, kind: "COMPANY", aliases: null, description: null });
const ends = indexEntities([entity("microsoft"), entity("openai")]);
const toRelationView = (map: Record<string, unknown>) => mapRelation(map, ends);

/** A map as `relationProjection` returns it. */
const base: Record<string, unknown> = {
  id: "r",
  type: "INVESTS_IN",
  status: "ANNOUNCED",
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
  agreementId: null,
  references: [storedReference({ source: "article", quotes: ["q"] }, true)],
  fromId: "microsoft",
  toId: "openai",
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
    expect(toRelationView({ ...base, type: "COMPETES_WITH" }).symmetric).toBe(true);
  });

  it("has no money without an amount and a currency", () => {
    const view = toRelationView({ ...base, amount: null, currency: null, validFrom: null });
    expect(view.amount).toBeNull();
    expect(view.validFromPrecision).toBeNull();
  });

  it("reads every reference, in order, and is inferred only when none states the fact", () => {
    const stated = toRelationView(base);
    expect(stated.provenance.references).toEqual([
      { sourceId: "article", quotes: ["q"], note: null, inferred: false, verified: true },
    ]);
    expect(stated.inferred).toBe(false);
    const inferredOnly = toRelationView({
      ...base,
      references: [storedReference({ source: "a", quotes: ["x"], note: "why", inferred: true }, false)],
    });
    expect(inferredOnly.inferred).toBe(true);
    expect(inferredOnly.provenance.references[0]).toMatchObject({ note: "why", inferred: true, verified: false });
    const both = toRelationView({
      ...base,
      references: [
        ...(base.references as string[]),
        storedReference({ source: "b", quotes: ["y"], note: "why", inferred: true }, true),
      ],
    });
    expect(both.inferred).toBe(false);
    expect(both.provenance.references.map((reference) => reference.sourceId)).toEqual(["article", "b"]);
  });

  it("takes its ends from the entities read beside it, and refuses an end that was not read", () => {
    const view = toRelationView(base);
    expect(view.from).toBe(ends.get("microsoft"));
    expect(view.to).toMatchObject({ id: "openai", name: "openai", version: 1, recordedAt: null });
    expect(() => toRelationView({ ...base, toId: "google" })).toThrow('The end "google" of a relation was not read with it.');
  });
});
