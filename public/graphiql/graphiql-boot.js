// Starts GraphiQL against this server's /graphql, with an example query to begin from and the
// server's example operations (src/http/examples.ts, written into the page by the server, so no
// request fetches them): one tab each on a first visit, and an Examples panel in the sidebar that
// opens any of them at any time.
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

  var examplesData = document.getElementById("examples");
  var examples = examplesData ? JSON.parse(examplesData.textContent) : [];
  /** An example as a tab: its question as a comment above the operation, its variables as JSON. */
  function exampleTab(example) {
    return {
      query: "# " + example.title + "\n# " + example.question + "\n" + example.query + "\n",
      variables: JSON.stringify(example.variables, null, 2),
    };
  }

  // A link may carry the operation to open (the home page's examples do): ?query=…&variables=…
  var params = new URLSearchParams(window.location.search);
  var linked = params.get("query") ? { query: params.get("query"), variables: params.get("variables") } : null;
  var props = {
    fetcher: fetcher,
    defaultQuery: defaultQuery,
    defaultEditorToolsVisibility: true,
    // Used when this browser has no saved tabs yet (GraphiQL keeps them in localStorage).
    defaultTabs: [linked || { query: defaultQuery }].concat(examples.map(exampleTab)),
    plugins: examples.length > 0 ? [examplesPlugin()] : [],
  };
  if (linked) {
    props.query = linked.query;
    if (linked.variables) props.variables = linked.variables;
  }

  /** The sidebar's Examples panel: each example's title and question; a click opens it. */
  function examplesPlugin() {
    var h = React.createElement;
    function Icon() {
      return h(
        "svg",
        { viewBox: "0 0 24 24", width: "1em", height: "1em", "aria-hidden": "true", fill: "none", stroke: "currentColor", strokeWidth: 1.5 },
        h("path", { d: "M5 4h14v16H5z M8 8h8 M8 12h8 M8 16h5" }),
      );
    }
    function Examples() {
      var editor = GraphiQL.React.useEditorContext({ nonNull: true });
      function open(example) {
        var tab = exampleTab(example);
        // Its tab if one still holds it unchanged; otherwise a new tab, filled once GraphiQL has made it.
        var index = editor.tabs.findIndex(function (candidate) {
          return candidate.query === tab.query;
        });
        if (index >= 0) {
          editor.changeTab(index);
          return;
        }
        editor.addTab();
        window.setTimeout(function () {
          if (editor.queryEditor) editor.queryEditor.setValue(tab.query);
          if (editor.variableEditor) editor.variableEditor.setValue(tab.variables);
        }, 0);
      }
      return h(
        "div",
        { className: "kg-examples" },
        h("div", { className: "graphiql-doc-explorer-title" }, "Examples"),
        h("p", null, "The server's example operations, with their variables. A click opens one in its tab."),
        h(
          "ul",
          { style: { listStyle: "none", padding: 0, margin: 0 } },
          examples.map(function (example) {
            return h(
              "li",
              { key: example.title, style: { margin: "0 0 12px" } },
              h(
                "button",
                {
                  type: "button",
                  className: "graphiql-button kg-example",
                  style: { display: "block", width: "100%", textAlign: "left" },
                  onClick: function () {
                    open(example);
                  },
                },
                h("strong", null, example.title),
                h("br"),
                h("span", null, example.question),
              ),
            );
          }),
        ),
      );
    }
    return { title: "Examples", icon: Icon, content: Examples };
  }

  var root = ReactDOM.createRoot(document.getElementById("graphiql"));
  root.render(React.createElement(GraphiQL, props));
})();
