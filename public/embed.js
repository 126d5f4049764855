/*! Repères embed helper — MIT licence. No dependencies.
 * Resizes every <iframe data-reperes> to the height the app reports, and re-dispatches the app's
 * messages on the iframe as DOM events ("reperes:height", "reperes:progress").
 * Usage:
 *   <iframe data-reperes src="https://your.host/reperes/?embed=1" title="Repères" style="width:100%;border:0"></iframe>
 *   <script src="https://your.host/reperes/embed.js" defer></script>
 * Message format (version 1), from the app to its parent:
 *   { source: "reperes", version: 1, type: "height", height: <CSS px> }
 *   { source: "reperes", version: 1, type: "progress", visited, total, ratedItems, quizRight, quizTotal, completed }
 */
(function () {
  "use strict";
  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || typeof data !== "object" || data.source !== "reperes" || data.version !== 1) return;
    var frames = document.querySelectorAll("iframe[data-reperes]");
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.contentWindow !== event.source) continue;
      if (data.type === "height" && typeof data.height === "number" && data.height > 0 && data.height < 100000) {
        frame.style.height = Math.ceil(data.height) + "px";
      }
      frame.dispatchEvent(new CustomEvent("reperes:" + data.type, { detail: data }));
    }
  });
})();
