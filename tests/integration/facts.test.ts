/**
 * The document's facts, asked through the API as a client would. Each expectation comes from
 * data/seed/microsoft-openai-timeline.fr.txt.
 */
import { createTestServer, type TestServer } from "./test-server";

const RELATION_FIELDS = `
  id type symmetric status description validFrom validFromPrecision validTo attestedFrom expectedBy
  stakePercent exclusive role
  from { id name } to { id name }
  amount { amount currency approximate measure note }
  inferred agreement { id kind }
  provenance { source { id title publishedOn language } quotes references { source { id } quotes note inferred verified } }`;

let server: TestServer;
beforeAll(async () => {
  server = await createTestServer();
});
afterAll(() => server.close());

async function relations(args: string) {
  const result = await server.execute(`{ relations(${args}, first: 100) { totalCount nodes { ${RELATION_FIELDS} } } }`);
  expect(result.errors).toBeUndefined();
  return result.data!.relations.nodes as Array<Record<string, any>>;
}

describe("who invests in OpenAI, and how much", () => {
  it("Microsoft: $1 bn announced in July 2019 and a multi-year $10 bn in January 2023", async () => {
    const investments = await relations(`types: [INVESTS_IN], to: "openai"`);
    expect(investments.map((r) => [r.from.id, r.validFrom, r.validFromPrecision, r.amount])).toEqual([
      ["microsoft", "2019-07", "MONTH", { amount: 1e9, currency: "USD", approximate: false, measure: "DEAL_VALUE", note: null }],
      ["microsoft", "2023-01", "MONTH", { amount: 1e10, currency: "USD", approximate: false, measure: "DEAL_VALUE", note: null }],
    ]);
    expect(investments[0].provenance.quotes[0]).toContain("annoncé son investissement d'1 milliard de dollars");
    expect(investments[0].provenance.source).toEqual({
      id: "microsoft-openai-timeline-fr",
      title: "OpenAI et Microsoft",
      publishedOn: "2025-06-22",
      language: "fr",
    });
  });

  it("keeps the reported ~$14 bn total apart, so it never adds to the individual amounts", async () => {
    const [total] = await relations(`types: [INVESTED_TOTAL_IN], from: "microsoft", to: "openai"`);
    expect(total.amount).toMatchObject({ amount: 1.4e10, currency: "USD", approximate: true, measure: "CUMULATIVE_TOTAL" });
    expect(total.validFrom).toBeNull();
    expect(total.provenance.quotes.join(" ")).toContain("environ 14 milliards de dollars depuis 2019");
    // Asked for every relation type at once, the total is still told apart by its type and measure.
    const everything = await relations(`from: "microsoft", to: "openai"`);
    const totals = everything.filter((r) => r.amount?.measure === "CUMULATIVE_TOTAL");
    expect(totals.map((r) => r.type)).toEqual(["INVESTED_TOTAL_IN"]);
    const investments = everything.filter((r) => r.type === "INVESTS_IN");
    expect(investments.map((r) => r.amount.measure)).toEqual(["DEAL_VALUE", "DEAL_VALUE"]);
  });
});

