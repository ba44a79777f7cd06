"""aiortc's half of EchoScenario (see EchoScenario.java).

Talks to the test over stdin/stdout, one JSON object {"kind": ..., "value": ...} per line:
descriptions as {type, sdp}, results as a flat object, log lines as strings. aiortc does not
trickle: its descriptions carry every candidate, and it ignores trickled ones.

usage: aiortc-peer.py offer|answer BULK_BYTES
"""
import asyncio
import hashlib
import json
import os
import sys
import threading
import time
import traceback

from aiortc import RTCConfiguration, RTCPeerConnection, RTCSessionDescription

ROLE = sys.argv[1]
BULK = int(sys.argv[2])
TEXT = "hello from aiortc: grüße, 世界 \U0001F680"
OUT = threading.Lock()


def out(kind, value):
    with OUT:
        sys.stdout.write(json.dumps({"kind": kind, "value": value}) + "\n")
        sys.stdout.flush()


def log(*args):
    out("log", " ".join(str(a) for a in args))


async def main():
    loop = asyncio.get_running_loop()
    inbox = asyncio.Queue()

    def reader():
        for line in sys.stdin:
            if line.strip():
                loop.call_soon_threadsafe(inbox.put_nowait, json.loads(line))
        loop.call_soon_threadsafe(inbox.put_nowait, None)

    threading.Thread(target=reader, daemon=True).start()

    # No ICE servers: aiortc would otherwise ask Google's STUN server.
    pc = RTCPeerConnection(RTCConfiguration(iceServers=[]))
    t0 = time.monotonic()
    result = {"role": ROLE, "connected_seen": False}
    chat_done, neg_done, bulk_done = (loop.create_future() for _ in range(3))

    def ms():
        return (time.monotonic() - t0) * 1000

    @pc.on("connectionstatechange")
    def on_state():
        if pc.connectionState == "connected" and not result["connected_seen"]:
            result["connected_seen"] = True
            result["connected_ms"] = ms()

    # chat: in-band from here; the test echoes; check both echoes, then close from this side.
    chat = pc.createDataChannel("chat")
    binary = bytes([0, 255]) + os.urandom(1498)
    echoes = []

    @chat.on("open")
    def chat_open():
        result["chat_open_ms"] = ms()
        chat.send(TEXT)
        chat.send(binary)

    @chat.on("message")
    def chat_message(m):
        echoes.append(m)
        if len(echoes) == 2:
            result["chat_text_echo"] = echoes[0] == TEXT
            result["chat_binary_echo"] = isinstance(echoes[1], bytes) and echoes[1] == binary
            chat.close()

    @chat.on("close")
    def chat_close():
        result["chat_closed_here"] = chat.readyState
        if not chat_done.done():
            chat_done.set_result(None)

    # unordered and lossy (maxRetransmits 0): in-band from here; the test echoes a text and a
    # binary message on each; order is not promised, so the echoes are matched by type. The lossy
    # channel may lose a message or its echo (maxRetransmits 0, with the bulk transfers running),
    # so it sends the pair again every 0.5 s until both echoes are back.
    def partial(label, key, **options):
        ch = pc.createDataChannel(label, **options)
        done = loop.create_future()
        payload = os.urandom(1200)
        got = {}
        rounds = [0]
        lossy = options.get("maxRetransmits") == 0

        async def send_pairs():
            while not done.done() and rounds[0] < (40 if lossy else 1):
                rounds[0] += 1
                ch.send(TEXT + " (" + label + ")")
                ch.send(payload)
                await asyncio.sleep(0.5)

        @ch.on("open")
        def opened():
            loop.create_task(send_pairs())

        @ch.on("message")
        def message(m):
            got["text" if isinstance(m, str) else "binary"] = m
            if len(got) == 2 and not done.done():
                result[key + "_echo"] = got["text"] == TEXT + " (" + label + ")" and got["binary"] == payload
                result[key + "_options"] = "ordered=%s maxRetransmits=%s" % (
                    str(ch.ordered).lower(), "null" if ch.maxRetransmits is None else ch.maxRetransmits)
                result[key + "_rounds"] = rounds[0]
                done.set_result(None)

        return done

    unordered_done = partial("unordered", "unordered", ordered=False)
    lossy_done = partial("lossy", "lossy", maxRetransmits=0)

    # neg: pre-negotiated id 5; echo; the test closes it.
    neg = pc.createDataChannel("neg", negotiated=True, id=5)
    neg_echoed = [0]

    @neg.on("message")
    def neg_message(m):
        neg.send(m)
        neg_echoed[0] += 1

    @neg.on("close")
    def neg_close():
        result["neg_closed_by_peer"] = neg.readyState
        result["neg_echoed"] = neg_echoed[0]
        if not neg_done.done():
            neg_done.set_result(None)

    # bulk: in-band from the test; hash what arrives.
    @pc.on("datachannel")
    def on_channel(ch):
        if ch.label != "bulk":
            log("unexpected channel", ch.label)
            return
        sha = hashlib.sha256()
        st = {"n": 0, "t1": None, "messages": 0}

        # The channel stays open after the result: the test closes its connection and times how
        # soon we hear of it (ABORT / close_notify on the wire, not consent expiry).
        @ch.on("close")
        def bulk_closed():
            if "connection_state" in result:
                out("peer_closed", {"channel": ch.readyState})

        @ch.on("message")
        def bulk_message(m):
            if isinstance(m, str):
                return
            if st["t1"] is None:
                st["t1"] = time.monotonic()
            sha.update(m)
            st["n"] += len(m)
            st["messages"] += 1
            if st["n"] >= BULK and not bulk_done.done():
                result["bulk_ms"] = (time.monotonic() - st["t1"]) * 1000
                result["bulk_bytes"] = st["n"]
                result["bulk_messages"] = st["messages"]
                result["bulk_sha256"] = sha.hexdigest()
                bulk_done.set_result(None)

    def send_local():
        # setLocalDescription has gathered already: every candidate is in the SDP.
        d = pc.localDescription
        out("desc", {"type": d.type, "sdp": d.sdp})

    async def pump():
        while True:
            m = await inbox.get()
            if m is None:
                return
            if m["kind"] == "desc":
                v = m["value"]
                await pc.setRemoteDescription(RTCSessionDescription(sdp=v["sdp"], type=v["type"]))
                if v["type"] == "offer":
                    await pc.setLocalDescription(await pc.createAnswer())
                    send_local()
            elif m["kind"] == "candidate":
                pass
            else:
                log("unknown message", m["kind"])

    async def status():
        while True:
            await asyncio.sleep(5)
            log("status", json.dumps(result), "chat=" + chat.readyState, "neg=" + neg.readyState,
                "pc=" + pc.connectionState)

    if ROLE == "offer":
        await pc.setLocalDescription(await pc.createOffer())
        send_local()
    pumping = asyncio.ensure_future(pump())
    reporting = asyncio.ensure_future(status())
    try:
        await asyncio.wait_for(asyncio.gather(chat_done, neg_done, bulk_done, unordered_done, lossy_done), timeout=120)
        result["connection_state"] = pc.connectionState
        out("result", result)
    except Exception as e:
        out("result", {"error": repr(e), "partial": json.dumps(result)})
    reporting.cancel()
    # Stay up until the test closes our stdin, so that its side can close first.
    await pumping
    await pc.close()


try:
    asyncio.run(main())
except Exception:
    out("result", {"error": traceback.format_exc()})
