// Node's socket.io 4.8 server for the side-by-side benchmark. Run with --expose-gc.
// Usage: node --expose-gc bench-node-server.js <port>
// stdin: "heap" -> {"heapUsed","external","rss"} after GC; "broadcast <n>" -> emits n events to room "bench".
const { Server } = require("socket.io");
const readline = require("readline");

const port = Number(process.argv[2]);
const io = new Server(port, { serveClient: false, transports: ["websocket", "polling"] });
io.on("connection", (socket) => socket.join("bench"));
const out = (o) => process.stdout.write(JSON.stringify(o) + "\n");
io.httpServer.on("listening", () => out({ listening: port }));

readline.createInterface({ input: process.stdin }).on("line", (line) => {
  const [cmd, arg] = line.trim().split(" ");
  if (cmd === "heap") {
    for (let i = 0; i < 4; i++) global.gc();
    const m = process.memoryUsage();
    out({ heapUsed: m.heapUsed, external: m.external, rss: m.rss, sockets: io.of("/").sockets.size });
  } else if (cmd === "broadcast") {
    const n = Number(arg);
    for (let i = 0; i < n; i++) io.to("bench").emit("tick", i, "signal-sized payload: a=candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host");
    out({ emitted: n });
  } else if (cmd === "exit") {
    process.exit(0);
  }
});
