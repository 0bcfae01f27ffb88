// Reform Tracker widget: tells the page that frames it how tall it is, so /embed-resize.js on that page can fit the
// frame. The height is not secret, so it is posted to any parent; the host's script checks that it came from us.
(function () {
  if (window.parent === window) return;
  var last = 0;
  function post() {
    var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: "reform-tracker:height", height: height }, "*");
  }
  post();
  window.addEventListener("load", post);
  if (typeof ResizeObserver === "function") new ResizeObserver(post).observe(document.documentElement);
  else window.addEventListener("resize", post);
})();
