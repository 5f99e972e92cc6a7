/* Oversight Graph tracker: draws the findings table from the data block and wires sorting,
   filters, search, grouping, permalinks (#finding=<key>) and the evidence panel.
   Text from documents reaches the page only through textContent: never as HTML.

   Evidence in context (static/evidence.js, inlined before this script): each fact's card
   shows the paper's own passage, the cited lines highlighted, with a link to the whole text;
   a deduced or inferred fact shows what it was deduced or inferred from, the same way.
   window.ovTracker.openPassage(source) opens the whole paper at a source
   {document, title, line, quote, cite}. */
(function () {
  "use strict";

  var DATA = JSON.parse(document.getElementById("tr-data").textContent);
  var columns = DATA.columns;
  var rows = DATA.findings;
  var body = document.getElementById("tr-body");
  var details = document.getElementById("tr-details-body");
  var searchBox = document.getElementById("tr-search");
  var groupBox = document.getElementById("tr-group");
  var shown = document.getElementById("tr-shown");
  var NONE = "(none)";
  var byKey = {};
  rows.forEach(function (row) {
    byKey[row.key] = row;
    (row.aliases || []).forEach(function (alias) { if (!byKey[alias]) { byKey[alias] = row; } });
  });
  var state = { sort: null, dir: 1, filters: {}, search: "", group: "" };
  window.ovEvidence.init(DATA.texts);
  window.ovTracker = window.ovTracker || {};
  window.ovTracker.openPassage = function (source) {
    return window.ovEvidence.openDocument(source.document, source.line, source.endLine || source.line);
  };

  function el(tag, className, text) {
    var element = document.createElement(tag);
    if (className) { element.className = className; }
    if (text !== undefined && text !== null) { element.textContent = String(text); }
    return element;
  }

  function values(row, col) {
    var value = row.cells[col];
    if (Array.isArray(value)) { return value; }
    return value === "" || value === null || value === undefined ? [] : [String(value)];
  }

  // What a column's filter and grouping go by: owners and boards by name, however each is known.
  function facets(row, col) {
    return row.names && row.names[col] ? row.names[col] : values(row, col);
  }

  function haystack(row) {
    if (row._hay === undefined) {
      var parts = [row.key, row.label, row.outcomeReason || ""].concat(row.aliases || []);
      columns.forEach(function (col) { parts = parts.concat(values(row, col.id)); });
      row._hay = parts.join("\n").toLowerCase();
    }
    return row._hay;
  }

  // -- filters: a list of values for some columns, free text for the others --

  columns.forEach(function (col) {
    if (col.filter !== "select") { return; }
    var select = document.querySelector("select.tr-filter[data-col='" + col.id + "']");
    var seen = {};
    var empty = false;
    rows.forEach(function (row) {
      var vs = facets(row, col.id);
      if (!vs.length) { empty = true; }
      vs.forEach(function (v) { seen[v] = true; });
    });
    var list = Object.keys(seen);
    if (col.id === "inspection") {
      var order = {};
      rows.forEach(function (row) { if (order[row.cells.inspection] === undefined) { order[row.cells.inspection] = row.sort.inspection; } });
      list.sort(function (a, b) { return order[a] - order[b]; });
    } else {
      list.sort(function (a, b) { return a.localeCompare(b); });
    }
    if (empty) { list.push(NONE); }
    list.forEach(function (v) {
      var option = el("option", null, v);
      option.value = v;
      select.appendChild(option);
    });
  });

  function matches(row) {
    if (state.search) {
      var hay = haystack(row);
      var words = state.search.toLowerCase().split(/\s+/).filter(Boolean);
      for (var w = 0; w < words.length; w++) {
        if (hay.indexOf(words[w]) < 0) { return false; }
      }
    }
    for (var col in state.filters) {
      if (!Object.prototype.hasOwnProperty.call(state.filters, col)) { continue; }
      var filter = state.filters[col];
      if (!filter.value) { continue; }
      var vs = filter.kind === "select" ? facets(row, col) : values(row, col);
      if (filter.kind === "select") {
        if (filter.value === NONE ? vs.length > 0 : vs.indexOf(filter.value) < 0) { return false; }
      } else if (vs.join("\n").toLowerCase().indexOf(filter.value.toLowerCase()) < 0) {
        return false;
      }
    }
    return true;
  }

  // -- sorting: a column's own sort key when it has one, else its text; empty last --

  function sortKey(row, col) {
    if (row.sort && row.sort[col] !== undefined && row.sort[col] !== "") { return row.sort[col]; }
    var vs = values(row, col);
    return vs.length ? vs.join("; ").toLowerCase() : null;
  }

  function compareKeys(a, b) {
    if (a === null || a === "") { return b === null || b === "" ? 0 : 1; }
    if (b === null || b === "") { return -1; }
    if (Array.isArray(a) && Array.isArray(b)) {
      for (var i = 0; i < Math.min(a.length, b.length); i++) {
        var c = compareKeys(a[i], b[i]);
        if (c) { return c; }
      }
      return a.length - b.length;
    }
    if (typeof a === "number" && typeof b === "number") { return a - b; }
    return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
  }

  function ordered(list) {
    var indexed = list.map(function (row, i) { return [row, i]; });
    if (state.sort) {
      indexed.sort(function (x, y) {
        var a = sortKey(x[0], state.sort);
        var b = sortKey(y[0], state.sort);
        if (a === null || b === null) { return compareKeys(a, b) || x[1] - y[1]; }
        return state.dir * compareKeys(a, b) || x[1] - y[1];
      });
    }
    return indexed.map(function (pair) { return pair[0]; });
  }

  // -- cells --

  function factButton(row, fact, index, text, className) {
    var button = el("button", "tr-fact" + (className ? " " + className : ""), text);
    button.type = "button";
    button.setAttribute("data-fact", fact);
    if (index !== undefined && index !== null) { button.setAttribute("data-index", String(index)); }
    button.addEventListener("click", function () { showFact(row, fact, index); });
    return button;
  }

  function permalink(key, text, className) {
    var link = el("a", className || "tr-permalink", text);
    link.href = "#finding=" + encodeURIComponent(key);
    return link;
  }

  function list(items) {
    var ul = el("ul", "tr-values");
    items.forEach(function (item) { var li = el("li"); li.appendChild(item); ul.appendChild(li); });
    return ul;
  }

  function held(row, fact) {
    var links = fact === "owner" ? row.owners : row.boards;
    return list(links.map(function (link, i) {
      return factButton(row, fact, i, row.cells[fact][i], link.via ? "tr-inferred" : null);
    }));
  }

  function supersession(row, fact) {
    var links = row[fact];
    return list(links.map(function (link, i) {
      var span = el("span");
      var target = byKey[link.key];
      var a = target ? permalink(link.key, row.cells[fact][i], link.suggestion ? "tr-suggestion" : null)
        : el("span", link.suggestion ? "tr-suggestion" : null, row.cells[fact][i]);
      span.appendChild(a);
      span.appendChild(document.createTextNode(" "));
      span.appendChild(factButton(row, fact, i, "why?", "tr-basis"));
      return span;
    }));
  }

  function cell(row, col) {
    var td = el("td");
    td.setAttribute("data-col", col);
    var c = row.cells;
    if (col === "finding") {
      td.appendChild(permalink(row.key, c.finding));
      td.appendChild(el("span", "tr-key", row.key));
    } else if (col === "outcome") {
      if (c.outcome) { td.appendChild(factButton(row, "outcome", null, c.outcome)); }
    } else if (col === "basis") {
      td.textContent = c.basis;
      if (c.basis === "inferred" || c.basis === "deduced") { td.className = "tr-inferred"; }
    } else if (col === "status") {
      if (c.status) { td.appendChild(factButton(row, "status", null, c.status)); }
    } else if (col === "rag") {
      if (c.rag) {
        td.appendChild(el("span", "tr-rag tr-rag-" + c.rag));
        td.appendChild(document.createTextNode(c.rag));
      }
    } else if (col === "owner" || col === "board") {
      if (c[col].length) { td.appendChild(held(row, col)); }
    } else if (col === "overdue") {
      if (row.overdue) { td.appendChild(el("span", "tr-overdue", "overdue (due " + row.overdueDue + ")")); }
    } else if (col === "supersedes" || col === "supersededBy") {
      if (c[col].length) { td.appendChild(supersession(row, col)); }
    } else if (col === "text") {
      if (c.text) { td.appendChild(factButton(row, "text", null, c.text, "tr-text")); }
    } else {
      td.textContent = values(row, col).join("; ");
    }
    return td;
  }

  function rowElement(row) {
    var tr = el("tr", "tr-row");
    tr.setAttribute("data-key", row.key);
    columns.forEach(function (col) { tr.appendChild(cell(row, col.id)); });
    return tr;
  }

  // -- grouping --

  function groupsOf(row) {
    if (state.group === "inspection") { return [row.cells.inspection]; }
    var vs = facets(row, state.group);
    return vs.length ? vs : ["(no " + state.group + ")"];
  }

  function render() {
    var kept = ordered(rows.filter(matches));
    body.textContent = "";
    if (!state.group) {
      kept.forEach(function (row) { body.appendChild(rowElement(row)); });
    } else {
      var groups = {};
      var names = [];
      kept.forEach(function (row) {
        groupsOf(row).forEach(function (name) {
          if (!groups[name]) { groups[name] = []; names.push(name); }
          groups[name].push(row);
        });
      });
      if (state.group !== "inspection") {
        names.sort(function (a, b) {
          var na = a.indexOf("(no ") === 0, nb = b.indexOf("(no ") === 0;
          return na !== nb ? (na ? 1 : -1) : a.localeCompare(b);
        });
      }
      names.forEach(function (name) {
        var tr = el("tr", "tr-group");
        tr.setAttribute("data-group", name);
        var th = el("th", null, name + " \u2014 " + groups[name].length + " finding" + (groups[name].length === 1 ? "" : "s"));
        th.colSpan = columns.length;
        th.scope = "colgroup";
        tr.appendChild(th);
        body.appendChild(tr);
        groups[name].forEach(function (row) { body.appendChild(rowElement(row)); });
      });
    }
    shown.textContent = "Showing " + kept.length + " of " + rows.length + " findings";
    document.querySelectorAll("#tr-table th[data-col]").forEach(function (th) {
      var col = th.getAttribute("data-col");
      th.setAttribute("aria-sort", state.sort === col ? (state.dir > 0 ? "ascending" : "descending") : "none");
    });
    if (window.trSelected) { highlight(window.trSelected, false); }
  }

  // -- evidence --

  function sourceBlock(dl, source, what) {
    dl.appendChild(el("dt", null, "Where"));
    if (!source) {
      dl.appendChild(el("dd", null, what || "no paper line: not stated in a document"));
      return;
    }
    var dd = el("dd");
    dd.appendChild(el("span", "tr-cite", source.cite));
    dd.appendChild(passageOnce(source));
    dl.appendChild(dd);
  }

  // A card shows each passage once: a second fact citing the same line points to it.
  var shownPassages = {};
  function passageOnce(source) {
    var mark = source.document + ":" + source.line;
    if (shownPassages[mark]) { return el("span", "tr-hint tr-same-passage", " (the passage above)"); }
    shownPassages[mark] = true;
    return window.ovEvidence.passage(source);
  }

  // What a deduced or inferred fact rests on: each thing with the passage that states it.
  function grounds(dl, title, list) {
    if (!list || !list.length) { return; }
    dl.appendChild(el("dt", "tr-grounds-heading tr-inferred", title));
    list.forEach(function (ground) {
      var dd = el("dd", "tr-ground");
      var source = ground.cite !== undefined ? ground : ground.source;
      if (ground.label) { dd.appendChild(el("span", "tr-ground-label", ground.label)); }
      if (source) {
        dd.appendChild(el("span", "tr-cite", source.cite));
        dd.appendChild(passageOnce(source));
      } else {
        dd.appendChild(el("span", "tr-hint", "no paper line (registered or derived)"));
      }
      dl.appendChild(dd);
    });
  }

  function fact(dl, name, value, className) {
    if (value === null || value === undefined || value === "") { return; }
    dl.appendChild(el("dt", null, name));
    dl.appendChild(el("dd", className || null, Array.isArray(value) ? value.join(", ") : value));
  }

  function showFact(row, what, index) {
    shownPassages = {};
    var box = el("div", "tr-card");
    box.setAttribute("data-key", row.key);
    box.setAttribute("data-fact", what);
    box.appendChild(el("h3", null, row.label));
    box.appendChild(el("span", "tr-key", row.key));
    var dl = el("dl");
    if (what === "outcome") {
      fact(dl, "Outcome", row.outcome);
      fact(dl, "How it is known", row.outcomeBasis, row.outcomeBasis === "recorded" ? null : "tr-inferred");
      fact(dl, "Why", row.outcomeReason);
      if (row.outcome === "unknown") { fact(dl, "Still possible", row.outcomePossible); }
      fact(dl, "Dated", row.outcomeDate);
      sourceBlock(dl, row.outcomeSource);
      var from = { deduced: "Deduced from", inferred: "Inferred from", unknown: "Bounded by" }[row.outcomeBasis];
      if (from) { grounds(dl, from, row.outcomeFrom); }
    } else if (what === "status") {
      fact(dl, "Latest status", row.status);
      fact(dl, "Assessed", row.statusDate);
      fact(dl, "RAG", row.rag);
      fact(dl, "Due", row.due ? row.due + (row.dueSource === "deadline" ? " (deadline)" : " (anticipated completion)") : null);
      fact(dl, "Overdue as of " + DATA.asOf, row.overdue ? "yes, due " + row.overdueDue : "no");
      sourceBlock(dl, row.statusSource);
    } else if (what === "owner" || what === "board") {
      var link = (what === "owner" ? row.owners : row.boards)[index];
      fact(dl, what === "owner" ? "Owner" : "Board", link.name);
      if (link.via) {
        fact(dl, "How it is known", "deduced via its " + link.via + (link.confidence !== null ? " (confidence " + link.confidence.toFixed(2) + ")" : "") + ": no paper names this finding's " + what, "tr-inferred");
      } else {
        fact(dl, "How it is known", "stated");
      }
      sourceBlock(dl, link.source);
      if (link.via) { grounds(dl, "Deduced from", (link.sources || []).slice(1)); }
    } else if (what === "supersedes" || what === "supersededBy") {
      var s = row[what][index];
      fact(dl, what === "supersedes" ? "Supersedes" : "Superseded by", row.cells[what][index]);
      fact(dl, "Basis", s.suggestion ? "inferred: the tool's suggestion, not a fact" : s.basis, s.suggestion ? "tr-inferred" : null);
      if (s.confidence !== null && s.confidence !== undefined) { fact(dl, "Confidence", s.confidence.toFixed(2)); }
      fact(dl, "Inferred from", s.reason);
      sourceBlock(dl, s.source, s.basis === "register" ? "the governance register (no paper line)" : null);
      if (s.suggestion) { grounds(dl, "Inferred from", (s.from || []).concat((s.sources || []).slice(1))); }
    }
    dl.appendChild(el("dt", "tr-text-heading", "Finding"));
    dl.appendChild(el("dd", null, row.text || ""));
    sourceBlock(dl, row.textSource);
    box.appendChild(dl);
    details.textContent = "";
    details.appendChild(box);
  }

  function showStatement(summary, statement) {
    shownPassages = {};
    var box = el("div", "tr-card");
    box.appendChild(el("h3", null, summary.label));
    var dl = el("dl");
    fact(dl, "Stated", statement.stated + " " + statement.outcome + (statement.ofTotal !== null ? " of " + statement.ofTotal : "") + (statement.area ? " in " + statement.area : ""));
    fact(dl, "Attributed to findings", statement.identified + " " + statement.outcome);
    fact(dl, "Reconciles", statement.reconciles ? "yes" : "no");
    sourceBlock(dl, statement.source);
    box.appendChild(dl);
    details.textContent = "";
    details.appendChild(box);
  }

  // -- the inspections table --

  function inspections() {
    var tbody = document.querySelector("#tr-inspections tbody");
    DATA.inspections.forEach(function (summary) {
      var tr = el("tr");
      tr.setAttribute("data-key", summary.key || "");
      var name = el("td");
      var pick = el("button", "tr-fact", summary.label);
      pick.type = "button";
      pick.title = "Show only this inspection's findings";
      pick.addEventListener("click", function () {
        var select = document.querySelector("select.tr-filter[data-col='inspection']");
        select.value = summary.label;
        state.filters.inspection = { kind: "select", value: summary.label };
        render();
      });
      name.appendChild(pick);
      if (summary.key) { name.appendChild(el("span", "tr-key", summary.key)); }
      tr.appendChild(name);
      tr.appendChild(el("td", null, summary.published || ""));
      tr.appendChild(el("td", null, summary.findings));
      tr.appendChild(el("td", null, Object.keys(summary.outcomes).map(function (o) { return summary.outcomes[o] + " " + o; }).join(", ")));
      var stated = el("td");
      if (summary.statements.length) {
        stated.appendChild(list(summary.statements.map(function (s) {
          var text = s.stated + " " + s.outcome + (s.area ? " in " + s.area : "") + " stated, " + s.identified + " identified";
          var button = el("button", "tr-fact " + (s.reconciles ? "tr-reconciles" : "tr-mismatch"), text);
          button.type = "button";
          button.addEventListener("click", function () { showStatement(summary, s); });
          return button;
        })));
      }
      tr.appendChild(stated);
      tbody.appendChild(tr);
    });
  }

  // -- permalinks: #finding=<key> scrolls to the finding and lights it up --

  function highlight(key, scroll) {
    document.querySelectorAll("tr.tr-highlight").forEach(function (tr) { tr.classList.remove("tr-highlight"); });
    var found = null;
    body.querySelectorAll("tr.tr-row").forEach(function (tr) {
      if (tr.getAttribute("data-key") === key) {
        tr.classList.add("tr-highlight");
        if (!found) { found = tr; }
      }
    });
    if (found && scroll) { found.scrollIntoView({ block: "center" }); }
    return found;
  }

  function clearAll() {
    state.search = "";
    searchBox.value = "";
    state.filters = {};
    document.querySelectorAll(".tr-filter").forEach(function (input) { input.value = ""; });
  }

  function openFragment() {
    var match = /^#finding=(.+)$/.exec(window.location.hash);
    if (!match) { return; }
    var key;
    try { key = decodeURIComponent(match[1]); } catch (e) { return; }
    var row = byKey[key];
    if (!row) { return; }
    if (!matches(row)) { clearAll(); render(); }
    window.trSelected = row.key;
    highlight(row.key, true);
    showFact(row, "outcome");
  }

  // -- wiring --

  document.querySelectorAll(".tr-sort").forEach(function (button) {
    button.addEventListener("click", function () {
      var col = button.getAttribute("data-col");
      if (state.sort === col) { state.dir = -state.dir; } else { state.sort = col; state.dir = 1; }
      render();
    });
  });
  document.querySelectorAll(".tr-filter").forEach(function (input) {
    var col = input.getAttribute("data-col");
    var kind = input.tagName === "SELECT" ? "select" : "text";
    input.addEventListener(kind === "select" ? "change" : "input", function () {
      state.filters[col] = { kind: kind, value: input.value };
      render();
    });
  });
  searchBox.addEventListener("input", function () { state.search = searchBox.value.trim(); render(); });
  groupBox.addEventListener("change", function () { state.group = groupBox.value; render(); });
  document.getElementById("tr-reset").addEventListener("click", function () { clearAll(); render(); });
  window.addEventListener("hashchange", openFragment);

  inspections();
  render();
  openFragment();
  window.trReady = true;
  document.body.setAttribute("data-ready", "true");
})();
