// Events: dated happenings that are not a link between two entities. Participants are linked by
// PARTICIPATED_IN with their role in the event.
UNWIND [
  {id: "openai-capped-profit-branch-2019", name: "OpenAI creates a capped-profit branch", date: "2019",
   description: "OpenAI turns from a non-profit into a hybrid entity, creating a capped-profit branch to attract investment.",
   participants: [{entity: "openai", role: "restructured into a hybrid non-profit / capped-profit entity"}],
   quotes: ["en 2019, OpenAI a évolué d'une structure à but non lucratif vers une entité hybride, avec la création d'une branche à but lucratif (capped-profit) pour attirer des investissements."]},
  {id: "chatgpt-success-2022", name: "ChatGPT's success", date: "2022",
   description: "ChatGPT's success in late 2022, after which Microsoft strengthened its commitment with a further $10 bn in January 2023.",
   participants: [{entity: "openai", role: "maker of ChatGPT"}, {entity: "chatgpt", role: "the successful product"},
                  {entity: "microsoft", role: "responded with a further $10 bn investment in January 2023"}],
   quotes: ["Après le succès de ChatGPT fin 2022, Microsoft a renforcé son engagement avec un investissement supplémentaire de 10 milliards de dollars en janvier 2023, consolidant le partenariat."]},
  {id: "openai-governance-crisis-2023-11", name: "OpenAI governance crisis", date: "2023-11",
   description: "OpenAI's board temporarily dismisses CEO Sam Altman. Microsoft backs him and offers to hire him with an AI research team; 738 of OpenAI's 770 employees threaten to join Microsoft unless he is reinstated. He is reinstated five days later with a new board, and Microsoft obtains a non-voting observer seat on OpenAI's board.",
   participants: [{entity: "openai", role: "its board dismissed the CEO; 738 of 770 employees threatened to leave"},
                  {entity: "sam-altman", role: "dismissed, then reinstated five days later"},
                  {entity: "microsoft", role: "backed Altman, offered to hire him, then obtained an observer seat"}],
   quotes: ["Le licenciement temporaire de Sam Altman, PDG d'OpenAI, par son conseil d'administration a révélé la dépendance d'OpenAI envers Microsoft.",
            "Microsoft a soutenu Altman, proposant de l'embaucher avec une équipe de recherche IA, ce qui a poussé 738 des 770 employés d'OpenAI à menacer de rejoindre Microsoft si Altman n'était pas réintégré.",
            "Altman a été rétabli cinq jours plus tard, avec un nouveau conseil d'administration.",
            "Cet épisode a renforcé l'influence de Microsoft, qui a obtenu un siège d'observateur (sans droit de vote) au conseil d'OpenAI."]},
  {id: "microsoft-gpt-competitor-2024", name: "Microsoft develops a GPT competitor", date: "2024",
   description: "Microsoft develops its own AI models, for example a model competing with GPT in 2024, and tests alternatives to OpenAI, signalling a will to be independent.",
   participants: [{entity: "microsoft", role: "developer of the competing model"}, {entity: "openai", role: "maker of GPT, the model competed with"}],
   quotes: ["Microsoft développe ses propres modèles IA (par exemple, un modèle concurrent de GPT en 2024)"]},
  {id: "openai-public-benefit-corporation-plan-2024", name: "OpenAI seeks to become a public benefit corporation", date: "2024",
   description: "OpenAI seeks to turn its hybrid non-profit / for-profit structure into a public benefit corporation, to ease a possible stock-market listing. The transition needs Microsoft's approval; negotiations began in late 2024 and were at a critical stage in June 2025.",
   participants: [{entity: "openai", role: "plans the restructuring and a possible IPO"},
                  {entity: "microsoft", role: "its approval is needed; holds 49 % of OpenAI Global, LLC"},
                  {entity: "openai-global", role: "entity whose rights to future profits are at stake"}],
   quotes: ["OpenAI cherche à transformer sa structure hybride (à but non lucratif et lucratif) en une \"public benefit corporation\" pour faciliter une éventuelle introduction en bourse.",
            "Les négociations, entamées fin 2024, sont tendues"]},
  {id: "microsoft-sec-annual-filing-2024-06", name: "Microsoft's annual SEC filing names OpenAI as a competitor", date: "2024-06",
   description: "In its annual report filed with the SEC, Microsoft calls OpenAI a competitor for the first time, in AI (with Amazon, Google, Anthropic and Meta) and in search advertising (with Google and Meta), and lists the risks of AI, including new AI laws such as the EU AI Act or US executive orders (« décrets américains »).",
   participants: [{entity: "microsoft", role: "filer"}, {entity: "sec", role: "regulator receiving the filing"},
                  {entity: "openai", role: "named as a competitor for the first time"},
                  {entity: "amazon", role: "named as a competitor"}, {entity: "google", role: "named as a competitor"},
                  {entity: "anthropic", role: "named as a competitor"}, {entity: "meta", role: "named as a competitor"},
                  {entity: "eu-ai-act", role: "cited among the legal risks of AI"}],
   quotes: ["Au mois de juin 2024, Microsoft, dans le dépôt réglementaire de ses comptes annuels auprès de la SEC (Securities and Exchange Commission) américaine, a qualifié pour la première fois OpenAI de concurrente :",
            "Il y a également des risques juridiques, notamment liés aux droits d’auteur, à la vie privée, à la sécurité des données ou aux nouvelles lois sur l’IA comme le AI Act européen ou les décrets américains."]},
  {id: "microsoft-leaves-openai-board-2024-07", name: "Microsoft gives up its OpenAI board seat", date: "2024-07",
   description: "Under pressure from the CMA, the FTC and the European Commission, Microsoft gives up its observer seat on OpenAI's board to avoid an in-depth investigation; its investment and technical partnership remain intact.",
   participants: [{entity: "microsoft", role: "gave up its observer seat"}, {entity: "openai", role: "board the seat was on"},
                  {entity: "cma", role: "antitrust pressure"}, {entity: "ftc", role: "antitrust pressure"},
                  {entity: "european-commission", role: "antitrust pressure"}],
   quotes: ["Sous la pression des autorités antitrust (CMA, FTC, Commission européenne), Microsoft a renoncé à son siège d'observateur au conseil d'OpenAI pour éviter une enquête approfondie sur un possible contrôle déguisé.",
            "Cette décision a marqué un recul symbolique de l'influence directe de Microsoft, bien que son investissement et son partenariat technique restent intacts."]}
] AS row
// Seeding again adds what is missing and changes nothing that is there: an event, a participant
// link or a role edited by hand stays as it is (`npm run db:seed -- --reset` reloads the seed).
MERGE (ev:Event {id: row.id})
ON CREATE SET ev = row {.*, participants: null}, ev.sourceId = "microsoft-openai-timeline-fr"
WITH ev, row
UNWIND row.participants AS participant
MERGE (e:Entity {id: participant.entity})
MERGE (e)-[p:PARTICIPATED_IN]->(ev)
ON CREATE SET p.role = participant.role;
