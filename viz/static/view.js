/* Oversight Graph view: draws the data block with vis-network and wires search,
   filters, tooltips, details and neighbour highlighting.
   Text from documents reaches the page only through textContent: never as HTML. */
(function () {
  "use strict";

  var DATA = JSON.parse(document.getElementById("ov-data").textContent);
  var info = DATA.info || {};
  var documents = DATA.documents || [];
  var documentKeys = DATA.documentKeys || [];
  window.ovEvidence.init(DATA.texts || {});
  var container = document.getElementById("ov-network");
  var tooltip = document.getElementById("ov-tooltip");
  var detailsBody = document.getElementById("ov-details-body");
  var hintHTML = detailsBody.cloneNode(true);
  var nodeItems = DATA.nodes;
  var BIG = !!DATA.big;
  var edgeItems = DATA.edges;
  var nodeById = {};
  var edgeById = {};
  nodeItems.forEach(function (n) { nodeById[n.id] = n; });
  edgeItems.forEach(function (e) { edgeById[e.id] = e; });

  var nodes = new vis.DataSet(nodeItems);
  var edges = new vis.DataSet(edgeItems);
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, DATA.options);

  var fontColour = ((DATA.options.nodes || {}).font || {}).color || "#1f1f1f";
  var edgeFontColour = ((DATA.options.edges || {}).font || {}).color || "#444444";
  var DIM_OPACITY = 0.15;
  var DIM_FONT = "rgba(90, 90, 90, 0.25)";
  var hiddenNode = {};
  var hiddenEdge = {};
  var dimmedNode = {};
  var dimmedEdge = {};
  var selected = null;

  window.ovNetwork = network;
  window.ovNodes = nodes;
  window.ovEdges = edges;
  window.ovReady = false;

  function onFirstDraw() {
    network.off("afterDrawing", onFirstDraw);
    window.ovReadyAt = performance.now();
    window.ovReady = true;
    document.body.setAttribute("data-ready", "true");
  }
  network.on("afterDrawing", onFirstDraw);

  function fitAll(animation) {
    // fit() frames the shapes only; step back a little so outer labels are not cut.
    network.fit({ animation: false });
    var scale = Math.min(network.getScale() * 0.9, 1.6);
    network.moveTo({ scale: scale, animation: animation || false });
  }
  fitAll(false);

  // -- cards: the facts and source lines of a node or link, built as DOM text --

  function el(tag, className, text) {
    var element = document.createElement(tag);
    if (className) { element.className = className; }
    if (text !== undefined && text !== null) { element.textContent = String(text); }
    return element;
  }

  // One source line: in a tooltip its document, line and quote; in the details panel the
  // paper's own passage (open, or behind a button when "later"), when the page carries its text.
  function sourceItem(source, mode) {
    var li = el("li");
    var where = (documents[source[0]] || "document") + ", line " + source[1] + (source[2] ? "\u2013" + source[2] : "");
    li.appendChild(el("span", "ov-cite", where));
    var key = documentKeys[source[0]];
    var texts = (DATA.texts || {})[key];
    var cited = { document: key, line: source[1], endLine: source[2], quote: source[3] };
    if (mode !== "tooltip" && key && texts && texts.lines) {
      if (mode === "passage") {
        li.appendChild(window.ovEvidence.passage(cited));
      } else {
        var button = el("button", "ov-passage-button", "Show the passage");
        button.type = "button";
        button.addEventListener("click", function () { button.replaceWith(window.ovEvidence.passage(cited)); });
        li.appendChild(button);
      }
      return li;
    }
    if (source[3]) { li.appendChild(el("span", "ov-quote", "\u201c" + source[3] + "\u201d")); }
    return li;
  }

  function sourceList(sources, full, open) {
    var list = el("ul", "ov-sources");
    sources.forEach(function (source, i) {
      list.appendChild(sourceItem(source, !full ? "tooltip" : i < open ? "passage" : "later"));
    });
    return list;
  }

  // Labelled groups of sources: what a deduced or inferred fact rests on, a folded status history.
  function groups(box, title, items, full, open) {
    if (!items || !items.length) { return; }
    box.appendChild(el("div", "ov-cite ov-grounds", title));
    var list = el("ul", "ov-sources ov-grouped");
    items.forEach(function (item, i) {
      var li = el("li");
      li.appendChild(el("span", "ov-ground", item.t));
      if (item.src && item.src.length) {
        li.appendChild(full ? sourceList(item.src.slice(0, 1), true, i < open ? 1 : 0) : sourceList(item.src.slice(0, 1), false, 0));
      }
      list.appendChild(li);
    });
    box.appendChild(list);
  }

  function card(id, isEdge, full) {
    var data = info[id] || {};
    var item = isEdge ? edgeById[id] : nodeById[id];
    var box = el("div", "ov-card");
    box.appendChild(el("h4", null, data.t || (item && item.label) || id));
    var facts = data.facts || [];
    if (facts.length) {
      var table = el("table");
      facts.forEach(function (fact) {
        var row = el("tr");
        row.appendChild(el("th", null, fact[0]));
        var cell = el("td", fact[0] === "basis" && fact[1].indexOf("inferred") === 0 ? "ov-inferred" : null, fact[1]);
        row.appendChild(cell);
        table.appendChild(row);
      });
      box.appendChild(table);
    }
    var sources = data.src || [];
    if (sources.length) {
      box.appendChild(el("div", "ov-cite", sources.length === 1 ? "Source" : "Sources (" + sources.length + ")"));
      box.appendChild(sourceList(full ? sources : sources.slice(0, 6), full, 1));
      if (!full && sources.length > 6) { box.appendChild(el("div", "ov-hint", "\u2026 and " + (sources.length - 6) + " more: click for all")); }
    } else if (data.nosrc) {
      box.appendChild(el("div", "ov-hint", data.nosrc));
    }
    if (data.from) { groups(box, data.from.title, data.from.items, full, 3); }
    if (data.history) { groups(box, "Status history (" + data.history.length + ")", full ? data.history : data.history.slice(-3), full, 0); }
    return box;
  }

  // -- tooltip ---------------------------------------------------------------

  function showTooltip(id, isEdge, pointer) {
    tooltip.textContent = "";
    tooltip.appendChild(card(id, isEdge, false));
    tooltip.hidden = false;
    var rect = container.getBoundingClientRect();
    var x = rect.left + pointer.x + 16;
    var y = rect.top + pointer.y + 16;
    var width = tooltip.offsetWidth;
    var height = tooltip.offsetHeight;
    if (x + width > window.innerWidth - 8) { x = Math.max(8, rect.left + pointer.x - width - 16); }
    if (y + height > window.innerHeight - 8) { y = Math.max(8, window.innerHeight - height - 8); }
    tooltip.style.left = x + "px";
    tooltip.style.top = y + "px";
  }

  function hideTooltip() {
    tooltip.hidden = true;
    tooltip.textContent = "";
  }

  network.on("hoverNode", function (params) { showTooltip(params.node, false, params.pointer.DOM); });
  network.on("hoverEdge", function (params) { showTooltip(params.edge, true, params.pointer.DOM); });
  network.on("blurNode", hideTooltip);
  network.on("blurEdge", hideTooltip);
  network.on("dragStart", hideTooltip);
  network.on("zoom", hideTooltip);

  // -- details and neighbour highlighting --------------------------------------

  function showDetails(id, isEdge) {
    detailsBody.textContent = "";
    detailsBody.appendChild(card(id, isEdge, true));
  }

  function clearDetails() {
    detailsBody.textContent = "";
    Array.prototype.slice.call(hintHTML.childNodes).forEach(function (child) {
      detailsBody.appendChild(child.cloneNode(true));
    });
  }

  function edgeColour(item, dim) {
    var colour = Object.assign({}, item.color || {});
    colour.opacity = dim ? DIM_OPACITY : 1;
    return colour;
  }

  function highlight(id) {
    var keepNodes = {};
    var keepEdges = {};
    if (id !== null) {
      keepNodes[id] = true;
      network.getConnectedNodes(id).forEach(function (other) { keepNodes[other] = true; });
      network.getConnectedEdges(id).forEach(function (edge) { keepEdges[edge] = true; });
    }
    var nodeUpdates = [];
    nodeItems.forEach(function (n) {
      var dim = id !== null && !keepNodes[n.id];
      if (dim !== !!dimmedNode[n.id]) {
        dimmedNode[n.id] = dim;
        nodeUpdates.push({ id: n.id, opacity: dim ? DIM_OPACITY : 1, font: { color: dim ? DIM_FONT : fontColour } });
      }
    });
    var edgeUpdates = [];
    edgeItems.forEach(function (e) {
      var dim = id !== null && !keepEdges[e.id];
      if (dim !== !!dimmedEdge[e.id]) {
        dimmedEdge[e.id] = dim;
        edgeUpdates.push({ id: e.id, color: edgeColour(e, dim), font: { color: dim ? DIM_FONT : edgeFontColour } });
      }
    });
    if (nodeUpdates.length) { nodes.update(nodeUpdates); }
    if (edgeUpdates.length) { edges.update(edgeUpdates); }
  }

  function select(id, focus) {
    if (hiddenNode[id]) {
      hiddenNode[id] = false;
      nodes.update({ id: id, hidden: false });
    }
    selected = id;
    window.ovSelected = id;
    if (BIG) {
      // Re-styling thousands of items takes seconds: on a large graph the neighbours
      // are selected with the node instead of everything else being dimmed.
      network.setSelection(
        { nodes: [id].concat(network.getConnectedNodes(id)), edges: network.getConnectedEdges(id) },
        { unselectAll: true, highlightEdges: false }
      );
    } else {
      network.selectNodes([id]);
      highlight(id);
    }
    showDetails(id, false);
    if (focus) {
      network.focus(id, {
        scale: Math.max(network.getScale(), 1.0),
        animation: { duration: 400, easingFunction: "easeInOutQuad" }
      });
    }
  }

  function clearSelection() {
    selected = null;
    window.ovSelected = null;
    network.unselectAll();
    if (!BIG) { highlight(null); }
    clearDetails();
  }

  network.on("click", function (params) {
    hideTooltip();
    if (params.nodes.length) {
      select(params.nodes[0], false);
    } else if (params.edges.length) {
      if (selected !== null && !BIG) { highlight(null); }
      selected = null;
      showDetails(params.edges[0], true);
    } else {
      clearSelection();
    }
  });

  // -- search ------------------------------------------------------------------

  var search = document.getElementById("ov-search");
  var results = document.getElementById("ov-results");
  var index = nodeItems.map(function (n) {
    var title = (info[n.id] && info[n.id].t) || n.label || n.id;
    return { id: n.id, title: title, text: title.toLowerCase(), key: String(n.id).toLowerCase() };
  });
  var matches = [];
  var searchTimer = null;

  function score(entry, query) {
    if (entry.text === query || entry.key === query) { return 0; }
    if (entry.text.indexOf(query) === 0) { return 1; }
    if (entry.text.indexOf(query) > 0) { return 2; }
    if (entry.key.indexOf(query) >= 0) { return 3; }
    return -1;
  }

  function runSearch(autoSelect) {
    var query = search.value.trim().toLowerCase();
    results.textContent = "";
    matches = [];
    if (!query) { return; }
    index.forEach(function (entry) {
      var s = score(entry, query);
      if (s >= 0) { matches.push({ entry: entry, score: s }); }
    });
    matches.sort(function (a, b) {
      return a.score - b.score || a.entry.title.length - b.entry.title.length ||
        (a.entry.title < b.entry.title ? -1 : a.entry.title > b.entry.title ? 1 : 0);
    });
    matches = matches.slice(0, 12);
    if (!matches.length) {
      results.appendChild(el("li", "ov-hint", "No match"));
      return;
    }
    matches.forEach(function (match, i) {
      var li = el("li");
      var button = el("button", i === 0 ? "ov-active" : null);
      button.type = "button";
      button.appendChild(el("span", null, match.entry.title));
      button.appendChild(el("span", "ov-key", match.entry.id));
      button.addEventListener("click", function () { select(match.entry.id, true); });
      li.appendChild(button);
      results.appendChild(li);
    });
    if (autoSelect) { select(matches[0].entry.id, true); }
  }

  search.addEventListener("input", function () {
    if (searchTimer !== null) { clearTimeout(searchTimer); }
    searchTimer = setTimeout(function () { searchTimer = null; runSearch(true); }, 120);
  });
  search.addEventListener("keydown", function (event) {
    if (event.key === "Enter") {
      if (searchTimer !== null) { clearTimeout(searchTimer); searchTimer = null; }
      runSearch(true);
      event.preventDefault();
    }
  });

  // -- filters -----------------------------------------------------------------

  var checks = Array.prototype.slice.call(document.querySelectorAll("#ov-filters input[type=checkbox]"));

  function applyFilters() {
    var off = {};
    checks.forEach(function (check) {
      if (!check.checked) {
        var facet = check.getAttribute("data-facet");
        off[facet] = off[facet] || {};
        off[facet][check.value] = true;
      }
    });
    var nodeUpdates = [];
    nodeItems.forEach(function (n) {
      var facets = (info[n.id] && info[n.id].f) || {};
      var hide = false;
      Object.keys(off).forEach(function (facet) {
        if (Object.prototype.hasOwnProperty.call(facets, facet) && off[facet][facets[facet]]) { hide = true; }
      });
      if (hide !== !!hiddenNode[n.id]) {
        hiddenNode[n.id] = hide;
        nodeUpdates.push({ id: n.id, hidden: hide });
      }
    });
    var edgeUpdates = [];
    edgeItems.forEach(function (e) {
      var hide = !!hiddenNode[e.from] || !!hiddenNode[e.to];
      if (hide !== !!hiddenEdge[e.id]) {
        hiddenEdge[e.id] = hide;
        edgeUpdates.push({ id: e.id, hidden: hide });
      }
    });
    if (nodeUpdates.length) { nodes.update(nodeUpdates); }
    if (edgeUpdates.length) { edges.update(edgeUpdates); }
    if (selected !== null && hiddenNode[selected]) { clearSelection(); }
  }

  checks.forEach(function (check) { check.addEventListener("change", applyFilters); });
  document.getElementById("ov-reset").addEventListener("click", function () {
    checks.forEach(function (check) { check.checked = true; });
    applyFilters();
    clearSelection();
    search.value = "";
    results.textContent = "";
    fitAll({ duration: 300, easingFunction: "easeInOutQuad" });
  });

  window.ovSelect = function (id) { select(id, true); };
  window.ovApplyFilters = applyFilters;
}());
