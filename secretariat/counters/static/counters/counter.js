// The counter screen's keyboard: a category's key presses its button; Backspace or Ctrl+Z presses undo;
// Escape leaves the note field. Keys typed into a text field stay text.
(function () {
  "use strict";
  function typing(target) {
    if (!target || !target.tagName) { return false; }
    var tag = target.tagName.toLowerCase();
    if (tag === "textarea" || target.isContentEditable) { return true; }
    return tag === "input" && ["text", "search", "email", "tel", "number", "url", "password"].indexOf(target.type) !== -1;
  }
  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.metaKey || event.repeat) { return; }
    if (event.key === "Escape" && typing(event.target)) { event.target.blur(); return; }
    if (typing(event.target)) { return; }
    var undo = (event.key === "Backspace" && !event.ctrlKey) || (event.ctrlKey && (event.key === "z" || event.key === "Z"));
    if (undo) {
      var undoButton = document.getElementById("undo-button");
      if (undoButton && !undoButton.disabled) { event.preventDefault(); undoButton.click(); }
      return;
    }
    if (event.ctrlKey || event.key.length !== 1) { return; }
    var key = event.key.toLowerCase();
    var buttons = document.querySelectorAll("#tally-form button[data-hotkey]");
    for (var i = 0; i < buttons.length; i += 1) {
      if (buttons[i].getAttribute("data-hotkey") === key) {
        event.preventDefault();
        buttons[i].click();
        return;
      }
    }
  });
}());
