// The documents the graph is built from. Every relation and event names its source and quotes it.
MERGE (s:Source {id: "microsoft-openai-timeline-fr"})
ON CREATE SET s.title = "OpenAI et Microsoft",
    s.description = "French article retracing the Microsoft–OpenAI partnership from 2019 to June 2025: investments, cloud exclusivity, regulators, the 2023 governance crisis and the 2024–2025 renegotiations.",
    s.publishedOn = "2025-06-22",
    s.language = "fr",
    s.file = "cypher/sources/microsoft-openai-timeline.fr.txt";