describe("who supplies cloud to OpenAI, and since when", () => {
  it("Microsoft through Azure since July 2019 (its exclusivity a term of its own, contested), Google since May 2025, Oracle undated", async () => {
    const suppliers = await relations(`types: [SUPPLIES_CLOUD], to: "openai"`);
    const byId = Object.fromEntries(suppliers.map((r) => [r.id, r]));
    expect(suppliers.map((r) => r.from.id).sort()).toEqual(["google", "microsoft", "microsoft", "oracle"]);
    expect(byId["microsoft-supplies-cloud-to-openai"]).toMatchObject({ validFrom: "2019-07", exclusive: null, status: "ACTIVE" });
    expect(byId["microsoft-supplies-cloud-to-openai"].provenance.quotes).toContain(
      "Toutes les API d’OpenAI tournent sur Microsoft Azure",
    );
    expect(byId["microsoft-supplies-exclusive-cloud-to-openai"]).toMatchObject({
      validFrom: "2019-07",
      exclusive: true,
      status: "CONTESTED",
    });
    expect(byId["google-supplies-cloud-to-openai"]).toMatchObject({ validFrom: "2025-05", validFromPrecision: "MONTH" });
    expect(byId["oracle-supplies-cloud-to-openai"]).toMatchObject({ validFrom: null, attestedFrom: "2025-06" });
  });

  it("as of 2025-06 the only exclusive cloud link is marked CONTESTED, beside Google's and Oracle's", async () => {
    const suppliers = await relations(`types: [SUPPLIES_CLOUD], to: "openai", asOf: "2025-06"`);
    const exclusive = suppliers.filter((r) => r.exclusive);
    expect(exclusive.map((r) => r.status)).toEqual(["CONTESTED"]);
    expect(exclusive[0].description).toMatch(/contested/i);
    expect(suppliers.filter((r) => r.status === "ACTIVE").every((r) => !r.exclusive)).toBe(true);
  });

  it("as of 2020 only Microsoft supplied it", async () => {
    const suppliers = await relations(`types: [SUPPLIES_CLOUD], to: "openai", asOf: "2020"`);
    expect(new Set(suppliers.map((r) => r.from.id))).toEqual(new Set(["microsoft"]));
  });
});

describe("who investigates", () => {
  it("the CMA and the FTC investigated (stated, past tense); who runs today's investigations is only inferred", async () => {
    const investigations = await relations(`types: [INVESTIGATES]`);
    const stated = investigations.filter((r) => !r.inferred);
    expect(stated.map((r) => `${r.from.id}->${r.to.id}`).sort()).toEqual([
      "cma->microsoft",
      "cma->openai",
      "ftc->microsoft",
      "ftc->openai",
    ]);
    for (const r of stated) {
      expect(r.provenance.quotes[0]).toContain("ont enquêté");
      expect(r.status).toBe("COMPLETED");
      expect(r.attestedFrom).toBe("2023");
    }
    // "Des enquêtes ... sont en cours en Europe, aux États-Unis et au Royaume-Uni": no body named.
    const inferred = investigations.filter((r) => r.inferred);
    expect(inferred.map((r) => r.from.id)).toEqual(expect.arrayContaining(["european-commission", "cma", "ftc"]));
    for (const r of inferred) {
      expect(
        r.provenance.references.every(
          (reference: { inferred: boolean; note: string }) => reference.inferred && reference.note.length > 20,
        ),
      ).toBe(true);
    }
  });

  it("the European Commission, with the CMA and the FTC, pressed Microsoft off OpenAI's board in July 2024", async () => {
    const pressure = await relations(`types: [PRESSURES], to: "microsoft"`);
    expect(pressure.map((r) => r.from.id).sort()).toEqual(["cma", "european-commission", "ftc"]);
    expect(pressure.every((r) => r.attestedFrom === "2024-07")).toBe(true);
  });
});

