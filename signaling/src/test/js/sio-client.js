// Drives the stock socket.io-client against an rtc4j server; prints one JSON object per line.
// Usage: node sio-client.js <url> <scenario> [json-options]
const { io } = require("socket.io-client");

const [url, scenario, optsJson] = process.argv.slice(2);
const opts = optsJson ? JSON.parse(optsJson) : {};
const out = (o) => process.stdout.write(JSON.stringify(o) + "\n");
const fail = (e) => { out({ error: String(e && e.message || e) }); process.exit(1); };
const connect = (o = {}) => new Promise((resolve, reject) => {
  const s = io(url, { reconnection: false, forceNew: true, ...o });
  s.once("connect", () => resolve(s));
  s.once("connect_error", reject);
});
const ack = (s, ...args) => s.timeout(5000).emitWithAck(...args);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function run() {
  switch (scenario) {
    case "upgrade": {
      const s = io(url, { reconnection: false, forceNew: true, transports: ["polling", "websocket"] });
      let first;
      s.io.on("open", () => { first = s.io.engine.transport.name; });
      await new Promise((resolve, reject) => { s.once("connect", resolve); s.once("connect_error", reject); });
      await new Promise((r) => s.io.engine.transport.name === "websocket" ? r() : s.io.engine.once("upgrade", r));
      const reply = await ack(s, "echo", "after upgrade");
      out({ first, now: s.io.engine.transport.name, reply, id: s.id });
      s.close();
      break;
    }
    case "polling": {
      const s = await connect({ transports: ["polling"] });
      const reply = await ack(s, "echo", { deep: [1, "two", null] });
      out({ transport: s.io.engine.transport.name, reply });
      s.close();
      break;
    }
    case "websocket": {
      const s = await connect({ transports: ["websocket"] });
      const reply = await ack(s, "echo", "ws only");
      out({ transport: s.io.engine.transport.name, reply });
      s.close();
      break;
    }
    case "binary": {
      const s = await connect({ transports: [opts.transport || "websocket"] });
      const fromServer = new Promise((r) => s.once("bin", (buf, obj) => r({ len: buf.length, first: buf[0], nested: obj.inner.length })));
      const reply = await ack(s, "echo", Buffer.from([1, 2, 3, 250]), { inner: Buffer.alloc(1000, 7), text: "t" });
      s.emit("send-bin");
      out({
        isBuffer: Buffer.isBuffer(reply), bytes: [...reply],
        fromServer: await fromServer,
      });
      s.close();
      break;
    }
    case "rooms": {
      // a in r1,r2; b in r1; c in r2,r3; d in r3
      const names = ["a", "b", "c", "d"];
      const rooms = { a: ["r1", "r2"], b: ["r1"], c: ["r2", "r3"], d: ["r3"] };
      const got = { a: [], b: [], c: [], d: [] };
      const sockets = {};
      for (const n of names) {
        const s = await connect({ transports: n === "b" ? ["polling"] : ["websocket"] });
        s.on("msg", (m) => got[n].push(m));
        await ack(s, "join", rooms[n]);
        sockets[n] = s;
      }
      await ack(sockets.d, "to", ["r1", "r2"], [], "union");
      await ack(sockets.a, "to", ["r2", "r3"], ["r1"], "except");
      await ack(sockets.b, "others", "broadcast");
      // wait for the 8 expected deliveries, then a little longer so a duplicate would show
      for (let i = 0; i < 100 && Object.values(got).reduce((n, l) => n + l.length, 0) < 8; i++) await sleep(50);
      await sleep(200);
      out({ got });
      Object.values(sockets).forEach((s) => s.close());
      break;
    }
    case "auth": {
      const s = io(url, { reconnection: false, forceNew: true, auth: opts.auth, transports: ["websocket"] });
      s.on("connect", () => { out({ connected: true }); s.close(); });
      s.on("connect_error", (e) => { out({ connect_error: e.message, data: e.data === undefined ? null : e.data }); s.close(); });
      break;
    }
    case "reconnect": {
      const s = io(url, { forceNew: true, reconnectionDelay: 100, reconnectionDelayMax: 500, transports: [opts.transport || "websocket"] });
      let n = 0;
      s.on("connect", async () => {
        n++;
        const reply = await ack(s, "echo", "connection " + n);
        out({ event: "connect", n, id: s.id, reply });
        if (n === 2) { s.close(); }
      });
      s.on("disconnect", (reason) => out({ event: "disconnect", reason }));
      break;
    }
    case "signaling": {
      // two peers join a room, exchange an offer through the relay
      const a = await connect({ transports: ["websocket"], auth: opts.auth });
      const b = await connect({ transports: ["websocket"], auth: opts.auth });
      const ids = { a: a.id, b: b.id };
      const joinedA = await ack(a, "join", { room: "call" });
      const peerJoined = new Promise((r) => a.once("peer-joined", r));
      const joinedB = await ack(b, "join", { room: "call" });
      const signal = new Promise((r) => a.once("signal", r));
      const sent = await ack(b, "signal", { to: a.id, data: { type: "offer", sdp: "v=0\r\n" } });
      const peerLeft = new Promise((r) => a.once("peer-left", r));
      const got = await signal;
      const pj = await peerJoined;
      b.close();
      out({ joinedA, joinedB, sent, got, peerJoined: pj, peerLeft: await peerLeft, ...ids });
      a.close();
      break;
    }
    case "sticky": {
      // Long-polling only, through a load balancer: every request of the session must reach the
      // node that holds it. withCredentials turns on engine.io-client's cookie jar in Node.
      const s = await connect({ transports: ["polling"], withCredentials: true });
      const nodes = [];
      for (let i = 0; i < 8; i++) {
        nodes.push(await ack(s, "node"));
        await sleep(10);
      }
      out({ transport: s.io.engine.transport.name, nodes });
      s.close();
      break;
    }
    default:
      fail("unknown scenario " + scenario);
  }
}
run().catch(fail);
