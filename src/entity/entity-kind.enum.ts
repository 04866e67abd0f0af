import { registerEnumType } from "type-graphql";

export enum EntityKind {
  COMPANY = "COMPANY",
  REGULATOR = "REGULATOR",
  PROJECT = "PROJECT",
  PERSON = "PERSON",
  PRODUCT = "PRODUCT",
  AI_MODEL = "AI_MODEL",
  LEGISLATION = "LEGISLATION",
  AGREEMENT = "AGREEMENT",
}

registerEnumType(EntityKind, {
  name: "EntityKind",
  description: "What an entity is; filter `entities(kind: …)` by it.",
  valuesConfig: {
    COMPANY: { description: "A company or other organisation that trades (Microsoft, OpenAI, Windsurf)." },
    REGULATOR: {
      description: "A public authority that regulates or investigates (the CMA, the FTC, the European Commission, the SEC).",
    },
    PROJECT: { description: "A joint undertaking with its own name (Stargate)." },
    PERSON: { description: "A natural person (Sam Altman, Elon Musk)." },
    PRODUCT: { description: "A product or service (Azure, Copilot, Bing, ChatGPT)." },
    AI_MODEL: { description: "A named AI model (GPT-3, GPT-4, DALL-E)." },
    LEGISLATION: { description: "A law or regulation (the EU AI Act)." },
    AGREEMENT: { description: "An agreement between parties whose terms are relations (the 2019 Microsoft–OpenAI partnership)." },
  },
});
