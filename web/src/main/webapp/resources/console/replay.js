// The session page's replay: the recording in asciinema-player, and the command timeline beside it, where a
// click jumps the player to the moment the command started (its offset into the session, in seconds). Idle
// time is not compressed, so the player's clock stays the session's. A link to #command-ID (from the alerts page)
// marks that command and jumps the player to it.
(function () {
  var el = document.getElementById('player');
  if (!el || !window.AsciinemaPlayer) { return; }
  var player = AsciinemaPlayer.create(el.dataset.src, el, { fit: 'width', preload: true });
  window.shellguardPlayer = player;
  document.querySelectorAll('#timeline a.jump').forEach(function (link) {
    link.addEventListener('click', function (event) {
      event.preventDefault();
      var at = parseFloat(link.dataset.offset);
      document.querySelectorAll('#timeline li.current').forEach(function (li) { li.classList.remove('current'); });
      link.parentElement.classList.add('current');
      Promise.resolve(player.seek(at)).then(function () { el.dataset.seekedTo = String(at); });
    });
  });
  function jumpToNamedCommand() {
    var named = location.hash.length > 1 ? document.getElementById(decodeURIComponent(location.hash.substring(1))) : null;
    var jump = named && named.querySelector('a.jump');
    if (jump) {
      jump.click();
    }
  }
  jumpToNamedCommand();
  window.addEventListener('hashchange', jumpToNamedCommand);
})();
