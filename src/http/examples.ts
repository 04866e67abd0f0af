/**
 * Example operations, one list for every door into the API: the home page shows them and opens
 * each in GraphiQL; GraphiQL has them in its tabs and its Examples panel (written into its page
 * by static-pages.ts); Apollo Sandbox opens on the first, with its variables.
 */
export interface ExampleOperation {
  readonly title: string;
  readonly question: string;
  readonly query: string;
  readonly variables: Record<string, unknown>;
}

export const EXAMPLE_OPERATIONS: readonly ExampleOperation[] = [
  {
    title: "OpenAI's relations",
    question: "Who is OpenAI linked to, how, since when, and on whose word?",
    query: `query EntityRelations($id: ID!, $asOf: PartialDate) {
  entity(id: $id) {
    name
    relationsConnection(asOf: $asOf, first: 20) {
      totalCount
      nodes {
        direction
        counterparty { id name }
        relation {
          type status validFrom attestedFrom validTo
          amount { amount currency measure }
          provenance { references { source { title } quotes } }
        }
      }
    }
  }
}`,
    variables: { id: "openai", asOf: "2025-06" },
  },
  {
    title: "The neighbourhood, as of a date",
    question: "What did OpenAI's world look like in 2020, two relations out?",
    query: `query Neighbourhood($id: ID!, $asOf: PartialDate) {
  neighbourhood(id: $id, depth: 2, asOf: $asOf) {
    truncated
    nodes { id caption kind distance relationsLeftOut }
    edges { source type target periodStart }
  }
}`,
    variables: { id: "openai", asOf: "2020" },
  },
  {
    title: "How two entities connect",
    question: "How is the FTC connected to Windsurf?",
    query: `query Paths($from: ID!, $to: ID!) {
  paths(from: $from, to: $to, maxHops: 4) {
    length
    nodes { id caption }
    edges { source type target }
  }
}`,
    variables: { from: "ftc", to: "windsurf" },
  },
  {
    title: "What happened in 2023",
    question: "Relation starts and ends and events of 2023, in date order.",
    query: `query Timeline($from: PartialDate, $to: PartialDate) {
  timeline(from: $from, to: $to) {
    items { kind date precision caption }
    countsByYear { year relationsStarted relationsEnded events }
  }
}`,
    variables: { from: "2023", to: "2023" },
  },
  {
    title: "Find an entity by a French name",
    question: "Which entity is « Commission européenne »?",
    query: `query Search($text: String!) {
  search(text: $text) { score entity { id name kind aliases } }
}`,
    variables: { text: "commission europeenne" },
  },
];
