// Relations: typed, dated, sourced links between entities, one statement per relationship type.
//
// Row keys (all optional but id, from, to, status, description and quotes):
//   validFrom / validTo   when the link began / ended, as precise as the text: "2019", "2019-07", "2019-07-15"
//   attestedFrom          when the text places the link but gives no start: the earliest date it shows
//                         the link in force (a dated section, or the article's June 2025 present tense)
//   expectedBy            target date of a planned link
//   amount, currency, amountApproximate, amountNote   the money the text states; amountNote says what it
//                         measures when it is not the value of the link itself
//   stakePercent, exclusive, role
//   amountMeasure         DEAL_VALUE (what the link is worth), CUMULATIVE_TOTAL, CAP or AT_STAKE: only
//                         DEAL_VALUE amounts may be summed
//   quotes                verbatim sentences of the source that support the link, byte for byte (the
//                         source's non-breaking spaces included; a test checks each one)
// Symmetric types (COMPETES_WITH, PARTNERS_WITH, NEGOTIATES_WITH) are stored once, direction ignored.
// Endpoints are MERGEd so that a misspelt id shows up as a nameless entity, which db:seed rejects.
// Properties are set ON CREATE only: seeding again adds what is missing and leaves what is there,
// hand edits included (`npm run db:seed -- --reset` reloads the seed over a wiped graph).

// INVESTS_IN: individual investments. Reported totals are INVESTED_TOTAL_IN, so nothing counts twice.
UNWIND [
  {id: "microsoft-invests-in-openai-2019-07", from: "microsoft", to: "openai", status: "ANNOUNCED",
   description: "Microsoft announces a $1 bn investment in OpenAI.",
   validFrom: "2019-07", amount: 1000000000, currency: "USD", amountApproximate: false, amountMeasure: "DEAL_VALUE",
   quotes: ["En juillet 2019, dans un contexte de besoins financiers croissants pour OpenAI et d'ambitions stratégiques en IA pour Microsoft, cette dernière a annoncé son investissement d'1 milliard de dollars dans OpenAI."]},
  {id: "microsoft-invests-in-openai-2023-01", from: "microsoft", to: "openai", status: "ANNOUNCED",
   description: "Microsoft announces a further multi-year $10 bn investment in OpenAI, after ChatGPT's success.",
   validFrom: "2023-01", amount: 10000000000, currency: "USD", amountApproximate: false, amountMeasure: "DEAL_VALUE",
   quotes: ["Après le succès de ChatGPT fin 2022, Microsoft a renforcé son engagement avec un investissement supplémentaire de 10 milliards de dollars en janvier 2023, consolidant le partenariat.",
            "En janvier 2023, Microsoft a annoncé un investissement pluriannuel de 10 milliards de dollars dans OpenAI, renforçant son rôle de fournisseur cloud exclusif via Azure et intégrant les modèles d'OpenAI (comme ChatGPT, DALL-E, GPT-4) dans ses produits (Bing, Copilot, Office 365)."]}
] AS row
MERGE (a:Entity {id: row.from})
MERGE (b:Entity {id: row.to})
MERGE (a)-[r:INVESTS_IN {id: row.id}]->(b)
ON CREATE SET r = row {.*, from: null, to: null}, r.sourceId = "microsoft-openai-timeline-fr";

// INVESTED_TOTAL_IN: a reported cumulative total. It sums investments (not all itemised by the
// text), so it must never be added to INVESTS_IN amounts.
UNWIND [
  {id: "microsoft-invested-total-in-openai", from: "microsoft", to: "openai", status: "COMPLETED",
   description: "Microsoft's reported total investment in OpenAI since 2019: about $14 bn. It includes the individual investments.",
   attestedFrom: "2025-06", amount: 14000000000, currency: "USD", amountApproximate: true, amountMeasure: "CUMULATIVE_TOTAL",
   amountNote: "Cumulative total since 2019 (\"environ\", \"près de\" 14 milliards de dollars)",
   quotes: ["Microsoft, qui a investi massivement dans l'entreprise (un total d'environ 14 milliards de dollars depuis 2019), est le fournisseur exclusif du cloud d’OpenAI via Azure.",
            "Les investissements massifs de Microsoft (près de 14 milliards de dollars au total) et l'intégration des modèles d'OpenAI dans Azure et Copilot ont renforcé leur collaboration"]}
] AS row
MERGE (a:Entity {id: row.from})
MERGE (b:Entity {id: row.to})
MERGE (a)-[r:INVESTED_TOTAL_IN {id: row.id}]->(b)
ON CREATE SET r = row {.*, from: null, to: null}, r.sourceId = "microsoft-openai-timeline-fr";

