// rtc4j web demo: joins a room on the rtc4j signaling server (DESIGN.md contract), one
// RTCPeerConnection per peer, one data channel each; chat lines as text, files as
// {type:"file",name,size,sha256} + 64 KiB binary chunks + {type:"end"}, as `rtc4j receive` expects.
"use strict";
const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);
const peers = new Map(); // id -> {pc, ch, pending: [], remoteSet, li}
let socket = null;
let myId = null;
const CHUNK = 64 * 1024;

function log(text, cls) {
  const d = document.createElement("div");
  if (cls) d.className = cls;
  d.textContent = text;
  $("log").appendChild(d);
  $("log").scrollTop = $("log").scrollHeight;
}

function render() {
  $("peers").innerHTML = "";
  $("target").innerHTML = "";
  for (const [id, p] of peers) {
    const li = document.createElement("li");
    li.className = p.ch && p.ch.readyState === "open" ? "open" : "";
    li.innerHTML = '<span class="dot"></span>';
    li.appendChild(document.createTextNode(id));
    $("peers").appendChild(li);
    if (p.ch && p.ch.readyState === "open") {
      const o = document.createElement("option");
      o.value = id;
      o.textContent = id;
      $("target").appendChild(o);
    }
  }
  const any = [...peers.values()].some((p) => p.ch && p.ch.readyState === "open");
  $("text").disabled = $("say").disabled = $("sendFile").disabled = !any;
}

function signal(to, data) {
  socket.emit("signal", { to, data }, (ack) => { if (ack && ack.error) log("signal: " + ack.error, "err"); });
}

function peer(id) {
  let p = peers.get(id);
  if (p) return p;
  const pc = new RTCPeerConnection({ iceServers: [] });
  p = { pc, ch: null, pending: [], remoteSet: false, waiters: [] };
  peers.set(id, p);
  pc.onicecandidate = (e) => signal(id, { candidate: e.candidate ? e.candidate.toJSON() : null });
  pc.ondatachannel = (e) => setup(id, e.channel);
  pc.onconnectionstatechange = () => { if (pc.connectionState === "failed") log("connection to " + id + " failed", "err"); };
  render();
  return p;
}

function setup(id, ch) {
  const p = peers.get(id);
  p.ch = ch;
  ch.binaryType = "arraybuffer";
  ch.onopen = () => { log("channel open with " + id, "sys"); render(); };
  ch.onclose = () => render();
  ch.onmessage = (e) => {
    if (typeof e.data !== "string") { log(id + ": <" + e.data.byteLength + " bytes>"); return; }
    let j = null;
    try { j = JSON.parse(e.data); } catch (_) { /* a chat line */ }
    if (j && typeof j === "object" && ["ok", "error", "bye"].includes(j.type)) {
      const w = p.waiters.shift();
      if (w) w(j);
      return;
    }
    log(id + ": " + e.data);
    report({ event: "message", peer: id, text: e.data });
  };
  if (ch.readyState === "open") ch.onopen();
}

async function remoteSet(p) {
  p.remoteSet = true;
  for (const c of p.pending) await p.pc.addIceCandidate(c);
  p.pending = [];
}

async function onSignal({ from, data }) {
  if (data.type === "offer") {
    const p = peer(from);
    await p.pc.setRemoteDescription(data);
    await remoteSet(p);
    await p.pc.setLocalDescription();
    signal(from, { type: p.pc.localDescription.type, sdp: p.pc.localDescription.sdp });
  } else if (data.type === "answer") {
    const p = peers.get(from);
    if (!p) return;
    await p.pc.setRemoteDescription(data);
    await remoteSet(p);
  } else if ("candidate" in data) {
    const p = peers.get(from);
    if (!p) return;
    const c = data.candidate || null;
    if (p.remoteSet) await p.pc.addIceCandidate(c); else p.pending.push(c);
  }
}

async function offer(id) {
  const p = peer(id);
  setup(id, p.pc.createDataChannel("web"));
  await p.pc.setLocalDescription();
  signal(id, { type: p.pc.localDescription.type, sdp: p.pc.localDescription.sdp });
}