describe("who competes", () => {
  /** The end of a relation that is not `id`. */
  const otherEnd = (r: Record<string, any>, id: string) => (r.from.id === id ? r.to.id : r.from.id);

  it("Microsoft competes with Amazon, Google, Anthropic, Meta and OpenAI", async () => {
    const competitors = await relations(`types: [COMPETES_WITH], from: "microsoft"`);
    expect(new Set(competitors.map((r) => otherEnd(r, "microsoft")))).toEqual(
      new Set(["amazon", "google", "anthropic", "meta", "openai"]),
    );
    expect(competitors.every((r) => r.symmetric && [r.from.id, r.to.id].includes("microsoft"))).toBe(true);
  });

  it("a symmetric relation is found from either side, and answered as stored", async () => {
    const fromGoogle = await relations(`types: [COMPETES_WITH], from: "google"`);
    expect(fromGoogle.map((r) => [r.id, r.from.id, r.to.id])).toEqual([
      ["microsoft-competes-with-google-ai", "microsoft", "google"],
      ["microsoft-competes-with-google-search", "microsoft", "google"],
    ]);
    const openaiVsMicrosoft = await relations(`types: [COMPETES_WITH], from: "openai", to: "microsoft"`);
    // Microsoft's two statements stay Microsoft's; OpenAI's own stays OpenAI's.
    expect(openaiVsMicrosoft.map((r) => [r.id, r.from.id, r.to.id]).sort()).toEqual([
      ["microsoft-competes-with-openai-ai", "microsoft", "openai"],
      ["microsoft-competes-with-openai-search", "microsoft", "openai"],
      ["openai-competes-with-microsoft-products", "openai", "microsoft"],
    ]);
  });

  it("one relation id answers the same from and to whichever side and whichever query found it", async () => {
    const SYMMETRIC = "[COMPETES_WITH, PARTNERS_WITH, NEGOTIATES_WITH]";
    const FACT = "id from { id } to { id }";
    const EDGE = `id source target relation { ${FACT} }`;
    const LINK = `direction counterparty { id } relation { ${FACT} }`;
    const result = await server.execute(`{
      byId: relation(id: "openai-competes-with-microsoft-products") { ${FACT} }
      fromOpenai: relations(types: ${SYMMETRIC}, from: "openai") { nodes { ${FACT} } }
      toOpenai: relations(types: ${SYMMETRIC}, to: "openai") { nodes { ${FACT} } }
      fromMicrosoft: relations(types: ${SYMMETRIC}, from: "microsoft", to: "openai") { nodes { ${FACT} } }
      underOpenai: entity(id: "openai") { relations(types: ${SYMMETRIC}) { ${LINK} } }
      underMicrosoft: entity(id: "microsoft") {
        relations(types: ${SYMMETRIC}, counterparty: "openai") { ${LINK} }
        relationsConnection(types: ${SYMMETRIC}) { nodes { ${LINK} } }
      }
      aroundOpenai: neighbourhood(id: "openai", types: ${SYMMETRIC}) { edges { ${EDGE} } }
      aroundMicrosoft: neighbourhood(id: "microsoft", types: ${SYMMETRIC}) { edges { ${EDGE} } }
      pathFromOpenai: paths(from: "openai", to: "microsoft", maxHops: 1, types: ${SYMMETRIC}) { edges { ${EDGE} } }
      pathFromMicrosoft: paths(from: "microsoft", to: "openai", maxHops: 1, types: ${SYMMETRIC}) { edges { ${EDGE} } }
      pair: subgraph(ids: ["openai", "microsoft"], types: ${SYMMETRIC}) { edges { ${EDGE} } }
      timeline(entity: "microsoft", counterparty: "openai", types: ${SYMMETRIC}, includeEvents: false) { items { relation { ${FACT} } } }
    }`);
    expect(result.errors).toBeUndefined();
    const data = result.data as Record<string, any>;
    const facts: Array<{ id: string; from: { id: string }; to: { id: string } }> = [
      data.byId,
      ...data.fromOpenai.nodes,
      ...data.toOpenai.nodes,
      ...data.fromMicrosoft.nodes,
      ...[data.underOpenai.relations, data.underMicrosoft.relations, data.underMicrosoft.relationsConnection.nodes]
        .flat()
        .map((link: any) => link.relation),
      ...[data.aroundOpenai, data.aroundMicrosoft, ...data.pathFromOpenai, ...data.pathFromMicrosoft, data.pair]
        .flatMap((graph: any) => graph.edges)
        .flatMap((edge: any) => [edge.relation, { id: edge.id, from: { id: edge.source }, to: { id: edge.target } }]),
      ...data.timeline.items.map((item: any) => item.relation),
    ];
    const ends = new Map<string, Set<string>>();
    for (const fact of facts) {
      const seen = ends.get(fact.id) ?? new Set<string>();
      seen.add(`${fact.from.id} -> ${fact.to.id}`);
      ends.set(fact.id, seen);
    }
    // OpenAI's own COMPETES_WITH is stored from OpenAI, the others from Microsoft: each keeps its one orientation.
    expect(ends.get("openai-competes-with-microsoft-products")).toEqual(new Set(["openai -> microsoft"]));
    expect(ends.get("microsoft-partners-with-openai")).toEqual(new Set(["microsoft -> openai"]));
    expect(ends.get("microsoft-negotiates-with-openai")).toEqual(new Set(["microsoft -> openai"]));
    for (const [id, seen] of ends) expect([id, seen.size]).toEqual([id, 1]);
    // The asker's side is on the wrapper: under OpenAI the counterparty is Microsoft, and the other way round.
    const link = (rows: any[], id: string) => rows.find((row) => row.relation.id === id);
    expect(link(data.underOpenai.relations, "openai-competes-with-microsoft-products")).toMatchObject({
      direction: "UNDIRECTED",
      counterparty: { id: "microsoft" },
    });
    expect(link(data.underMicrosoft.relations, "openai-competes-with-microsoft-products")).toMatchObject({
      direction: "UNDIRECTED",
      counterparty: { id: "openai" },
    });
    expect(link(data.underOpenai.relations, "microsoft-partners-with-openai").counterparty.id).toBe("microsoft");
  });

  it("Microsoft first called OpenAI a competitor in its June 2024 SEC filing", async () => {
    const [first] = await relations(`types: [COMPETES_WITH], from: "microsoft", to: "openai"`);
    expect(first).toMatchObject({ id: "microsoft-competes-with-openai-ai", attestedFrom: "2024-06", validFrom: null });
    expect(first.provenance.quotes[0]).toContain("a qualifié pour la première fois OpenAI de concurrente");
  });
});

