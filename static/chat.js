// The chat panel of public pages: progressive enhancement of the "Hỏi đáp pháp luật" link
// (templates/partials/chat_panel.mustache). Without this file, or in a browser that lacks what it
// needs, the link simply leads to the plain question page /hoi-dap-tu-dong.
//
// The panel is a NON-MODAL <dialog> (opened with show(), not showModal()): it is a helper beside
// the page, so the visitor can keep reading and scrolling the page, copy words from it into the
// question, and follow citation links, none of which a modal (which makes the page inert) allows.
// Esc and the close button close it and return focus to the launcher.
//
// Server strings are only ever set with textContent or as an href checked to be a same-site path,
// never parsed as HTML. POST /api/v1/answer and /api/v1/answer/handoff need no CSRF token: see
// answer_routes.cpp (they require a JSON Content-Type, which no cross-site form can send, and act
// for no account).
(function () {
  "use strict";
  var ENDPOINT = "/api/v1/answer";
  var HANDOFF_ENDPOINT = "/api/v1/answer/handoff";
  var CONVERSATION_KEY = "phobien.chat.conversation";
  var TIMEOUT_MS = 30000;
  var TEXT = {
    you: "Bạn hỏi:",
    answer: "Trả lời:",
    busy: "Đang tìm câu trả lời…",
    sources: "Căn cứ pháp lý",
    more: "Các quy định gần với câu hỏi khác",
    clause: "khoản",
    validity: "Tình trạng hiệu lực: ",
    validityUnknown: "chưa xác định",
    handoff: "Hệ thống chưa chắc chắn về câu trả lời này.",
    handoffButton: "Chuyển câu hỏi cho luật sư, luật gia",
    handoffBusy: "Đang chuyển câu hỏi…",
    handoffLink: "Gửi câu hỏi kèm thông tin liên hệ để nhận trả lời riêng",
    related: "Luật sư, luật gia đã trả lời câu hỏi tương tự",
    network: "Không kết nối được với máy chủ. Vui lòng kiểm tra kết nối mạng rồi thử lại.",
    timeout: "Máy chủ phản hồi quá lâu. Vui lòng thử lại sau ít phút.",
    failed: "Đã có lỗi xảy ra. Vui lòng thử lại sau.",
  };

  function reducedMotion() {
    return !!(window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches);
  }

  // An element with the given class and text (as text, never as HTML).
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = String(text);
    return node;
  }

  // Only same-site paths: a citation URL is never allowed to be javascript: or another site.
  function safePath(url) {
    return typeof url === "string" && url.charAt(0) === "/" && url.charAt(1) !== "/" && url.charAt(1) !== "\\" ? url : null;
  }

  function loadConversation() {
    try { return sessionStorage.getItem(CONVERSATION_KEY) || ""; } catch (e) { return ""; }
  }
  function saveConversation(id) {
    if (typeof id !== "string" || !/^[A-Za-z0-9_-]{8,64}$/.test(id)) return;
    try { sessionStorage.setItem(CONVERSATION_KEY, id); } catch (e) { /* storage disabled: one question at a time */ }
  }

  function citationItem(c) {
    var li = el("li");
    var label = "Điều " + c.article + " " + c.document_title;
    var href = safePath(c.url);
    if (href) {
      var a = el("a", null, label);
      a.href = href;
      li.appendChild(a);
    } else {
      li.appendChild(document.createTextNode(label));
    }
    if (c.clause) li.appendChild(document.createTextNode(" (" + TEXT.clause + " " + c.clause + ")"));
    if (c.quote) li.appendChild(el("blockquote", null, c.quote + (c.quote_shortened ? " […]" : "")));
    li.appendChild(el("p", "validity", TEXT.validity + (c.validity || TEXT.validityUnknown)));
    return li;
  }

  function answerMessage(data, question) {
    var box = el("div", "chat-msg chat-answer");
    box.appendChild(el("p", "chat-who", TEXT.answer));
    if (data.handoff === true) {
      box.appendChild(el("p", "alert notice", TEXT.handoff));
      box.appendChild(handoffButton(question, data.conversation_id));
      // The consultation form: a hand-off has no contact to answer to.
      var link = el("a", null, TEXT.handoffLink);
      link.href = "/tu-van";
      var more = el("p");
      more.appendChild(link);
      box.appendChild(more);
    }
    String(data.answer).split("\n").forEach(function (line) {
      if (line.trim()) box.appendChild(el("p", null, line));
    });
    var citations = Array.isArray(data.citations) ? data.citations : [];
    if (citations.length) {
      box.appendChild(el("h3", null, TEXT.sources));
      var first = el("ol");
      first.appendChild(citationItem(citations[0]));
      box.appendChild(first);
      // The rest stay folded: a screen reader reads the new answer once, not five quotes.
      if (citations.length > 1) {
        var details = el("details");
        details.appendChild(el("summary", null, TEXT.more + " (" + (citations.length - 1) + ")"));
        var rest = el("ol");
        rest.start = 2;
        for (var i = 1; i < citations.length; i++) rest.appendChild(citationItem(citations[i]));
        details.appendChild(rest);
        box.appendChild(details);
      }
    }
    var related = Array.isArray(data.related_questions) ? data.related_questions : [];
    if (related.length) {
      box.appendChild(el("h3", null, TEXT.related));
      var list = el("ul");
      related.forEach(function (r) {
        var href = safePath(r.url);
        if (!href) return;
        var item = el("li");
        var a = el("a", null, String(r.title));
        a.href = href;
        item.appendChild(a);
        list.appendChild(item);
      });
      box.appendChild(list);
    }
    return box;
  }

  function questionMessage(question) {
    var box = el("div", "chat-msg chat-question");
    box.appendChild(el("p", "chat-who", TEXT.you));
    box.appendChild(el("p", null, question));
    return box;
  }

  // The server's own Vietnamese message when it sent one, else a message for the status.
  function errorFromResponse(status, body) {
    if (body && body.error && typeof body.error.message === "string") return body.error.message;
    return TEXT.failed + " (" + status + ")";
  }

  // POSTs `payload` as JSON; resolves with the parsed body when `accept(body)` holds, otherwise
  // rejects with a Vietnamese message (the server's, or one for the network or the timeout).
  function postJson(url, payload, accept) {
    var controller = window.AbortController ? new AbortController() : null;
    var timer = controller ? setTimeout(function () { controller.abort(); }, TIMEOUT_MS) : 0;
    return fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Accept": "application/json" },
      body: JSON.stringify(payload),
      credentials: "same-origin",
      signal: controller ? controller.signal : undefined,
    }).then(function (res) {
      return res.json().catch(function () { return null; }).then(function (body) {
        if (!res.ok || !body || !accept(body)) throw new Error(errorFromResponse(res.status, body));
        return body;
      });
    }, function (e) {
      throw new Error(e && e.name === "AbortError" ? TEXT.timeout : TEXT.network);
    }).finally(function () { clearTimeout(timer); });
  }

  // The button under an unsure answer: the asker's own request to hand the question to experts
  // (the answer alone never does). Replaced by the server's confirmation or error.
  function handoffButton(question, conversation) {
    var button = el("button", "chat-handoff", TEXT.handoffButton);
    button.type = "button";
    button.addEventListener("click", function () {
      if (button.getAttribute("aria-disabled") === "true") return;
      button.setAttribute("aria-disabled", "true");
      button.textContent = TEXT.handoffBusy;
      var payload = { question: question };
      if (conversation) payload.conversation_id = conversation;
      postJson(HANDOFF_ENDPOINT, payload, function (body) { return typeof body.message === "string"; }).then(function (body) {
        button.replaceWith(el("p", "alert notice", body.message));
      }, function (e) {
        button.removeAttribute("aria-disabled");
        button.textContent = TEXT.handoffButton;
        button.after(el("p", "chat-error", e.message));
      });
    });
    return button;
  }

  function init() {
    var link = document.getElementById("chat-launcher");
    var panel = document.getElementById("chat-panel");
    if (!link || !panel || typeof panel.show !== "function" || !window.fetch || !window.JSON) return;
    var log = panel.querySelector(".chat-log");
    var status = panel.querySelector(".chat-status");
    var form = panel.querySelector(".chat-form");
    var input = panel.querySelector("textarea");
    var send = panel.querySelector(".chat-send");
    var closeButton = panel.querySelector(".chat-close");
    var busy = false;

    // The link becomes a button that opens the panel (Enter and Space work natively).
    var launcher = el("button", link.className);
    while (link.firstChild) launcher.appendChild(link.firstChild);
    launcher.type = "button";
    launcher.id = link.id;
    launcher.setAttribute("aria-haspopup", "dialog");
    launcher.setAttribute("aria-controls", panel.id);
    link.replaceWith(launcher);

    function open() {
      panel.show();
      launcher.hidden = true;
      input.focus();
    }
    function close() {
      if (panel.open) panel.close();
      launcher.hidden = false;
      launcher.focus();
    }
    function setBusy(on) {
      busy = on;
      log.setAttribute("aria-busy", on ? "true" : "false");
      send.setAttribute("aria-disabled", on ? "true" : "false");
      status.textContent = on ? TEXT.busy : "";
    }
    function append(node) {
      log.appendChild(node);
      // Show the start of the new message: long answers are read from the top.
      var top = node.offsetTop - log.offsetTop - 8;
      if (log.scrollTo) log.scrollTo({ top: top, behavior: reducedMotion() ? "auto" : "smooth" });
      else log.scrollTop = top;
    }

    function ask(question) {
      var payload = { question: question };
      var conversation = loadConversation();
      if (conversation) payload.conversation_id = conversation;
      return postJson(ENDPOINT, payload, function (body) { return typeof body.answer === "string"; });
    }

    function submit() {
      if (busy) return;
      var question = input.value.trim();
      if (!question) { input.focus(); return; }
      append(questionMessage(question));
      input.value = "";
      setBusy(true);
      ask(question).then(function (data) {
        saveConversation(data.conversation_id);
        setBusy(false);
        append(answerMessage(data, question));
      }, function (e) {
        setBusy(false);
        append(el("p", "chat-msg chat-error", e.message));
        // Keep the question so it can be sent again.
        if (!input.value) input.value = question;
      });
    }

    launcher.addEventListener("click", open);
    closeButton.addEventListener("click", close);
    // Esc inside the panel closes it and returns to the launcher. Esc elsewhere on the page also
    // closes it (focus stays put): on a phone the open panel may cover the element in focus.
    document.addEventListener("keydown", function (e) {
      if (e.key !== "Escape" || !panel.open) return;
      e.preventDefault();
      if (panel.contains(document.activeElement)) {
        close();
      } else {
        panel.close();
        launcher.hidden = false;
      }
    });
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      submit();
    });
    input.addEventListener("keydown", function (e) {
      // Enter sends, Shift+Enter is a new line. Never while an input method (Telex, VNI) is
      // composing a syllable: that Enter belongs to the input method.
      if (e.key !== "Enter" || e.shiftKey || e.isComposing || e.keyCode === 229) return;
      e.preventDefault();
      if (form.reportValidity()) submit();
    });
  }

  document.addEventListener("DOMContentLoaded", init);
})();
