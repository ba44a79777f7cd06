"""aiortc's half of a media interop run (see MediaScenario.java and AiortcMediaTest.java).

Talks to the test over stdin/stdout like aiortc-peer.py: one JSON object {"kind", "value"} per
line. aiortc does not trickle; its descriptions carry every candidate.

usage: aiortc-media.py offer|answer SEND RECORD SECONDS
  SEND    comma-separated files MediaPlayer plays into tracks (e.g. an IVF and an Ogg), or -
  RECORD  a file MediaRecorder writes what rtc4j sends into (.mp4: H.264 + AAC), or -
  SECONDS how long media runs once connected
"""
import asyncio
import json
import sys
import threading
import time
import traceback

from aiortc import RTCConfiguration, RTCPeerConnection, RTCSessionDescription
from aiortc.contrib.media import MediaPlayer, MediaRecorder

ROLE = sys.argv[1]
SEND = [] if sys.argv[2] == "-" else sys.argv[2].split(",")
RECORD = None if sys.argv[3] == "-" else sys.argv[3]
SECONDS = float(sys.argv[4])
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

    pc = RTCPeerConnection(RTCConfiguration(iceServers=[]))
    result = {"role": ROLE, "connected_seen": False, "tracks_received": ""}
    connected = loop.create_future()
    recorder = MediaRecorder(RECORD) if RECORD else None
    players = [MediaPlayer(f) for f in SEND]
    sent_kinds = set()
    for p in players:
        for t in (p.audio, p.video):
            if t is not None:
                pc.addTrack(t)
                sent_kinds.add(t.kind)

    @pc.on("connectionstatechange")
    def on_state():
        log("connection state", pc.connectionState)
        if pc.connectionState == "connected" and not connected.done():
            result["connected_seen"] = True
            connected.set_result(None)

    @pc.on("track")
    def on_track(track):
        result["tracks_received"] += track.kind + " "
        if recorder is not None:
            recorder.addTrack(track)

    def send_local():
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

    if ROLE == "offer":
        if RECORD:
            for kind in ("audio", "video"):
                if kind not in sent_kinds:
                    pc.addTransceiver(kind, direction="recvonly")
        await pc.setLocalDescription(await pc.createOffer())
        send_local()
    pumping = asyncio.ensure_future(pump())
    try:
        await asyncio.wait_for(connected, timeout=60)
        if recorder is not None:
            await recorder.start()
        t0 = time.monotonic()
        await asyncio.sleep(SECONDS)
        result["media_seconds"] = time.monotonic() - t0
        if recorder is not None:
            await recorder.stop()
        for s in pc.getSenders():
            if s.track is not None:
                result["sent_" + s.track.kind] = True
        result["connection_state"] = pc.connectionState
        out("result", result)
    except Exception as e:
        out("result", {"error": repr(e), "partial": json.dumps(result)})
    await pumping
    await pc.close()


try:
    asyncio.run(main())
except Exception:
    out("result", {"error": traceback.format_exc()})
