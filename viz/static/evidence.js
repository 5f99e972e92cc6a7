/* Oversight Graph: evidence in context, shared by the tracker and the network views.
   window.ovEvidence.init(texts) takes the page's documents ({key: {name, title, date, lines}});
   ovEvidence.passage(source) builds the paper's own passage for a source {document, line,
   endLine, quote}: the document's title and date, the paragraph around the cited lines with
   those lines highlighted, and a link (#paper=<key>:<line>-<last>) that opens the whole text
   in the page, scrolled to them. Text from documents reaches the page only through
   textContent: never as HTML. */
(function () {
  "use strict";

  var texts = {};
  var MAX_AROUND = 8;  // lines of one paragraph kept on each side of the cited lines
  var reader = null;
  var opener = null;

  function el(tag, className, text) {
    var element = document.createElement(tag);
    if (className) { element.className = className; }
    if (text !== undefined && text !== null) { element.textContent = String(text); }
    return element;
  }

  function init(documents) { texts = documents || {}; }

  function blank(line) { return line === undefined || line === null || !/\S/.test(line); }

  // The lines (1-based, inclusive) of the paragraph holding lines first..last: the run of
  // non-blank lines around them, at most MAX_AROUND either side. A paragraph of one or two
  // lines (a heading, a list item, a table row) also takes the paragraph before and after.
  function span(lines, first, last) {
    function run(from, to) {
      var start = from;
      var end = to;
      while (start > 1 && !blank(lines[start - 2]) && from - start < MAX_AROUND) { start--; }
      while (end < lines.length && !blank(lines[end]) && end - to < MAX_AROUND) { end++; }
      return [start, end];
    }
    var own = run(first, last);
    var start = own[0];
    var end = own[1];
    if (end - start < 2) {
      var before = start - 1;
      while (before >= 1 && blank(lines[before - 1])) { before--; }
      if (before >= 1 && first - before <= MAX_AROUND) { start = Math.max(run(before, before)[0], first - MAX_AROUND); }
      var after = end + 1;
      while (after <= lines.length && blank(lines[after - 1])) { after++; }
      if (after <= lines.length && after - last <= MAX_AROUND) { end = Math.min(run(after, after)[1], last + MAX_AROUND); }
    }
    return [start, end];
  }

  function range(source) {
    var first = Number(source.line);
    var last = Number(source.endLine || source.line);
    return [first, Math.max(first, last)];
  }

  function lineRow(number, text, cited) {
    var row = el("div", "ev-line" + (cited ? " ev-cited" : ""));
    row.setAttribute("data-line", String(number));
    row.appendChild(el("span", "ev-n", number));
    row.appendChild(el(cited ? "mark" : "span", "ev-t", text));
    return row;
  }

  function heading(doc, key) {
    var head = el("div", "ev-doc");
    head.appendChild(el("span", "ev-title", (doc && (doc.title || doc.name)) || key));
    head.appendChild(el("span", "ev-date", doc && doc.date ? doc.date : "undated"));
    return head;
  }

  function fragment(key, first, last) {
    return "#paper=" + encodeURIComponent(key) + ":" + first + (last !== first ? "-" + last : "");
  }

  function openLink(key, first, last) {
    var link = el("a", "ev-open", "Whole paper, at line " + first + (last !== first ? "\u2013" + last : ""));
    link.href = fragment(key, first, last);
    link.addEventListener("click", function (event) {
      event.preventDefault();
      openDocument(key, first, last, link);
    });
    return link;
  }

  // The passage of one source, or what is known of it when the paper's text is not in the page.
  function passage(source) {
    var box = el("div", "ev-passage");
    if (!source || !source.document) { return box; }
    var key = source.document;
    var doc = texts[key];
    var lines = doc && doc.lines;
    var cited = range(source);
    box.setAttribute("data-document", key);
    box.setAttribute("data-first", String(cited[0]));
    box.setAttribute("data-last", String(cited[1]));
    box.appendChild(heading(doc, key));
    if (!lines || !(cited[0] >= 1) || cited[0] > lines.length) {
      box.classList.add("ev-no-text");
      box.appendChild(el("p", "ev-missing", "The paper's text is not in the store (ingest it again to keep it). Line " + (source.line === null || source.line === undefined ? "?" : source.line) + " as cited:"));
      if (source.quote) { box.appendChild(el("blockquote", "ev-quote", source.quote)); }
      return box;
    }
    var last = Math.min(cited[1], lines.length);
    var shown = span(lines, cited[0], last);
    var body = el("div", "ev-lines");
    for (var n = shown[0]; n <= shown[1]; n++) {
      body.appendChild(lineRow(n, lines[n - 1], n >= cited[0] && n <= last));
    }
    box.appendChild(body);
    box.appendChild(openLink(key, cited[0], last));
    return box;
  }

  // -- the whole text, in a panel over the page --

  function closeDocument() {
    if (!reader) { return; }
    reader.remove();
    reader = null;
    window.ovEvidence.openDocumentKey = null;
    if (/^#paper=/.test(window.location.hash) && window.history && window.history.replaceState) {
      window.history.replaceState(null, "", window.location.pathname + window.location.search);
    }
    if (opener && document.contains(opener)) { opener.focus(); }
    opener = null;
  }

  function openDocument(key, first, last, from) {
    var doc = texts[key];
    if (!doc || !doc.lines) { return false; }
    closeDocument();
    opener = from || document.activeElement;
    first = Math.max(1, Math.min(Number(first) || 1, doc.lines.length));
    last = Math.max(first, Math.min(Number(last) || first, doc.lines.length));
    reader = el("section", "ev-reader");
    reader.id = "ev-reader";
    reader.setAttribute("role", "dialog");
    reader.setAttribute("aria-modal", "true");
    reader.setAttribute("aria-labelledby", "ev-reader-title");
    reader.setAttribute("data-document", key);
    var head = el("header", "ev-reader-head");
    var title = el("h2", null, doc.title || doc.name || key);
    title.id = "ev-reader-title";
    head.appendChild(title);
    head.appendChild(el("span", "ev-date", doc.date || "undated"));
    head.appendChild(el("span", "ev-count", doc.lines.length + " lines; lines " + first + (last !== first ? "\u2013" + last : "") + " cited"));
    var close = el("button", "ev-close", "Close");
    close.type = "button";
    close.setAttribute("aria-label", "Close the paper (Escape)");
    close.addEventListener("click", closeDocument);
    head.appendChild(close);
    reader.appendChild(head);
    var body = el("div", "ev-lines ev-reader-lines");
    body.tabIndex = 0;
    var target = null;
    var gap = false;
    if (doc.partial) {
      reader.appendChild(el("p", "ev-missing", "This page carries only the lines around the cited ones (the store holds the whole text)."));
    }
    doc.lines.forEach(function (text, i) {
      if (text === null) {  // a line this page does not carry (a long paper, carried in part)
        if (!gap) { body.appendChild(el("div", "ev-line ev-gap", "\u2026")); }
        gap = true;
        return;
      }
      gap = false;
      var row = lineRow(i + 1, text, i + 1 >= first && i + 1 <= last);
      if (i + 1 === first) { target = row; }
      body.appendChild(row);
    });
    reader.appendChild(body);
    reader.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { event.preventDefault(); event.stopPropagation(); closeDocument(); }
    });
    document.body.appendChild(reader);
    window.ovEvidence.openDocumentKey = key;
    if (target) { target.scrollIntoView({ block: "center" }); }
    close.focus();
    return true;
  }

  function openFragment() {
    var match = /^#paper=([^:]+):(\d+)(?:-(\d+))?$/.exec(window.location.hash);
    if (!match) { return; }
    var key;
    try { key = decodeURIComponent(match[1]); } catch (e) { return; }
    openDocument(key, Number(match[2]), Number(match[3] || match[2]));
  }

  window.addEventListener("hashchange", openFragment);
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && reader) { event.preventDefault(); closeDocument(); }
  });

  window.ovEvidence = {
    init: init,
    span: span,
    passage: passage,
    openDocument: openDocument,
    closeDocument: closeDocument,
    openFragment: openFragment,
    openDocumentKey: null
  };
}());
