// Small page behaviours declared by data attributes, so that no template needs inline script or hx-on
// handlers (the Content-Security-Policy allows only this site's script files, and htmx's eval is off).
//   data-swap-errors="400 403 409"  htmx swaps these error answers (no list: every 4xx) — they carry the form
//                                   with its messages, which the user must see
//   data-submit-on-change           a <select> sends its form when the choice changes
//   data-submit-on-ctrl-enter       Ctrl+Enter (⌘+Enter) in the form sends it
//   data-clear-after-request="sel"  after a successful htmx request, empty the fields matching sel
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
}());