describe("the rest of the story", () => {
  it("Microsoft's privileged access to OpenAI's technology carries the AGI clause", async () => {
    const [access] = await relations(`types: [HAS_TECHNOLOGY_ACCESS], from: "microsoft"`);
    expect(access).toMatchObject({ to: { id: "openai" }, attestedFrom: "2019", status: "CONTESTED" });
    expect(access.provenance.quotes.join(" ")).toContain("cesser de partager ses technologies avec Microsoft");
  });

  it("only DEAL_VALUE amounts between Microsoft and OpenAI add up to the individual investments", async () => {
    const all = await relations(`from: "microsoft"`);
    const dealValues = all.filter((r) => r.to.id === "openai" && r.amount?.measure === "DEAL_VALUE");
    expect(dealValues.reduce((sum, r) => sum + r.amount.amount, 0)).toBe(1.1e10);
  });

  it("Microsoft holds 49 % of OpenAI Global, LLC, with profit rights capped at about $120 bn", async () => {
    const [stake] = await relations(`types: [HOLDS_STAKE], to: "openai-global"`);
    expect(stake).toMatchObject({ stakePercent: 49, status: "ACTIVE" });
    expect(stake.amount).toMatchObject({ amount: 1.2e11, approximate: true, measure: "CAP" });
  });

  it("OpenAI offers Microsoft 33 % of its future entity (the planned public benefit corporation); $20 bn of funding at stake", async () => {
    expect(await relations(`types: [HOLDS_STAKE], from: "microsoft", to: "openai"`)).toEqual([]);
    const [offer] = await relations(`types: [HOLDS_STAKE], from: "microsoft", to: "openai-pbc"`);
    expect(offer).toMatchObject({ stakePercent: 33, status: "PROPOSED" });
    expect(offer.amount).toMatchObject({ amount: 2e10, currency: "USD", measure: "AT_STAKE" });
  });

  it("the 2019 partnership is one agreement: its parties and its terms (money, cloud, licence, technology) listed together", async () => {
    const result = await server.execute(`{ entity(id: "microsoft-openai-partnership-agreement") {
      kind terms { id type } relations(types: [PARTY_TO]) { counterparty { id } } } }`);
    expect(result.errors).toBeUndefined();
    const agreement = result.data!.entity;
    expect(agreement.kind).toBe("AGREEMENT");
    expect(agreement.relations.map((r: { counterparty: { id: string } }) => r.counterparty.id).sort()).toEqual([
      "microsoft",
      "openai",
    ]);
    const terms = agreement.terms.map((r: { id: string }) => r.id);
    expect(terms).toEqual(
      expect.arrayContaining([
        "microsoft-invests-in-openai-2019-07",
        "microsoft-supplies-exclusive-cloud-to-openai",
        "microsoft-licenses-gpt-3",
      ]),
    );
    const [term] = await relations(`types: [LICENSES], from: "microsoft"`);
    expect(term.agreement).toEqual({ id: "microsoft-openai-partnership-agreement", kind: "AGREEMENT" });
  });

  it("the observer seat: obtained in the November 2023 crisis, given up in July 2024", async () => {
    const [seat] = await relations(`types: [HAS_BOARD_SEAT], from: "microsoft"`);
    expect(seat).toMatchObject({ status: "ENDED", attestedFrom: "2023-11", validTo: "2024-07", role: "observer (non-voting)" });
    expect(await relations(`types: [HAS_BOARD_SEAT], asOf: "2024-06"`)).toHaveLength(1);
    expect(await relations(`types: [HAS_BOARD_SEAT], asOf: "2024-08"`)).toHaveLength(0);
    expect(await relations(`types: [HAS_BOARD_SEAT], asOf: "2023-10"`)).toHaveLength(0);
  });

  it("OpenAI wants Windsurf for $3 bn, and Microsoft asks for Windsurf's IP", async () => {
    const windsurf = await relations(`to: "windsurf"`);
    const byType = Object.fromEntries(windsurf.map((r) => [r.type, r]));
    expect(byType.ACQUIRES).toMatchObject({ status: "PLANNED", from: { id: "openai" } });
    expect(byType.ACQUIRES.amount).toMatchObject({ amount: 3e9, currency: "USD", approximate: false, measure: "DEAL_VALUE" });
    expect(byType.SEEKS_IP_ACCESS).toMatchObject({ from: { id: "microsoft" }, status: "CONTESTED" });
  });

  it("Stargate is OpenAI's project with Oracle, SoftBank and MGX", async () => {
    const parties = await relations(`types: [PARTICIPATES_IN], to: "stargate"`);
    expect(parties.map((r) => r.from.id).sort()).toEqual(["mgx", "openai", "oracle", "softbank"]);
  });

  it("OpenAI was founded in 2015 by Elon Musk and Sam Altman, and Microsoft licensed GPT-3 in 2020", async () => {
    const founders = await relations(`types: [FOUNDED], to: "openai"`);
    expect(founders.map((r) => [r.from.id, r.validFrom, r.validFromPrecision])).toEqual([
      ["elon-musk", "2015", "YEAR"],
      ["sam-altman", "2015", "YEAR"],
    ]);
    const [licence] = await relations(`types: [LICENSES], from: "microsoft"`);
    expect(licence).toMatchObject({ to: { id: "gpt-3" }, validFrom: "2020", exclusive: true });
  });

  it("chips with Broadcom and TSMC are considered, by the end of 2025", async () => {
    const chips = await relations(`types: [PARTNERS_WITH], from: "openai"`);
    const planned = chips.filter((r) => r.status === "CONSIDERED");
    expect(planned.map((r) => r.to.id).sort()).toEqual(["broadcom", "tsmc"]);
    expect(planned.every((r) => r.expectedBy === "2025")).toBe(true);
  });

  it("the November 2023 governance crisis is an event with its participants and figures", async () => {
    const result = await server.execute(`{ event(id: "openai-governance-crisis-2023-11") {
      name date datePrecision description participants { entity { id } role } provenance { quotes } } }`);
    const event = result.data!.event;
    expect(event).toMatchObject({ date: "2023-11", datePrecision: "MONTH" });
    expect(event.participants.map((p: any) => p.entity.id)).toEqual(["microsoft", "openai", "sam-altman"]);
    expect(event.description).toContain("738 of OpenAI's 770 employees");
    expect(event.provenance.quotes.join(" ")).toContain("738 des 770 employés");
  });
});
