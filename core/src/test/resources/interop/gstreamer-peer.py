"""GStreamer webrtcbin's half of EchoScenario (see EchoScenario.java).

webrtcbin 1.22: libnice ICE, OpenSSL DTLS, usrsctp. Talks to the test over stdin/stdout, one JSON
object {"kind": ..., "value": ...} per line, like aiortc-peer.py; unlike aiortc it trickles, and
its candidates include ICE-TCP ones (rtc4j has no ICE-TCP and must skip them). It writes no
a=max-message-size, so rtc4j holds to 64 KiB, the size of the bulk messages.

usage: gstreamer-peer.py offer|answer BULK_BYTES
"""
import hashlib
import json
import os
import sys
import threading
import time
import traceback

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstWebRTC", "1.0")
gi.require_version("GstSdp", "1.0")
from gi.repository import GLib, Gst, GstSdp, GstWebRTC  # noqa: E402

ROLE = sys.argv[1]
BULK = int(sys.argv[2])
CHUNK = 65536
TEXT = "hello from gstreamer: grüße, 世界 \U0001F680"
OUT = threading.Lock()


def out(kind, value):
    with OUT:
        sys.stdout.write(json.dumps({"kind": kind, "value": value}) + "\n")
        sys.stdout.flush()


def log(*args):
    out("log", " ".join(str(a) for a in args))


