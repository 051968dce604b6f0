// Tend: sizes Tend's iframe embeds to what they show. Include it once on the page that holds
// them (tend-frame.js beside embed.html):
//
//   <iframe src="https://…/embed.html?exercise=…" data-tend-frame title="A guided exercise"
//           style="width:100%;height:640px;border:0"></iframe>
//   <script src="https://…/tend-frame.js" defer></script>
//
// It listens for messages on window, and takes one only from an iframe marked
// data-tend-frame, and only from the origin of that iframe's src; all it does is set that
// iframe's height (and bring its top back into view after a step, if the reader had
// scrolled past it). It adds no global. Without it the iframe keeps its height and the
// exercise scrolls inside it.
(function () {
  var reduce = function () { return !!(window.matchMedia && matchMedia('(prefers-reduced-motion: reduce)').matches); };
  var originOf = function (f) { try { return new URL(f.src, document.baseURI).origin; } catch (e) { return ''; } };
  var frames = function () { return document.querySelectorAll('iframe[data-tend-frame]'); };

  window.addEventListener('message', function (e) {
    var d = e.data;
    if (!d || d.tend !== 1) return;
    var all = frames();
    for (var i = 0; i < all.length; i++) {
      var f = all[i];
      if (f.contentWindow !== e.source) continue;
      if (e.origin !== originOf(f)) return;
      var h = Math.ceil(Number(d.height));
      if (d.type === 'size' && h > 0 && h < 100000) f.style.height = h + 'px';
      if (d.type === 'step' && f.getBoundingClientRect().top < 0) f.scrollIntoView({ block: 'start', behavior: reduce() ? 'auto' : 'smooth' });
      return;
    }
  });

  // Frames that told their height before this script ran: ask again.
  var ask = function () {
    var all = frames();
    for (var i = 0; i < all.length; i++) {
      var o = originOf(all[i]);
      if (o && all[i].contentWindow) all[i].contentWindow.postMessage({ tend: 1, type: 'ask' }, o);
    }
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', ask, { once: true });
  else ask();
  window.addEventListener('load', ask, { once: true });
})();
