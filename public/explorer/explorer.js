// The explorer: Cytoscape.js over the GraphQL API. Every element comes from the API's
// `cytoscapeElements` field and is added to the graph unchanged; this file only fetches, styles
// and filters. `window.explorer` exposes the Cytoscape instance for tests and for the console.
(function () {
  "use strict";

  var GRAPHQL_URL = "/graphql";
  var MS_PER_DAY = 24 * 60 * 60 * 1000;

  var KIND_COLOURS = {
    COMPANY: "#4f7cff",
    REGULATOR: "#e5484d",
    PROJECT: "#8e4ec6",
    PERSON: "#f76b15",
    PRODUCT: "#30a46c",
    AI_MODEL: "#12a594",
    LEGISLATION: "#8d8d86",
  };

  // Relation types grouped by what they mean, one colour a group.
  var TYPE_GROUPS = [
    { name: "Money and ownership", colour: "#2f9e44", types: ["INVESTS_IN", "INVESTED_TOTAL_IN", "HOLDS_STAKE", "ACQUIRES", "PART_OF", "FOUNDED"] },
    { name: "Competition and disputes", colour: "#e03131", types: ["COMPETES_WITH", "CONSIDERS_SUING", "SEEKS_IP_ACCESS"] },
    { name: "Regulation and pressure", colour: "#f08c00", types: ["INVESTIGATES", "PRESSURES", "LOBBIES", "TESTS_MODELS_OF"] },
    { name: "Supply and technology", colour: "#1c7ed6", types: ["SUPPLIES_CLOUD", "LICENSES", "HAS_TECHNOLOGY_ACCESS", "DEVELOPS", "INTEGRATES"] },
    { name: "Partnership and people", colour: "#7048e8", types: ["PARTNERS_WITH", "PARTICIPATES_IN", "NEGOTIATES_WITH", "LEADS", "HAS_BOARD_SEAT", "OFFERS_TO_HIRE"] },
  ];
  var ALL_TYPES = [].concat.apply([], TYPE_GROUPS.map(function (group) { return group.types; }));
  var TYPE_COLOURS = {};
  TYPE_GROUPS.forEach(function (group) {
    group.types.forEach(function (type) { TYPE_COLOURS[type] = group.colour; });
  });

  var GRAPH_FIELDS = "truncated cytoscapeElements";

  var state = {
    hiddenTypes: new Set(),
    asOf: null, // {start, end} ISO dates, or null for all dates
    months: [], // slider positions: "YYYY-MM", then one past the end for "all dates"
    pathMode: false,
    pathStart: null,
  };

  var $ = function (id) { return document.getElementById(id); };

  function setStatus(text, isError) {
    var status = $("status");
    status.textContent = text;
    status.className = isError ? "error" : "";
  }

  async function graphql(query, variables) {
    var response = await fetch(GRAPHQL_URL, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: query, variables: variables || {} }),
    });
    var body = await response.json();
    if (body.errors && body.errors.length) {
      var error = new Error(body.errors[0].message);
      error.code = body.errors[0].extensions && body.errors[0].extensions.code;
      throw error;
    }
    return body.data;
  }

  function colourOfEdge(edge) { return TYPE_COLOURS[edge.data("type")] || "#868e96"; }

  var cy = cytoscape({
    container: $("cy"),
    wheelSensitivity: 0.3,
    style: [
      {
        selector: "node",
        style: {
          label: "data(label)",
          "background-color": function (node) { return KIND_COLOURS[node.data("kind")] || "#868e96"; },
          color: "#1d2330",
          "font-size": 11,
          "text-valign": "bottom",
          "text-margin-y": 3,
          width: 26,
          height: 26,
          "border-width": 1,
          "border-color": "#ffffff",
        },
      },
      { selector: 'node[kind = "REGULATOR"]', style: { shape: "diamond" } },
      { selector: 'node[kind = "PROJECT"]', style: { shape: "hexagon" } },
      { selector: 'node[kind = "PERSON"]', style: { shape: "ellipse", width: 22, height: 22 } },
      { selector: 'node[kind = "PRODUCT"], node[kind = "AI_MODEL"]', style: { shape: "round-rectangle" } },
      {
        selector: "edge",
        style: {
          width: 2,
          "line-color": colourOfEdge,
          "target-arrow-color": colourOfEdge,
          "target-arrow-shape": "triangle",
          "curve-style": "bezier",
          label: "data(label)",
          "font-size": 8,
          color: "#555",
          "text-rotation": "autorotate",
          "text-background-color": "#fbfcfe",
          "text-background-opacity": 0.8,
        },
      },
      { selector: "edge[?symmetric]", style: { "target-arrow-shape": "none", "line-style": "dashed" } },
      { selector: ".hidden", style: { display: "none" } },
      { selector: ".faded", style: { opacity: 0.15 } },
      { selector: "node.path", style: { "border-width": 4, "border-color": "#fab005", width: 34, height: 34 } },
      { selector: "edge.path", style: { width: 6, "line-color": "#fab005", "target-arrow-color": "#fab005", "z-index": 10 } },
      { selector: "node.path-start", style: { "border-width": 4, "border-color": "#fab005" } },
      { selector: ":selected", style: { "overlay-opacity": 0.15, "overlay-color": "#1d2330" } },
    ],
  });

  // Adds what is not drawn yet. New nodes start on a ring around `anchor` (the node being
  // expanded, else the middle of the view) so the force layout spreads them instead of piling
  // them up at the origin.
  function addElements(elements, anchor) {
    var fresh = elements.filter(function (element) { return cy.getElementById(element.data.id).empty(); });
    var freshNodes = fresh.filter(function (element) { return element.group === "nodes"; });
    var centre = anchor && anchor.nonempty() ? anchor.position() : { x: 0, y: 0 };
    var index = 0;
    // The elements go in as the API sent them; only a starting position is added, on a copy.
    cy.add(fresh.map(function (element) {
      if (element.group !== "nodes") return element;
      var angle = (2 * Math.PI * index++) / freshNodes.length;
      return Object.assign({}, element, { position: { x: centre.x + 120 * Math.cos(angle), y: centre.y + 120 * Math.sin(angle) } });
    }));
    applyFilters();
    if (fresh.length) {
      cy.layout({
        name: "cose", animate: false, randomize: false, nodeDimensionsIncludeLabels: true,
        // Pairs linked many times (Microsoft and OpenAI share ~15 relations) would otherwise collapse onto each other.
        nodeRepulsion: function () { return 40000; }, idealEdgeLength: function () { return 110; }, edgeElasticity: function () { return 8; },
        nodeOverlap: 40, gravity: 0.5,
      }).run();
    }
    return fresh.length;
  }

  // Shows what the type boxes and the date slider allow; a node stays while it has a visible
  // edge, or when it has no edge at all (just found by search).
  function applyFilters() {
    cy.batch(function () {
      cy.edges().forEach(function (edge) {
        var hidden = state.hiddenTypes.has(edge.data("type")) || !inForce(edge);
        edge.toggleClass("hidden", hidden);
      });
      cy.nodes().forEach(function (node) {
        var edges = node.connectedEdges();
        var hidden = edges.length > 0 && edges.filter(function (edge) { return !edge.hasClass("hidden"); }).length === 0;
        node.toggleClass("hidden", hidden);
      });
    });
  }

  function inForce(edge) {
    if (!state.asOf) return true;
    var start = edge.data("periodStart");
    var end = edge.data("periodEnd");
    return start <= state.asOf.end && (end === null || end === undefined || end >= state.asOf.start);
  }

  // --- search ---------------------------------------------------------------------------------

  async function search(text) {
    var list = $("search-results");
    list.textContent = "";
    if (!text.trim()) return;
    try {
      var data = await graphql(
        "query Search($text: String!) { search(text: $text, first: 10) { score entity { id name kind } } }",
        { text: text },
      );
      if (data.search.length === 0) setStatus('Nothing matches "' + text + '".');
      else setStatus(data.search.length + " match(es). Click one to draw it.");
      data.search.forEach(function (hit) {
        var item = document.createElement("li");
        var button = document.createElement("button");
        button.type = "button";
        button.dataset.entityId = hit.entity.id;
        button.textContent = hit.entity.name + " (" + hit.entity.kind.toLowerCase().replace("_", " ") + ")";
        button.title = "score " + hit.score.toFixed(2);
        button.addEventListener("click", function () { showEntity(hit.entity.id); });
        item.appendChild(button);
        list.appendChild(item);
      });
    } catch (error) {
      setStatus(error.message, true);
    }
  }

  // Draws an entity with the relations it has to what is already drawn.
  async function showEntity(id) {
    // With what is drawn, so its links to them show; alone past the API's cap on subgraph ids.
    var ids = cy.nodes().map(function (node) { return node.id(); });
    if (ids.indexOf(id) < 0) ids.push(id);
    if (ids.length > 200) ids = [id];
    try {
      var data = await graphql("query Subgraph($ids: [ID!]!) { subgraph(ids: $ids) { " + GRAPH_FIELDS + " } }", { ids: ids });
      addElements(data.subgraph.cytoscapeElements);
      var node = cy.getElementById(id);
      cy.elements().unselect();
      node.select();
      cy.animate({ center: { eles: node }, duration: 0 });
      showNode(node);
      setStatus("Click " + node.data("label") + " to expand its neighbours.");
    } catch (error) {
      setStatus(error.message, true);
    }
  }

  async function expand(node) {
    try {
      var data = await graphql(
        "query Expand($id: ID!) { neighbourhood(id: $id, depth: 1, limit: 200) { " + GRAPH_FIELDS + " } }",
        { id: node.id() },
      );
      var added = addElements(data.neighbourhood.cytoscapeElements, node);
      setStatus("Expanded " + node.data("label") + ": " + added + " new element(s).");
    } catch (error) {
      setStatus(error.message, true);
    }
  }

  // --- shortest path --------------------------------------------------------------------------

  function clearPath() {
    cy.elements().removeClass("path faded path-start");
  }

  async function showPath(fromId, toId) {
    clearPath();
    try {
      // The path keeps to what the user shows: the ticked types, the slider's month.
      var types = ALL_TYPES.filter(function (type) { return !state.hiddenTypes.has(type); });
      var data = await graphql(
        "query Path($from: ID!, $to: ID!, $types: [RelationType!], $asOf: PartialDate) { " +
          "paths(from: $from, to: $to, maxHops: 6, limit: 1, types: $types, asOf: $asOf) { length " + GRAPH_FIELDS + " } }",
        { from: fromId, to: toId, types: types, asOf: state.asOf ? state.asOf.start.slice(0, 7) : null },
      );
      if (data.paths.length === 0) {
        setStatus("No path within 6 relations between " + fromId + " and " + toId +
          (state.asOf || state.hiddenTypes.size ? " with the types and date shown." : "."));
        return;
      }
      var path = data.paths[0];
      addElements(path.cytoscapeElements);
      var ids = path.cytoscapeElements.map(function (element) { return element.data.id; });
      var onPath = cy.collection(ids.map(function (id) { return cy.getElementById(id); }));
      cy.elements().not(onPath).addClass("faded");
      onPath.addClass("path");
      onPath.removeClass("hidden");
      setStatus("Shortest path, " + path.length + " relation(s): " + path.cytoscapeElements
        .filter(function (element) { return element.group === "nodes"; })
        .map(function (element) { return element.data.label; })
        .join(" → "));
    } catch (error) {
      setStatus(error.message, true);
    }
  }

  function setPathMode(on) {
    state.pathMode = on;
    state.pathStart = null;
    $("path-mode").setAttribute("aria-pressed", String(on));
    clearPath();
    setStatus(on ? "Shortest path: click the first node." : "Path mode off.");
  }

  // --- details panel --------------------------------------------------------------------------

  function row(list, term, value) {
    if (value === null || value === undefined || value === "") return;
    var dt = document.createElement("dt");
    dt.textContent = term;
    var dd = document.createElement("dd");
    dd.textContent = value;
    list.append(dt, dd);
  }

  function panel(title) {
    var details = $("details");
    details.textContent = "";
    delete details.dataset.relationId;
    var heading = document.createElement("h2");
    heading.textContent = title;
    details.appendChild(heading);
    var list = document.createElement("dl");
    details.appendChild(list);
    return { details: details, list: list };
  }

  function showNode(node) {
    var view = panel(node.data("label"));
    row(view.list, "Id", node.id());
    row(view.list, "Kind", node.data("kind"));
    row(view.list, "Also", (node.data("aliases") || []).join(", "));
    row(view.list, "About", node.data("description"));
  }

  // One attribute per measure (only `amount`, a deal's value, may be summed): shown with its measure.
  var AMOUNT_MEASURES = [
    ["amount", ""],
    ["amountCumulativeTotal", " (cumulative total)"],
    ["amountCap", " (cap)"],
    ["amountAtStake", " (at stake)"],
  ];

  function money(edge) {
    for (var i = 0; i < AMOUNT_MEASURES.length; i++) {
      var amount = edge.data(AMOUNT_MEASURES[i][0]);
      if (amount === null || amount === undefined) continue;
      var text = new Intl.NumberFormat("en", { style: "currency", currency: edge.data("currency"), notation: "compact" }).format(amount);
      return (edge.data("amountApproximate") ? "about " : "") + text + AMOUNT_MEASURES[i][1];
    }
    return null;
  }

  async function showEdge(edge) {
    var arrow = edge.data("symmetric") ? " — " : " → ";
    var view = panel(cy.getElementById(edge.data("source")).data("label") + arrow + edge.data("label") + arrow +
      cy.getElementById(edge.data("target")).data("label"));
    view.details.dataset.relationId = edge.id();
    row(view.list, "Type", edge.data("type") + (edge.data("symmetric") ? " (no direction)" : ""));
    row(view.list, "Status", edge.data("status"));
    // A date that only says when the source shows the link is not its start: labelled as what it is.
    if (edge.data("validFrom")) row(view.list, "From", edge.data("validFrom"));
    else if (edge.data("attestedFrom")) row(view.list, "In force by", edge.data("attestedFrom") + " (start not stated)");
    row(view.list, "To", edge.data("validTo"));
    row(view.list, "Amount", money(edge));
    row(view.list, "What", edge.data("description"));
    // Every source that reports the relation, with its quotes, from the API, one relation at a time.
    try {
      var data = await graphql(
        "query Relation($id: ID!) { relation(id: $id) { role stakePercent inferred provenance { references { " +
          "source { title language textUrl } quotes note inferred verified } } } }",
        { id: edge.id() },
      );
      if (view.details.dataset.relationId !== edge.id() || !data.relation) return;
      row(view.list, "Role", data.relation.role);
      row(view.list, "Stake", data.relation.stakePercent === null ? null : data.relation.stakePercent + " %");
      if (data.relation.inferred) row(view.list, "Stated?", "No: inferred from the sources (see the notes)");
      data.relation.provenance.references.forEach(function (reference) {
        var flags = [reference.inferred ? "inferred" : null, reference.verified ? null : "quotes not checked: no text"];
        row(view.list, "Source", reference.source.title + (flags.filter(Boolean).length ? " (" + flags.filter(Boolean).join("; ") + ")" : ""));
        if (reference.note) row(view.list, "Note", reference.note);
        reference.quotes.forEach(function (quote) {
          var block = document.createElement("blockquote");
          block.lang = reference.source.language || "";
          block.textContent = quote;
          view.details.appendChild(block);
        });
      });
    } catch (error) {
      setStatus(error.message, true);
    }
  }

  // --- filters, slider, legend ----------------------------------------------------------------

  function buildTypeFilters() {
    var container = $("type-filters");
    TYPE_GROUPS.forEach(function (group) {
      group.types.forEach(function (type) {
        var label = document.createElement("label");
        var box = document.createElement("input");
        box.type = "checkbox";
        box.checked = true;
        box.value = type;
        box.addEventListener("change", function () {
          if (box.checked) state.hiddenTypes.delete(type);
          else state.hiddenTypes.add(type);
          applyFilters();
        });
        var swatch = document.createElement("span");
        swatch.className = "swatch line";
        swatch.style.background = group.colour;
        label.append(box, swatch, document.createTextNode(type.toLowerCase().replace(/_/g, " ")));
        container.appendChild(label);
      });
    });
  }

  function buildLegend() {
    var legend = $("legend");
    Object.keys(KIND_COLOURS).forEach(function (kind) {
      var line = document.createElement("div");
      var swatch = document.createElement("span");
      swatch.className = "swatch";
      swatch.style.background = KIND_COLOURS[kind];
      line.append(swatch, document.createTextNode(kind.toLowerCase().replace("_", " ")));
      legend.appendChild(line);
    });
    TYPE_GROUPS.forEach(function (group) {
      var line = document.createElement("div");
      var swatch = document.createElement("span");
      swatch.className = "swatch line";
      swatch.style.background = group.colour;
      line.append(swatch, document.createTextNode(group.name));
      legend.appendChild(line);
    });
    var dashed = document.createElement("div");
    dashed.textContent = "dashed, no arrow: symmetric relation";
    legend.appendChild(dashed);
  }

  function lastDayOfMonth(month) {
    var parts = month.split("-").map(Number);
    var last = new Date(Date.UTC(parts[0], parts[1], 1) - MS_PER_DAY);
    return last.toISOString().slice(0, 10);
  }

  // The slider runs month by month over the graph's dates (from `timeline`); its last position is "all dates".
  async function buildSlider() {
    var slider = $("date-slider");
    try {
      var data = await graphql("query Range { timeline(limit: 1) { minDate maxDate } }");
      var min = data.timeline.minDate;
      var max = data.timeline.maxDate;
      if (!min || !max) return;
      var year = Number(min.slice(0, 4));
      var month = Number(min.slice(5, 7));
      var endYear = Number(max.slice(0, 4));
      var endMonth = Number(max.slice(5, 7));
      while (year < endYear || (year === endYear && month <= endMonth)) {
        state.months.push(year + "-" + String(month).padStart(2, "0"));
        month += 1;
        if (month === 13) { month = 1; year += 1; }
      }
      slider.max = String(state.months.length);
      slider.value = slider.max;
    } catch (error) {
      setStatus(error.message, true);
    }
    slider.addEventListener("input", function () { setAsOfIndex(Number(slider.value)); });
  }

  function setAsOfIndex(index) {
    var month = state.months[index];
    state.asOf = month ? { start: month + "-01", end: lastDayOfMonth(month) } : null;
    $("date-label").textContent = month || "all dates";
    applyFilters();
  }

  // --- wiring ---------------------------------------------------------------------------------

  cy.on("tap", "node", function (event) {
    var node = event.target;
    if (state.pathMode) {
      if (!state.pathStart) {
        state.pathStart = node.id();
        node.addClass("path-start");
        setStatus("Shortest path from " + node.data("label") + ": click the second node.");
      } else if (state.pathStart !== node.id()) {
        var from = state.pathStart;
        state.pathStart = null;
        showPath(from, node.id());
      }
      return;
    }
    showNode(node);
    expand(node);
  });
  cy.on("tap", "edge", function (event) { showEdge(event.target); });

  $("search-form").addEventListener("submit", function (event) {
    event.preventDefault();
    search($("search-input").value);
  });
  $("path-mode").addEventListener("click", function () { setPathMode(!state.pathMode); });
  $("clear").addEventListener("click", function () {
    cy.elements().remove();
    setPathMode(false);
    setStatus("Cleared.");
  });
  $("show-all").addEventListener("click", async function () {
    try {
      var data = await graphql("query All { graph { " + GRAPH_FIELDS + " } }");
      addElements(data.graph.cytoscapeElements);
      setStatus("Drew the whole graph.");
    } catch (error) {
      setStatus(error.message, true);
    }
  });

  buildTypeFilters();
  buildLegend();
  buildSlider().then(function () {
    document.body.dataset.ready = "true";
  });

  window.explorer = { cy: cy, state: state, setAsOfIndex: setAsOfIndex };
})();