// SUPPLIES_CLOUD: cloud computing provided to another party.
UNWIND [
  {id: "microsoft-supplies-cloud-to-openai", from: "microsoft", to: "openai", status: "CONTESTED",
   description: "Microsoft is OpenAI's exclusive cloud provider through Azure (training, deployment, all OpenAI APIs, Azure supercomputers). The exclusivity is disputed in 2024–2025 as OpenAI signs with other clouds.",
   validFrom: "2019-07", exclusive: true,
   quotes: ["L'accord stipulait que Microsoft fournirait des ressources cloud via Azure pour entraîner et déployer les modèles d'IA d'OpenAI.",
            "Microsoft, qui a investi massivement dans l'entreprise (un total d'environ 14 milliards de dollars depuis 2019), est le fournisseur exclusif du cloud d’OpenAI via Azure.",
            "Toutes les API d’OpenAI tournent sur Microsoft Azure",
            "en renforçant son offre cloud Azure, qui est devenue la plateforme exclusive pour les besoins informatiques d'OpenAI.",
            "Cet accord a permis à OpenAI d'accéder à des supercalculateurs Azure pour accélérer ses recherches",
            "OpenAI a envisagé de porter plainte contre Microsoft pour pratiques anticoncurrentielles, notamment en raison de l'exclusivité Azure"]},
  {id: "google-supplies-cloud-to-openai", from: "google", to: "openai", status: "ACTIVE",
   description: "Cloud agreement with OpenAI (Google Cloud), part of OpenAI's move away from Azure dependence.",
   validFrom: "2025-05",
   quotes: ["OpenAI réduit sa dépendance à Azure en signant des accords avec d'autres fournisseurs cloud, comme Google Cloud (mai 2025) et Oracle"]},
  {id: "oracle-supplies-cloud-to-openai", from: "oracle", to: "openai", status: "ACTIVE",
   description: "Cloud agreement with OpenAI, part of OpenAI's move away from Azure dependence. The text gives no date.",
   attestedFrom: "2025-06",
   quotes: ["OpenAI réduit sa dépendance à Azure en signant des accords avec d'autres fournisseurs cloud, comme Google Cloud (mai 2025) et Oracle"]}
] AS row
MERGE (a:Entity {id: row.from})
MERGE (b:Entity {id: row.to})
MERGE (a)-[r:SUPPLIES_CLOUD {id: row.id}]->(b)
ON CREATE SET r = row {.*, from: null, to: null}, r.sourceId = "microsoft-openai-timeline-fr";

// COMPETES_WITH (symmetric): one relation per market the text names.
UNWIND [
  {id: "microsoft-competes-with-amazon-ai", from: "microsoft", to: "amazon", status: "ACTIVE",
   description: "AI offerings: Amazon is one of the hyperscalers Microsoft competes with; already a giant Microsoft sought to compete with in 2019.",
   attestedFrom: "2019",
   quotes: ["en cherchant à renforcer sa position dans l'IA et à concurrencer des géants comme Google et Amazon, Microsoft a saisi une opportunité stratégique en investissant dans OpenAI",
            "Nos offres en matière d’intelligence artificielle sont en concurrence avec les produits d’IA proposés par des hyperscalers tels qu’Amazon et Google"]},
  {id: "microsoft-competes-with-google-ai", from: "microsoft", to: "google", status: "ACTIVE",
   description: "AI offerings: Google is one of the hyperscalers Microsoft competes with; already a giant Microsoft sought to compete with in 2019.",
   attestedFrom: "2019",
   quotes: ["en cherchant à renforcer sa position dans l'IA et à concurrencer des géants comme Google et Amazon, Microsoft a saisi une opportunité stratégique en investissant dans OpenAI",
            "Nos offres en matière d’intelligence artificielle sont en concurrence avec les produits d’IA proposés par des hyperscalers tels qu’Amazon et Google"]},
  {id: "microsoft-competes-with-google-search", from: "microsoft", to: "google", status: "ACTIVE",
   description: "Search and search advertising, per Microsoft's June 2024 annual filing with the SEC.",
   attestedFrom: "2024-06",
   quotes: ["Nos activités de recherche et de publicité liée à la recherche et à l’actualité sont en concurrence avec Google, OpenAI, ainsi qu’avec une grande variété de sites web"]},
  {id: "microsoft-competes-with-anthropic-ai", from: "microsoft", to: "anthropic", status: "ACTIVE",
   description: "AI offerings: an emerging competitor named in Microsoft's June 2024 annual filing with the SEC.",
   attestedFrom: "2024-06",
   quotes: ["ainsi qu’avec ceux d’autres concurrents émergents, notamment Anthropic, OpenAI, Meta et d’autres solutions open source, dont beaucoup sont également des partenaires actuels ou potentiels."]},
  {id: "microsoft-competes-with-meta-ai", from: "microsoft", to: "meta", status: "ACTIVE",
   description: "AI offerings: an emerging competitor named in Microsoft's June 2024 annual filing with the SEC.",
   attestedFrom: "2024-06",
   quotes: ["ainsi qu’avec ceux d’autres concurrents émergents, notamment Anthropic, OpenAI, Meta et d’autres solutions open source, dont beaucoup sont également des partenaires actuels ou potentiels."]},
  {id: "microsoft-competes-with-meta-search", from: "microsoft", to: "meta", status: "ACTIVE",
   description: "Search and news advertising: social platforms such as Meta, per Microsoft's June 2024 annual filing with the SEC.",
   attestedFrom: "2024-06",
   quotes: ["Nos activités de recherche et de publicité liée à la recherche et à l’actualité sont en concurrence avec Google, OpenAI, ainsi qu’avec une grande variété de sites web, de plateformes sociales comme Meta"]},
  {id: "microsoft-competes-with-openai-ai", from: "microsoft", to: "openai", status: "ACTIVE",
   description: "AI offerings: Microsoft calls its partner OpenAI a competitor for the first time in its June 2024 annual filing with the SEC, and develops its own models, such as a GPT competitor in 2024.",
   attestedFrom: "2024-06",
   quotes: ["Au mois de juin 2024, Microsoft, dans le dépôt réglementaire de ses comptes annuels auprès de la SEC (Securities and Exchange Commission) américaine, a qualifié pour la première fois OpenAI de concurrente :",
            "ainsi qu’avec ceux d’autres concurrents émergents, notamment Anthropic, OpenAI, Meta et d’autres solutions open source, dont beaucoup sont également des partenaires actuels ou potentiels.",
            "Microsoft développe ses propres modèles IA (par exemple, un modèle concurrent de GPT en 2024)"]},
  {id: "microsoft-competes-with-openai-search", from: "microsoft", to: "openai", status: "ACTIVE",
   description: "Search and search advertising, per Microsoft's June 2024 annual filing with the SEC.",
   attestedFrom: "2024-06",
   quotes: ["Nos activités de recherche et de publicité liée à la recherche et à l’actualité sont en concurrence avec Google, OpenAI, ainsi qu’avec une grande variété de sites web"]},
  {id: "openai-competes-with-microsoft-products", from: "openai", to: "microsoft", status: "ACTIVE",
   description: "OpenAI sells its models directly, competing with Microsoft products such as Copilot.",
   attestedFrom: "2025-06",
   quotes: ["OpenAI, de son côté, commercialise ses modèles directement, entrant en concurrence avec les produits Microsoft comme Copilot."]}
] AS row
MERGE (a:Entity {id: row.from})
MERGE (b:Entity {id: row.to})
MERGE (a)-[r:COMPETES_WITH {id: row.id}]->(b)
ON CREATE SET r = row {.*, from: null, to: null}, r.sourceId = "microsoft-openai-timeline-fr";

