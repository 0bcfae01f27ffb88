// Reform Tracker: fits the height of our widget frames on your page. Add it once, after the frames:
//   <script src="https://<the tracker's address>/embed-resize.js" async></script>
// It listens for the height a widget posts (/embed-frame.js) and takes a message only when it comes from the
// tracker's own address (the address this script was loaded from), has the expected shape, and was sent by one of
// the page's frames; that frame's height is set. Nothing else on your page is read or changed.
(function () {
  var script = document.currentScript;
  if (!script || !script.src) return;
  var origin = new URL(script.src).origin;
  window.addEventListener("message", function (event) {
    if (event.origin !== origin) return;
    var data = event.data;
    if (!data || typeof data !== "object" || data.type !== "reform-tracker:height") return;
    var height = data.height;
    if (typeof height !== "number" || !isFinite(height) || height < 50 || height > 5000) return;
    var frames = document.getElementsByTagName("iframe");
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = Math.ceil(height) + "px";
        return;
      }
    }
  });
  // The widgets may have loaded before this script: ask each of our frames for its height once now.
  var frames = document.getElementsByTagName("iframe");
  for (var i = 0; i < frames.length; i++) {
    var src = frames[i].src;
    if (src && src.indexOf(origin + "/embed/") === 0 && frames[i].contentWindow)
      frames[i].contentWindow.postMessage({ type: "reform-tracker:ask-height" }, origin);
  }
})();
