// The floor of the benchmark: the least DOM work that shows the board. It reads the board the
// app would read (localStorage["dealboard.board"], or the URL in ?src= when the board does not
// fit in storage), and builds one column per stage holding one card per deal (title, customer,
// value, owner, close date) with the app's element names and classes, by direct DOM calls in a
// single pass. No framework, no virtualisation, no event handlers: what the app's first render
// is compared with ("ratio to the floor").
(function () {
  'use strict';

  function money(minor) {
    // Same text as the app for USD (domain/money.rs format_amount): "$1,234" or "$1,234.50".
    var whole = Math.floor(Math.abs(minor) / 100);
    var frac = Math.abs(minor) % 100;
    var s = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    return (minor < 0 ? '-' : '') + '$' + s + (frac ? '.' + (frac < 10 ? '0' : '') + frac : '');
  }

  function initials(name) {
    return name
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, 2)
      .map(function (w) { return w[0]; })
      .join('')
      .toUpperCase();
  }

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  // The app's stored form (src/io/store.rs): deals as rows, texts as indexes into `strings`.
  // Expanded to the fields this page shows, so the floor reads what the app reads.
  function expandStored(envelope) {
    var s = envelope.strings;
    var status = ['open', 'won', 'lost'];
    return {
      board: {
        stages: envelope.board.stages,
        deals: envelope.board.deals.map(function (r) {
          return {
            id: r[0], title: s[r[1]], customer: s[r[2]], value: r[4], owner: s[r[7]],
            close_date: r[10] === null ? null : s[r[10]], stage: s[r[12]], rank: r[13], status: status[r[14]],
          };
        }),
      },
    };
  }

  function render(envelope) {
    if (envelope.format === 'dealboard-store') envelope = expandStored(envelope);
    var board = envelope.board;
    var byStage = new Map();
    board.stages.forEach(function (s) { byStage.set(s.id, []); });
    board.deals.forEach(function (d) {
      var list = byStage.get(d.stage);
      if (list) list.push(d);
    });

    var app = el('div', 'app');
    var main = el('main', 'board');
    board.stages.forEach(function (stage) {
      var deals = byStage.get(stage.id);
      deals.sort(function (a, b) { return a.rank - b.rank || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0); });
      var total = 0;
      deals.forEach(function (d) { total += d.value; });

      var section = el('section', 'stage');
      section.dataset.stageId = stage.id;
      var header = el('header', 'stage-header');
      header.appendChild(el('h2', '', stage.name));
      header.appendChild(el('span', 'stage-probability', stage.probability + ' %'));
      header.appendChild(el('span', 'stage-count', String(deals.length)));
      header.appendChild(el('div', 'stage-totals', money(total)));
      section.appendChild(header);

      var list = el('ul', 'deal-list');
      deals.forEach(function (d) {
        var li = document.createElement('li');
        var card = el('article', 'deal-card' + (d.status === 'won' ? ' won' : d.status === 'lost' ? ' lost' : ''));
        card.dataset.dealId = d.id;
        var top = el('div', 'deal-card-top');
        top.appendChild(el('h3', 'deal-title', d.title));
        card.appendChild(top);
        card.appendChild(el('p', 'deal-customer', d.customer));
        var meta = el('div', 'deal-meta');
        meta.appendChild(el('span', 'deal-value', money(d.value)));
        var owner = el('span', 'deal-owner', initials(d.owner || ''));
        owner.title = d.owner || '';
        meta.appendChild(owner);
        card.appendChild(meta);
        if (d.close_date) card.appendChild(el('p', 'deal-close', 'Close ' + d.close_date));
        li.appendChild(card);
        list.appendChild(li);
      });
      section.appendChild(list);
      main.appendChild(section);
    });
    app.appendChild(main);
    document.body.appendChild(app);
  }

  var src = new URLSearchParams(location.search).get('src');
  if (src) {
    fetch(src)
      .then(function (r) { return r.json(); })
      .then(render);
  } else {
    var text = localStorage.getItem('dealboard.board');
    if (text) render(JSON.parse(text));
    else document.body.textContent = 'No board in localStorage["dealboard.board"].';
  }
})();
