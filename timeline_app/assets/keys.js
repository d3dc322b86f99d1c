// Presentation mode: left/right arrow keys click the on-screen Prev/Next buttons; Escape exits.
document.addEventListener("keydown", function (event) {
  var root = document.getElementById("root");
  if (!root || !root.classList.contains("present")) { return; }
  var tag = (event.target && event.target.tagName) || "";
  if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT") { return; }
  var id = event.key === "ArrowRight" ? "btn-next" : event.key === "ArrowLeft" ? "btn-prev"
    : event.key === "Escape" ? "btn-present" : null;
  if (!id) { return; }
  var button = document.getElementById(id);
  if (button) { event.preventDefault(); button.click(); }
});
