// Citation picker for the expert's answer form (templates/consult/admin_question): the search box
// asks /api/v1/search and each hit gets a «Thêm» button that appends "Điều N <document>" to the
// citations textarea. Without this file the same form reloads the page with the hits listed.
(function () {
  "use strict";
  // The same rule as picker_line() in src/consult/admin_routes.cpp.
  function line(hit) {
    var title = hit.document_title || "";
    var doc = Array.from(title).length <= 80 || !hit.document_number ? title : hit.document_number;
    return "Điều " + hit.article + " " + doc;
  }

  function append(textarea, text) {
    var lines = textarea.value.split("\n").map(function (l) { return l.trim(); });
    if (lines.indexOf(text) >= 0) return false;
    var value = textarea.value.replace(/\s+$/, "");
    textarea.value = (value ? value + "\n" : "") + text + "\n";
    return true;
  }

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }

  document.addEventListener("DOMContentLoaded", function () {
    var form = document.querySelector("form[data-citation-search]");
    if (!form || !window.fetch) return;
    var results = document.querySelector("[data-citation-results]");
    var target = document.getElementById(form.getAttribute("data-target"));
    var input = form.querySelector("input[type=search]");
    if (!results || !target || !input) return;

    // «Thêm»: appends the line to the citations box and says so to screen readers.
    function addButton(parent, text) {
      var button = el("button", "Thêm");
      button.type = "button";
      button.setAttribute("aria-label", "Thêm " + text + " vào trích dẫn");
      button.addEventListener("click", function () {
        var added = append(target, text);
        button.textContent = added ? "Đã thêm" : "Đã có";
        status.textContent = added ? "Đã thêm " + text + " vào ô trích dẫn." : text + " đã có trong ô trích dẫn.";
      });
      var link = parent.querySelector("a");
      parent.insertBefore(button, link ? link.nextSibling : null);
    }

    function render(hits) {
      results.textContent = "";
      var usable = hits.filter(function (h) { return h.article; });
      if (!usable.length) {
        results.appendChild(el("p", "Không tìm thấy điều luật phù hợp."));
        return;
      }
      results.appendChild(el("p", "Tìm thấy " + usable.length + " điều luật.", "visually-hidden"));
      var list = el("ul", "", "picker-hits");
      usable.forEach(function (hit) {
        var text = line(hit);
        var li = el("li");
        li.appendChild(el("code", text, "citation-line"));
        li.appendChild(document.createTextNode(" — "));
        var a = el("a", hit.title || text);
        a.href = hit.url;
        li.appendChild(a);
        addButton(li, text);
        list.appendChild(li);
      });
      results.appendChild(list);
    }

    var status = el("p", "", "visually-hidden");
    status.setAttribute("role", "status");
    form.appendChild(status);

    form.addEventListener("submit", function (event) {
      var q = input.value.trim();
      event.preventDefault();
      if (!q) return;
      results.textContent = "Đang tìm…";
      fetch("/api/v1/search?limit=8&q=" + encodeURIComponent(q), { headers: { Accept: "application/json" } })
        .then(function (r) {
          if (!r.ok) throw new Error(String(r.status));
          return r.json();
        })
        .then(function (body) { render(body.hits || []); })
        .catch(function () {
          results.textContent = "";
          results.appendChild(el("p", "Không tìm được lúc này. Hãy gõ trích dẫn trực tiếp vào ô, ví dụ: Điều 5 Luật Cư trú."));
        });
    });

    // Hits the page was rendered with (search without JavaScript) get their buttons too.
    var rendered = results.querySelectorAll("code.citation-line");
    for (var i = 0; i < rendered.length; i++) addButton(rendered[i].parentNode, rendered[i].textContent);
  });
})();