// INVESTIGATES: a regulator's investigation. The text says the CMA and the FTC investigated a
// possible disguised control of Microsoft over OpenAI, so each targets both parties; it places
// investigations still under way in June 2025 in the UK, the US and Europe.
UNWIND [
  {id: "cma-investigates-microsoft", from: "cma", to: "microsoft", status: "ACTIVE",
   description: "Investigation of a possible disguised control of Microsoft over OpenAI, prompted by the 2023 consolidation of the partnership; investigations were still under way in the UK in June 2025.",
   attestedFrom: "2023",
   quotes: ["Ce partenariat a suscité des inquiétudes concurrentielles, attirant l'attention des régulateurs, notamment la Competition and Markets Authority (CMA) britannique et la Federal Trade Commission (FTC) américaine, qui ont enquêté sur un possible contrôle déguisé de Microsoft sur OpenAI.",
            "Le partenariat reste sous surveillance réglementaire, avec des enquêtes en cours en Europe, aux États-Unis et au Royaume-Uni, ce qui pourrait forcer une redéfinition des termes."]},
  {id: "cma-investigates-openai", from: "cma", to: "openai", status: "ACTIVE",
   description: "Investigation of a possible disguised control of Microsoft over OpenAI, prompted by the 2023 consolidation of the partnership; investigations were still under way in the UK in June 2025.",
   attestedFrom: "2023",
   quotes: ["Ce partenariat a suscité des inquiétudes concurrentielles, attirant l'attention des régulateurs, notamment la Competition and Markets Authority (CMA) britannique et la Federal Trade Commission (FTC) américaine, qui ont enquêté sur un possible contrôle déguisé de Microsoft sur OpenAI.",
            "Le partenariat reste sous surveillance réglementaire, avec des enquêtes en cours en Europe, aux États-Unis et au Royaume-Uni, ce qui pourrait forcer une redéfinition des termes."]},
  {id: "ftc-investigates-microsoft", from: "ftc", to: "microsoft", status: "ACTIVE",
   description: "Investigation of a possible disguised control of Microsoft over OpenAI, prompted by the 2023 consolidation of the partnership; investigations were still under way in the US in June 2025.",
   attestedFrom: "2023",
   quotes: ["Ce partenariat a suscité des inquiétudes concurrentielles, attirant l'attention des régulateurs, notamment la Competition and Markets Authority (CMA) britannique et la Federal Trade Commission (FTC) américaine, qui ont enquêté sur un possible contrôle déguisé de Microsoft sur OpenAI.",
            "Le partenariat reste sous surveillance réglementaire, avec des enquêtes en cours en Europe, aux États-Unis et au Royaume-Uni, ce qui pourrait forcer une redéfinition des termes."]},
  {id: "ftc-investigates-openai", from: "ftc", to: "openai", status: "ACTIVE",
   description: "Investigation of a possible disguised control of Microsoft over OpenAI, prompted by the 2023 consolidation of the partnership; investigations were still under way in the US in June 2025.",
   attestedFrom: "2023",
   quotes: ["Ce partenariat a suscité des inquiétudes concurrentielles, attirant l'attention des régulateurs, notamment la Competition and Markets Authority (CMA) britannique et la Federal Trade Commission (FTC) américaine, qui ont enquêté sur un possible contrôle déguisé de Microsoft sur OpenAI.",
            "Le partenariat reste sous surveillance réglementaire, avec des enquêtes en cours en Europe, aux États-Unis et au Royaume-Uni, ce qui pourrait forcer une redéfinition des termes."]},
  {id: "european-commission-investigates-microsoft", from: "european-commission", to: "microsoft", status: "ACTIVE",
   description: "Investigations under way in Europe in June 2025 into the Microsoft–OpenAI partnership; the European Commission is the European antitrust authority the text names.",
   attestedFrom: "2025-06",
   quotes: ["Le partenariat reste sous surveillance réglementaire, avec des enquêtes en cours en Europe, aux États-Unis et au Royaume-Uni, ce qui pourrait forcer une redéfinition des termes.",
            "Sous la pression des autorités antitrust (CMA, FTC, Commission européenne)"]},
  {id: "european-commission-investigates-openai", from: "european-commission", to: "openai", status: "ACTIVE",
   description: "Investigations under way in Europe in June 2025 into the Microsoft–OpenAI partnership; the European Commission is the European antitrust authority the text names.",
   attestedFrom: "2025-06",
   quotes: ["Le partenariat reste sous surveillance réglementaire, avec des enquêtes en cours en Europe, aux États-Unis et au Royaume-Uni, ce qui pourrait forcer une redéfinition des termes.",
            "Sous la pression des autorités antitrust (CMA, FTC, Commission européenne)"]}
] AS row
MERGE (a:Entity {id: row.from})
MERGE (b:Entity {id: row.to})
MERGE (a)-[r:INVESTIGATES {id: row.id}]->(b)
ON CREATE SET r = row {.*, from: null, to: null}, r.sourceId = "microsoft-openai-timeline-fr";

