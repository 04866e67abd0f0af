// The explorer: Cytoscape.js over the GraphQL API. Every entity and relation comes from the API's
// `cytoscapeElements` field and is added to the graph unchanged; relation types (their groups,
// colours and symmetry) come from the `relationTypes` query. Relations of one pair of entities
// are drawn as one merged edge labelled with their count (a click lists them). The view's state
// (drawn and expanded nodes, filters, dates, selection) lives in the URL's hash, so a link reopens
// it. `window.explorer` exposes the Cytoscape instance and a few functions for tests and the console.
(function () {
  "use strict";

  var GRAPHQL_URL = "/graphql";
  var MS_PER_DAY = 24 * 60 * 60 * 1000;
  var SUBGRAPH_MAX_IDS = 200;
  var DEFAULT_GROUP = { id: "OTHER", name: "Other", colour: "#868e96", description: "" };

  // Entity kinds: colour and shape, drawn the same in the graph, the legend and the SVG export.
  var KINDS = {
    COMPANY: { colour: "#4f7cff", shape: "ellipse" },
    REGULATOR: { colour: "#e5484d", shape: "diamond" },
    PROJECT: { colour: "#8e4ec6", shape: "hexagon" },
    PERSON: { colour: "#f76b15", shape: "ellipse", size: 22 },
    PRODUCT: { colour: "#30a46c", shape: "round-rectangle" },
    AI_MODEL: { colour: "#12a594", shape: "round-rectangle" },
    LEGISLATION: { colour: "#8d8d86", shape: "rectangle" },
    AGREEMENT: { colour: "#b5860b", shape: "vee" },
  };
  var OTHER_KIND = { colour: "#868e96", shape: "ellipse" };
  function kindOf(kind) {
    return KINDS[kind] || OTHER_KIND;
  }

  var STATUSES = ["ANNOUNCED", "ACTIVE", "COMPLETED", "PLANNED", "PROPOSED", "CONSIDERED", "CONTESTED", "ENDED"];

  var GRAPH_FIELDS = "truncated cytoscapeElements";

  var state = {
    types: [], // from `relationTypes`, in the server's order
    typeInfo: {}, // name → { name, label, description, symmetric, group }
    hiddenTypes: new Set(),
    hiddenKinds: new Set(),
    hiddenStatuses: new Set(),
    userHidden: new Set(), // nodes the analyst hid
    expanded: new Set(), // nodes whose neighbours were drawn
    asOf: null, // { start, end } ISO days, or null for all dates
    range: null, // { from, to } "YYYY-MM", or null
    months: [], // slider positions: "YYYY-MM", then one past the end for "all dates"
    years: [],
    pathMode: false,
    pathStart: null,
    selected: null, // id of the node, relation or merged edge shown in the panel
    counts: {}, // entity id → its number of relations in the whole graph
    undo: [],
    restoring: false,
  };

  var $ = function (id) {
    return document.getElementById(id);
  };

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
      error.id = body.errors[0].extensions && body.errors[0].extensions.id;
      throw error;
    }
    return body.data;
  }

  function words(name) {
    return String(name).toLowerCase().replace(/_/g, " ");
  }
  function typeInfo(type) {
    return state.typeInfo[type] || { name: type, label: words(type), description: "", symmetric: false, group: DEFAULT_GROUP };
  }
  function isSymmetricType(edge) {
    var info = state.typeInfo[edge.data("type")];
    return info ? info.symmetric : edge.data("symmetric") === true;
  }
  function colourOfEdge(edge) {
    if (edge.hasClass("pair")) return edge.data("colour");
    return typeInfo(edge.data("type")).group.colour;
  }
  function nodeSize(node) {
    var base = kindOf(node.data("kind")).size || 26;
    var count = state.counts[node.id()];
    return count ? Math.round(base + 7 * Math.log2(1 + count)) : base;
  }

  // --- the graph ------------------------------------------------------------------------------

  var cy = cytoscape({
    container: $("cy"),
    wheelSensitivity: 0.3,
    style: [
      {
        selector: "node",
        style: {
          label: "data(label)",
          "background-color": function (node) {
            return kindOf(node.data("kind")).colour;
          },
          shape: function (node) {
            return kindOf(node.data("kind")).shape;
          },
          color: "#1d2330",
          "font-size": 11,
          "text-valign": "bottom",
          "text-margin-y": 3,
          width: nodeSize,
          height: nodeSize,
          "border-width": 1,
          "border-color": "#ffffff",
        },
      },
      { selector: "node.pinned", style: { "border-width": 3, "border-color": "#1d2330" } },
      { selector: "node.expanded", style: { "border-style": "double", "border-width": 4, "border-color": "#1d2330" } },
      {
        selector: "edge",
        style: {
          width: 2,
          "line-color": colourOfEdge,
          "target-arrow-color": colourOfEdge,
          "target-arrow-shape": function (edge) {
            return isSymmetricType(edge) ? "none" : "triangle";
          },
          "line-style": function (edge) {
            return isSymmetricType(edge) ? "dashed" : "solid";
          },
          "curve-style": "bezier",
          label: "data(label)",
          "font-size": 8,
          color: "#555",
          "text-rotation": "autorotate",
          "text-background-color": "#fbfcfe",
          "text-background-opacity": 0.8,
        },
      },
      {
        selector: "edge.pair",
        style: {
          width: function (edge) {
            return Math.min(2 + 1.2 * (edge.data("count") || 2), 14);
          },
          "target-arrow-shape": "none",
          "line-style": "solid",
          label: "data(countLabel)",
          "font-size": 11,
          "font-weight": "bold",
          color: "#1d2330",
          "text-rotation": "none",
          "text-background-color": "#ffffff",
          "text-background-opacity": 1,
          "text-background-padding": 2,
          "text-border-width": 1,
          "text-border-color": "#adb5bd",
          "text-border-opacity": 1,
        },
      },
      { selector: ".hidden, .merged, .user-hidden", style: { display: "none" } },
      { selector: ".faded", style: { opacity: 0.15 } },
      { selector: "node.path", style: { "border-width": 4, "border-color": "#fab005" } },
      { selector: "edge.path", style: { width: 6, "line-color": "#fab005", "target-arrow-color": "#fab005", "z-index": 10 } },
      { selector: "node.path-start", style: { "border-width": 4, "border-color": "#fab005" } },
      { selector: ":selected", style: { "overlay-opacity": 0.15, "overlay-color": "#1d2330" } },
    ],
  });

  /** The key of a pair of entities, whichever way its relations point. */
  function pairKey(a, b) {
    return a < b ? a + "|" + b : b + "|" + a;
  }
  function pairId(a, b) {
    return "pair:" + pairKey(a, b);
  }
  function relationEdges() {
    return cy.edges().not(".pair");
  }

  /** One merged edge for each pair of entities with two relations or more; none for the others. */
  function syncPairs() {
    var byPair = {};
    relationEdges().forEach(function (edge) {
      var key = pairKey(edge.data("source"), edge.data("target"));
      (byPair[key] = byPair[key] || []).push(edge);
    });
    cy.edges(".pair").forEach(function (pair) {
      var members = byPair[pairKey(pair.data("source"), pair.data("target"))];
      if (!members || members.length < 2) pair.remove();
    });
    Object.keys(byPair).forEach(function (key) {
      if (byPair[key].length < 2) return;
      var ends = key.split("|");
      if (cy.getElementById(pairId(ends[0], ends[1])).empty()) {
        cy.add({
          group: "edges",
          classes: "pair",
          data: { id: pairId(ends[0], ends[1]), source: ends[0], target: ends[1], count: 0, countLabel: "", colour: "#495057" },
        });
      }
    });
  }

  /** The relations a merged edge stands for (all of them, shown or not). */
  function pairMembers(pair) {
    var a = pair.data("source");
    var b = pair.data("target");
    return relationEdges().filter(function (edge) {
      var s = edge.data("source");
      var t = edge.data("target");
      return (s === a && t === b) || (s === b && t === a);
    });
  }

  // Adds what is not drawn yet. With nothing drawn before, a force layout places everything;
  // otherwise the new nodes go around `anchor` (the node being expanded) on the side away from the
  // rest, and no node already drawn moves.
  function addElements(elements, anchor) {
    var fresh = elements.filter(function (element) {
      return cy.getElementById(element.data.id).empty();
    });
    var freshNodes = fresh.filter(function (element) {
      return element.group === "nodes";
    });
    var hadNodes = cy.nodes().length > 0;
    var centre = anchor && anchor.nonempty() ? anchor.position() : viewCentre();
    var outward = 0;
    var spread = 2 * Math.PI;
    if (anchor && anchor.nonempty() && cy.nodes().length > 1) {
      var others = cy.nodes().not(anchor);
      var mid = others.boundingBox();
      var cx = (mid.x1 + mid.x2) / 2;
      var cyy = (mid.y1 + mid.y2) / 2;
      if (Math.abs(centre.x - cx) + Math.abs(centre.y - cyy) > 1) {
        outward = Math.atan2(centre.y - cyy, centre.x - cx);
        spread = Math.min(2 * Math.PI, Math.PI * 1.4 + freshNodes.length * 0.05);
      }
    }
    var radius = 110 + 7 * freshNodes.length;
    var index = 0;
    var taken = cy.nodes().map(function (node) {
      return node.position();
    });
    // The elements go in as the API sent them; only a starting position is added, on a copy.
    cy.add(
      fresh.map(function (element) {
        if (element.group !== "nodes") return element;
        var step = freshNodes.length > 1 ? index / (freshNodes.length - (spread < 2 * Math.PI ? 1 : 0)) : 0.5;
        var angle = spread < 2 * Math.PI ? outward - spread / 2 + spread * step : (2 * Math.PI * index) / freshNodes.length;
        index += 1;
        var spot = freeSpot({ x: centre.x + radius * Math.cos(angle), y: centre.y + radius * Math.sin(angle) }, taken);
        taken.push(spot);
        return Object.assign({}, element, { position: spot });
      }),
    );
    syncPairs();
    applyFilters();
    if (freshNodes.length && !hadNodes && cy.nodes().length > 2) runLayout(cy.elements());
    else if (freshNodes.length)
      keepInView(
        cy.collection(
          freshNodes.map(function (e) {
            return cy.getElementById(e.data.id);
          }),
        ),
      );
    loadCounts();
    writeUrl();
    return fresh.length;
  }

  /** The point nearest `wanted` (on rings around it) at least 45 units from every point of `taken`. */
  function freeSpot(wanted, taken) {
    var clear = function (p) {
      return taken.every(function (q) {
        return Math.abs(p.x - q.x) >= 45 || Math.abs(p.y - q.y) >= 45;
      });
    };
    if (clear(wanted)) return wanted;
    for (var ring = 1; ring <= 8; ring++) {
      for (var k = 0; k < 8 * ring; k++) {
        var a = (2 * Math.PI * k) / (8 * ring);
        var p = { x: wanted.x + 40 * ring * Math.cos(a), y: wanted.y + 40 * ring * Math.sin(a) };
        if (clear(p)) return p;
      }
    }
    return wanted;
  }

  function viewCentre() {
    var extent = cy.extent();
    return cy.nodes().length ? { x: (extent.x1 + extent.x2) / 2, y: (extent.y1 + extent.y2) / 2 } : { x: 0, y: 0 };
  }

  /** Fits the view to everything shown when some of `nodes` fell outside it. */
  function keepInView(nodes) {
    var extent = cy.extent();
    var outside = nodes.some(function (node) {
      var p = node.position();
      return p.x < extent.x1 || p.x > extent.x2 || p.y < extent.y1 || p.y > extent.y2;
    });
    if (cy.nodes().length <= 1) {
      cy.zoom(1);
      cy.center(cy.nodes());
    } else if (outside) cy.fit(cy.elements(":visible"), 40);
  }

  /** A force layout of `elements`, leaving out the nodes the analyst dragged (pinned). */
  function runLayout(elements) {
    // Edges as drawn: a merged pair pulls its two ends once, not once per relation (14 for Microsoft–OpenAI).
    var movable = elements.filter(function (element) {
      if (element.isNode()) return !element.hasClass("pinned");
      return !element.hasClass("merged") && !element.hasClass("hidden");
    });
    movable
      .layout({
        name: "cose",
        animate: false,
        randomize: false,
        nodeDimensionsIncludeLabels: true,
        fit: true,
        padding: 30,
        nodeRepulsion: function () {
          return 40000;
        },
        idealEdgeLength: function () {
          return 110;
        },
        edgeElasticity: function () {
          return 8;
        },
        nodeOverlap: 40,
        gravity: 0.5,
      })
      .run();
    cy.fit(cy.elements(":visible"), 30);
  }

  /** Each drawn entity's number of relations in the whole graph (Neo4j's degree counts), for node sizes. */
  async function loadCounts() {
    var missing = cy
      .nodes()
      .map(function (node) {
        return node.id();
      })
      .filter(function (id) {
        return !(id in state.counts);
      });
    for (var i = 0; i < missing.length; i += 25) {
      var chunk = missing.slice(i, i + 25);
      var query =
        "query Counts(" +
        chunk
          .map(function (_, k) {
            return "$i" + k + ": ID!";
          })
          .join(", ") +
        ") { " +
        chunk
          .map(function (_, k) {
            return "e" + k + ": entity(id: $i" + k + ") { id relationsConnection(first: 1) { totalCount } }";
          })
          .join(" ") +
        " }";
      var variables = {};
      chunk.forEach(function (id, k) {
        variables["i" + k] = id;
      });
      try {
        var data = await graphql(query, variables);
        Object.keys(data).forEach(function (key) {
          if (data[key]) state.counts[data[key].id] = data[key].relationsConnection.totalCount;
        });
      } catch (error) {
        chunk.forEach(function (id) {
          state.counts[id] = 0;
        });
      }
    }
    if (missing.length) cy.style().update();
  }

  // Shows what the filters and the dates allow. A relation shows when its type, status and date
  // pass and both its ends do; relations of one pair show as their merged edge when two or more
  // pass, alone when one does. A node stays while it has a shown relation, or when it has none drawn.
  function applyFilters() {
    cy.batch(function () {
      cy.nodes().forEach(function (node) {
        node.toggleClass("user-hidden", state.userHidden.has(node.id()));
      });
      relationEdges().forEach(function (edge) {
        var ends = edge.source().add(edge.target());
        var hidden =
          state.hiddenTypes.has(edge.data("type")) ||
          state.hiddenStatuses.has(edge.data("status")) ||
          !inForce(edge) ||
          ends.some(function (node) {
            return state.userHidden.has(node.id()) || state.hiddenKinds.has(node.data("kind"));
          });
        edge.toggleClass("hidden", hidden);
        edge.removeClass("merged");
      });
      // The shown relations of each pair, in one pass (a pair's own lookup would be quadratic).
      var shownByPair = {};
      relationEdges().forEach(function (edge) {
        if (edge.hasClass("hidden")) return;
        var key = pairKey(edge.data("source"), edge.data("target"));
        (shownByPair[key] = shownByPair[key] || []).push(edge);
      });
      cy.edges(".pair").forEach(function (pair) {
        var shown = cy.collection(shownByPair[pairKey(pair.data("source"), pair.data("target"))] || []);
        var merge = shown.length >= 2;
        pair.toggleClass("hidden", !merge);
        if (merge) {
          // A relation on a highlighted shortest path stays drawn alone.
          shown.not(".path").addClass("merged");
          var groups = new Set(
            shown.map(function (edge) {
              return typeInfo(edge.data("type")).group.colour;
            }),
          );
          pair.data({
            count: shown.length,
            countLabel: shown.length + " relations",
            colour: groups.size === 1 ? groups.values().next().value : "#495057",
          });
        }
      });
      cy.nodes().forEach(function (node) {
        if (state.userHidden.has(node.id())) return;
        var edges = node.connectedEdges().not(".pair");
        var hidden =
          state.hiddenKinds.has(node.data("kind")) ||
          (edges.length > 0 &&
            edges.filter(function (edge) {
              return !edge.hasClass("hidden");
            }).length === 0);
        node.toggleClass("hidden", hidden);
      });
    });
    $("show-hidden").disabled = state.userHidden.size === 0;
    $("show-hidden").textContent = state.userHidden.size ? "Show hidden (" + state.userHidden.size + ")" : "Show hidden";
  }

  function inForce(edge) {
    if (!state.asOf) return true;
    var start = edge.data("periodStart");
    var end = edge.data("periodEnd");
    return start <= state.asOf.end && (end === null || end === undefined || end >= state.asOf.start);
  }

  /** Whether a relation can be seen: drawn alone, or counted in its pair's merged edge. */
  function isShown(id) {
    var edge = cy.getElementById(id);
    if (edge.empty() || edge.hasClass("hidden")) return false;
    if (!edge.hasClass("merged")) return edge.visible();
    return cy.getElementById(pairId(edge.data("source"), edge.data("target"))).visible();
  }

  // --- undo -----------------------------------------------------------------------------------

  /** Remembers the drawing (elements, positions, hidden and expanded nodes) before a change. */
  function remember() {
    if (state.restoring) return;
    state.undo.push({
      elements: cy
        .elements()
        .not(".pair")
        .map(function (element) {
          return {
            group: element.group(),
            data: element.data(),
            position: element.isNode() ? Object.assign({}, element.position()) : undefined,
            classes: element.hasClass("pinned") ? "pinned" : "",
          };
        }),
      userHidden: Array.from(state.userHidden),
      expanded: Array.from(state.expanded),
      zoom: cy.zoom(),
      pan: Object.assign({}, cy.pan()),
    });
    if (state.undo.length > 50) state.undo.shift();
    $("undo").disabled = false;
  }

  function undo() {
    var snapshot = state.undo.pop();
    $("undo").disabled = state.undo.length === 0;
    if (!snapshot) return;
    state.restoring = true;
    cy.elements().remove();
    cy.add(
      snapshot.elements.map(function (element) {
        var copy = { group: element.group, data: element.data, classes: element.classes };
        if (element.position) copy.position = element.position;
        return copy;
      }),
    );
    state.userHidden = new Set(snapshot.userHidden);
    state.expanded = new Set(snapshot.expanded);
    cy.nodes().forEach(function (node) {
      node.toggleClass("expanded", state.expanded.has(node.id()));
    });
    syncPairs();
    applyFilters();
    cy.viewport({ zoom: snapshot.zoom, pan: snapshot.pan });
    state.restoring = false;
    if (state.selected && cy.getElementById(state.selected).empty()) clearPanel();
    writeUrl();
    setStatus("Undone.");
  }

  // --- search ---------------------------------------------------------------------------------

  var searchSeq = 0;
  async function search(text) {
    var list = $("search-results");
    var seq = ++searchSeq;
    if (!text.trim()) {
      list.textContent = "";
      return;
    }
    try {
      var data = await graphql(
        "query Search($text: String!) { search(text: $text, first: 10) { score entity { id name kind } } }",
        { text: text },
      );
      if (seq !== searchSeq) return; // a later keystroke asked again
      list.textContent = "";
      if (data.search.length === 0) setStatus('Nothing matches "' + text + '".');
      else setStatus(data.search.length + " match(es). Choose one to draw it.");
      data.search.forEach(function (hit) {
        var item = document.createElement("li");
        var button = document.createElement("button");
        button.type = "button";
        button.dataset.entityId = hit.entity.id;
        button.textContent = hit.entity.name + " (" + words(hit.entity.kind) + ")";
        button.title = "score " + hit.score.toFixed(2);
        button.addEventListener("click", function () {
          showEntity(hit.entity.id);
        });
        item.appendChild(button);
        list.appendChild(item);
      });
    } catch (error) {
      if (seq === searchSeq) setStatus(error.message, true);
    }
  }

  // Draws an entity with the relations it has to what is already drawn.
  async function showEntity(id) {
    // With what is drawn, so its links to them show; alone past the API's cap on subgraph ids.
    var ids = cy.nodes().map(function (node) {
      return node.id();
    });
    if (ids.indexOf(id) < 0) ids.push(id);
    if (ids.length > SUBGRAPH_MAX_IDS) ids = [id];
    try {
      var data = await graphql("query Subgraph($ids: [ID!]!) { subgraph(ids: $ids) { " + GRAPH_FIELDS + " } }", { ids: ids });
      if (cy.getElementById(id).empty()) remember();
      state.userHidden.delete(id);
      addElements(data.subgraph.cytoscapeElements);
      var node = cy.getElementById(id);
      select(node);
      cy.animate({ center: { eles: node }, duration: 0 });
      setStatus(node.data("label") + " drawn. Expand it (button, double-click or Enter) to draw its neighbours.");
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
      var elements = data.neighbourhood.cytoscapeElements;
      // With the relations among the new nodes and those already drawn, as `subgraph` (and a link to this view) draws them.
      var ids = cy.nodes().map(function (n) {
        return n.id();
      });
      elements.forEach(function (element) {
        if (element.group === "nodes" && ids.indexOf(element.data.id) < 0) ids.push(element.data.id);
      });
      if (ids.length <= SUBGRAPH_MAX_IDS) {
        var among = await graphql("query Among($ids: [ID!]!) { subgraph(ids: $ids) { " + GRAPH_FIELDS + " } }", { ids: ids });
        elements = elements.concat(
          among.subgraph.cytoscapeElements.filter(function (element) {
            return element.group === "edges";
          }),
        );
      }
      remember();
      state.expanded.add(node.id());
      node.addClass("expanded");
      var added = addElements(elements, node);
      setStatus("Expanded " + node.data("label") + ": " + added + " new element(s).");
      if (state.selected === node.id()) showNode(node);
    } catch (error) {
      setStatus(error.message, true);
    }
  }

  function hideNode(node) {
    remember();
    state.userHidden.add(node.id());
    node.unselect();
    applyFilters();
    if (state.selected === node.id()) clearPanel();
    writeUrl();
    setStatus(node.data("label") + " hidden. Show hidden brings it back.");
  }

  function removeNode(node) {
    remember();
    var label = node.data("label");
    state.expanded.delete(node.id());
    state.userHidden.delete(node.id());
    cy.remove(node);
    syncPairs();
    applyFilters();
    if (state.selected && cy.getElementById(state.selected).empty()) clearPanel();
    writeUrl();
    setStatus(label + " removed (Undo puts it back).");
  }

  function togglePin(node) {
    node.toggleClass("pinned");
    if (state.selected === node.id()) showNode(node);
  }

  // --- shortest path --------------------------------------------------------------------------

  function clearPath() {
    cy.elements().removeClass("path faded path-start");
  }

  async function showPath(fromId, toId) {
    clearPath();
    try {
      // The path keeps to what the user shows: the ticked types, the dates chosen.
      var types = state.types
        .map(function (info) {
          return info.name;
        })
        .filter(function (type) {
          return !state.hiddenTypes.has(type);
        });
      var data = await graphql(
        "query Path($from: ID!, $to: ID!, $types: [RelationType!], $asOf: PartialDate) { " +
          "paths(from: $from, to: $to, maxHops: 6, limit: 1, types: $types, asOf: $asOf) { length " +
          GRAPH_FIELDS +
          " } }",
        { from: fromId, to: toId, types: types.length ? types : null, asOf: state.asOf ? state.asOf.start.slice(0, 7) : null },
      );
      if (data.paths.length === 0) {
        setStatus(
          "No path within 6 relations between " +
            fromId +
            " and " +
            toId +
            (state.asOf || state.hiddenTypes.size ? " with the types and date shown." : "."),
        );
        return;
      }
      var path = data.paths[0];
      remember();
      addElements(path.cytoscapeElements);
      var ids = path.cytoscapeElements.map(function (element) {
        return element.data.id;
      });
      var onPath = cy.collection(
        ids.map(function (id) {
          return cy.getElementById(id);
        }),
      );
      // A relation of the path is drawn alone, even when its pair is merged.
      onPath.edges().forEach(function (edge) {
        cy.getElementById(pairId(edge.data("source"), edge.data("target"))).addClass("faded");
      });
      cy.elements().not(onPath).addClass("faded");
      onPath.addClass("path");
      onPath.removeClass("hidden merged faded");
      setStatus(
        "Shortest path, " +
          path.length +
          " relation(s): " +
          path.cytoscapeElements
            .filter(function (element) {
              return element.group === "nodes";
            })
            .map(function (element) {
              return element.data.label;
            })
            .join(" → "),
      );
    } catch (error) {
      setStatus(error.message, true);
    }
  }

  function setPathMode(on) {
    state.pathMode = on;
    state.pathStart = null;
    $("path-mode").setAttribute("aria-pressed", String(on));
    clearPath();
    if (!on) applyFilters();
    setStatus(on ? "Shortest path: click the first node." : "Path mode off.");
  }

  // --- details panel --------------------------------------------------------------------------

  function row(list, term, value) {
    if (value === null || value === undefined || value === "") return null;
    var dt = document.createElement("dt");
    dt.textContent = term;
    var dd = document.createElement("dd");
    if (value instanceof Node) dd.appendChild(value);
    else dd.textContent = value;
    list.append(dt, dd);
    return dd;
  }

  function element(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function button(text, onClick, id) {
    var b = element("button", text);
    b.type = "button";
    if (id) b.id = id;
    b.addEventListener("click", onClick);
    return b;
  }

  function panel(title, elementId) {
    var details = $("details");
    details.textContent = "";
    delete details.dataset.relationId;
    delete details.dataset.pairId;
    delete details.dataset.entityId;
    delete details.dataset.eventId;
    details.dataset.elementId = elementId || "";
    details.appendChild(element("h2", title));
    var list = document.createElement("dl");
    details.appendChild(list);
    return { details: details, list: list };
  }

  function clearPanel() {
    state.selected = null;
    var details = panel("Details", "");
    details.details.appendChild(element("p", "Click a node or an edge.", "hint"));
    writeUrl();
  }

  /** Selects an element in the graph and shows it in the side panel. */
  function select(target) {
    cy.elements().unselect();
    target.select();
    if (target.isNode()) showNode(target);
    else if (target.hasClass("pair")) showPair(target);
    else showRelation(target.id());
  }

  function swatch(colour, line) {
    var span = element("span", null, "swatch" + (line ? " line" : ""));
    span.style.background = colour;
    return span;
  }

  /** A node inspected: what it is, its relations by type (drawn and in all), its events; expanding is a button. */
  async function showNode(node) {
    state.selected = node.id();
    writeUrl();
    var view = panel(node.data("label"), node.id());
    view.details.dataset.entityId = node.id();
    row(view.list, "Id", node.id());
    row(view.list, "Kind", words(node.data("kind")));
    row(view.list, "Also", (node.data("aliases") || []).join(", "));
    row(view.list, "About", node.data("description"));
    var total = state.counts[node.id()];
    var drawn = node.connectedEdges().not(".pair");
    row(view.list, "Relations", (total === undefined ? "?" : total) + " in the graph, " + drawn.length + " drawn");

    var actions = element("div", null, "actions");
    actions.append(
      button(
        state.expanded.has(node.id()) ? "Expand again" : "Expand",
        function () {
          expand(node);
        },
        "expand",
      ),
      button(
        "Hide",
        function () {
          hideNode(node);
        },
        "hide-node",
      ),
      button(
        "Remove",
        function () {
          removeNode(node);
        },
        "remove-node",
      ),
      button(
        node.hasClass("pinned") ? "Unpin" : "Pin",
        function () {
          togglePin(node);
        },
        "pin-node",
      ),
    );
    view.details.appendChild(actions);

    // Drawn relations by type, each a button that opens it.
    if (drawn.length) {
      view.details.appendChild(element("h3", "Drawn relations"));
      var byType = {};
      drawn.forEach(function (edge) {
        (byType[edge.data("type")] = byType[edge.data("type")] || []).push(edge);
      });
      // Counts by type first, most first: what kind of links the entity has at a glance.
      view.details.appendChild(
        element(
          "p",
          Object.keys(byType)
            .sort(function (a, b) {
              return byType[b].length - byType[a].length || a.localeCompare(b);
            })
            .map(function (type) {
              return typeInfo(type).label + " " + byType[type].length;
            })
            .join(" · "),
          "hint counts",
        ),
      );
      var list = element("ul", null, "relations");
      state.types
        .map(function (info) {
          return info.name;
        })
        .concat(
          Object.keys(byType).filter(function (t) {
            return !state.typeInfo[t];
          }),
        )
        .filter(function (type) {
          return byType[type];
        })
        .forEach(function (type) {
          byType[type].forEach(function (edge) {
            var other = edge.source().id() === node.id() ? edge.target() : edge.source();
            var item = element("li");
            var b = button("", function () {
              select(edge);
            });
            b.dataset.relationId = edge.id();
            b.append(
              swatch(typeInfo(type).group.colour, true),
              document.createTextNode(
                typeInfo(type).label +
                  " · " +
                  other.data("label") +
                  (edge.data("validFrom") ? " · " + edge.data("validFrom") : "") +
                  (isShown(edge.id()) ? "" : " (hidden by filters)"),
              ),
            );
            item.appendChild(b);
            list.appendChild(item);
          });
        });
      view.details.appendChild(list);
    }
    try {
      var data = await graphql(
        "query Inspect($id: ID!) { entity(id: $id) { relationsConnection(first: 1) { totalCount } events(first: 20) { id name date description } } }",
        { id: node.id() },
      );
      if (view.details.dataset.elementId !== node.id() || !data.entity) return;
      state.counts[node.id()] = data.entity.relationsConnection.totalCount;
      view.list.querySelectorAll("dd").forEach(function (dd) {
        if (dd.previousSibling && dd.previousSibling.textContent === "Relations") {
          dd.textContent = data.entity.relationsConnection.totalCount + " in the graph, " + drawn.length + " drawn";
        }
      });
      if (data.entity.events.length) {
        view.details.appendChild(element("h3", "Events"));
        var events = element("ul", null, "relations");
        data.entity.events.forEach(function (event) {
          var item = element("li");
          var b = button(event.date + " · " + event.name, function () {
            showEvent(event.id);
          });
          b.dataset.eventId = event.id;
          item.appendChild(b);
          events.appendChild(item);
        });
        view.details.appendChild(events);
      }
    } catch (error) {
      setStatus(error.message, true);
    }
  }

  /** A merged edge: the list of its relations, each openable. */
  function showPair(pair) {
    state.selected = pair.id();
    writeUrl();
    var members = pairMembers(pair);
    var a = pair.source().data("label");
    var b = pair.target().data("label");
    var view = panel(a + " — " + b + ": " + pair.data("count") + " relations", pair.id());
    view.details.dataset.pairId = pair.id();
    view.details.appendChild(element("p", "Choose a relation to read its facts and quotes.", "hint"));
    var list = element("ul", null, "relations");
    members.sort(function (x, y) {
      return String(x.data("periodStart")).localeCompare(String(y.data("periodStart")));
    });
    members.forEach(function (edge) {
      var item = element("li");
      var from = edge.source().data("label");
      var to = edge.target().data("label");
      var info = typeInfo(edge.data("type"));
      var arrow = info.symmetric ? " — " : " → ";
      var open = button("", function () {
        showRelation(edge.id(), pair.id());
      });
      open.dataset.relationId = edge.id();
      open.append(
        swatch(info.group.colour, true),
        document.createTextNode(
          from +
            arrow +
            info.label +
            arrow +
            to +
            " · " +
            (edge.data("validFrom") || edge.data("attestedFrom") || "") +
            (edge.hasClass("hidden") ? " (hidden by filters)" : ""),
        ),
      );
      item.appendChild(open);
      list.appendChild(item);
    });
    view.details.appendChild(list);
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
      var text = new Intl.NumberFormat("en", { style: "currency", currency: edge.data("currency"), notation: "compact" }).format(
        amount,
      );
      return (edge.data("amountApproximate") ? "about " : "") + text + AMOUNT_MEASURES[i][1];
    }
    return null;
  }

  /** One relation: its facts, then every source that reports it with its quotes and a link to the text. */
  async function showRelation(id, fromPair) {
    var edge = cy.getElementById(id);
    if (edge.empty()) return;
    state.selected = id;
    writeUrl();
    var info = typeInfo(edge.data("type"));
    var arrow = info.symmetric ? " — " : " → ";
    var view = panel(edge.source().data("label") + arrow + edge.data("label") + arrow + edge.target().data("label"), id);
    view.details.dataset.relationId = id;
    if (fromPair) {
      var back = button(
        "← all " + cy.getElementById(fromPair).data("count") + " relations",
        function () {
          showPair(cy.getElementById(fromPair));
        },
        "back-to-pair",
      );
      view.details.insertBefore(back, view.list);
    }
    row(view.list, "Type", edge.data("type") + (info.symmetric ? " (no direction)" : ""));
    var group = element("span");
    group.append(swatch(info.group.colour, true), document.createTextNode(" " + info.group.name));
    row(view.list, "Family", group);
    row(view.list, "Status", edge.data("status") && words(edge.data("status")));
    // A date that only says when the source shows the link is not its start: labelled as what it is.
    if (edge.data("validFrom")) row(view.list, "From", edge.data("validFrom"));
    else if (edge.data("attestedFrom")) row(view.list, "In force by", edge.data("attestedFrom") + " (start not stated)");
    row(view.list, "To", edge.data("validTo"));
    row(view.list, "Expected by", edge.data("expectedBy"));
    row(view.list, "Amount", money(edge));
    row(
      view.list,
      "Stake",
      edge.data("stakePercent") === null || edge.data("stakePercent") === undefined ? null : edge.data("stakePercent") + " %",
    );
    row(
      view.list,
      "Exclusive",
      edge.data("exclusive") === null || edge.data("exclusive") === undefined ? null : edge.data("exclusive") ? "yes" : "no",
    );
    row(view.list, "Role", edge.data("role"));
    row(view.list, "What", edge.data("description"));
    // Every source that reports the relation, with its quotes, from the API, one relation at a time.
    try {
      var data = await graphql(
        "query Relation($id: ID!) { relation(id: $id) { inferred agreement { id name } provenance { references { " +
          "source { id title publisher publishedOn language textUrl url } quotes note inferred verified } } } }",
        { id: id },
      );
      if (view.details.dataset.relationId !== id || !data.relation) return;
      if (data.relation.agreement) row(view.list, "Agreement", data.relation.agreement.name);
      if (data.relation.inferred) row(view.list, "Stated?", "No: inferred from the sources (see the notes)");
      data.relation.provenance.references.forEach(function (reference) {
        var block = element("div", null, "reference");
        var facts = document.createElement("dl");
        var source = reference.source;
        var flags = [reference.inferred ? "inferred" : null, reference.verified ? null : "quotes not checked: no text"].filter(
          Boolean,
        );
        row(facts, "Source", source.title + (flags.length ? " (" + flags.join("; ") + ")" : ""));
        row(facts, "Published", source.publishedOn);
        row(facts, "Publisher", source.publisher);
        if (source.textUrl) {
          var link = element("a", "read the text");
          link.href = source.textUrl;
          link.target = "_blank";
          link.rel = "noopener";
          row(facts, "Text", link);
        }
        if (reference.note) row(facts, "Note", reference.note);
        block.appendChild(facts);
        reference.quotes.forEach(function (quote) {
          var q = element("blockquote", quote);
          q.lang = source.language || "";
          block.appendChild(q);
        });
        view.details.appendChild(block);
      });
    } catch (error) {
      setStatus(error.message, true);
    }
  }

  async function showEvent(id) {
    try {
      var data = await graphql(
        "query Event($id: ID!) { event(id: $id) { id name date description participants { role entity { id name } } } }",
        { id: id },
      );
      if (!data.event) return;
      var view = panel(data.event.name, id);
      view.details.dataset.eventId = id;
      row(view.list, "Date", data.event.date);
      row(view.list, "What", data.event.description);
      var list = element("ul", null, "relations");
      data.event.participants.forEach(function (participant) {
        var item = element("li");
        var b = button(participant.entity.name + (participant.role ? " (" + participant.role + ")" : ""), function () {
          showEntity(participant.entity.id);
        });
        b.dataset.entityId = participant.entity.id;
        item.appendChild(b);
        list.appendChild(item);
      });
      if (data.event.participants.length) {
        view.details.appendChild(element("h3", "Participants"));
        view.details.appendChild(list);
      }
    } catch (error) {
      setStatus(error.message, true);
    }
  }

  // --- filters and legend, built from `relationTypes` -----------------------------------------

  function checkbox(value, checked, onChange) {
    var box = document.createElement("input");
    box.type = "checkbox";
    box.checked = checked;
    box.value = value;
    box.addEventListener("change", function () {
      onChange(box.checked);
    });
    return box;
  }

  function groupsOf(types) {
    var groups = [];
    var byId = {};
    types.forEach(function (info) {
      if (!byId[info.group.id]) {
        byId[info.group.id] = { group: info.group, types: [] };
        groups.push(byId[info.group.id]);
      }
      byId[info.group.id].types.push(info);
    });
    return groups;
  }

  function buildTypeFilters() {
    var container = $("type-filters");
    container.textContent = "";
    groupsOf(state.types).forEach(function (entry) {
      var heading = element("h4");
      heading.append(swatch(entry.group.colour, true), document.createTextNode(entry.group.name));
      heading.title = entry.group.description;
      container.appendChild(heading);
      entry.types.forEach(function (info) {
        var label = element("label");
        label.title = info.description;
        label.append(
          checkbox(info.name, !state.hiddenTypes.has(info.name), function (checked) {
            if (checked) state.hiddenTypes.delete(info.name);
            else state.hiddenTypes.add(info.name);
            applyFilters();
            writeUrl();
          }),
          document.createTextNode(info.label + (info.symmetric ? " ↔" : "")),
        );
        container.appendChild(label);
      });
    });
  }

  function buildKindAndStatusFilters() {
    var kinds = $("kind-filters");
    kinds.textContent = "";
    Object.keys(KINDS).forEach(function (kind) {
      var label = element("label");
      label.append(
        checkbox(kind, !state.hiddenKinds.has(kind), function (checked) {
          if (checked) state.hiddenKinds.delete(kind);
          else state.hiddenKinds.add(kind);
          applyFilters();
          writeUrl();
        }),
        shapeIcon(kind),
        document.createTextNode(words(kind)),
      );
      kinds.appendChild(label);
    });
    var statuses = $("status-filters");
    statuses.textContent = "";
    STATUSES.forEach(function (status) {
      var label = element("label");
      label.append(
        checkbox(status, !state.hiddenStatuses.has(status), function (checked) {
          if (checked) state.hiddenStatuses.delete(status);
          else state.hiddenStatuses.add(status);
          applyFilters();
          writeUrl();
        }),
        document.createTextNode(words(status)),
      );
      statuses.appendChild(label);
    });
  }

  var SVG_NS = "http://www.w3.org/2000/svg";

  /** The outline of a Cytoscape node shape centred on (0, 0), w × h, as SVG path data. */
  function shapePath(shape, w, h) {
    var x = w / 2;
    var y = h / 2;
    switch (shape) {
      case "diamond":
        return "M0," + -y + " L" + x + ",0 L0," + y + " L" + -x + ",0 Z";
      case "hexagon":
        return (
          "M" +
          -x +
          ",0 L" +
          -x / 2 +
          "," +
          -y +
          " L" +
          x / 2 +
          "," +
          -y +
          " L" +
          x +
          ",0 L" +
          x / 2 +
          "," +
          y +
          " L" +
          -x / 2 +
          "," +
          y +
          " Z"
        );
      case "rectangle":
        return "M" + -x + "," + -y + " H" + x + " V" + y + " H" + -x + " Z";
      case "round-rectangle": {
        var r = Math.min(w, h) / 4;
        return (
          "M" +
          (-x + r) +
          "," +
          -y +
          " H" +
          (x - r) +
          " Q" +
          x +
          "," +
          -y +
          " " +
          x +
          "," +
          (-y + r) +
          " V" +
          (y - r) +
          " Q" +
          x +
          "," +
          y +
          " " +
          (x - r) +
          "," +
          y +
          " H" +
          (-x + r) +
          " Q" +
          -x +
          "," +
          y +
          " " +
          -x +
          "," +
          (y - r) +
          " V" +
          (-y + r) +
          " Q" +
          -x +
          "," +
          -y +
          " " +
          (-x + r) +
          "," +
          -y +
          " Z"
        );
      }
      case "vee":
        return "M" + -x + "," + -y + " L0," + -y / 3 + " L" + x + "," + -y + " L0," + y + " Z";
      default:
        return "M" + -x + ",0 A" + x + "," + y + " 0 1,0 " + x + ",0 A" + x + "," + y + " 0 1,0 " + -x + ",0 Z";
    }
  }

  /** A small SVG of a kind's shape and colour, as the graph draws it. */
  function shapeIcon(kind) {
    var svg = document.createElementNS(SVG_NS, "svg");
    svg.setAttribute("width", "16");
    svg.setAttribute("height", "16");
    svg.setAttribute("viewBox", "-8 -8 16 16");
    svg.setAttribute("class", "shape");
    svg.setAttribute("aria-hidden", "true");
    svg.dataset.shape = kindOf(kind).shape;
    var path = document.createElementNS(SVG_NS, "path");
    path.setAttribute("d", shapePath(kindOf(kind).shape, 14, 14));
    path.setAttribute("fill", kindOf(kind).colour);
    svg.appendChild(path);
    return svg;
  }

  function buildLegend() {
    var legend = $("legend");
    legend.textContent = "";
    Object.keys(KINDS).forEach(function (kind) {
      var line = element("div");
      line.dataset.kind = kind;
      line.append(shapeIcon(kind), document.createTextNode(words(kind)));
      legend.appendChild(line);
    });
    groupsOf(state.types).forEach(function (entry) {
      var line = element("div");
      line.dataset.group = entry.group.id;
      line.title = entry.group.description;
      line.append(swatch(entry.group.colour, true), document.createTextNode(entry.group.name));
      legend.appendChild(line);
    });
    [
      "dashed, no arrow: symmetric relation",
      "thick with a count: several relations of one pair (click for the list)",
      "bigger node: more relations in the graph",
      "double border: expanded; dark border: pinned",
    ].forEach(function (text) {
      legend.appendChild(element("div", text));
    });
  }

  async function loadRelationTypes() {
    try {
      var data = await graphql(
        "query RelationTypes { relationTypes { name label description symmetric group { id name description colour } } }",
      );
      state.types = data.relationTypes;
      state.typeInfo = {};
      state.types.forEach(function (info) {
        state.typeInfo[info.name] = info;
      });
    } catch (error) {
      setStatus("Relation types: " + error.message, true);
    }
    buildTypeFilters();
    buildKindAndStatusFilters();
    buildLegend();
    cy.style().update();
  }

  // --- time bar: slider, year histogram, events, play ----------------------------------------

  function lastDayOfMonth(month) {
    var parts = month.split("-").map(Number);
    var last = new Date(Date.UTC(parts[0], parts[1], 1) - MS_PER_DAY);
    return last.toISOString().slice(0, 10);
  }

  // The slider runs month by month over the graph's dates; its last position is "all dates". The
  // histogram under it counts relations started per year, with the dated events as markers.
  async function buildTimebar() {
    var slider = $("date-slider");
    try {
      var data = await graphql(
        // The range and yearly counts cover the whole graph whatever the limit; the events come from `events`.
        "query Timebar { timeline(limit: 1) { minDate maxDate countsByYear { year relationsStarted relationsAttested relationsEnded events } } " +
          "events(first: 200) { id name date } }",
      );
      var timeline = data.timeline;
      var min = timeline.minDate;
      var max = timeline.maxDate;
      if (min && max) {
        var year = Number(min.slice(0, 4));
        var month = Number(min.slice(5, 7));
        var endYear = Number(max.slice(0, 4));
        var endMonth = Number(max.slice(5, 7));
        while (year < endYear || (year === endYear && month <= endMonth)) {
          state.months.push(year + "-" + String(month).padStart(2, "0"));
          month += 1;
          if (month === 13) {
            month = 1;
            year += 1;
          }
        }
        slider.max = String(state.months.length);
        slider.value = slider.max;
        drawHistogram(timeline, data.events, Number(min.slice(0, 4)), endYear);
      }
    } catch (error) {
      setStatus(error.message, true);
    }
    slider.addEventListener("input", function () {
      var monthAt = state.months[Number(slider.value)];
      setRange(monthAt ? { from: monthAt, to: monthAt } : null);
    });
  }

  function drawHistogram(timeline, events, firstYear, lastYear) {
    var histogram = $("histogram");
    histogram.textContent = "";
    var counts = {};
    timeline.countsByYear.forEach(function (count) {
      counts[count.year] = count;
    });
    state.years = [];
    for (var y = firstYear; y <= lastYear; y++) state.years.push(y);
    var most = Math.max.apply(
      null,
      state.years
        .map(function (y) {
          var c = counts[y];
          return c ? c.relationsStarted + c.relationsAttested : 0;
        })
        .concat([1]),
    );
    var bars = element("div", null, "years");
    var axis = element("div", null, "axis");
    state.years.forEach(function (y) {
      var c = counts[y] || { relationsStarted: 0, relationsAttested: 0, relationsEnded: 0, events: 0 };
      var started = c.relationsStarted + c.relationsAttested;
      var yearButton = button("", function (event) {
        chooseYear(y, event.shiftKey);
      });
      yearButton.className = "year";
      yearButton.dataset.year = String(y);
      yearButton.title =
        y +
        ": " +
        started +
        " relation(s) began or are first seen, " +
        c.relationsEnded +
        " ended, " +
        c.events +
        " event(s). Click to keep this year, Shift+click to extend.";
      yearButton.setAttribute("aria-label", yearButton.title);
      var bar = element("span", null, "bar");
      bar.style.height = Math.round((100 * started) / most) + "%";
      yearButton.appendChild(bar);
      bars.appendChild(yearButton);
      var tick = element("span", state.years.length > 16 && y % 2 ? "" : String(y).slice(state.years.length > 10 ? 2 : 0));
      if (state.years.length > 10 && tick.textContent) tick.textContent = "’" + tick.textContent;
      axis.appendChild(tick);
    });
    histogram.append(bars, axis);
    // Events as markers at their date (their first day) across the years.
    var span = Date.UTC(lastYear + 1, 0, 1) - Date.UTC(firstYear, 0, 1);
    var seen = {};
    events.forEach(function (event) {
      var start = (event.date + "-01-01").slice(0, 10); // a partial date's first day
      var at = (Date.parse(start + "T00:00:00Z") - Date.UTC(firstYear, 0, 1)) / span;
      var marker = button("", function () {
        showEvent(event.id);
      });
      marker.className = "event-marker";
      marker.dataset.eventId = event.id;
      marker.dataset.date = event.date;
      marker.title = event.date + ": " + event.name;
      marker.setAttribute("aria-label", "Event, " + event.date + ": " + event.name);
      var sameDay = (seen[start] = (seen[start] || 0) + 1) - 1; // events of one date side by side
      marker.style.left = "calc(" + 100 * Math.min(Math.max(at, 0), 1) + "% + " + sameDay * 11 + "px)";
      histogram.appendChild(marker);
    });
  }

  function chooseYear(year, extend) {
    var from = year + "-01";
    var to = year + "-12";
    if (extend && state.range) {
      from = state.range.from < from ? state.range.from : from;
      to = state.range.to > to ? state.range.to : to;
    }
    setRange({ from: from, to: to });
  }

  /** Keeps the relations in force at some time between two months (both included); null for all dates. */
  function setRange(range) {
    state.range = range;
    state.asOf = range ? { start: range.from + "-01", end: lastDayOfMonth(range.to) } : null;
    $("date-label").textContent = !range ? "all dates" : range.from === range.to ? range.from : range.from + " – " + range.to;
    var slider = $("date-slider");
    if (!range) slider.value = slider.max;
    else if (range.from === range.to && state.months.indexOf(range.from) >= 0)
      slider.value = String(state.months.indexOf(range.from));
    document.querySelectorAll("#histogram .year").forEach(function (bar) {
      var y = bar.dataset.year;
      bar.classList.toggle("in-range", !!range && y >= range.from.slice(0, 4) && y <= range.to.slice(0, 4));
    });
    applyFilters();
    writeUrl();
  }

  function setAsOfIndex(index) {
    var month = state.months[index];
    setRange(month ? { from: month, to: month } : null);
  }

  var playTimer = null;
  function play() {
    var button = $("play");
    if (playTimer) {
      stopPlay();
      return;
    }
    var index = state.range && state.range.from === state.range.to ? state.months.indexOf(state.range.from) : 0;
    if (index < 0 || index >= state.months.length - 1) index = 0;
    button.setAttribute("aria-pressed", "true");
    button.textContent = "Pause";
    setAsOfIndex(index);
    // Three months a step every 0.4 s: ten years play in about 16 s.
    playTimer = setInterval(function () {
      index += 3;
      if (index >= state.months.length) {
        stopPlay();
        setAsOfIndex(state.months.length - 1);
        return;
      }
      setAsOfIndex(index);
    }, 400);
  }
  function stopPlay() {
    clearInterval(playTimer);
    playTimer = null;
    $("play").setAttribute("aria-pressed", "false");
    $("play").textContent = "Play";
  }

  // --- URL state ------------------------------------------------------------------------------

  var lastHash = null;
  // A hash typed or pasted into the address bar (not one this page wrote) opens that view.
  window.addEventListener("hashchange", function () {
    if (location.hash !== lastHash) location.reload();
  });

  /** The view as hash parameters: n drawn nodes, x expanded, h hidden by hand, s selection, t/k/st hidden types, kinds, statuses, d dates. */
  function writeUrl() {
    if (state.restoring || !document.body.dataset.ready) return;
    var params = new URLSearchParams();
    var nodes = cy.nodes().map(function (node) {
      return node.id();
    });
    if (nodes.length) params.set("n", nodes.join(","));
    if (state.expanded.size) params.set("x", Array.from(state.expanded).join(","));
    if (state.userHidden.size) params.set("h", Array.from(state.userHidden).join(","));
    if (state.hiddenTypes.size) params.set("t", Array.from(state.hiddenTypes).join(","));
    if (state.hiddenKinds.size) params.set("k", Array.from(state.hiddenKinds).join(","));
    if (state.hiddenStatuses.size) params.set("st", Array.from(state.hiddenStatuses).join(","));
    if (state.range)
      params.set("d", state.range.from === state.range.to ? state.range.from : state.range.from + ".." + state.range.to);
    if (state.selected) params.set("s", state.selected);
    var hash = params.toString().replace(/%2C/g, ",").replace(/%7C/g, "|").replace(/%3A/g, ":");
    history.replaceState(null, "", hash ? "#" + hash : location.pathname + location.search);
    lastHash = location.hash;
  }

  function list(params, name) {
    var value = params.get(name);
    return value ? value.split(",").filter(Boolean) : [];
  }

  /** Reopens the view a URL describes: its nodes (with the relations among them), filters, dates and selection. */
  async function readUrl() {
    var params = new URLSearchParams(location.hash.slice(1));
    list(params, "t").forEach(function (type) {
      state.hiddenTypes.add(type);
    });
    list(params, "k").forEach(function (kind) {
      state.hiddenKinds.add(kind);
    });
    list(params, "st").forEach(function (status) {
      state.hiddenStatuses.add(status);
    });
    document.querySelectorAll("#type-filters input, #kind-filters input, #status-filters input").forEach(function (box) {
      box.checked =
        !state.hiddenTypes.has(box.value) && !state.hiddenKinds.has(box.value) && !state.hiddenStatuses.has(box.value);
    });
    list(params, "h").forEach(function (id) {
      state.userHidden.add(id);
    });
    var dates = /^(\d{4}-\d{2})(?:\.\.(\d{4}-\d{2}))?$/.exec(params.get("d") || "");
    if (dates) setRange({ from: dates[1], to: dates[2] || dates[1] });
    var nodes = list(params, "n").slice(0, SUBGRAPH_MAX_IDS);
    if (!nodes.length) return;
    var gone = [];
    try {
      var data = null;
      // An entity deleted since the link was made is left out (NOT_FOUND names it), not the whole view.
      while (!data && nodes.length) {
        try {
          data = await graphql("query Subgraph($ids: [ID!]!) { subgraph(ids: $ids) { " + GRAPH_FIELDS + " } }", { ids: nodes });
        } catch (error) {
          if (error.code !== "NOT_FOUND" || nodes.indexOf(error.id) < 0) throw error;
          gone.push(error.id);
          nodes = nodes.filter(function (id) {
            return id !== error.id;
          });
        }
      }
      if (!data) throw new Error("none of its entities is in the graph any more (" + gone.join(", ") + ")");
      state.restoring = true;
      addElements(data.subgraph.cytoscapeElements);
      list(params, "x").forEach(function (id) {
        if (cy.getElementById(id).nonempty()) {
          state.expanded.add(id);
          cy.getElementById(id).addClass("expanded");
        }
      });
      applyFilters();
      state.restoring = false;
      var selected = params.get("s");
      if (selected && cy.getElementById(selected).nonempty()) select(cy.getElementById(selected));
      setStatus(
        "Reopened the view of the link: " +
          cy.nodes().length +
          " entities" +
          (gone.length ? "; no longer in the graph: " + gone.join(", ") : "") +
          ".",
      );
    } catch (error) {
      state.restoring = false;
      setStatus("The link's view: " + error.message, true);
    }
  }

  // --- live updates ---------------------------------------------------------------------------

  // The drawing follows the graph: a subscription to `graphChanged` for the drawn entities (over
  // WebSocket at /graphql, graphql-ws's protocol) patches it with each change editors make: new
  // relations and entities go in with addElements (nothing drawn moves), changed ones are updated,
  // retracted relations and merged-away entities leave. Without the socket the explorer works as
  // before; the toolbar's indicator says "live: offline" and it tries again, more and more slowly.
  var LIVE_SUBSCRIPTION =
    "subscription Live($ids: [ID!]) { graphChanged(ids: $ids) { seq operation " +
    GRAPH_FIELDS +
    " removedNodeIds removedEdgeIds } }";
  var LIVE_MAX_IDS = 500; // graphChanged's cap on ids; past it, every change is asked for and sorted here
  var LIVE_OVERLAP_MS = 2000; // how long a replaced subscription still listens (see followDrawn)
  var live = { client: null, stop: null, key: null, timer: null, lastSeq: 0, connected: false, wasConnected: false, changes: 0 };

  function setLiveState(name, title) {
    var indicator = $("live-status");
    if (!indicator) return;
    indicator.dataset.state = name;
    indicator.textContent = "live: " + name;
    if (title) indicator.title = title;
  }

  function liveClient() {
    if (live.client || !window.graphqlWs) return live.client;
    var url = (location.protocol === "https:" ? "wss://" : "ws://") + location.host + GRAPHQL_URL;
    live.client = window.graphqlWs.createClient({
      url: url,
      // Kept open a while after the last subscription ends, so following a new drawing reuses it.
      lazyCloseTimeout: 5000,
      // A server that restarts or a network that drops: try again, 1 s, 2 s, 4 s … up to a minute apart.
      retryAttempts: Infinity,
      shouldRetry: function () {
        return true;
      },
      retryWait: function (retries) {
        return new Promise(function (resolve) {
          setTimeout(resolve, Math.min(60000, 1000 * Math.pow(2, retries)) + Math.random() * 500);
        });
      },
      on: {
        connecting: function () {
          if ($("live-status").dataset.state === "off") setLiveState("connecting", "Live updates: connecting to " + url);
        },
        connected: function () {
          live.connected = true;
          setLiveState("on", "Live updates: the changes editors make to what is drawn appear without a reload");
          // Back after a loss: changes written meanwhile were not sent; read what is drawn again.
          if (live.wasConnected) refreshDrawn();
          live.wasConnected = true;
        },
        closed: function (event) {
          live.connected = false;
          if (live.stop)
            setLiveState(
              "offline",
              "Live updates are off (" +
                ((event && (event.reason || event.code)) || "no connection") +
                "); trying again. Reload to see the latest changes.",
            );
          else setLiveState("off");
        },
      },
    });
    return live.client;
  }

  /** Follows the drawn entities: (re)subscribes when they changed, a moment after the last change. */
  function scheduleLive() {
    clearTimeout(live.timer);
    live.timer = setTimeout(followDrawn, 300);
  }

  function followDrawn() {
    var ids = cy
      .nodes()
      .map(function (node) {
        return node.id();
      })
      .sort();
    var key = ids.length === 0 ? "" : ids.length > LIVE_MAX_IDS ? "*" : ids.join(",");
    if (key === live.key) return;
    var previous = live.stop;
    live.key = key;
    live.stop = null;
    if (key && liveClient()) {
      var stop = live.client.subscribe(
        { query: LIVE_SUBSCRIPTION, variables: key === "*" ? {} : { ids: ids } },
        {
          next: function (result) {
            var change = result.data && result.data.graphChanged;
            // Sent twice while a new subscription replaced the old one: patched once.
            if (!change || change.seq <= live.lastSeq) return;
            live.lastSeq = change.seq;
            live.changes += 1;
            applyChange(change);
          },
          // Refused (an error result or a fatal close): this drawing is not followed; no retry loop.
          error: function (error) {
            if (live.stop !== stop) return;
            live.stop = null;
            live.key = null;
            var message = (error && (error.message || error.reason)) || (Array.isArray(error) && error[0] && error[0].message);
            setLiveState("offline", "Live updates are off: " + (message || "refused") + ". Reload to try again.");
          },
          complete: function () {},
        },
      );
      live.stop = stop;
      if (live.connected) setLiveState("on");
    }
    // The new subscription first, then the old one ends, a while later: a change in between comes
    // once or twice (patched once), never not at all. Ending the old one at once lost changes: the
    // server reads a new subscription's starting point only once it has set it up, and it had often
    // ended the old one by then (its "complete" travels right behind the "subscribe").
    if (previous) setTimeout(previous, LIVE_OVERLAP_MS);
    if (!live.stop) setLiveState(live.connected ? "on" : "off");
  }

  /** The node and edge data a change carries that may be updated in place (ends and ids never are). */
  function updatableData(data) {
    var copy = Object.assign({}, data);
    delete copy.id;
    delete copy.source;
    delete copy.target;
    // Where a node was found from (a neighbourhood's centre) is the drawing's, not the change's.
    delete copy.distance;
    delete copy.relationsLeftOut;
    return copy;
  }

  /**
   * Patches the drawing with one change: what it touched of the drawing is added or updated by id,
   * then what it removed goes. A relation is drawn when one of its ends is; a new far end comes
   * with it, placed around the drawn end. Parallel relations of a pair stay one merged edge, whose
   * count follows.
   */
  function applyChange(change) {
    var elements = change.cytoscapeElements || [];
    var removedNodes = new Set(change.removedNodeIds || []);
    var removedEdges = new Set(change.removedEdgeIds || []);
    var drawn = function (id) {
      return cy.getElementById(id).nonempty() && !removedNodes.has(id);
    };
    var payloadNodes = elements.filter(function (element) {
      return element.group === "nodes";
    });
    // A drawn entity merged into another: the survivor takes its place (with the relations moved to it).
    var replaced = cy.collection();
    removedNodes.forEach(function (id) {
      replaced = replaced.union(cy.getElementById(id));
    });
    var kept = new Set(
      payloadNodes
        .filter(function (element) {
          return replaced.nonempty() || drawn(element.data.id);
        })
        .map(function (element) {
          return element.data.id;
        }),
    );
    var edges = elements.filter(function (element) {
      return element.group === "edges" && (kept.has(element.data.source) || kept.has(element.data.target));
    });
    edges.forEach(function (edge) {
      kept.add(edge.data.source);
      kept.add(edge.data.target);
    });
    var wanted = payloadNodes
      .filter(function (element) {
        return kept.has(element.data.id);
      })
      .concat(edges);
    if (!wanted.length && !removedEdges.size && replaced.empty()) return;

    var touched = new Set();
    var fresh = [];
    cy.batch(function () {
      wanted.forEach(function (element) {
        var existing = cy.getElementById(element.data.id);
        touched.add(element.data.id);
        if (element.group === "edges") {
          touched.add(element.data.source);
          touched.add(element.data.target);
        }
        if (existing.empty()) return fresh.push(element);
        // A relation moved to other ends (a merge): drawn again between them.
        if (
          element.group === "edges" &&
          (existing.data("source") !== element.data.source || existing.data("target") !== element.data.target)
        ) {
          existing.remove();
          return fresh.push(element);
        }
        existing.data(updatableData(element.data));
      });
    });
    touched.forEach(function (id) {
      delete state.counts[id]; // its number of relations changed: asked again
    });
    // Around the drawn end of the first new relation, or where the merged-away entity was.
    var anchor = replaced.nonempty() ? replaced[0] : cy.collection();
    fresh.some(function (element) {
      if (element.group !== "edges") return false;
      var end = cy.getElementById(element.data.source).nonempty()
        ? cy.getElementById(element.data.source)
        : cy.getElementById(element.data.target);
      if (end.nonempty() && anchor.empty()) anchor = end;
      return anchor.nonempty();
    });
    var added = fresh.length ? addElements(fresh, anchor.nonempty() ? anchor : null) : 0;

    var removed = 0;
    removedEdges.forEach(function (id) {
      var edge = cy.getElementById(id);
      if (edge.nonempty() && !edge.hasClass("pair")) {
        touched.add(edge.data("source"));
        touched.add(edge.data("target"));
        edge.remove();
        removed += 1;
      }
    });
    replaced.forEach(function (node) {
      state.expanded.delete(node.id());
      state.userHidden.delete(node.id());
      node.remove();
      removed += 1;
    });
    touched.forEach(function (id) {
      delete state.counts[id];
    });
    syncPairs();
    applyFilters();
    loadCounts();
    writeUrl();
    if (state.selected && cy.getElementById(state.selected).empty()) clearPanel();
    else if (state.selected) {
      // The panel shows what it showed, as it is now (a merged edge's list, a node's relation count).
      var shown = cy.getElementById(state.selected);
      if (shown.isNode() && touched.has(shown.id())) showNode(shown);
      else if (shown.hasClass("pair") && (touched.has(shown.data("source")) || touched.has(shown.data("target"))))
        showPair(shown);
    }
    if (added || removed || wanted.length)
      setStatus(
        "Live: " +
          words(change.operation) +
          (added ? ", " + added + " new element(s)" : "") +
          (removed ? ", " + removed + " removed" : "") +
          ".",
      );
  }

  /** After a lost connection: what is drawn, read again (relations among it added, updated or gone). */
  async function refreshDrawn() {
    var ids = cy.nodes().map(function (node) {
      return node.id();
    });
    if (!ids.length || ids.length > SUBGRAPH_MAX_IDS) return;
    try {
      var data = await graphql("query Subgraph($ids: [ID!]!) { subgraph(ids: $ids) { " + GRAPH_FIELDS + " } }", { ids: ids });
      var elements = data.subgraph.cytoscapeElements;
      var present = new Set(
        elements.map(function (element) {
          return element.data.id;
        }),
      );
      var gone = data.subgraph.truncated
        ? []
        : relationEdges()
            .filter(function (edge) {
              return !present.has(edge.id());
            })
            .map(function (edge) {
              return edge.id();
            });
      applyChange({ operation: "reload", cytoscapeElements: elements, removedNodeIds: [], removedEdgeIds: gone });
    } catch (error) {
      // The drawing stays as it is; the next change or reload brings it up to date.
    }
  }

  cy.on("add remove", "node", function () {
    if (document.body.dataset.ready) scheduleLive();
  });
  // Leaving the page closes the socket cleanly (1000), so the server forgets its subscriptions at once.
  window.addEventListener("pagehide", function () {
    clearTimeout(live.timer);
    if (live.client) live.client.dispose();
    live.client = null;
    live.stop = null;
    live.key = null;
  });
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) scheduleLive(); // back from the back-forward cache
  });

  // --- export ---------------------------------------------------------------------------------

  function download(name, blob) {
    var url = URL.createObjectURL(blob);
    var link = document.createElement("a");
    link.href = url;
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () {
      URL.revokeObjectURL(url);
    }, 10000);
  }

  function shownNodes() {
    return cy.nodes().filter(function (node) {
      return node.visible();
    });
  }
  function shownRelations() {
    return relationEdges().filter(function (edge) {
      return isShown(edge.id());
    });
  }

  function exportPng() {
    var blob = cy.png({ output: "blob", full: true, bg: "#ffffff", scale: 2, maxWidth: 4000, maxHeight: 4000 });
    download("knowledge-graph.png", blob);
  }

  function escapeXml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" }[c];
    });
  }

  /** The drawing as SVG, built from the positions and styles Cytoscape computed (no extension needed). */
  function svgText() {
    var box = cy.elements(":visible").boundingBox({ includeLabels: true });
    var pad = 20;
    var parts = [];
    parts.push(
      '<svg xmlns="http://www.w3.org/2000/svg" width="' +
        Math.ceil(box.w + 2 * pad) +
        '" height="' +
        Math.ceil(box.h + 2 * pad) +
        '" viewBox="' +
        (box.x1 - pad) +
        " " +
        (box.y1 - pad) +
        " " +
        (box.w + 2 * pad) +
        " " +
        (box.h + 2 * pad) +
        '" font-family="system-ui, sans-serif">',
    );
    parts.push(
      '<rect x="' +
        (box.x1 - pad) +
        '" y="' +
        (box.y1 - pad) +
        '" width="' +
        (box.w + 2 * pad) +
        '" height="' +
        (box.h + 2 * pad) +
        '" fill="#ffffff"/>',
    );
    parts.push(
      '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 Z" fill="context-stroke"/></marker></defs>',
    );
    cy.edges(":visible").forEach(function (edge) {
      var s = edge.sourceEndpoint();
      var t = edge.targetEndpoint();
      var d = "M" + s.x + "," + s.y;
      var controls = edge.controlPoints();
      if (controls && controls.length) d += " Q" + controls[0].x + "," + controls[0].y + " " + t.x + "," + t.y;
      else d += " L" + t.x + "," + t.y;
      var pair = edge.hasClass("pair");
      parts.push(
        '<path d="' +
          d +
          '" fill="none" stroke="' +
          escapeXml(edge.style("line-color")) +
          '" stroke-width="' +
          parseFloat(edge.style("width")) +
          '"' +
          (!pair && isSymmetricType(edge) ? ' stroke-dasharray="6 4"' : "") +
          (!pair && !isSymmetricType(edge) ? ' marker-end="url(#arrow)"' : "") +
          "/>",
      );
      var mid = edge.midpoint();
      var label = pair ? edge.data("countLabel") : edge.data("label");
      if (label)
        parts.push(
          '<text x="' +
            mid.x +
            '" y="' +
            mid.y +
            '" font-size="' +
            (pair ? 11 : 8) +
            '" text-anchor="middle" fill="#555">' +
            escapeXml(label) +
            "</text>",
        );
    });
    cy.nodes(":visible").forEach(function (node) {
      var p = node.position();
      var kind = kindOf(node.data("kind"));
      parts.push(
        '<path transform="translate(' +
          p.x +
          "," +
          p.y +
          ')" d="' +
          shapePath(kind.shape, node.width(), node.height()) +
          '" fill="' +
          kind.colour +
          '" stroke="#ffffff"/>',
      );
      parts.push(
        '<text x="' +
          p.x +
          '" y="' +
          (p.y + node.height() / 2 + 12) +
          '" font-size="11" text-anchor="middle" fill="#1d2330">' +
          escapeXml(node.data("label")) +
          "</text>",
      );
    });
    parts.push("</svg>");
    return parts.join("\n");
  }

  function exportSvg() {
    download("knowledge-graph.svg", new Blob([svgText()], { type: "image/svg+xml" }));
  }

  function csvCell(value) {
    if (value === null || value === undefined) return "";
    var text = Array.isArray(value) ? value.join("|") : String(value);
    return /[",\n\r]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  function csv(rows, columns) {
    return (
      [columns.join(",")]
        .concat(
          rows.map(function (data) {
            return columns
              .map(function (column) {
                return csvCell(data[column]);
              })
              .join(",");
          }),
        )
        .join("\r\n") + "\r\n"
    );
  }

  var NODE_COLUMNS = ["id", "label", "kind", "aliases", "description"];
  var EDGE_COLUMNS = [
    "id",
    "source",
    "target",
    "type",
    "label",
    "symmetric",
    "status",
    "validFrom",
    "validTo",
    "attestedFrom",
    "expectedBy",
    "amount",
    "amountCumulativeTotal",
    "amountCap",
    "amountAtStake",
    "currency",
    "amountApproximate",
    "stakePercent",
    "exclusive",
    "role",
    "agreement",
    "description",
  ];

  function nodesCsv() {
    return csv(
      shownNodes().map(function (node) {
        return node.data();
      }),
      NODE_COLUMNS,
    );
  }
  function edgesCsv() {
    return csv(
      shownRelations().map(function (edge) {
        return edge.data();
      }),
      EDGE_COLUMNS,
    );
  }
  function viewJson() {
    return JSON.stringify(
      {
        nodes: shownNodes().map(function (node) {
          return Object.assign({}, node.data(), { position: node.position() });
        }),
        edges: shownRelations().map(function (edge) {
          return edge.data();
        }),
        view: {
          asOf: state.asOf,
          hiddenTypes: Array.from(state.hiddenTypes),
          hiddenKinds: Array.from(state.hiddenKinds),
          hiddenStatuses: Array.from(state.hiddenStatuses),
        },
      },
      null,
      2,
    );
  }

  // --- wiring ---------------------------------------------------------------------------------

  // Cytoscape fires dbltap for any two clicks in quick succession, even on two different nodes:
  // only two on the same node expand it.
  var taps = { previous: null, last: null };
  cy.on("tap", function (event) {
    taps.previous = taps.last;
    taps.last = event.target === cy ? null : event.target.id();
  });
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
    select(node);
  });
  cy.on("dbltap", "node", function (event) {
    if (!state.pathMode && taps.previous === event.target.id()) expand(event.target);
  });
  cy.on("tap", "edge", function (event) {
    select(event.target);
  });
  cy.on("tap", function (event) {
    if (event.target === cy) {
      cy.elements().unselect();
      clearPanel();
    }
  });
  // A node dragged by the analyst stays where it was put: pinned, left out of later layouts.
  cy.on("dragfreeon", "node", function (event) {
    event.target.addClass("pinned");
  });

  function selectedNode() {
    var node = state.selected ? cy.getElementById(state.selected) : cy.collection();
    return node.nonempty() && node.isNode() ? node : null;
  }

  /** Arrow keys walk the shown nodes in name order, so a keyboard reaches every node. */
  function stepSelection(delta) {
    var nodes = shownNodes().sort(function (a, b) {
      return String(a.data("label")).localeCompare(String(b.data("label")));
    });
    if (!nodes.length) return;
    var current = selectedNode();
    var index = current ? nodes.indexOf(current) : -1;
    var next = nodes[(index + delta + nodes.length) % nodes.length];
    select(next);
    cy.animate({ center: { eles: next }, duration: 150 });
  }

  $("cy").addEventListener("keydown", function (event) {
    var node = selectedNode();
    var handled = true;
    if (event.key === "ArrowRight" || event.key === "ArrowDown") stepSelection(1);
    else if (event.key === "ArrowLeft" || event.key === "ArrowUp") stepSelection(-1);
    else if (event.key === "Enter" && node) expand(node);
    else if ((event.key === "h" || event.key === "H") && node) hideNode(node);
    else if ((event.key === "Delete" || event.key === "Backspace") && node) removeNode(node);
    else if (event.key === "f" || event.key === "F") cy.fit(cy.elements(":visible"), 30);
    else if (event.key === "+" || event.key === "=") zoomBy(1.25);
    else if (event.key === "-") zoomBy(0.8);
    else if (event.key === "Escape") {
      cy.elements().unselect();
      clearPanel();
    } else handled = false;
    if (handled) event.preventDefault();
  });
  document.addEventListener("keydown", function (event) {
    if ((event.ctrlKey || event.metaKey) && event.key === "z" && !/^(INPUT|TEXTAREA)$/.test(document.activeElement.tagName)) {
      event.preventDefault();
      undo();
    }
  });

  function zoomBy(factor) {
    cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  }

  $("search-form").addEventListener("submit", function (event) {
    event.preventDefault();
    search($("search-input").value);
  });
  // Type-ahead: results as the analyst types, after a short pause.
  var typing = null;
  $("search-input").addEventListener("input", function () {
    clearTimeout(typing);
    var text = $("search-input").value;
    typing = setTimeout(function () {
      if (text.trim().length >= 2) search(text);
    }, 200);
  });
  $("search-input").addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown") {
      var first = document.querySelector("#search-results button");
      if (first) {
        event.preventDefault();
        first.focus();
      }
    }
  });
  $("path-mode").addEventListener("click", function () {
    setPathMode(!state.pathMode);
  });
  $("clear").addEventListener("click", function () {
    remember();
    cy.elements().remove();
    state.expanded.clear();
    state.userHidden.clear();
    setPathMode(false);
    clearPanel();
    applyFilters();
    writeUrl();
    setStatus("Cleared (Undo brings it back).");
  });
  $("show-all").addEventListener("click", async function () {
    try {
      var data = await graphql("query All { graph { " + GRAPH_FIELDS + " } }");
      remember();
      var hadNodes = cy.nodes().length > 0;
      addElements(data.graph.cytoscapeElements);
      if (hadNodes) runLayout(cy.elements());
      setStatus("Drew the whole graph.");
    } catch (error) {
      setStatus(error.message, true);
    }
  });
  $("fit").addEventListener("click", function () {
    cy.fit(cy.elements(":visible"), 30);
  });
  $("zoom-in").addEventListener("click", function () {
    zoomBy(1.25);
  });
  $("zoom-out").addEventListener("click", function () {
    zoomBy(0.8);
  });
  $("relayout").addEventListener("click", function () {
    remember();
    runLayout(cy.elements());
  });
  $("undo").addEventListener("click", undo);
  $("show-hidden").addEventListener("click", function () {
    remember();
    state.userHidden.clear();
    applyFilters();
    writeUrl();
  });
  $("play").addEventListener("click", play);
  $("all-dates").addEventListener("click", function () {
    stopPlay();
    setRange(null);
  });
  $("export-png").addEventListener("click", exportPng);
  $("export-svg").addEventListener("click", exportSvg);
  $("export-nodes-csv").addEventListener("click", function () {
    download("knowledge-graph-nodes.csv", new Blob([nodesCsv()], { type: "text/csv" }));
  });
  $("export-edges-csv").addEventListener("click", function () {
    download("knowledge-graph-relations.csv", new Blob([edgesCsv()], { type: "text/csv" }));
  });
  $("export-json").addEventListener("click", function () {
    download("knowledge-graph.json", new Blob([viewJson()], { type: "application/json" }));
  });

  Promise.all([loadRelationTypes(), buildTimebar()]).then(async function () {
    await readUrl();
    document.body.dataset.ready = "true";
    writeUrl();
    followDrawn();
  });

  window.explorer = {
    cy: cy,
    state: state,
    setAsOfIndex: setAsOfIndex,
    setRange: setRange,
    isShown: isShown,
    pairId: pairId,
    expand: function (id) {
      return expand(cy.getElementById(id));
    },
    svg: svgText,
    nodesCsv: nodesCsv,
    edgesCsv: edgesCsv,
    json: viewJson,
    live: live,
  };
})();
