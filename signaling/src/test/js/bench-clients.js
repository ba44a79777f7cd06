// Benchmark load: N minimal Engine.IO v4 / Socket.IO v5 WebSocket clients on raw TCP sockets.
// They parse frame headers only (no per-message strings), answer pings and count events, so the
// client side costs little next to the server under test. The same load for both servers.
// Usage: node bench-clients.js <port> <count>
// stdin: "expect <total>" -> prints {"done":received} once every open socket got total/count events
//        (a socket the server drops mid-round is reported in "lost" and not waited for);
//        "stats"; "exit".
const net = require("net");
const readline = require("readline");

const [portArg, countArg] = process.argv.slice(2);
const port = Number(portArg);
const count = Number(countArg);
const out = (o) => process.stdout.write(JSON.stringify(o) + "\n");
const request = Buffer.from(`GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n`
  + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
  + "Sec-WebSocket-Version: 13\r\n\r\n");
// Client frames must be masked; a zero mask leaves the payload as is.
const frame = (text) => Buffer.concat([Buffer.from([0x81, 0x80 | text.length, 0, 0, 0, 0]), Buffer.from(text)]);
const PONG = frame("3");
const CONNECT = frame("40");
let connected = 0, started = 0, inFlight = 0, received = 0, errors = 0, lost = 0;
let perSocket = -1, finished = 0, round = 0;
const check = () => { if (perSocket > 0 && finished + lost >= count) { out({ done: received, lost }); perSocket = -1; } };
const sockets = [];

function client() {
  const sock = net.connect(port, "127.0.0.1");
  sockets.push(sock);
  let upgraded = false, joined = false, pending = null, got = 0, myRound = 0;
  sock.setNoDelay(true);
  sock.on("connect", () => sock.write(request));
  sock.on("data", (data) => {
    let buf = pending ? Buffer.concat([pending, data]) : data;
    pending = null;
    let off = 0;
    if (!upgraded) {
      const end = buf.indexOf("\r\n\r\n");
      if (end < 0) { pending = buf; return; }
      upgraded = true;
      off = end + 4;
    }
    while (buf.length - off >= 2) {
      const b1 = buf[off + 1] & 0x7f;
      let hl = 2, len = b1;
      if (b1 === 126) { if (buf.length - off < 4) break; len = buf.readUInt16BE(off + 2); hl = 4; }
      else if (b1 === 127) { if (buf.length - off < 10) break; len = Number(buf.readBigUInt64BE(off + 2)); hl = 10; }
      if (buf.length - off < hl + len) break;
      const op = buf[off] & 0x0f, p = off + hl;
      if (op === 1 && len > 0) {
        const c0 = buf[p];
        if (c0 === 0x32 && len === 1) sock.write(PONG);                // "2" ping
        else if (c0 === 0x30) sock.write(CONNECT);                      // "0{...}" open
        else if (c0 === 0x34 && buf[p + 1] === 0x30 && !joined) {       // "40{sid}"
          joined = true; connected++; inFlight--;
          if (connected === count) out({ connected });
          open();
        } else if (c0 === 0x34 && buf[p + 1] === 0x32) {                // "42[...]" event
          if (myRound !== round) { myRound = round; got = 0; }
          received++;
          if (++got === perSocket) { finished++; check(); }
        }
      }
      off += hl + len;
    }
    if (off < buf.length) pending = buf.subarray(off);
  });
  sock.on("error", () => { errors++; });
  sock.on("close", () => { if (!joined) { inFlight--; errors++; open(); } else { lost++; check(); } });
}

function open() {
  while (started < count && inFlight < 100) { started++; inFlight++; client(); }
}
open();
readline.createInterface({ input: process.stdin }).on("line", (line) => {
  const [cmd, arg] = line.trim().split(" ");
  if (cmd === "expect") { round++; received = 0; finished = 0; perSocket = Number(arg) / count; }
  if (cmd === "stats") out({ stats: true, connected, received, errors, lost });
  if (cmd === "exit") { sockets.forEach((s) => s.destroy()); process.exit(0); }
});
