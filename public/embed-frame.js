// Reform Tracker widget: tells the page that frames it how tall it is, so /embed-resize.js on that page can fit the
// frame. The height is not secret, so it is posted to any parent; the host's script checks that it came from us.
// It is sent when the widget loads or changes size, and again whenever the parent asks (its script may load later).
(function () {
  if (window.parent === window) return;
  var last = 0;
  function post(always) {
    var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last && !always) return;
    last = height;
    window.parent.postMessage({ type: "reform-tracker:height", height: height }, "*");
  }
  window.addEventListener("message", function (event) {
    if (event.source !== window.parent) return;
    if (event.data && typeof event.data === "object" && event.data.type === "reform-tracker:ask-height") post(true);
  });
  post(false);
  window.addEventListener("load", function () {
    post(false);
  });
  if (typeof ResizeObserver === "function")
    new ResizeObserver(function () {
      post(false);
    }).observe(document.documentElement);
  else
    window.addEventListener("resize", function () {
      post(false);
    });
})();
