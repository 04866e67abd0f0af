// The home page: what the graph holds (from the `summary` and `sources` queries), the tools, and
// example operations that open in GraphiQL (and the first in Apollo Sandbox, which starts on it).
(function () {
  "use strict";
  var endpoint = new URL("/graphql", window.location.href).toString();

  function graphql(query, variables) {
    return fetch(endpoint, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: query, variables: variables || {} }),
    })
      .then(function (response) { return response.json(); })
      .then(function (body) {
        if (body.errors) throw new Error(body.errors[0].message);
        return body.data;
      });
  }

  function element(tag, text, attributes) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    return node;
  }

  function fill(tableId, rows, label) {
    var body = document.querySelector("#" + tableId + " tbody");
    rows.forEach(function (row) {
      var tr = element("tr");
      tr.appendChild(element("td", label(row)));
      tr.appendChild(element("td", row.count.toLocaleString("en"), { class: "count" }));
      body.appendChild(tr);
    });
  }

  graphql(
    "{ summary { entities relations events sources entitiesByKind { kind count } relationsByType { type count } } " +
      "sources(first: 50) { nodes { id title publisher publishedOn language url textUrl referenceCount } } }",
  )
    .then(function (data) {
      var summary = data.summary;
      document.getElementById("totals").textContent =
        summary.entities.toLocaleString("en") + " entities, " + summary.relations.toLocaleString("en") + " relations, " +
        summary.events.toLocaleString("en") + " events, from " + summary.sources.toLocaleString("en") + " source(s).";
      fill("kinds", summary.entitiesByKind, function (row) { return row.kind; });
      fill("types", summary.relationsByType, function (row) { return row.type.toLowerCase().replace(/_/g, " "); });
      var list = document.getElementById("sources");
      data.sources.nodes.forEach(function (source) {
        var item = element("li");
        item.appendChild(element("strong", source.title));
        var facts = [source.publisher, source.publishedOn, source.language, source.referenceCount + " reference(s)"];
        item.appendChild(document.createTextNode(" — " + facts.filter(Boolean).join(", ") + " "));
        if (source.textUrl) item.appendChild(element("a", "text", { href: source.textUrl }));
        if (source.url) {
          item.appendChild(document.createTextNode(" "));
          item.appendChild(element("a", "original", { href: source.url, rel: "noopener" }));
        }
        list.appendChild(item);
      });
    })
    .catch(function (error) {
      document.getElementById("totals").textContent = "The graph could not be read: " + error.message;
    });

  fetch("/home/examples.json")
    .then(function (response) { return response.json(); })
    .then(function (examples) {
      var list = document.getElementById("examples");
      examples.forEach(function (example, index) {
        var item = element("li");
        item.appendChild(element("strong", example.title));
        item.appendChild(element("p", example.question));
        item.appendChild(element("pre", example.query));
        var links = element("p", null, { class: "links" });
        var variables = JSON.stringify(example.variables, null, 2);
        links.appendChild(element("a", "Open in GraphiQL", {
          href: "/graphiql?" + new URLSearchParams({ query: example.query, variables: variables }).toString(),
        }));
        if (index === 0) links.appendChild(element("a", "Open in Apollo Sandbox", { href: "/graphql" }));
        item.appendChild(links);
        list.appendChild(item);
      });
    });
})();
