// Proof of work for anonymous questions (src/antispam/proof_of_work.h). For every form with a
// data-pow-challenge attribute it finds the smallest nonce 0, 1, 2, ... such that
// SHA-256(challenge + ":" + nonce) starts with `bits` zero bits (the challenge's third field),
// writes it into the hidden input pow_nonce and only then enables the submit button.
// This same file is also the Web Worker that does the work off the page's thread.
(function (global) {
  "use strict";

  // --- SHA-256 in plain JavaScript: pages served over plain HTTP on a LAN address have no
  // crypto.subtle. Only the last block or two are hashed per nonce: the challenge's full
  // 64-byte blocks are hashed once.
  var K = [
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2];
  var IV = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];

  // One 64-byte block of `bytes` at `offset` into the state h.
  function compress(h, w, bytes, offset) {
    var i, a, b, c, d, e, f, g, k, t1, t2, x, y;
    for (i = 0; i < 16; i++, offset += 4)
      w[i] = bytes[offset] << 24 | bytes[offset + 1] << 16 | bytes[offset + 2] << 8 | bytes[offset + 3];
    for (i = 16; i < 64; i++) {
      x = w[i - 15];
      y = w[i - 2];
      w[i] = ((x >>> 7 | x << 25) ^ (x >>> 18 | x << 14) ^ x >>> 3) + w[i - 16] +
             ((y >>> 17 | y << 15) ^ (y >>> 19 | y << 13) ^ y >>> 10) + w[i - 7] | 0;
    }
    a = h[0]; b = h[1]; c = h[2]; d = h[3]; e = h[4]; f = h[5]; g = h[6]; k = h[7];
    for (i = 0; i < 64; i++) {
      t1 = k + ((e >>> 6 | e << 26) ^ (e >>> 11 | e << 21) ^ (e >>> 25 | e << 7)) + (e & f ^ ~e & g) + K[i] + w[i] | 0;
      t2 = ((a >>> 2 | a << 30) ^ (a >>> 13 | a << 19) ^ (a >>> 22 | a << 10)) + (a & b ^ a & c ^ b & c) | 0;
      k = g; g = f; f = e; e = d + t1 | 0; d = c; c = b; b = a; a = t1 + t2 | 0;
    }
    h[0] = h[0] + a | 0; h[1] = h[1] + b | 0; h[2] = h[2] + c | 0; h[3] = h[3] + d | 0;
    h[4] = h[4] + e | 0; h[5] = h[5] + f | 0; h[6] = h[6] + g | 0; h[7] = h[7] + k | 0;
  }

  function ascii(s) {
    var out = new Uint8Array(s.length);
    for (var i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 0xff;
    return out;
  }

  // Hashes challenge + ":" + nonce for many nonces; zeroBits(nonce) gives the leading zero bits.
  function Hasher(challenge) {
    var prefix = ascii(challenge + ":");
    var full = prefix.length - prefix.length % 64;
    this.length = prefix.length;
    this.mid = new Int32Array(IV);
    this.w = new Int32Array(64);
    for (var off = 0; off < full; off += 64) compress(this.mid, this.w, prefix, off);
    this.tail = prefix.length - full;
    this.buf = new Uint8Array(128);  // tail (< 64) + nonce (<= 20) + padding: two blocks at most
    this.buf.set(prefix.subarray(full));
    this.h = new Int32Array(8);
  }
  Hasher.prototype.zeroBits = function (nonce) {
    var buf = this.buf, n = this.tail, i;
    for (i = 0; i < nonce.length; i++) buf[n++] = nonce.charCodeAt(i);
    buf[n++] = 0x80;
    var end = n + 8 <= 64 ? 64 : 128;
    while (n < end - 4) buf[n++] = 0;
    var bitLength = (this.length + nonce.length) * 8;
    buf[end - 4] = bitLength >>> 24; buf[end - 3] = bitLength >>> 16; buf[end - 2] = bitLength >>> 8; buf[end - 1] = bitLength;
    this.h.set(this.mid);
    for (i = 0; i < end; i += 64) compress(this.h, this.w, buf, i);
    return wordsZeroBits(this.h);
  };

  function wordsZeroBits(words) {
    for (var i = 0, n = 0; i < words.length; i++, n += 32) if (words[i] !== 0) return n + Math.clz32(words[i]);
    return n;
  }

  function bytesZeroBits(bytes) {
    for (var i = 0, n = 0; i < bytes.length; i++, n += 8) if (bytes[i] !== 0) return n + Math.clz32(bytes[i]) - 24;
    return n;
  }

  // The difficulty written in the challenge (v1.<issued>.<bits>.<random>.<mac>); null if none.
  function challengeBits(challenge) {
    var f = String(challenge).split(".");
    var bits = f.length === 5 && /^\d{1,2}$/.test(f[2]) ? parseInt(f[2], 10) : -1;
    return bits >= 0 && bits <= 32 ? bits : null;
  }

  // Checks nonces from..from+count-1 through crypto.subtle; resolves to the first that solves, or null.
  function subtleBatch(subtle, challenge, bits, from, count) {
    var digests = [];
    try {
      for (var i = 0; i < count; i++) digests.push(subtle.digest("SHA-256", ascii(challenge + ":" + (from + i))));
    } catch (e) {
      return Promise.reject(e);  // some browsers throw instead of rejecting
    }
    return Promise.all(digests).then(function (results) {
      for (var j = 0; j < results.length; j++) if (bytesZeroBits(new Uint8Array(results[j])) >= bits) return String(from + j);
      return null;
    });
  }

  // Finds the smallest nonce and calls done(nonce, method), method being "js" or "webcrypto".
  // The plain-JS hasher runs in slices of sliceMs milliseconds with a setTimeout between them,
  // so a page that must do the work itself stays responsive (Infinity in a Worker).
  // Both ways are timed on this device and the faster one is kept: compiled JS beats
  // crypto.subtle, which costs a promise per hash, about tenfold, but where the browser runs
  // JS without its optimising compiler (lockdown or "jitless" modes) webcrypto is 5x faster.
  var BATCH = 256;
  function solve(challenge, bits, subtle, sliceMs, done) {
    var hasher = new Hasher(challenge);
    var next = 0;
    var jsRate = 0;  // hashes per millisecond
    function js(ms) {
      var start = next, t0 = Date.now(), stop = t0 + ms;
      do {
        for (var k = 0; k < 1000; k++, next++) {
          if (hasher.zeroBits(String(next)) >= bits) {
            done(String(next), "js");
            return true;
          }
        }
      } while (Date.now() < stop);
      jsRate = (next - start) / Math.max(1, Date.now() - t0);
      return false;
    }
    function jsLoop() {
      if (!js(sliceMs)) setTimeout(jsLoop, 0);
    }
    function batch(then) {
      var t0 = Date.now();
      subtleBatch(subtle, challenge, bits, next, BATCH).then(function (nonce) {
        if (nonce !== null) return done(nonce, "webcrypto");
        next += BATCH;
        then(BATCH / Math.max(1, Date.now() - t0));
      }, function () {
        then(0);  // the browser refused: plain JS takes over
      });
    }
    function webcryptoLoop() {
      batch(function (rate) {
        if (rate === 0) jsLoop();
        else if (sliceMs === Infinity) webcryptoLoop();
        else setTimeout(webcryptoLoop, 0);
      });
    }
    if (js(Math.min(sliceMs, 30))) return;
    if (!subtle) return jsLoop();
    batch(function (rate) {
      if (rate > jsRate) webcryptoLoop(); else jsLoop();
    });
  }

  function subtleOf(scope) {
    return scope.crypto && scope.crypto.subtle && typeof scope.crypto.subtle.digest === "function" ? scope.crypto.subtle : null;
  }

  var api = { Hasher: Hasher, solve: solve, subtleBatch: subtleBatch, challengeBits: challengeBits };
  if (typeof module === "object" && module.exports) module.exports = api;  // tests under node

  // --- Inside the Web Worker: one message { challenge, bits } in, { nonce } out.
  if (typeof importScripts === "function" && typeof document === "undefined") {
    global.onmessage = function (event) {
      solve(event.data.challenge, event.data.bits, subtleOf(global), Infinity, function (nonce, method) {
        global.postMessage({ nonce: nonce, method: method });
      });
    };
    return;
  }
  if (typeof document === "undefined") return;

  // --- On the page.
  var SCRIPT_URL = document.currentScript && document.currentScript.src;
  var WORKING = "Đang kiểm tra chống thư rác…";
  var DONE = "Đã kiểm tra xong, bạn có thể gửi.";

  // In a Worker when the browser allows one, else on this thread in short slices.
  function solveSomewhere(challenge, bits, done) {
    var finished = false;
    function finish(nonce, method) {
      if (finished) return;
      finished = true;
      done(nonce, method);
    }
    function here() { solve(challenge, bits, subtleOf(global), 40, finish); }
    if (!SCRIPT_URL || typeof Worker !== "function") return here();
    var worker;
    try {
      worker = new Worker(SCRIPT_URL);
    } catch (e) {
      return here();  // blocked by policy, or no worker support for this URL
    }
    worker.onmessage = function (event) {
      worker.terminate();
      finish(event.data.nonce, event.data.method);
    };
    worker.onerror = function (event) {
      if (event && event.preventDefault) event.preventDefault();
      worker.terminate();
      here();
    };
    worker.postMessage({ challenge: challenge, bits: bits });
  }

  function start(form) {
    var challengeInput = form.querySelector('input[name="pow_challenge"]');
    var nonceInput = form.querySelector('input[name="pow_nonce"]');
    if (!challengeInput || !nonceInput) return;
    var bits = challengeBits(challengeInput.value);
    if (bits === null) return;  // the server will say what is wrong
    var buttons = form.querySelectorAll('button:not([type]), button[type="submit"], input[type="submit"]');
    var status = form.querySelector("[data-pow-status]");
    if (!status) {
      status = document.createElement("p");
      status.setAttribute("data-pow-status", "");
      status.setAttribute("role", "status");
      status.setAttribute("aria-live", "polite");
      form.appendChild(status);
    }
    status.hidden = false;
    var ready = false;
    function setBusy(busy) {
      for (var i = 0; i < buttons.length; i++) buttons[i].disabled = busy;
      if (busy) form.setAttribute("aria-busy", "true"); else form.removeAttribute("aria-busy");
    }
    setBusy(true);
    status.textContent = WORKING;
    // Enter in a text field must not send the form before the nonce is there.
    form.addEventListener("submit", function (event) {
      if (!ready) event.preventDefault();
    });
    solveSomewhere(challengeInput.value, bits, function (nonce, method) {
      nonceInput.value = nonce;
      form.setAttribute("data-pow-method", method);  // for diagnostics and tests
      ready = true;
      setBusy(false);
      status.textContent = DONE;
    });
  }

  function startAll() {
    var forms = document.querySelectorAll("form[data-pow-challenge]");
    for (var i = 0; i < forms.length; i++) start(forms[i]);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", startAll);
  else startAll();
})(typeof self !== "undefined" ? self : this);