// PRESSURES: antitrust pressure that led Microsoft to give up its OpenAI board seat in July 2024.
UNWIND [
  {id: "cma-pressures-microsoft-2024-07", from: "cma", to: "microsoft", status: "COMPLETED",
   description: "Antitrust pressure that led Microsoft to give up its observer seat on OpenAI's board, to avoid an in-depth investigation.",
   attestedFrom: "2024-07",
   quotes: ["Sous la pression des autorités antitrust (CMA, FTC, Commission européenne), Microsoft a renoncé à son siège d'observateur au conseil d'OpenAI pour éviter une enquête approfondie sur un possible contrôle déguisé."]},
  {id: "ftc-pressures-microsoft-2024-07", from: "ftc", to: "microsoft", status: "COMPLETED",
   description: "Antitrust pressure that led Microsoft to give up its observer seat on OpenAI's board, to avoid an in-depth investigation.",
   attestedFrom: "2024-07",
   quotes: ["Sous la pression des autorités antitrust (CMA, FTC, Commission européenne), Microsoft a renoncé à son siège d'observateur au conseil d'OpenAI pour éviter une enquête approfondie sur un possible contrôle déguisé."]},
  {id: "european-commission-pressures-microsoft-2024-07", from: "european-commission", to: "microsoft", status: "COMPLETED",
   description: "Antitrust pressure that led Microsoft to give up its observer seat on OpenAI's board, to avoid an in-depth investigation.",
   attestedFrom: "2024-07",
   quotes: ["Sous la pression des autorités antitrust (CMA, FTC, Commission européenne), Microsoft a renoncé à son siège d'observateur au conseil d'OpenAI pour éviter une enquête approfondie sur un possible contrôle déguisé."]}
] AS row
MERGE (a:Entity {id: row.from})
MERGE (b:Entity {id: row.to})
MERGE (a)-[r:PRESSURES {id: row.id}]->(b)
ON CREATE SET r = row {.*, from: null, to: null}, r.sourceId = "microsoft-openai-timeline-fr";

// HOLDS_STAKE: an ownership stake, held or proposed.
UNWIND [
  {id: "microsoft-holds-stake-in-openai-global", from: "microsoft", to: "openai-global", status: "ACTIVE",
   description: "Microsoft holds 49 % of OpenAI Global, LLC, so OpenAI's restructuring needs its approval; it could lose its rights to future profits, capped at about $120 bn.",
   attestedFrom: "2025-06", stakePercent: 49,
   amount: 120000000000, currency: "USD", amountApproximate: true, amountMeasure: "CAP",
   amountNote: "Cap on Microsoft's rights to OpenAI's future profits, which the restructuring could end",
   quotes: ["Cette transition nécessite l'accord de Microsoft, qui détient 49 % d'OpenAI Global, LLC, et pourrait perdre ses droits sur les profits futurs (plafonnés à environ 120 milliards de dollars)."]},
  {id: "microsoft-offered-stake-in-openai", from: "microsoft", to: "openai", status: "PROPOSED",
   description: "OpenAI offers Microsoft 33 % of its future entity in exchange for major concessions; a refusal could jeopardise $20 bn of funding for OpenAI.",
   attestedFrom: "2025-06", stakePercent: 33,
   amount: 20000000000, currency: "USD", amountApproximate: false, amountMeasure: "AT_STAKE",
   amountNote: "Funding for OpenAI that a refusal could jeopardise",
   quotes: ["OpenAI propose à Microsoft 33 % de sa future entité en échange de concessions majeures, mais un refus pourrait compromettre 20 milliards de dollars de financement pour OpenAI."]}
] AS row
MERGE (a:Entity {id: row.from})
MERGE (b:Entity {id: row.to})
MERGE (a)-[r:HOLDS_STAKE {id: row.id}]->(b)
ON CREATE SET r = row {.*, from: null, to: null}, r.sourceId = "microsoft-openai-timeline-fr";

// PART_OF: an entity that belongs to another's structure.
UNWIND [
  {id: "openai-global-part-of-openai", from: "openai-global", to: "openai", status: "ACTIVE",
   description: "OpenAI Global, LLC is part of the hybrid (non-profit and for-profit) structure that OpenAI seeks to turn into a public benefit corporation.",
   attestedFrom: "2025-06",
   quotes: ["OpenAI cherche à transformer sa structure hybride (à but non lucratif et lucratif) en une \"public benefit corporation\" pour faciliter une éventuelle introduction en bourse.",
            "Cette transition nécessite l'accord de Microsoft, qui détient 49 % d'OpenAI Global, LLC"]}
] AS row
MERGE (a:Entity {id: row.from})
MERGE (b:Entity {id: row.to})
MERGE (a)-[r:PART_OF {id: row.id}]->(b)
ON CREATE SET r = row {.*, from: null, to: null}, r.sourceId = "microsoft-openai-timeline-fr";

// PARTNERS_WITH (symmetric): partnerships, in force or considered.
UNWIND [
  {id: "microsoft-partners-with-openai", from: "microsoft", to: "openai", status: "ACTIVE",
   description: "Strategic partnership born in 2019: Microsoft brings money and computing power, OpenAI's technologies go into Microsoft products. Strained since 2024, both say they want to keep it long term.",
   validFrom: "2019",
   quotes: ["Cette frise chronologique retrace le partenariat né en 2019 entre Microsoft et OpenAI (créée en 2015)",
            "Les deux entreprises affirment publiquement leur volonté de maintenir un partenariat à long terme, mais les tensions suggèrent un possible \"divorce structuré\"."]},
  {id: "openai-partners-with-broadcom-chips", from: "openai", to: "broadcom", status: "CONSIDERED",
   description: "OpenAI is considering producing its own AI chips with Broadcom and TSMC by the end of 2025.",
   attestedFrom: "2025-06", expectedBy: "2025",
   quotes: ["OpenAI envisage également de produire ses propres puces IA avec Broadcom et TSMC d'ici fin 2025."]},
  {id: "openai-partners-with-tsmc-chips", from: "openai", to: "tsmc", status: "CONSIDERED",
   description: "OpenAI is considering producing its own AI chips with Broadcom and TSMC by the end of 2025.",
   attestedFrom: "2025-06", expectedBy: "2025",
   quotes: ["OpenAI envisage également de produire ses propres puces IA avec Broadcom et TSMC d'ici fin 2025."]}
] AS row
MERGE (a:Entity {id: row.from})
MERGE (b:Entity {id: row.to})
MERGE (a)-[r:PARTNERS_WITH {id: row.id}]->(b)
ON CREATE SET r = row {.*, from: null, to: null}, r.sourceId = "microsoft-openai-timeline-fr";

