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

  // -- groups: an inspection and its findings folded into one node, expanded on a click --

  var groups = DATA.groups || [];
  var groupById = {};
  var groupOf = {};
  groups.forEach(function (group) {
    groupById[group.id] = group;
    group.members.forEach(function (member) { groupOf[member] = group.id; });
  });

  function groupButton(id) {
    var found = null;
    document.querySelectorAll(".ov-group").forEach(function (button) { if (button.getAttribute("data-group") === id) { found = button; } });
    return found;
  }

  // vis-network logs an error when asked about a node that does not exist (a group not folded).
  function folded(id) { return !!network.body.nodes[id] && network.isCluster(id); }

  function fold(id, later) {
    var group = groupById[id];
    if (!group || folded(id)) { return; }
    network.cluster({
      joinCondition: function (options) { return groupOf[options.id] === id; },
      clusterNodeProperties: {
        id: id,
        label: group.label,
        shape: group.shape,
        size: 26,
        borderWidth: 3,
        color: { background: group.colour, border: "#1f1f1f", highlight: { background: group.colour, border: "#000000" } },
        font: { size: 15, face: ((DATA.options.nodes || {}).font || {}).face, color: fontColour, strokeWidth: 4, strokeColor: "#ffffff" }
      },
      clusterEdgeProperties: { color: { color: "#a0a0a0", highlight: "#333333", hover: "#333333" }, label: undefined }
    }, !later);  // folding many at once, the drawing data is refreshed once after the last
    var button = groupButton(id);
    if (button) { button.setAttribute("aria-expanded", "false"); }
  }

  function expand(id, frame) {
    if (!folded(id)) { return false; }
    network.openCluster(id, {
      // each member back where the layout put it (vis-network would stack them on the group)
      releaseFunction: function (clusterPosition, positions) {
        var out = {};
        Object.keys(positions).forEach(function (member) {
          var item = nodeById[member];
          out[member] = item && item.x !== undefined ? { x: item.x, y: item.y } : positions[member];
        });
        return out;
      }
    });
    var button = groupButton(id);
    if (button) { button.setAttribute("aria-expanded", "true"); }
    network.redraw();
    declutter();
    if (frame) {
      network.fit({ nodes: groupById[id].members, animation: { duration: 300, easingFunction: "easeInOutQuad" } });
    }
    return true;
  }

  groups.forEach(function (group) { fold(group.id, true); });
  if (groups.length) { network.body.emitter.emit("_dataChanged"); }
  window.ovExpand = function (id) { return expand(id, false); };
  window.ovFold = fold;

  // What is drawn, for the tests and for anyone checking a view: the visible nodes (folded
  // groups count as one), the visible links, and each node's box (shape and label) on the page.
  window.ovVisible = function () {
    var rect = container.getBoundingClientRect();
    var ids = network.body.nodeIndices.filter(function (id) { return !network.body.nodes[id].options.hidden; });
    var links = network.body.edgeIndices.filter(function (id) {
      var edge = network.body.edges[id];
      return edge && edge.connected && !edge.options.hidden && ids.indexOf(edge.fromId) >= 0 && ids.indexOf(edge.toId) >= 0;
    });
    return {
      nodes: ids,
      edges: links.length,
      boxes: ids.map(function (id) {
        var box = network.getBoundingBox(id);
        var a = network.canvasToDOM({ x: box.left, y: box.top });
        var b = network.canvasToDOM({ x: box.right, y: box.bottom });
        return { id: id, left: rect.left + a.x, top: rect.top + a.y, right: rect.left + b.x, bottom: rect.top + b.y };
      }),
      canvas: { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom }
    };
  };

  // Frame every visible node with its label (fit() frames shapes only, so labels at the
  // edges were cut), with a margin, never closer than 1.6.
  function fitAll(animation) {
    var ids = network.body.nodeIndices.filter(function (id) { return !network.body.nodes[id].options.hidden; });
    if (!ids.length) { return; }
    var box = null;
    ids.forEach(function (id) {
      var b = network.getBoundingBox(id);
      if (!b) { return; }
      if (!box) { box = { left: b.left, right: b.right, top: b.top, bottom: b.bottom }; return; }
      box.left = Math.min(box.left, b.left); box.right = Math.max(box.right, b.right);
      box.top = Math.min(box.top, b.top); box.bottom = Math.max(box.bottom, b.bottom);
    });
    var width = container.clientWidth || 800;
    var height = container.clientHeight || 600;
    var margin = 24;
    var scale = Math.min((width - 2 * margin) / Math.max(box.right - box.left, 1), (height - 2 * margin) / Math.max(box.bottom - box.top, 1), 1.6);
    network.moveTo({
      position: { x: (box.left + box.right) / 2, y: (box.top + box.bottom) / 2 },
      scale: scale,
      animation: animation || false
    });
  }

  // Push apart the visible nodes whose boxes (shape and label) overlap, a few pixels at a time
  // along the shorter way out, so no label sits on another. Skipped on big graphs (quadratic).
  function declutter() {
    if (BIG) { return; }
    var ids = network.body.nodeIndices.filter(function (id) { return !network.body.nodes[id].options.hidden; });
    var gap = 6;
    var boxes = ids.map(function (id) {
      var b = network.getBoundingBox(id);
      return { id: id, l: b.left - gap / 2, r: b.right + gap / 2, t: b.top - gap / 2, b: b.bottom + gap / 2, dx: 0, dy: 0 };
    });
    function shift(box, dx, dy) { box.l += dx; box.r += dx; box.t += dy; box.b += dy; box.dx += dx; box.dy += dy; }
    for (var round = 0; round < 60; round++) {
      var moved = false;
      for (var i = 0; i < boxes.length; i++) {
        for (var j = i + 1; j < boxes.length; j++) {
          var a = boxes[i];
          var b = boxes[j];
          var x = Math.min(a.r, b.r) - Math.max(a.l, b.l);
          var y = Math.min(a.b, b.b) - Math.max(a.t, b.t);
          if (x <= 0 || y <= 0) { continue; }
          moved = true;
          if (y <= x) {
            var down = (a.t + a.b) <= (b.t + b.b) ? 1 : -1;
            shift(a, 0, -down * (y / 2 + 0.5));
            shift(b, 0, down * (y / 2 + 0.5));
          } else {
            var right = (a.l + a.r) <= (b.l + b.r) ? 1 : -1;
            shift(a, -right * (x / 2 + 0.5), 0);
            shift(b, right * (x / 2 + 0.5), 0);
          }
        }
      }
      if (!moved) { break; }
    }
    boxes.forEach(function (box) {
      if (box.dx || box.dy) {
        var at = network.getPositions([box.id])[box.id];
        network.moveNode(box.id, at.x + box.dx, at.y + box.dy);
      }
    });
  }
  window.ovDeclutter = declutter;

  // The first drawing measures the labels; the nodes are then moved off each other, the
  // view framed on them, and ready.
  var draws = 0;
  function onDraw() {
    draws += 1;
    if (draws === 1) {
      declutter();
      fitAll(false);
      network.redraw();
      return;
    }
    network.off("afterDrawing", onDraw);
    window.ovReadyAt = performance.now();
    window.ovReady = true;
    document.body.setAttribute("data-ready", "true");
  }
  network.on("afterDrawing", onDraw);
  network.fit({ animation: false });

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
  function sourceGroups(box, title, items, full, open) {
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
    if (data.from) { sourceGroups(box, data.from.title, data.from.items, full, 3); }
    if (data.history) { sourceGroups(box, "Status history (" + data.history.length + ")", full ? data.history : data.history.slice(-3), full, 0); }
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
    if (groupOf[id] && folded(groupOf[id])) { expand(groupOf[id], false); }
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
    if (params.nodes.length && folded(params.nodes[0])) {
      var opened = params.nodes[0];
      expand(opened, true);
      showDetails(groupById[opened].of, false);
    } else if (params.nodes.length) {
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
    active = 0;
    matches.forEach(function (match, i) {
      var li = el("li");
      var button = el("button", i === 0 ? "ov-active" : null);
      button.setAttribute("data-key", match.entry.id);
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
  // Keys in the search box: arrows choose a match, Enter shows it, Escape clears.
  var active = 0;
  function choose(index) {
    var buttons = results.querySelectorAll("button");
    if (!buttons.length) { return; }
    active = (index + buttons.length) % buttons.length;
    buttons.forEach(function (button, i) { button.classList.toggle("ov-active", i === active); });
    buttons[active].scrollIntoView({ block: "nearest" });
  }
  search.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (searchTimer !== null) { clearTimeout(searchTimer); searchTimer = null; runSearch(false); }
      choose(active + (event.key === "ArrowDown" ? 1 : -1));
      event.preventDefault();
    } else if (event.key === "Enter") {
      var pending = searchTimer !== null;
      if (pending) { clearTimeout(searchTimer); searchTimer = null; runSearch(false); active = 0; }
      if (matches[active]) { select(matches[active].entry.id, true); }
      event.preventDefault();
    } else if (event.key === "Escape") {
      search.value = "";
      results.textContent = "";
      matches = [];
      clearSelection();
      event.preventDefault();
    }
  });

  document.querySelectorAll(".ov-group").forEach(function (button) {
    button.addEventListener("click", function () {
      var id = button.getAttribute("data-group");
      if (folded(id)) { expand(id, true); showDetails(groupById[id].of, false); } else { fold(id); }
    });
  });
  var expandAll = document.getElementById("ov-expand-all");
  if (expandAll) {
    expandAll.addEventListener("click", function () {
      groups.forEach(function (group) { expand(group.id, false); });
      fitAll({ duration: 300, easingFunction: "easeInOutQuad" });
    });
    document.getElementById("ov-fold-all").addEventListener("click", function () {
      clearSelection();
      groups.forEach(function (group) { fold(group.id); });
      fitAll({ duration: 300, easingFunction: "easeInOutQuad" });
    });
  }

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
