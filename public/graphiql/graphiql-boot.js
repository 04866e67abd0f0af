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
  // A link may carry the operation to open (the home page's examples do): ?query=…&variables=…
  var params = new URLSearchParams(window.location.search);
  var props = { fetcher: fetcher, defaultQuery: defaultQuery, defaultEditorToolsVisibility: true };
  if (params.get("query")) props.query = params.get("query");
  if (params.get("variables")) props.variables = params.get("variables");
  var root = ReactDOM.createRoot(document.getElementById("graphiql"));
  root.render(React.createElement(GraphiQL, props));
})();