// PARTICIPATES_IN: a party to a project.
UNWIND [
  {id: "openai-participates-in-stargate", from: "openai", to: "stargate", status: "ACTIVE", role: "developer",
   description: "OpenAI develops its own infrastructure, notably the Stargate project, with Oracle, SoftBank and MGX.",
   attestedFrom: "2025-06",
   quotes: ["et en développant ses propres infrastructures, notamment le projet \"Stargate\" avec Oracle, SoftBank et MGX."]},
  {id: "oracle-participates-in-stargate", from: "oracle", to: "stargate", status: "ACTIVE", role: "partner",
   description: "Partner of OpenAI in the Stargate project.",
   attestedFrom: "2025-06",
   quotes: ["et en développant ses propres infrastructures, notamment le projet \"Stargate\" avec Oracle, SoftBank et MGX."]},
  {id: "softbank-participates-in-stargate", from: "softbank", to: "stargate", status: "ACTIVE", role: "partner",
   description: "Partner of OpenAI in the Stargate project.",
   attestedFrom: "2025-06",
   quotes: ["et en développant ses propres infrastructures, notamment le projet \"Stargate\" avec Oracle, SoftBank et MGX."]},
  {id: "mgx-participates-in-stargate", from: "mgx", to: "stargate", status: "ACTIVE", role: "partner",
   description: "Partner of OpenAI in the Stargate project.",
   attestedFrom: "2025-06",
   quotes: ["et en développant ses propres infrastructures, notamment le projet \"Stargate\" avec Oracle, SoftBank et MGX."]}
] AS row
MERGE (a:Entity {id: row.from})
MERGE (b:Entity {id: row.to})
MERGE (a)-[r:PARTICIPATES_IN {id: row.id}]->(b)
ON CREATE SET r = row {.*, from: null, to: null}, r.sourceId = "microsoft-openai-timeline-fr";

// ACQUIRES: an acquisition, done or intended.
UNWIND [
  {id: "openai-acquires-windsurf", from: "openai", to: "windsurf", status: "PLANNED",
   description: "OpenAI wants to acquire the AI start-up Windsurf for $3 bn.",
   attestedFrom: "2025-06", amount: 3000000000, currency: "USD", amountApproximate: false, amountMeasure: "DEAL_VALUE",
   quotes: ["Windsurf, une startup IA qu'OpenAI souhaite acquérir pour 3 milliards de dollars."]}
] AS row
MERGE (a:Entity {id: row.from})
MERGE (b:Entity {id: row.to})
MERGE (a)-[r:ACQUIRES {id: row.id}]->(b)
ON CREATE SET r = row {.*, from: null, to: null}, r.sourceId = "microsoft-openai-timeline-fr";

// SEEKS_IP_ACCESS: a request for access to another party's intellectual property.
UNWIND [
  {id: "microsoft-seeks-ip-access-windsurf", from: "microsoft", to: "windsurf", status: "CONTESTED",
   description: "Microsoft asks for access to the intellectual property of Windsurf, which OpenAI wants to acquire; one of the grounds on which OpenAI considered suing Microsoft.",
   attestedFrom: "2025-06",
   quotes: ["OpenAI a envisagé de porter plainte contre Microsoft pour pratiques anticoncurrentielles, notamment en raison de l'exclusivité Azure et des demandes de Microsoft d'accéder à la propriété intellectuelle de Windsurf"]}
] AS row
MERGE (a:Entity {id: row.from})
MERGE (b:Entity {id: row.to})
MERGE (a)-[r:SEEKS_IP_ACCESS {id: row.id}]->(b)
ON CREATE SET r = row {.*, from: null, to: null}, r.sourceId = "microsoft-openai-timeline-fr";

// CONSIDERS_SUING: legal action considered, not filed.
UNWIND [
  {id: "openai-considers-suing-microsoft", from: "openai", to: "microsoft", status: "CONSIDERED",
   description: "OpenAI considered a complaint against Microsoft for anticompetitive practices: the Azure exclusivity and Microsoft's requests for Windsurf's intellectual property.",
   attestedFrom: "2025-06",
   quotes: ["OpenAI a envisagé de porter plainte contre Microsoft pour pratiques anticoncurrentielles, notamment en raison de l'exclusivité Azure et des demandes de Microsoft d'accéder à la propriété intellectuelle de Windsurf, une startup IA qu'OpenAI souhaite acquérir pour 3 milliards de dollars."]}
] AS row
MERGE (a:Entity {id: row.from})
MERGE (b:Entity {id: row.to})
MERGE (a)-[r:CONSIDERS_SUING {id: row.id}]->(b)
ON CREATE SET r = row {.*, from: null, to: null}, r.sourceId = "microsoft-openai-timeline-fr";

// LOBBIES: pressing a regulator to act.
UNWIND [
  {id: "google-lobbies-ftc", from: "google", to: "ftc", status: "COMPLETED",
   description: "Google pushed the FTC to examine the exclusive Azure agreement between Microsoft and OpenAI.",
   attestedFrom: "2025-06",
   quotes: ["Google a également poussé la FTC à examiner l'accord exclusif Azure, intensifiant les pressions réglementaires."]}
] AS row
MERGE (a:Entity {id: row.from})
MERGE (b:Entity {id: row.to})
MERGE (a)-[r:LOBBIES {id: row.id}]->(b)
ON CREATE SET r = row {.*, from: null, to: null}, r.sourceId = "microsoft-openai-timeline-fr";

