// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  // Font-size control (A− A A+), remembered in this browser.
  var KEY = "phobien.fontScale";
  var steps = [0.875, 1, 1.125, 1.25, 1.5];
  function apply(scale) {
    document.documentElement.style.setProperty("--font-scale", String(scale));
    var buttons = document.querySelectorAll("[data-font]");
    for (var i = 0; i < buttons.length; i++) {
      var b = buttons[i];
      if (b.getAttribute("data-font") === "0") b.setAttribute("aria-pressed", String(scale === 1));
    }
  }
  var saved = 1;
  try { saved = parseFloat(localStorage.getItem(KEY)) || 1; } catch (e) { /* storage disabled */ }
  if (steps.indexOf(saved) < 0) saved = 1;
  apply(saved);
  document.addEventListener("DOMContentLoaded", function () {
    var group = document.querySelector(".font-size");
    if (!group) return;
    group.hidden = false;
    apply(saved);
    group.addEventListener("click", function (event) {
      var button = event.target.closest("[data-font]");
      if (!button) return;
      var dir = parseInt(button.getAttribute("data-font"), 10);
      var index = steps.indexOf(saved);
      saved = dir === 0 ? 1 : steps[Math.min(steps.length - 1, Math.max(0, index + dir))];
      try { localStorage.setItem(KEY, String(saved)); } catch (e) { /* storage disabled */ }
      apply(saved);
    });
  });
})();