function join() {
  const room = $("room").value.trim();
  const auth = params.get("token") ? { token: params.get("token") } : {};
  socket = io({ auth, transports: ["websocket"] });
  socket.on("connect_error", (e) => { $("status").textContent = "refused: " + e.message; report({ event: "error", message: e.message }); });
  socket.on("signal", (m) => onSignal(m).catch((e) => log(String(e), "err")));
  socket.on("peer-joined", ({ id }) => { log(id + " joined", "sys"); });
  socket.on("peer-left", ({ id }) => {
    const p = peers.get(id);
    if (p) { p.pc.close(); peers.delete(id); }
    log(id + " left", "sys");
    render();
  });
  socket.on("connect", () => {
    socket.emit("join", { room }, (ack) => {
      if (ack.error) { $("status").textContent = ack.error; report({ event: "error", message: ack.error }); return; }
      myId = ack.id;
      $("status").textContent = "in room " + room;
      $("me").textContent = "you are " + myId;
      $("join").disabled = true;
      report({ event: "joined", id: myId, peers: ack.peers });
      ack.peers.forEach((id) => offer(id).catch((e) => log(String(e), "err")));
      render();
    });
  });
}

function say(text) {
  for (const p of peers.values()) if (p.ch && p.ch.readyState === "open") p.ch.send(text);
  log("me: " + text, "me");
}

function reply(p) {
  return new Promise((resolve) => p.waiters.push(resolve));
}

async function drain(ch, level) {
  while (ch.bufferedAmount > level) {
    await new Promise((r) => { ch.bufferedAmountLowThreshold = level; ch.onbufferedamountlow = r; setTimeout(r, 50); });
  }
}

async function sendFile(id, name, bytes) {
  const p = peers.get(id);
  const hash = [...new Uint8Array(await crypto.subtle.digest("SHA-256", bytes))]
      .map((b) => b.toString(16).padStart(2, "0")).join("");
  p.ch.send(JSON.stringify({ type: "file", name, size: bytes.byteLength, sha256: hash }));
  for (let off = 0; off < bytes.byteLength; off += CHUNK) {
    await drain(p.ch, 1 << 20);
    p.ch.send(bytes.slice(off, Math.min(off + CHUNK, bytes.byteLength)));
  }
  const r = await reply(p);
  if (r.type !== "ok") throw new Error(r.message || "refused");
  p.ch.send(JSON.stringify({ type: "end" }));
  await reply(p);
  log("sent " + name + " (" + bytes.byteLength + " bytes, sha256 " + hash.slice(0, 16) + "…) to " + id, "sys");
  return hash;
}

// Tests drive the page with ?room=...&auto=1&report=URL: join, say hello, optionally send a file,
// and POST each result to the report URL.
function report(obj) {
  const url = params.get("report");
  if (url) fetch(url, { method: "POST", mode: "no-cors", body: JSON.stringify(obj) }).catch(() => {});
}

$("join").onclick = join;
$("say").onclick = () => { const t = $("text").value; if (t) { say(t); $("text").value = ""; } };
$("text").onkeydown = (e) => { if (e.key === "Enter") $("say").onclick(); };
$("sendFile").onclick = async () => {
  const f = $("file").files[0];
  if (!f) return;
  try { await sendFile($("target").value, f.name, await f.arrayBuffer()); } catch (e) { log("file: " + e.message, "err"); }
};

if (params.get("room")) $("room").value = params.get("room");
if (params.get("auto")) {
  join();
  const started = setInterval(async () => {
    const open = [...peers.entries()].find(([, p]) => p.ch && p.ch.readyState === "open");
    if (!open) return;
    clearInterval(started);
    report({ event: "channel-open", peer: open[0] });
    if (params.get("say")) say(params.get("say"));
    const size = Number(params.get("fileSize") || 0);
    if (size > 0) {
      const bytes = new Uint8Array(size);
      for (let i = 0; i < size; i += 65536) crypto.getRandomValues(bytes.subarray(i, Math.min(i + 65536, size)));
      try {
        const hash = await sendFile(open[0], params.get("fileName") || "from-browser.bin", bytes.buffer);
        report({ event: "file-sent", sha256: hash, size });
      } catch (e) { report({ event: "error", message: String(e) }); }
    }
  }, 100);
}