class Peer:
    def __init__(self, loop):
        self.loop = loop
        self.t0 = time.monotonic()
        self.result = {"role": ROLE, "connected_seen": False}
        self.pending = {"chat", "neg", "bulk", "unordered", "lossy"}
        self.finished = False
        self.remote_set = False
        self.held = []
        self.mids = []
        self.pipe = Gst.Pipeline.new("peer")
        self.webrtc = Gst.ElementFactory.make("webrtcbin", "webrtc")
        self.webrtc.set_property("bundle-policy", GstWebRTC.WebRTCBundlePolicy.MAX_BUNDLE)
        self.pipe.add(self.webrtc)
        self.webrtc.connect("on-ice-candidate", self.on_ice_candidate)
        self.webrtc.connect("on-data-channel", self.on_data_channel)
        self.webrtc.connect("notify::connection-state", self.on_connection_state)
        self.pipe.set_state(Gst.State.PLAYING)
        self.keep = []  # webrtcbin holds channels weakly from Python's point of view

        self.chat = self.channel("chat", None)
        self.chat_echoes = []
        self.chat_binary = bytes([0, 255]) + os.urandom(1498)
        self.chat.connect("on-open", lambda ch: self.later(self.chat_open))
        self.chat.connect("on-message-string", lambda ch, s: self.later(self.chat_message, s))
        self.chat.connect("on-message-data", lambda ch, b: self.later(self.chat_message, b.get_data()))
        self.chat.connect("on-close", lambda ch: self.later(self.chat_closed))

        self.neg = self.channel("neg", "negotiated=(boolean)true, id=(int)5")
        self.neg_echoed = 0
        self.neg.connect("on-message-string", lambda ch, s: self.later(self.neg_message, s, False))
        self.neg.connect("on-message-data", lambda ch, b: self.later(self.neg_message, b.get_data(), True))
        self.neg.connect("on-close", lambda ch: self.later(self.neg_closed))

        self.partial("unordered", "ordered=(boolean)false")
        self.partial("lossy", "max-retransmits=(int)0")

    # All work happens on the GLib main loop: webrtcbin signals arrive on its own threads.
    def later(self, fn, *args):
        def run():
            try:
                fn(*args)
            except Exception:
                self.finish({"error": traceback.format_exc()})
            return False
        GLib.idle_add(run)

    def ms(self):
        return (time.monotonic() - self.t0) * 1000

    def guard(self, fn):
        """Runs a GLib timeout callback, ending the run with the traceback if it raises."""
        try:
            return fn()
        except Exception:
            self.finish({"error": traceback.format_exc()})
            return False

    def channel(self, label, options):
        opts = Gst.Structure.new_from_string("application/data-channel, " + options) if options else None
        ch = self.webrtc.emit("create-data-channel", label, opts)
        if ch is None:
            raise RuntimeError("webrtcbin refused channel " + label)
        self.keep.append(ch)
        return ch

    def done(self, name):
        self.pending.discard(name)
        if not self.pending:
            self.result["connection_state"] = self.state_name()
            self.finish(self.result)

    def finish(self, r):
        if self.finished:
            return
        self.finished = True
        out("result", r)
        self.watched = None
        GLib.timeout_add(20, self.watch_close)

    def watch_close(self):
        # After the result the test closes its connection and times how soon we hear of it. The
        # channel's own close event, the SCTP transport's state and the DTLS transport's state
        # are all watched, to say which of them webrtcbin updates.
        sctp = self.webrtc.get_property("sctp-transport")
        seen = {
            "bulk": self.bulk.get_property("ready-state").value_nick if getattr(self, "bulk", None) else "none",
            "sctp": sctp.get_property("state").value_nick if sctp else "none",
            "dtls": sctp.get_property("transport").get_property("state").value_nick if sctp else "none",
            "pc": self.state_name(),
        }
        if seen != self.watched:
            self.watched = seen
            log("after result:", json.dumps(seen))
            if "closed" in (seen["bulk"], seen["sctp"], seen["dtls"]):
                out("peer_closed", seen)
                return False
        return True

    def state_name(self):
        return self.webrtc.get_property("connection-state").value_nick

    def on_connection_state(self, element, _):
        state = self.state_name()
        if state == "connected" and not self.result["connected_seen"]:
            self.result["connected_seen"] = True
            self.result["connected_ms"] = self.ms()

    # ---- chat: in-band from here; the test echoes; check both, then close from this side.
    def chat_open(self):
        self.result["chat_open_ms"] = self.ms()
        self.chat.emit("send-string", TEXT)
        self.chat.emit("send-data", GLib.Bytes.new(self.chat_binary))

    def chat_message(self, m):
        self.chat_echoes.append(m)
        if len(self.chat_echoes) == 2:
            self.result["chat_text_echo"] = self.chat_echoes[0] == TEXT
            self.result["chat_binary_echo"] = isinstance(self.chat_echoes[1], bytes) \
                and self.chat_echoes[1] == self.chat_binary
            self.chat.emit("close")

    def chat_closed(self):
        self.result["chat_closed_here"] = "closed"
        self.done("chat")

    # ---- neg: pre-negotiated id 5; echo; the test closes it.
    def neg_message(self, m, binary):
        if binary:
            self.neg.emit("send-data", GLib.Bytes.new(m))
        else:
            self.neg.emit("send-string", m)
        self.neg_echoed += 1

    def neg_closed(self):
        self.result["neg_closed_by_peer"] = "closed"
        self.result["neg_echoed"] = self.neg_echoed
        self.done("neg")

    # ---- unordered and lossy: text and binary echoed by the test, matched by type. The lossy
    # channel may lose a message or its echo (max-retransmits 0, with the bulk transfers running),
    # so it sends the pair again every 500 ms until both echoes are back.
    def partial(self, label, options):
        ch = self.channel(label, options)
        payload = os.urandom(1200)
        got = {}
        rounds = [0]
        lossy = "max-retransmits=(int)0" in options

        def send_pair():
            if label not in self.pending or rounds[0] >= (40 if lossy else 1):
                return False
            rounds[0] += 1
            ch.emit("send-string", TEXT + " (" + label + ")")
            ch.emit("send-data", GLib.Bytes.new(payload))
            return lossy

        def opened():
            if send_pair():
                GLib.timeout_add(500, lambda: self.guard(send_pair))

        def message(m):
            got["text" if isinstance(m, str) else "binary"] = m
            if len(got) == 2 and label in self.pending:
                self.result[label + "_echo"] = got["text"] == TEXT + " (" + label + ")" and got["binary"] == payload
                mr = ch.get_property("max-retransmits")
                self.result[label + "_options"] = "ordered=%s maxRetransmits=%s" % (
                    str(ch.get_property("ordered")).lower(), "null" if mr < 0 else mr)
                self.result[label + "_rounds"] = rounds[0]
                self.done(label)

        ch.connect("on-open", lambda c: self.later(opened))
        ch.connect("on-message-string", lambda c, s: self.later(message, s))
        ch.connect("on-message-data", lambda c, b: self.later(message, b.get_data()))

    # ---- bulk: in-band from the test; hash what arrives, then send as much back.
    def on_data_channel(self, element, ch):
        self.keep.append(ch)
        label = ch.get_property("label")
        if label != "bulk":
            log("unexpected channel", label)
            return
        self.bulk = ch
        sha = hashlib.sha256()
        st = {"n": 0, "t1": None, "messages": 0}

        def message(m):
            if st["t1"] is None:
                st["t1"] = time.monotonic()
            sha.update(m)
            st["n"] += len(m)
            st["messages"] += 1
            if st["n"] >= BULK and "bulk_bytes" not in self.result:
                self.result["bulk_ms"] = (time.monotonic() - st["t1"]) * 1000
                self.result["bulk_bytes"] = st["n"]
                self.result["bulk_messages"] = st["messages"]
                self.result["bulk_sha256"] = sha.hexdigest()
                self.upload(ch)

        ch.connect("on-message-data", lambda c, b: self.later(message, b.get_data()))
        ch.connect("on-message-string", lambda c, s: None)

    def upload(self, ch):
        data = os.urandom(BULK)
        self.result["upload_sha256"] = hashlib.sha256(data).hexdigest()
        ch.set_property("buffered-amount-low-threshold", 1 << 20)
        st = {"o": 0, "t": time.monotonic()}

        def pump():
            while st["o"] < BULK:
                if ch.get_property("buffered-amount") > (4 << 20):
                    return  # resumed by on-buffered-amount-low
                ch.emit("send-data", GLib.Bytes.new(data[st["o"]:st["o"] + CHUNK]))
                st["o"] += CHUNK
            if "upload_send_ms" not in self.result:
                self.result["upload_send_ms"] = (time.monotonic() - st["t"]) * 1000
                self.done("bulk")

        ch.connect("on-buffered-amount-low", lambda c: self.later(pump))
        pump()

    # ---- signaling
    def on_ice_candidate(self, element, mline, candidate):
        # webrtcbin names the m-line by index only; the mid is that section's a=mid.
        mid = self.mids[mline] if mline < len(self.mids) else None
        out("candidate", {"candidate": candidate, "sdpMid": mid, "sdpMLineIndex": mline})

    def send_local(self, kind):
        def created(promise, _):
            promise.wait()
            # Hold the reply while its description is used: PyGObject frees a temporary
            # structure at once, and the description inside it with it.
            reply = promise.get_reply()
            desc = reply.get_value(kind)
            text = desc.sdp.as_text()
            self.mids = [line[6:].strip() for line in text.split("\n") if line.startswith("a=mid:")]
            out("desc", {"type": kind, "sdp": text})
            self.webrtc.emit("set-local-description", desc, Gst.Promise.new())
        self.webrtc.emit("create-" + kind, None, Gst.Promise.new_with_change_func(created, None))

    def handle(self, m):
        if m["kind"] == "desc":
            v = m["value"]
            _, sdp = GstSdp.SDPMessage.new_from_text(v["sdp"])
            kind = GstWebRTC.WebRTCSDPType.OFFER if v["type"] == "offer" else GstWebRTC.WebRTCSDPType.ANSWER
            desc = GstWebRTC.WebRTCSessionDescription.new(kind, sdp)

            def applied(promise, _):
                promise.wait()
                reply = promise.get_reply()
                if reply is not None and reply.has_field("error"):
                    log("set-remote-description(" + v["type"] + ") failed:", reply.get_value("error").message)
                self.later(self.remote_applied, v["type"])
            self.webrtc.emit("set-remote-description", desc, Gst.Promise.new_with_change_func(applied, None))
        elif m["kind"] == "candidate":
            c = m["value"]
            if c is None:
                return
            if self.remote_set:
                self.webrtc.emit("add-ice-candidate", int(c.get("sdpMLineIndex") or 0), c["candidate"])
            else:
                self.held.append(c)
        else:
            log("unknown message", m["kind"])

    def remote_applied(self, kind):
        self.remote_set = True
        for c in self.held:
            self.webrtc.emit("add-ice-candidate", int(c.get("sdpMLineIndex") or 0), c["candidate"])
        self.held.clear()
        if kind == "offer":
            self.send_local("answer")

    def status(self):
        log("status", json.dumps(self.result), "pending=" + ",".join(sorted(self.pending)),
            "pc=" + self.state_name())
        return not self.finished


def main():
    Gst.init(None)
    loop = GLib.MainLoop()
    peer = Peer(loop)

    def reader():
        for line in sys.stdin:
            if line.strip():
                m = json.loads(line)
                peer.later(peer.handle, m)
        # The test closed our stdin: it is done with us.
        GLib.idle_add(loop.quit)

    threading.Thread(target=reader, daemon=True).start()
    GLib.timeout_add_seconds(5, peer.status)
    GLib.timeout_add_seconds(120, lambda: peer.finish({"error": "timeout", "partial": json.dumps(peer.result)}))
    if ROLE == "offer":
        peer.send_local("offer")
    loop.run()
    peer.pipe.set_state(Gst.State.NULL)


try:
    main()
except Exception:
    out("result", {"error": traceback.format_exc()})
