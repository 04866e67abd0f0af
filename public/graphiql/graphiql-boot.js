// Starts GraphiQL against this server's /graphql, with an example query to begin from.
(function () {
  "use strict";
  var fetcher = GraphiQL.createFetcher({ url: new URL("/graphql", window.location.href).toString() });
  var defaultQuery = [
    "# Who is OpenAI linked to, as of 2020? Try asOf: \"2025-06\" next.",
    "query OpenAINeighbourhood {",
    "  neighbourhood(id: \"openai\", asOf: \"2020\") {",
    "    nodes { id caption kind }",
    "    edges { source type target relation { validFrom attestedFrom provenance { quotes } } }",
    "  }",
    "}",
    "",
  ].join("\n");
  var root = ReactDOM.createRoot(document.getElementById("graphiql"));
  root.render(React.createElement(GraphiQL, { fetcher: fetcher, defaultQuery: defaultQuery, defaultEditorToolsVisibility: true }));
})();