// NEGOTIATES_WITH (symmetric): negotiations under way.
UNWIND [
  {id: "microsoft-negotiates-with-openai", from: "microsoft", to: "openai", status: "ACTIVE",
   description: "Negotiations on OpenAI's restructuring, begun late 2024 and at a critical stage in June 2025: Azure exclusivity, rights to future profits, access to post-AGI technology and the definition of AGI.",
   validFrom: "2024",
   quotes: ["Les négociations, entamées fin 2024, sont tendues, avec des désaccords sur la définition de l'intelligence artificielle générale (AGI), qui permettrait à OpenAI de cesser de partager ses technologies avec Microsoft dès lors qu'elle serait atteinte.",
            "Les négociations entre Microsoft et OpenAI sont dans une phase critique, avec des enjeux autour de l'exclusivité Azure, des droits sur les profits futurs, et de l'accès aux technologies post-AGI."]}
] AS row
MERGE (a:Entity {id: row.from})
MERGE (b:Entity {id: row.to})
MERGE (a)-[r:NEGOTIATES_WITH {id: row.id}]->(b)
ON CREATE SET r = row {.*, from: null, to: null}, r.sourceId = "microsoft-openai-timeline-fr";

// TESTS_MODELS_OF: evaluating another company's models.
UNWIND [
  {id: "microsoft-tests-models-of-xai", from: "microsoft", to: "xai", status: "ACTIVE",
   description: "Microsoft tests xAI's models as alternatives to OpenAI for Copilot.",
   attestedFrom: "2025-06",
   quotes: ["teste des alternatives à OpenAI, comme les modèles de xAI, Meta et DeepSeek pour Copilot, signalant une volonté d'indépendance."]},
  {id: "microsoft-tests-models-of-meta", from: "microsoft", to: "meta", status: "ACTIVE",
   description: "Microsoft tests Meta's models as alternatives to OpenAI for Copilot.",
   attestedFrom: "2025-06",
   quotes: ["teste des alternatives à OpenAI, comme les modèles de xAI, Meta et DeepSeek pour Copilot, signalant une volonté d'indépendance."]},
  {id: "microsoft-tests-models-of-deepseek", from: "microsoft", to: "deepseek", status: "ACTIVE",
   description: "Microsoft tests DeepSeek's models as alternatives to OpenAI for Copilot.",
   attestedFrom: "2025-06",
   quotes: ["teste des alternatives à OpenAI, comme les modèles de xAI, Meta et DeepSeek pour Copilot, signalant une volonté d'indépendance."]}
] AS row
MERGE (a:Entity {id: row.from})
MERGE (b:Entity {id: row.to})
MERGE (a)-[r:TESTS_MODELS_OF {id: row.id}]->(b)
ON CREATE SET r = row {.*, from: null, to: null}, r.sourceId = "microsoft-openai-timeline-fr";

// FOUNDED: founders of an organisation.
UNWIND [
  {id: "elon-musk-founded-openai", from: "elon-musk", to: "openai", status: "COMPLETED",
   description: "Co-founded OpenAI as a non-profit in 2015.", validFrom: "2015",
   quotes: ["OpenAI, Organisation à but non lucratif fondé en 2015 par Elon Musk, Sam Altman et d'autres"]},
  {id: "sam-altman-founded-openai", from: "sam-altman", to: "openai", status: "COMPLETED",
   description: "Co-founded OpenAI as a non-profit in 2015.", validFrom: "2015",
   quotes: ["OpenAI, Organisation à but non lucratif fondé en 2015 par Elon Musk, Sam Altman et d'autres"]}
] AS row
MERGE (a:Entity {id: row.from})
MERGE (b:Entity {id: row.to})
MERGE (a)-[r:FOUNDED {id: row.id}]->(b)
ON CREATE SET r = row {.*, from: null, to: null}, r.sourceId = "microsoft-openai-timeline-fr";

// LEADS: executive leadership.
UNWIND [
  {id: "sam-altman-leads-openai", from: "sam-altman", to: "openai", status: "ACTIVE", role: "CEO (PDG)",
   description: "OpenAI's CEO; temporarily dismissed by the board in November 2023 and reinstated five days later with a new board.",
   attestedFrom: "2023-11",
   quotes: ["Le licenciement temporaire de Sam Altman, PDG d'OpenAI, par son conseil d'administration a révélé la dépendance d'OpenAI envers Microsoft.",
            "Altman a été rétabli cinq jours plus tard, avec un nouveau conseil d'administration."]}
] AS row
MERGE (a:Entity {id: row.from})
MERGE (b:Entity {id: row.to})
MERGE (a)-[r:LEADS {id: row.id}]->(b)
ON CREATE SET r = row {.*, from: null, to: null}, r.sourceId = "microsoft-openai-timeline-fr";

// HAS_BOARD_SEAT: a seat on another organisation's board.
UNWIND [
  {id: "microsoft-board-seat-at-openai", from: "microsoft", to: "openai", status: "ENDED", role: "observer (non-voting)",
   description: "Non-voting observer seat on OpenAI's board, obtained after the November 2023 crisis; given up in July 2024 under antitrust pressure.",
   attestedFrom: "2023-11", validTo: "2024-07",
   quotes: ["Cet épisode a renforcé l'influence de Microsoft, qui a obtenu un siège d'observateur (sans droit de vote) au conseil d'OpenAI.",
            "Sous la pression des autorités antitrust (CMA, FTC, Commission européenne), Microsoft a renoncé à son siège d'observateur au conseil d'OpenAI pour éviter une enquête approfondie sur un possible contrôle déguisé."]}
] AS row
MERGE (a:Entity {id: row.from})
MERGE (b:Entity {id: row.to})
MERGE (a)-[r:HAS_BOARD_SEAT {id: row.id}]->(b)
ON CREATE SET r = row {.*, from: null, to: null}, r.sourceId = "microsoft-openai-timeline-fr";

