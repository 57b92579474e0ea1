// 訂貨台: the day's call list and one call's order, keyboard first, through the order API (docs/api.md).
(function () {
  'use strict';
  var csrfHeader = document.querySelector('meta[name=csrf-header]').content;
  var csrfToken = document.querySelector('meta[name=csrf-token]').content;
  var products = {};
  (window.deskProducts || []).forEach(function (p) { products[p.code] = p; });
  var byName = {};
  (window.deskProducts || []).forEach(function (p) { byName[p.name] = p; });

  var list = { retailers: [], limits: [] };
  var shown = [];
  var cursor = 0;
  var current = null;
  var startedAt = null;

  var $ = function (id) { return document.getElementById(id); };
  var filter = $('filter');
  var rows = $('retailers');
  var lines = document.querySelector('#lines tbody');

  function say(id, text) {
    ['message', 'error'].forEach(function (other) { $(other).hidden = true; });
    $(id).textContent = text;
    $(id).hidden = false;
  }

  function money(n) { return '¥' + n.toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ','); }

  function productOf(text) {
    text = (text || '').trim();
    if (!text) { return null; }
    var code = text.split(/\s+/)[0].toUpperCase();
    return products[code] || byName[text] || null;
  }

  function limitFor(code) {
    if (!current) { return null; }
    var found = list.limits.filter(function (l) { return l.productCode === code && l.tier === current.tier; });
    return found.length ? found[0].limitCartons : null;
  }

  function showList() {
    var text = filter.value.trim().toLowerCase();
    shown = list.retailers.filter(function (r) {
      return !text || r.retailerCode.toLowerCase().indexOf(text) >= 0 || r.name.toLowerCase().indexOf(text) >= 0;
    });
    cursor = Math.min(cursor, Math.max(0, shown.length - 1));
    rows.innerHTML = '';
    shown.slice(0, 200).forEach(function (r, i) {
      var tr = document.createElement('tr');
      tr.className = (i === cursor ? 'cursor ' : '') + (r.calledToday ? 'done' : '');
      tr.dataset.code = r.retailerCode;
      [r.retailerCode + ' ' + r.name, r.tier, r.routeCode, r.calledToday ? '✓' : ''].forEach(function (v) {
        var td = document.createElement('td');
        td.textContent = v;
        tr.appendChild(td);
      });
      tr.addEventListener('click', function () { choose(r); });
      rows.appendChild(tr);
    });
    $('list-count').textContent = shown.length + ' / ' + list.retailers.length;
  }

  function choose(r) {
    current = r;
    startedAt = new Date();
    $('retailer-name').textContent = r.retailerCode + ' ' + r.name;
    var left = r.weeklyTotal == null ? '' : '；本週總量 ' + r.weeklyTotal + ' 條，已訂 ' + r.orderedThisWeek + ' 條';
    $('retailer-facts').textContent = r.tier + ' 檔 · ' + r.regionCode + ' · ' + r.routeCode + left;
    var plan = Object.keys(r.planCartons || {}).map(function (code) {
      return code + ' ' + (products[code] ? products[code].name : '') + ' ' + r.planCartons[code] + ' 條';
    });
    $('plan').textContent = plan.length ? '銷量計畫（近四週平均每週）：' + plan.join('，') : '尚無近四週訂貨，無銷量計畫。';
    showNotices(r);
    lines.innerHTML = '';
    addLine();
    showFeedback(r);
  }

  /** 宣傳方針政策: the notices in force that this retailer has not been told yet, ticked as the clerk reads them. */
  function showNotices(r) {
    var box = $('notices');
    box.innerHTML = '';
    var untold = (list.notices || []).filter(function (n) { return (r.noticesUntold || []).indexOf(n.id) >= 0; });
    if (!untold.length) { box.textContent = box.dataset.none; return; }
    var head = document.createElement('strong');
    head.textContent = box.dataset.head;
    box.appendChild(head);
    untold.forEach(function (n) {
      var label = document.createElement('label');
      label.className = 'notice';
      var check = document.createElement('input');
      check.type = 'checkbox';
      check.value = n.id;
      label.appendChild(check);
      label.appendChild(document.createTextNode(' 【' + n.kindName + '】' + n.title + '：' + n.body));
      box.appendChild(label);
    });
  }

  function noticesTold() {
    return Array.prototype.map.call(document.querySelectorAll('#notices input:checked'), function (c) { return Number(c.value); });
  }

  /** The retailer's questions not yet told: the answers to pass on during this call. */
  function showFeedback(r) {
    var box = $('feedback-open');
    box.textContent = '';
    fetch('/api/feedback?retailerCode=' + encodeURIComponent(r.retailerCode), { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.json() : []; })
      .then(function (open) {
        if (current !== r) { return; }
        box.textContent = open.map(function (f) {
          return f.feedbackNumber + '（' + f.text + '）：' + (f.answer ? '答覆「' + f.answer + '」，請轉告並在任務清單確認' : '待' + f.answeringDepartment + '答覆');
        }).join('；');
      });
  }

  function addLine() {
    var tr = document.createElement('tr');
    tr.innerHTML = '<td><input class="product" list="products" maxlength="80"></td>'
      + '<td><input class="qty" type="number" min="1" step="1" inputmode="numeric"></td><td class="amount"></td><td class="small hint"></td>';
    lines.appendChild(tr);
    tr.querySelector('.product').focus();
    tr.querySelectorAll('input').forEach(function (input) { input.addEventListener('input', update); });
    tr.querySelector('.qty').addEventListener('keydown', function (e) {
      if (e.key === 'Enter' && !e.ctrlKey) { e.preventDefault(); addLine(); }
    });
    tr.querySelector('.product').addEventListener('keydown', function (e) {
      if (e.key === 'Enter' && !e.ctrlKey) { e.preventDefault(); tr.querySelector('.qty').focus(); }
    });
  }

  function readLines() {
    var read = [];
    lines.querySelectorAll('tr').forEach(function (tr) {
      var p = productOf(tr.querySelector('.product').value);
      var n = parseInt(tr.querySelector('.qty').value, 10);
      read.push({ row: tr, product: p, text: tr.querySelector('.product').value.trim(), cartons: n });
    });
    return read;
  }

  function update() {
    var total = 0;
    readLines().forEach(function (l) {
      var hint = '';
      var amount = '';
      if (l.text && !l.product) { hint = '找不到此規格'; }
      if (l.product && l.cartons > 0) {
        amount = l.product.price * l.cartons;
        total += amount;
        amount = money(amount);
        var limit = limitFor(l.product.code);
        var plan = current && current.planCartons ? current.planCartons[l.product.code] : null;
        hint = (limit != null ? '限量 ' + limit + ' 條/週 ' : '') + (plan ? '計畫 ' + plan + ' 條' : '');
        if (plan && l.cartons > plan * 3) { hint += '（遠高於計畫量）'; }
      }
      l.row.querySelector('.amount').textContent = amount;
      l.row.querySelector('.hint').textContent = hint;
      l.row.classList.remove('refused');
    });
    $('total').textContent = money(total);
  }

  function submit(e) {
    if (e) { e.preventDefault(); }
    if (!current) { say('error', '請先選擇客戶'); return; }
    var outcome = document.querySelector('input[name=outcome]:checked').value;
    var read = readLines().filter(function (l) { return l.text || l.cartons; });
    if (outcome !== 'CONNECTED') { read = []; }
    var unknown = read.filter(function (l) { return !l.product; });
    if (unknown.length) { say('error', '找不到規格「' + unknown[0].text + '」'); return; }
    var far = read.filter(function (l) {
      var plan = current.planCartons ? current.planCartons[l.product.code] : null;
      return plan && l.cartons > plan * 3;
    });
    if (far.length && !window.confirm(far.map(function (l) { return l.product.name + ' ' + l.cartons + ' 條'; }).join('、')
        + ' 遠高於該客戶的計畫量，確定嗎？')) { return; }
    var body = {
      retailerCode: current.retailerCode, outcome: outcome, startedAt: startedAt.toISOString(), endedAt: new Date().toISOString(),
      paymentReminded: $('payment-reminded').checked,
      noticesTold: outcome === 'CONNECTED' ? noticesTold() : [],
      lines: read.map(function (l) { return { productCode: l.product.code, cartons: l.cartons }; })
    };
    var headers = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
    headers[csrfHeader] = csrfToken;
    fetch('/api/orders', { method: 'POST', headers: headers, body: JSON.stringify(body), credentials: 'same-origin' })
      .then(function (response) { return response.json().then(function (json) { return { status: response.status, json: json }; }); })
      .then(function (result) {
        if (result.status === 201) {
          say('message', '已確認 ' + result.json.orderNumber + '：' + result.json.cartons + ' 條，應備貨款 ' + money(Number(result.json.amount)));
          current.calledToday = true;
          var told = body.noticesTold;
          current.noticesUntold = (current.noticesUntold || []).filter(function (id) { return told.indexOf(id) < 0; });
          $('notices').innerHTML = '';
          current = null;
          lines.innerHTML = '';
          $('retailer-name').textContent = '請選擇客戶';
          $('retailer-facts').textContent = '';
          $('payment-reminded').checked = false;
          document.querySelector('input[name=outcome][value=CONNECTED]').checked = true;
          showList();
          filter.value = '';
          filter.focus();
        } else {
          say('error', result.json.message || ('錯誤 ' + result.status));
          (result.json.refusedLines || []).forEach(function (refusal) {
            readLines().forEach(function (l) {
              if (l.product && l.product.code === refusal.productCode) {
                l.row.classList.add('refused');
                l.row.querySelector('.hint').textContent = refusal.reason;
              }
            });
          });
        }
      })
      .catch(function () { say('error', '無法連線，訂單未保存，請重試'); });
  }

  function recordEvent(e) {
    e.preventDefault();
    var kind = $('event-kind').value;
    var product = productOf($('event-product').value);
    var body = {
      kind: kind, note: $('event-note').value,
      retailerCode: kind !== 'DEVICE' && current ? current.retailerCode : null,
      productCode: product ? product.code : ($('event-product').value.trim() || null)
    };
    var headers = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
    headers[csrfHeader] = csrfToken;
    fetch('/api/special-events', { method: 'POST', headers: headers, body: JSON.stringify(body), credentials: 'same-origin' })
      .then(function (response) { return response.json().then(function (json) { return { status: response.status, json: json }; }); })
      .then(function (result) {
        if (result.status === 201) {
          say('message', $('event-form').dataset.saved
            + (result.json.feedbackNumber ? ' ' + $('event-form').dataset.feedback + result.json.feedbackNumber : ''));
          $('event-note').value = '';
          $('event-product').value = '';
        } else {
          say('error', result.json.message || ('錯誤 ' + result.status));
        }
      })
      .catch(function () { say('error', '無法連線，未保存，請重試'); });
  }

  function recordFeedback(e) {
    e.preventDefault();
    if (!current) { say('error', '請先選擇客戶'); return; }
    var product = productOf($('feedback-product').value);
    var body = { retailerCode: current.retailerCode, topic: $('feedback-topic').value, text: $('feedback-text').value,
      productCode: product ? product.code : ($('feedback-product').value.trim() || null) };
    var headers = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
    headers[csrfHeader] = csrfToken;
    fetch('/api/feedback', { method: 'POST', headers: headers, body: JSON.stringify(body), credentials: 'same-origin' })
      .then(function (response) { return response.json().then(function (json) { return { status: response.status, json: json }; }); })
      .then(function (result) {
        if (result.status === 201) {
          say('message', $('feedback-form').dataset.saved + ' ' + result.json.feedbackNumber);
          $('feedback-text').value = '';
          $('feedback-product').value = '';
          showFeedback(current);
        } else {
          say('error', result.json.message || ('錯誤 ' + result.status));
        }
      })
      .catch(function () { say('error', '無法連線，未保存，請重試'); });
  }

  $('event-form').addEventListener('submit', recordEvent);
  $('feedback-form').addEventListener('submit', recordFeedback);
  filter.addEventListener('input', function () { cursor = 0; showList(); });
  filter.addEventListener('keydown', function (e) {
    if (e.key === 'ArrowDown') { cursor = Math.min(cursor + 1, shown.length - 1); showList(); e.preventDefault(); }
    if (e.key === 'ArrowUp') { cursor = Math.max(cursor - 1, 0); showList(); e.preventDefault(); }
    if (e.key === 'Enter' && shown[cursor]) { e.preventDefault(); choose(shown[cursor]); }
  });
  $('add-line').addEventListener('click', addLine);
  $('order-form').addEventListener('submit', submit);
  document.addEventListener('keydown', function (e) { if (e.key === 'Enter' && e.ctrlKey) { submit(e); } });

  fetch('/api/call-lists/today', { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
    .then(function (response) { return response.json().then(function (json) { return { status: response.status, json: json }; }); })
    .then(function (result) {
      if (result.status !== 200) { say('error', result.json.message || ('錯誤 ' + result.status)); return; }
      list = result.json;
      showList();
      filter.focus();
    });
}());
