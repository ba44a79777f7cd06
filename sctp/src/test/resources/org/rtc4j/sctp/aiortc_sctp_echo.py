"""aiortc's pure-Python SCTP + DCEP over plain UDP on loopback (no DTLS), for interop tests.

Usage: python3 aiortc_sctp_echo.py <java_udp_port>
Prints "PORT <n>" once bound; echoes every data-channel message back on the same channel with
the same type; opens its own channel "from-aiortc" and sends "hello from aiortc" once open;
closes the channel a peer labels "close-me" after its first message.
"""
import asyncio
import socket
import sys

from aiortc.rtcsctptransport import RTCSctpCapabilities, RTCSctpTransport
from aiortc.rtcdatachannel import RTCDataChannel, RTCDataChannelParameters


class FakeIce:
    role = "controlled"  # aiortc then acts as SCTP server and waits for our INIT


class FakeDtls:
    state = "connected"

    def __init__(self, sock, peer):
        self.transport = FakeIce()
        self.sock = sock
        self.peer = peer
        self.receiver = None

    def _register_data_receiver(self, receiver):
        self.receiver = receiver

    def _unregister_data_receiver(self, receiver):
        self.receiver = None

    async def _send_data(self, data):
        self.sock.sendto(data, self.peer)


async def main():
    peer = ("127.0.0.1", int(sys.argv[1]))
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("127.0.0.1", 0))
    sock.setblocking(False)
    print("PORT", sock.getsockname()[1], flush=True)
    dtls = FakeDtls(sock, peer)
    sctp = RTCSctpTransport(dtls)

    @sctp.on("datachannel")
    def on_channel(channel):
        print("CHANNEL", channel.label, channel.id, channel.ordered, channel.protocol, flush=True)

        @channel.on("message")
        def on_message(message):
            channel.send(message)
            if channel.label == "close-me":
                channel.close()

    await sctp.start(RTCSctpCapabilities(maxMessageSize=65536), 5000)
    own = RTCDataChannel(sctp, RTCDataChannelParameters(label="from-aiortc"))

    @own.on("open")
    def on_open():
        own.send("hello from aiortc")

    loop = asyncio.get_event_loop()
    deadline = loop.time() + 60
    while loop.time() < deadline:
        try:
            data = await loop.sock_recv(sock, 65536)
        except OSError:
            await asyncio.sleep(0.01)
            continue
        if data == b"quit":
            break
        if dtls.receiver is not None:
            await dtls.receiver._handle_data(data)
    await sctp.stop()


asyncio.run(main())