// OFFERS_TO_HIRE: a job offer.
UNWIND [
  {id: "microsoft-offers-to-hire-sam-altman", from: "microsoft", to: "sam-altman", status: "PROPOSED",
   description: "During the November 2023 crisis, Microsoft backed Altman and offered to hire him with an AI research team.",
   attestedFrom: "2023-11",
   quotes: ["Microsoft a soutenu Altman, proposant de l'embaucher avec une équipe de recherche IA, ce qui a poussé 738 des 770 employés d'OpenAI à menacer de rejoindre Microsoft si Altman n'était pas réintégré."]}
] AS row
MERGE (a:Entity {id: row.from})
MERGE (b:Entity {id: row.to})
MERGE (a)-[r:OFFERS_TO_HIRE {id: row.id}]->(b)
ON CREATE SET r = row {.*, from: null, to: null}, r.sourceId = "microsoft-openai-timeline-fr";

// HAS_TECHNOLOGY_ACCESS: privileged access to another party's technology.
UNWIND [
  {id: "microsoft-has-technology-access-openai", from: "microsoft", to: "openai", status: "CONTESTED",
   description: "By investing in OpenAI, Microsoft obtained privileged access to cutting-edge AI technology, exclusive for some technologies under the January 2023 deal. Under the disputed AGI clause, OpenAI could stop sharing its technologies with Microsoft once AGI is reached; post-AGI access is at stake in the 2025 negotiations.",
   attestedFrom: "2019",
   quotes: ["Microsoft a saisi une opportunité stratégique en investissant dans OpenAI, en obtenant un accès privilégié à des technologies d'IA de pointe",
            "tandis que Microsoft a bénéficié d'un accès exclusif à certaines technologies.",
            "qui permettrait à OpenAI de cesser de partager ses technologies avec Microsoft dès lors qu'elle serait atteinte.",
            "de l'accès aux technologies post-AGI."]}
] AS row
MERGE (a:Entity {id: row.from})
MERGE (b:Entity {id: row.to})
MERGE (a)-[r:HAS_TECHNOLOGY_ACCESS {id: row.id}]->(b)
ON CREATE SET r = row {.*, from: null, to: null}, r.sourceId = "microsoft-openai-timeline-fr";

// LICENSES: a licence held on a technology.
UNWIND [
  {id: "microsoft-licenses-gpt-3", from: "microsoft", to: "gpt-3", status: "COMPLETED",
   description: "Microsoft obtained an exclusive licence to integrate GPT-3 into its products.",
   validFrom: "2020", exclusive: true,
   quotes: ["en 2020, Microsoft a obtenu une licence exclusive pour intégrer GPT-3 dans ses produits."]}
] AS row
MERGE (a:Entity {id: row.from})
MERGE (b:Entity {id: row.to})
MERGE (a)-[r:LICENSES {id: row.id}]->(b)
ON CREATE SET r = row {.*, from: null, to: null}, r.sourceId = "microsoft-openai-timeline-fr";

// DEVELOPS: who makes a product or model.
UNWIND [
  {id: "openai-develops-gpt-3", from: "openai", to: "gpt-3", status: "ACTIVE",
   description: "GPT model of OpenAI, licensed exclusively to Microsoft in 2020.", attestedFrom: "2020",
   quotes: ["les coûts croissants de développement des modèles d'IA (comme GPT) nécessitaient des ressources financières et informatiques importantes",
            "en 2020, Microsoft a obtenu une licence exclusive pour intégrer GPT-3 dans ses produits."]},
  {id: "openai-develops-chatgpt", from: "openai", to: "chatgpt", status: "ACTIVE",
   description: "OpenAI's ChatGPT, a success from late 2022.", attestedFrom: "2022",
   quotes: ["Après le succès de ChatGPT fin 2022",
            "intégrant les modèles d'OpenAI (comme ChatGPT, DALL-E, GPT-4) dans ses produits (Bing, Copilot, Office 365)."]},
  {id: "openai-develops-gpt-4", from: "openai", to: "gpt-4", status: "ACTIVE",
   description: "OpenAI model integrated into Microsoft products.", attestedFrom: "2023-01",
   quotes: ["intégrant les modèles d'OpenAI (comme ChatGPT, DALL-E, GPT-4) dans ses produits (Bing, Copilot, Office 365)."]},
  {id: "openai-develops-dall-e", from: "openai", to: "dall-e", status: "ACTIVE",
   description: "OpenAI model integrated into Microsoft products.", attestedFrom: "2023-01",
   quotes: ["intégrant les modèles d'OpenAI (comme ChatGPT, DALL-E, GPT-4) dans ses produits (Bing, Copilot, Office 365)."]},
  {id: "microsoft-develops-azure", from: "microsoft", to: "azure", status: "ACTIVE",
   description: "Microsoft's cloud offering.", attestedFrom: "2019-07",
   quotes: ["L'accord stipulait que Microsoft fournirait des ressources cloud via Azure pour entraîner et déployer les modèles d'IA d'OpenAI.",
            "en renforçant son offre cloud Azure, qui est devenue la plateforme exclusive pour les besoins informatiques d'OpenAI."]},
  {id: "microsoft-develops-azure-ai", from: "microsoft", to: "azure-ai", status: "ACTIVE",
   description: "Microsoft product through which it also develops its own AI technologies.", attestedFrom: "2019-07",
   quotes: ["intégrer ses technologies dans les produits Microsoft, comme Azure AI",
            "tout en développant ses propres technologies d'IA et modèles d'apprentissage automatique, notamment via Azure AI"]},
  {id: "microsoft-develops-copilot", from: "microsoft", to: "copilot", status: "ACTIVE",
   description: "Microsoft product.", attestedFrom: "2023-01",
   quotes: ["intégrant les modèles d'OpenAI (comme ChatGPT, DALL-E, GPT-4) dans ses produits (Bing, Copilot, Office 365)."]},
  {id: "microsoft-develops-bing", from: "microsoft", to: "bing", status: "ACTIVE",
   description: "Microsoft product.", attestedFrom: "2023-01",
   quotes: ["intégrant les modèles d'OpenAI (comme ChatGPT, DALL-E, GPT-4) dans ses produits (Bing, Copilot, Office 365)."]},
  {id: "microsoft-develops-office-365", from: "microsoft", to: "office-365", status: "ACTIVE",
   description: "Microsoft product.", attestedFrom: "2023-01",
   quotes: ["intégrant les modèles d'OpenAI (comme ChatGPT, DALL-E, GPT-4) dans ses produits (Bing, Copilot, Office 365)."]},
  {id: "microsoft-develops-teams", from: "microsoft", to: "teams", status: "ACTIVE",
   description: "Microsoft product.", attestedFrom: "2023",
   quotes: ["Ce partenariat a permis à Microsoft d'intégrer des technologies comme ChatGPT dans Bing, Teams, et Office 365"]}
] AS row
MERGE (a:Entity {id: row.from})
MERGE (b:Entity {id: row.to})
MERGE (a)-[r:DEVELOPS {id: row.id}]->(b)
ON CREATE SET r = row {.*, from: null, to: null}, r.sourceId = "microsoft-openai-timeline-fr";

