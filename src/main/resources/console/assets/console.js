// Lurewatch console: small enhancements only; every page works without this script.
(function () {
  'use strict';

  // A verdict form is sent once: a second click while the first is on its way does nothing.
  document.querySelectorAll('form.verdict-form').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      var clicked = event.submitter;
      if (form.dataset.sent === 'yes') {
        event.preventDefault();
        return;
      }
      form.dataset.sent = 'yes';
      if (clicked && clicked.name) {
        var keep = document.createElement('input');
        keep.type = 'hidden';
        keep.name = clicked.name;
        keep.value = clicked.value;
        form.appendChild(keep);
      }
      form.querySelectorAll('button').forEach(function (button) { button.disabled = true; });
    });
  });

  // Inbox keyboard shortcuts: j and k move between alerts, / goes to the search field.
  var links = Array.prototype.slice.call(document.querySelectorAll('table.alerts td.what a'));
  document.addEventListener('keydown', function (event) {
    var target = event.target;
    if (event.altKey || event.ctrlKey || event.metaKey || (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) {
      return;
    }
    if (event.key === '/') {
      var search = document.getElementById('q') || document.getElementById('q-top');
      if (search) {
        event.preventDefault();
        search.focus();
      }
      return;
    }
    if (!links.length || (event.key !== 'j' && event.key !== 'k')) {
      return;
    }
    var index = links.indexOf(document.activeElement);
    index = event.key === 'j' ? Math.min(links.length - 1, index + 1) : Math.max(0, index - 1);
    links[index].focus();
    event.preventDefault();
  });

  // After a saved verdict, focus the confirmation so screen readers announce it.
  var saved = document.querySelector('.notice-ok');
  if (saved) {
    saved.setAttribute('tabindex', '-1');
    saved.focus();
  }
})();
