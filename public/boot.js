// Starts the wasm app and handles the crash page's buttons. External (not inline) so the
// page's Content-Security-Policy can forbid inline script. Kept tiny and dependency-free.
(function () {
  'use strict';

  function meta(name) {
    var m = document.querySelector('meta[name="' + name + '"]');
    return m ? m.getAttribute('content') : null;
  }

  function failed(err) {
    if (err) console.error(err);
    var el = document.getElementById('boot-failed');
    if (el) el.hidden = false;
  }

  var js = meta('mueang-js');
  var wasm = meta('mueang-wasm');
  if (!js || !wasm) {
    failed(new Error('missing mueang-js / mueang-wasm meta tags'));
  } else {
    import(js)
      .then(function (m) { return m.default({ module_or_path: wasm }); })
      .catch(failed);
  }

  // The crash page (src/ui/panic.rs) is plain DOM; after a panic the wasm must not be
  // called again, so its buttons are handled here.
  document.addEventListener('click', function (ev) {
    var t = ev.target instanceof Element ? ev.target : null;
    if (!t) return;
    var copy = t.closest('[data-copy]');
    if (copy) {
      var src = document.getElementById(copy.getAttribute('data-copy'));
      if (!src) return;
      var text = src.value || src.textContent || '';
      var fallback = function () {
        src.focus();
        src.select();
        try { document.execCommand('copy'); } catch (e) { /* selected: the person can copy */ }
      };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text).catch(fallback);
      } else {
        fallback();
      }
      copy.setAttribute('data-copied', '');
      return;
    }
    if (t.closest('[data-reload]')) location.reload();
  });
})();
