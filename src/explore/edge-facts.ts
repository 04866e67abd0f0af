/**
 * Every fact of an edge as flat attributes, for the exports drawing tools read (Cytoscape.js
 * elements, Cytoscape desktop, GraphML): one list, so no export drops a fact another keeps.
 *
 * Amounts sit in one attribute per measure: `amount` holds only DEAL_VALUE amounts, the one
 * measure that may be summed; a cumulative total, a cap or a sum at stake has its own attribute,
 * so adding up a column never mixes a total with the deals it includes.
 */
import { AmountMeasure } from "../relation/amount-measure.enum";
import type { GraphEdgeView } from "./graph.view";

export const AMOUNT_ATTRIBUTE: Record<AmountMeasure, string> = {
  [AmountMeasure.DEAL_VALUE]: "amount",
  [AmountMeasure.CUMULATIVE_TOTAL]: "amountCumulativeTotal",
  [AmountMeasure.CAP]: "amountCap",
  [AmountMeasure.AT_STAKE]: "amountAtStake",
};

export interface ExportedReference {
  source: string;
  quotes: string[];
  note: string | null;
  inferred: boolean;
  verified: boolean;
}

export interface EdgeFacts {
  label: string;
  type: string;
  symmetric: boolean;
  status: string | null;
  description: string | null;
  validFrom: string | null;
  validTo: string | null;
  attestedFrom: string | null;
  expectedBy: string | null;
  periodStart: string;
  periodEnd: string | null;
  amount: number | null;
  amountCumulativeTotal: number | null;
  amountCap: number | null;
  amountAtStake: number | null;
  currency: string | null;
  amountApproximate: boolean | null;
  amountNote: string | null;
  stakePercent: number | null;
  exclusive: boolean | null;
  role: string | null;
  agreement: string | null;
  inferred: boolean | null;
  /** The first quote, for a tooltip. */
  quote: string | null;
  /** Every quote of every reference, in order. */
  quotes: string[];
  /** The source of each reference, in order. */
  sources: string[];
  /**
   * The references whole, as a JSON string (`[{ source, quotes, note, inferred, verified }]`): a
   * string keeps every attribute a value style selectors and GraphML columns can hold.
   */
  references: string;
}

export const EDGE_FACT_NAMES: ReadonlyArray<keyof EdgeFacts> = [
  "label",
  "type",
  "symmetric",
  "status",
  "description",
  "validFrom",
  "validTo",
  "attestedFrom",
  "expectedBy",
  "periodStart",
  "periodEnd",
  "amount",
  "amountCumulativeTotal",
  "amountCap",
  "amountAtStake",
  "currency",
  "amountApproximate",
  "amountNote",
  "stakePercent",
  "exclusive",
  "role",
  "agreement",
  "inferred",
  "quote",
  "quotes",
  "sources",
  "references",
];

/** The relation's facts travel either as a RelationView or as the GraphQL answer of the same fields. */
interface RelationFactsLike {
  status?: string | null;
  description?: string | null;
  validFrom?: string | null;
  validTo?: string | null;
  attestedFrom?: string | null;
  expectedBy?: string | null;
  amount?: { amount: number; currency: string; approximate?: boolean | null; measure: string; note?: string | null } | null;
  stakePercent?: number | null;
  exclusive?: boolean | null;
  role?: string | null;
  agreementId?: string | null;
  agreement?: { id: string } | null;
  inferred?: boolean | null;
  provenance?: {
    references: ReadonlyArray<{
      sourceId?: string;
      source?: { id: string } | null;
      quotes: readonly string[];
      note?: string | null;
      inferred?: boolean | null;
      verified?: boolean | null;
    }>;
  };
}

export function edgeFacts(
  edge: Pick<GraphEdgeView, "caption" | "type" | "symmetric" | "periodStart" | "periodEnd">,
  relation: RelationFactsLike | null,
): EdgeFacts {
  const amount = relation?.amount ?? null;
  const amountOf = (measure: AmountMeasure) => (amount && amount.measure === measure ? amount.amount : null);
  const references: ExportedReference[] = (relation?.provenance?.references ?? []).map((reference) => ({
    source: reference.sourceId ?? reference.source?.id ?? "",
    quotes: [...reference.quotes],
    note: reference.note ?? null,
    inferred: reference.inferred === true,
    verified: reference.verified !== false,
  }));
  const quotes = references.flatMap((reference) => reference.quotes);
  return {
    label: edge.caption,
    type: edge.type,
    symmetric: edge.symmetric,
    status: relation?.status ?? null,
    description: relation?.description ?? null,
    validFrom: relation?.validFrom ?? null,
    validTo: relation?.validTo ?? null,
    attestedFrom: relation?.attestedFrom ?? null,
    expectedBy: relation?.expectedBy ?? null,
    periodStart: edge.periodStart,
    periodEnd: edge.periodEnd,
    amount: amountOf(AmountMeasure.DEAL_VALUE),
    amountCumulativeTotal: amountOf(AmountMeasure.CUMULATIVE_TOTAL),
    amountCap: amountOf(AmountMeasure.CAP),
    amountAtStake: amountOf(AmountMeasure.AT_STAKE),
    currency: amount?.currency ?? null,
    amountApproximate: amount ? amount.approximate === true : null,
    amountNote: amount?.note ?? null,
    stakePercent: relation?.stakePercent ?? null,
    exclusive: relation?.exclusive ?? null,
    role: relation?.role ?? null,
    agreement: relation?.agreementId ?? relation?.agreement?.id ?? null,
    inferred: relation?.inferred ?? null,
    quote: quotes[0] ?? null,
    quotes,
    sources: references.map((reference) => reference.source),
    references: JSON.stringify(references),
  };
}
