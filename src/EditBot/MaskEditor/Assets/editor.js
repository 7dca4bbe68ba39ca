// EditBot's mask editor. The mask is kept at the image's full size in an offscreen canvas (its alpha is the paint);
// the visible canvas shows the image scaled to the screen with the paint as a translucent overlay. Every change is an
// operation in a list, so undo and redo replay the list. Submitting sends a black-and-white PNG at the image's size.
(function () {
  "use strict";
  var main = document.getElementById("editor");
  var config = JSON.parse(main.dataset.config);
  var W = config.width, H = config.height;
  var view = document.getElementById("canvas");
  var stage = document.getElementById("stage");
  var ctx = view.getContext("2d");
  var mask = document.createElement("canvas");
  mask.width = W; mask.height = H;
  var mctx = mask.getContext("2d", { willReadFrequently: true });
  var tint = document.createElement("canvas");
  tint.width = W; tint.height = H;
  var tctx = tint.getContext("2d");
  var image = new Image();
  var ops = [], undone = [], current = null, tool = "brush", scale = 1, frame = 0, busy = false, done = false;
  var pointers = new Map(), hover = null;
  var $ = function (id) { return document.getElementById(id); };
  var sizeInput = $("brush-size"), status = $("status");

  function setStatus(text, kind, url) {
    status.textContent = text;
    status.className = "status" + (kind ? " " + kind : "");
    if (url) {
      var a = document.createElement("a");
      a.id = "result-link"; a.href = url; a.rel = "noreferrer"; a.textContent = "Open Discord";
      status.appendChild(document.createTextNode(" "));
      status.appendChild(a);
    }
  }

  // ---- drawing on the mask (image coordinates) ----
  function apply(op, target) {
    var c = target || mctx;
    c.save();
    c.globalCompositeOperation = op.erase ? "destination-out" : "source-over";
    c.fillStyle = c.strokeStyle = "#fff";
    if (op.type === "stroke") {
      c.lineWidth = op.size; c.lineCap = c.lineJoin = "round";
      c.beginPath();
      c.moveTo(op.points[0][0], op.points[0][1]);
      for (var i = 1; i < op.points.length; i++) c.lineTo(op.points[i][0], op.points[i][1]);
      if (op.points.length === 1) c.lineTo(op.points[0][0] + 0.01, op.points[0][1]);
      c.stroke();
    } else if (op.type === "rect") {
      c.fillRect(Math.min(op.x0, op.x1), Math.min(op.y0, op.y1), Math.abs(op.x1 - op.x0), Math.abs(op.y1 - op.y0));
    } else if (op.type === "lasso" && op.points.length > 2) {
      c.beginPath();
      c.moveTo(op.points[0][0], op.points[0][1]);
      for (var j = 1; j < op.points.length; j++) c.lineTo(op.points[j][0], op.points[j][1]);
      c.closePath(); c.fill();
    } else if (op.type === "invert") {
      c.globalCompositeOperation = "xor"; c.fillRect(0, 0, W, H);
    } else if (op.type === "clear") {
      c.clearRect(0, 0, W, H);
    }
    c.restore();
  }

  function replay() {
    mctx.clearRect(0, 0, W, H);
    ops.forEach(function (op) { apply(op); });
  }

  function commit(op) {
    ops.push(op); undone = [];
    apply(op);
    changed();
  }

  function changed() {
    $("undo").disabled = ops.length === 0 || done;
    $("redo").disabled = undone.length === 0 || done;
    render();
  }

  // ---- showing ----
  function render() {
    if (frame) return;
    frame = requestAnimationFrame(function () {
      frame = 0;
      if (!image.naturalWidth) return;
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, view.width, view.height);
      ctx.drawImage(image, 0, 0, view.width, view.height);
      tctx.globalCompositeOperation = "copy";
      tctx.drawImage(mask, 0, 0);
      if (current && current.type !== "stroke") apply(current, tctx);
      tctx.globalCompositeOperation = "source-in";
      tctx.fillStyle = "rgba(88, 101, 242, 0.55)";
      tctx.fillRect(0, 0, W, H);
      ctx.drawImage(tint, 0, 0, view.width, view.height);
      if (current && current.type === "lasso" && current.points.length > 1) {
        var k = view.width / W;
        ctx.strokeStyle = "#fff"; ctx.lineWidth = 2; ctx.setLineDash([6, 4]);
        ctx.beginPath();
        current.points.forEach(function (p, i) { if (i) ctx.lineTo(p[0] * k, p[1] * k); else ctx.moveTo(p[0] * k, p[1] * k); });
        ctx.stroke(); ctx.setLineDash([]);
      }
      if (hover && (tool === "brush" || tool === "eraser")) {
        // The brush's outline at its size on screen (the size is in image pixels).
        var r = Number(sizeInput.value) / 2 * (view.width / W);
        ctx.strokeStyle = "rgba(255, 255, 255, 0.8)"; ctx.lineWidth = 1;
        ctx.beginPath(); ctx.arc(hover[0] * view.width / W, hover[1] * view.height / H, r, 0, 2 * Math.PI); ctx.stroke();
      }
    });
  }

  function fit() {
    var ratio = window.devicePixelRatio || 1;
    var availableWidth = Math.max(100, stage.clientWidth - 12);
    // Wide screens (the form beside the image): the image fills the screen below the tools. Narrow ones: a share of
    // the height, so the prompt and Edit stay a short scroll away.
    var below = window.innerHeight - stage.getBoundingClientRect().top - window.scrollY - 24;
    var availableHeight = Math.max(160, window.innerWidth >= 900 ? below : window.innerHeight * (window.innerWidth < 600 ? 0.55 : 0.68));
    scale = Math.min(availableWidth / W, availableHeight / H);
    view.style.width = Math.round(W * scale) + "px";
    view.style.height = Math.round(H * scale) + "px";
    view.width = Math.max(1, Math.round(W * scale * ratio));
    view.height = Math.max(1, Math.round(H * scale * ratio));
    render();
  }

  // ---- pointer input: mouse, pen and touch; a second finger (pinch) cancels the stroke ----
  function point(e) {
    var box = view.getBoundingClientRect();
    return [Math.max(0, Math.min(W, (e.clientX - box.left) * W / box.width)), Math.max(0, Math.min(H, (e.clientY - box.top) * H / box.height))];
  }

  function begin(p) {
    if (status.classList.contains("error")) setStatus("");
    var size = Number(sizeInput.value);
    if (tool === "brush" || tool === "eraser") current = { type: "stroke", erase: tool === "eraser", size: size, points: [p] };
    else if (tool === "rect") current = { type: "rect", x0: p[0], y0: p[1], x1: p[0], y1: p[1] };
    else current = { type: "lasso", points: [p] };
    if (current.type === "stroke") apply(current);
    render();
  }

  view.addEventListener("pointerdown", function (e) {
    if (done || (e.pointerType === "mouse" && e.button !== 0)) return;
    if (e.isPrimary) pointers.clear();
    pointers.set(e.pointerId, true);
    if (pointers.size > 1) { cancelStroke(); return; }
    view.setPointerCapture(e.pointerId);
    e.preventDefault();
    begin(point(e));
  });

  view.addEventListener("pointermove", function (e) {
    if (e.pointerType !== "touch") { hover = point(e); if (!current) render(); }
    if (!current || !pointers.has(e.pointerId) || pointers.size > 1) return;
    var events = e.getCoalescedEvents ? e.getCoalescedEvents() : [e];
    if (!events.length) events = [e];
    events.forEach(function (ev) {
      var p = point(ev);
      if (current.type === "stroke") {
        var last = current.points[current.points.length - 1];
        current.points.push(p);
        apply({ type: "stroke", erase: current.erase, size: current.size, points: [last, p] });
      } else if (current.type === "rect") { current.x1 = p[0]; current.y1 = p[1]; }
      else current.points.push(p);
    });
    render();
  });

  function end(e) {
    pointers.delete(e.pointerId);
    if (!current) return;
    var op = current; current = null;
    if (op.type === "stroke") { replay(); commit(op); }
    else if (op.type === "rect" && Math.abs(op.x1 - op.x0) >= 1 && Math.abs(op.y1 - op.y0) >= 1) commit(op);
    else if (op.type === "lasso" && op.points.length > 2) commit(op);
    else render();
  }

  function cancelStroke() {
    if (current) { current = null; replay(); render(); }
  }

  view.addEventListener("pointerup", end);
  view.addEventListener("pointerleave", function () { hover = null; render(); });
  view.addEventListener("pointercancel", function (e) { pointers.delete(e.pointerId); cancelStroke(); });

  // ---- tools and buttons ----
  function choose(name) {
    tool = name;
    ["brush", "eraser", "rect", "lasso"].forEach(function (t) { $("tool-" + t).setAttribute("aria-pressed", String(t === name)); });
  }

  ["brush", "eraser", "rect", "lasso"].forEach(function (t) { $("tool-" + t).addEventListener("click", function () { choose(t); }); });
  function showSize() { $("brush-size-value").textContent = sizeInput.value + " px"; render(); }
  sizeInput.addEventListener("input", showSize);
  $("undo").addEventListener("click", undo);
  $("redo").addEventListener("click", redo);
  $("invert").addEventListener("click", function () { commit({ type: "invert" }); });
  $("clear").addEventListener("click", function () { if (ops.length) commit({ type: "clear" }); });

  function undo() { if (ops.length && !done) { undone.push(ops.pop()); replay(); changed(); } }
  function redo() { if (undone.length && !done) { var op = undone.pop(); ops.push(op); apply(op); changed(); } }

  document.addEventListener("keydown", function (e) {
    var typing = /^(TEXTAREA|INPUT|SELECT)$/.test(e.target.tagName) && e.target !== sizeInput;
    var key = e.key.toLowerCase();
    if ((e.ctrlKey || e.metaKey) && !typing) {
      if (key === "z" && !e.shiftKey) { e.preventDefault(); undo(); }
      else if ((key === "z" && e.shiftKey) || key === "y") { e.preventDefault(); redo(); }
      return;
    }
    if (typing || e.altKey || e.ctrlKey || e.metaKey) return;
    if (key === "escape") { cancelStroke(); return; }
    var tools = { b: "brush", e: "eraser", r: "rect", l: "lasso" };
    if (tools[key]) { choose(tools[key]); }
    else if (key === "[" || key === "]") {
      var step = Math.max(1, Math.round(Number(sizeInput.value) * 0.15));
      sizeInput.value = String(Number(sizeInput.value) + (key === "]" ? step : -step));
      sizeInput.dispatchEvent(new Event("input"));
    }
  });

  // ---- the form ----
  function fill(select, values, chosen) {
    values.forEach(function (v) {
      var o = document.createElement("option");
      o.value = v; o.textContent = v; o.selected = v === chosen;
      select.appendChild(o);
    });
  }

  // Both read the painted layer's pixels as Edit found them, read once (a full-size getImageData copies W×H×4 bytes).
  function painted(source) {
    var data = source.data;
    for (var i = 3; i < data.length; i += 4) if (data[i] >= 128) return true;
    return false;
  }

  function maskPng(source) {
    var out = document.createElement("canvas");
    out.width = W; out.height = H;
    var o = out.getContext("2d");
    var target = o.createImageData(W, H);
    for (var i = 0; i < source.data.length; i += 4) {
      var v = source.data[i + 3] >= 128 ? 255 : 0;
      target.data[i] = target.data[i + 1] = target.data[i + 2] = v;
      target.data[i + 3] = 255;
    }
    o.putImageData(target, 0, 0);
    return new Promise(function (resolve) { out.toBlob(resolve, "image/png"); });
  }

  $("form").addEventListener("submit", function (e) {
    e.preventDefault();
    if (busy || done) return;
    var prompt = $("prompt").value.trim();
    var pixels = mctx.getImageData(0, 0, W, H);
    if (!painted(pixels)) { setStatus("Paint the area to change first.", "error"); return; }
    if (!prompt) { setStatus("Say what should change in the painted area.", "error"); $("prompt").focus(); return; }
    var count = Number($("count").value);
    if (!(count >= 1 && count <= config.maxCount && count % 1 === 0)) { setStatus("Versions must be a whole number from 1 to " + config.maxCount + ".", "error"); $("count").focus(); return; }
    busy = true; $("submit").disabled = true;
    setStatus("Sending…");
    maskPng(pixels).then(function (blob) {
      var body = new FormData();
      body.append("mask", blob, "mask.png");
      body.append("prompt", prompt);
      body.append("size", $("size").value);
      body.append("quality", $("quality").value);
      body.append("count", String(count));
      return fetch(location.href.split(/[?#]/)[0], { method: "POST", body: body, credentials: "omit" });
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (answer) {
        if (typeof answer.message !== "string") answer = { ok: false, message: "The bot answered " + response.status + "; try again." };
        answer.gone = response.status === 410;
        return answer;
      });
    }).then(function (answer) {
      busy = false;
      if (answer.ok) {
        done = true;
        Array.prototype.forEach.call(document.querySelectorAll("button, input, select, textarea"), function (el) { el.disabled = true; });
      } else {
        // 410: the link expired or was used, so Edit cannot work again; otherwise the drawing stays for a fix.
        $("submit").disabled = answer.gone;
      }
      setStatus(answer.message, answer.ok ? "ok" : "error", answer.url);
    }, function () {
      busy = false; $("submit").disabled = false;
      setStatus("Couldn't reach the bot; check your connection and press Edit again.", "error");
    });
  });

  sizeInput.max = String(Math.max(16, Math.round(Math.max(W, H) / 4)));
  sizeInput.value = String(Math.max(4, Math.round(Math.min(W, H) / 12)));
  showSize();
  $("prompt").value = config.prompt || "";
  $("prompt").maxLength = config.maxPromptLength;
  fill($("size"), config.sizes, config.size);
  fill($("quality"), config.qualities, config.quality);
  $("count").max = String(config.maxCount);
  $("count").value = String(config.count);

  image.onload = function () {
    fit();
    window.addEventListener("resize", fit);
    changed();
    document.body.dataset.ready = "1";
  };
  image.onerror = function () { setStatus("The image could not be loaded; the link may have expired. Open a new one from Discord.", "error"); };
  image.src = config.image;
})();
