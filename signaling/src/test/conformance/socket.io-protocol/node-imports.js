import fetch from "node-fetch";
import { WebSocket as NodeWebSocket } from "ws";
import chai from "chai";
import chaiString from "chai-string";

chai.use(chaiString);

// rtc4j: one 'message' event per task, as a browser delivers them. With ws' synchronous
// delivery (its default since 8.17, and 8.5's only behaviour) two frames read together fire
// both events before the suite's promise continuation adds its next listener, and the second
// is lost (the reference server fails that way too, now and then).
class WebSocket extends NodeWebSocket {
  constructor(address, protocols, options) {
    super(address, protocols, { allowSynchronousEvents: false, ...options });
  }
}

globalThis.fetch = fetch;
globalThis.WebSocket = WebSocket;
globalThis.chai = chai;