// INTEGRATES: a product (or a company, in its products) built on another party's technology. The
// target is the model when the text names it, OpenAI itself when it speaks of "OpenAI's technologies".
UNWIND [
  {id: "azure-ai-integrates-openai", from: "azure-ai", to: "openai", status: "ACTIVE",
   description: "Under the July 2019 agreement, OpenAI agreed to integrate its technologies into Microsoft products such as Azure AI.",
   attestedFrom: "2019-07",
   quotes: ["En retour, OpenAI a accepté de collaborer avec Microsoft pour intégrer ses technologies dans les produits Microsoft, comme Azure AI et, plus tard, des outils comme Copilot."]},
  {id: "copilot-integrates-openai", from: "copilot", to: "openai", status: "ACTIVE",
   description: "Copilot integrates OpenAI's models and technologies; Microsoft also tests xAI, Meta and DeepSeek models for it.",
   attestedFrom: "2023-01",
   quotes: ["intégrant les modèles d'OpenAI (comme ChatGPT, DALL-E, GPT-4) dans ses produits (Bing, Copilot, Office 365).",
            "Pour l'heure, Microsoft intègre les technologies d'OpenAI dans ses produits, comme Copilot, Office 365 ou Bing",
            "l'intégration des modèles d'OpenAI dans Azure et Copilot"]},
  {id: "azure-integrates-openai", from: "azure", to: "openai", status: "ACTIVE",
   description: "OpenAI's models are integrated into Azure.",
   attestedFrom: "2025-06",
   quotes: ["l'intégration des modèles d'OpenAI dans Azure et Copilot"]},
  {id: "bing-integrates-chatgpt", from: "bing", to: "chatgpt", status: "ACTIVE",
   description: "Bing integrates OpenAI technologies such as ChatGPT.",
   attestedFrom: "2023-01",
   quotes: ["intégrant les modèles d'OpenAI (comme ChatGPT, DALL-E, GPT-4) dans ses produits (Bing, Copilot, Office 365).",
            "Ce partenariat a permis à Microsoft d'intégrer des technologies comme ChatGPT dans Bing, Teams, et Office 365"]},
  {id: "office-365-integrates-chatgpt", from: "office-365", to: "chatgpt", status: "ACTIVE",
   description: "Office 365 integrates OpenAI technologies such as ChatGPT.",
   attestedFrom: "2023-01",
   quotes: ["intégrant les modèles d'OpenAI (comme ChatGPT, DALL-E, GPT-4) dans ses produits (Bing, Copilot, Office 365).",
            "Ce partenariat a permis à Microsoft d'intégrer des technologies comme ChatGPT dans Bing, Teams, et Office 365"]},
  {id: "microsoft-integrates-gpt-4", from: "microsoft", to: "gpt-4", status: "ACTIVE",
   description: "Microsoft integrates GPT-4 into its products (Bing, Copilot, Office 365); the text does not pair models with products.",
   attestedFrom: "2023-01",
   quotes: ["intégrant les modèles d'OpenAI (comme ChatGPT, DALL-E, GPT-4) dans ses produits (Bing, Copilot, Office 365)."]},
  {id: "microsoft-integrates-dall-e", from: "microsoft", to: "dall-e", status: "ACTIVE",
   description: "Microsoft integrates DALL-E into its products (Bing, Copilot, Office 365); the text does not pair models with products.",
   attestedFrom: "2023-01",
   quotes: ["intégrant les modèles d'OpenAI (comme ChatGPT, DALL-E, GPT-4) dans ses produits (Bing, Copilot, Office 365)."]},
  {id: "teams-integrates-chatgpt", from: "teams", to: "chatgpt", status: "ACTIVE",
   description: "Teams integrates OpenAI technologies such as ChatGPT.",
   attestedFrom: "2023",
   quotes: ["Ce partenariat a permis à Microsoft d'intégrer des technologies comme ChatGPT dans Bing, Teams, et Office 365"]}
] AS row
MERGE (a:Entity {id: row.from})
MERGE (b:Entity {id: row.to})
MERGE (a)-[r:INTEGRATES {id: row.id}]->(b)
ON CREATE SET r = row {.*, from: null, to: null}, r.sourceId = "microsoft-openai-timeline-fr";
