// The live session view: the terminal as it happens. Polls the session's growing recording (asciicast v2, one
// JSON array per line after the header) from the offset the last answer gave, and writes the output events
// into xterm.js, until the server says the session is no longer live.
(function () {
  var el = document.getElementById('terminal');
  if (!el || !window.Terminal) { return; }
  var url = el.dataset.src;
  // the DOM renderer keeps the screen's text in the page (readable by assistive tools and tests)
  var term = new Terminal({ convertEol: false, disableStdin: true, scrollback: 5000, rendererType: 'dom' });
  term.open(el);
  window.shellguardTerminal = term;
  var offset = 0;
  var header = true;
  var status = document.getElementById('live-state');

  function show(text) { if (status) { status.textContent = text; } }

  function poll() {
    fetch(url + '&from=' + offset, { credentials: 'same-origin', cache: 'no-store' }).then(function (r) {
      if (!r.ok) { show('no recording (' + r.status + ')'); setTimeout(poll, 2000); return null; }
      var next = parseInt(r.headers.get('X-Recording-Next-Offset'), 10);
      var live = r.headers.get('X-Session-Live') === 'true';
      return r.text().then(function (body) {
        body.split('\n').forEach(function (line) {
          if (!line) { return; }
          if (header) {
            header = false;
            try { var h = JSON.parse(line); if (h.width && h.height) { term.resize(h.width, h.height); } } catch (e) { }
            return;
          }
          try {
            var event = JSON.parse(line);
            if (event[1] === 'o') { term.write(event[2]); }
            else if (event[1] === 'r') { var size = String(event[2]).split('x'); term.resize(+size[0], +size[1]); }
          } catch (e) { }
        });
        if (!isNaN(next)) { offset = next; }
        el.dataset.offset = String(offset);
        if (live) { show('live'); setTimeout(poll, 1000); } else { show('ended'); el.dataset.ended = 'true'; }
      });
    }).catch(function () { show('reconnecting'); setTimeout(poll, 2000); });
  }
  poll();
})();
