// Small page behaviours declared by data attributes, so that no template needs inline script or hx-on
// handlers (the Content-Security-Policy allows only this site's script files, and htmx's eval is off).
//   data-swap-errors="400 403 409"  htmx swaps these error answers (no list: every 4xx) — they carry the form
//                                   with its messages, which the user must see
//   data-submit-on-change           a <select> sends its form when the choice changes
//   data-submit-on-ctrl-enter       Ctrl+Enter (⌘+Enter) in the form sends it
//   data-clear-after-request="sel"  after a successful htmx request, empty the fields matching sel
//   table[data-queue]               the case inbox as a work queue: j / k move the cursor row (tr[data-queue-row]),
//                                   x ticks its checkbox, Enter opens its a[data-queue-link]; on a case page, n
//                                   opens the next case of the last list shown (data-queue-next: its next page)
(function () {
  "use strict";
  function swapsError(element, status) {
    var listed = (element.getAttribute("data-swap-errors") || "").trim();
    if (!listed) { return status >= 400 && status < 500; }
    return listed.split(/\s+/).indexOf(String(status)) !== -1;
  }
  document.addEventListener("htmx:beforeSwap", function (event) {
    var holder = event.target.closest ? event.target.closest("[data-swap-errors]") : null;
    if (holder && swapsError(holder, event.detail.xhr.status)) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });
  document.addEventListener("htmx:afterRequest", function (event) {
    var form = event.target.closest ? event.target.closest("[data-clear-after-request]") : null;
    if (!form || !event.detail.successful) { return; }
    form.querySelectorAll(form.getAttribute("data-clear-after-request")).forEach(function (field) { field.value = ""; });
  });
  document.addEventListener("change", function (event) {
    var select = event.target;
    if (select.hasAttribute && select.hasAttribute("data-submit-on-change") && select.form) { select.form.requestSubmit(); }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Enter" || !(event.ctrlKey || event.metaKey) || !event.target.closest) { return; }
    var form = event.target.closest("form[data-submit-on-ctrl-enter]");
    if (form) { event.preventDefault(); form.requestSubmit(); }
  });

  // The last list is kept in sessionStorage rather than as ?queue=… in every case link: a case's address stays
  // the one people share and bookmark, and each browser tab works its own list, as a clerk works one queue.
  var QUEUE_KEY = "secretariat.queue";
  function typing(event) {
    var target = event.target;
    if (!target || !target.tagName) { return false; }
    if (target.tagName === "INPUT" && target.type === "checkbox") { return false; }
    return target.isContentEditable || /^(INPUT|TEXTAREA|SELECT|BUTTON)$/.test(target.tagName);
  }
  function plainKey(event) { return !(event.ctrlKey || event.metaKey || event.altKey) && !typing(event); }
  function remember(table) {
    var links = Array.prototype.map.call(table.querySelectorAll("a[data-queue-link]"), function (link) {
      return link.pathname;
    });
    var next = table.getAttribute("data-queue-next");
    try {
      window.sessionStorage.setItem(QUEUE_KEY, JSON.stringify({
        list: window.location.pathname + window.location.search, cases: links,
        next: next ? window.location.pathname + next : ""
      }));
    } catch (ignored) { /* storage full or refused: the list still works, only n does not */ }
  }
  function workQueue(table) {
    var rows = Array.prototype.slice.call(table.querySelectorAll("tr[data-queue-row]"));
    var current = -1;
    function moveTo(index) {
      if (!rows.length) { return; }
      if (current >= 0) { rows[current].classList.remove("cursor"); rows[current].removeAttribute("aria-current"); }
      current = Math.max(0, Math.min(rows.length - 1, index));
      rows[current].classList.add("cursor");
      rows[current].setAttribute("aria-current", "true");
      rows[current].scrollIntoView({block: "nearest"});
    }
    remember(table);
    document.addEventListener("keydown", function (event) {
      if (!plainKey(event)) { return; }
      if (event.key === "j") { moveTo(current + 1); event.preventDefault(); return; }
      if (event.key === "k") { moveTo(current - 1); event.preventDefault(); return; }
      if (current < 0) { return; }
      if (event.key === "x") {
        var box = rows[current].querySelector("input[type=checkbox]");
        if (box) { box.checked = !box.checked; event.preventDefault(); }
      } else if (event.key === "Enter" && event.target.tagName !== "INPUT") {
        var link = rows[current].querySelector("a[data-queue-link]");
        if (link) { event.preventDefault(); window.location.assign(link.href); }
      }
    });
  }
  function nextCase() {
    var stored;
    try { stored = JSON.parse(window.sessionStorage.getItem(QUEUE_KEY) || "null"); } catch (ignored) { stored = null; }
    if (!stored || !stored.cases) { return; }
    var here = stored.cases.indexOf(window.location.pathname);
    if (here === -1) { return; }  // this case was not opened from the list: n means nothing here
    if (here + 1 < stored.cases.length) { window.location.assign(stored.cases[here + 1]); return; }
    window.location.assign(stored.next || stored.list);  // the list's next page, or the list itself
  }
  var queue = document.querySelector("table[data-queue]");
  if (queue) {
    workQueue(queue);
  } else {
    document.addEventListener("keydown", function (event) {
      if (event.key === "n" && plainKey(event)) { nextCase(); }
    });
  }
}());
