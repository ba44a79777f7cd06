"""aioice peer for AioiceInteropTest: loopback only, JSON lines over stdin/stdout, echoes data."""
import asyncio
import json
import sys

import aioice
import aioice.ice

# Tests may only use loopback: gather 127.0.0.1 and nothing else.
aioice.ice.get_host_addresses = lambda use_ipv4, use_ipv6: ["127.0.0.1"]


async def main(controlling):
    loop = asyncio.get_event_loop()
    conn = aioice.Connection(ice_controlling=controlling, components=1, use_ipv6=False)
    await conn.gather_candidates()
    print(json.dumps({"ufrag": conn.local_username, "pwd": conn.local_password,
                      "candidates": [c.to_sdp() for c in conn.local_candidates]}), flush=True)
    remote = json.loads(await loop.run_in_executor(None, sys.stdin.readline))
    conn.remote_username = remote["ufrag"]
    conn.remote_password = remote["pwd"]
    for c in remote["candidates"]:
        await conn.add_remote_candidate(aioice.Candidate.from_sdp(c))
    await conn.add_remote_candidate(None)
    await asyncio.wait_for(conn.connect(), 20)
    print(json.dumps({"connected": True}), flush=True)
    for _ in range(int(remote.get("echo", 10))):
        data, component = await asyncio.wait_for(conn.recvfrom(), 20)
        await conn.sendto(b"echo:" + data, component)
    await asyncio.sleep(0.5)
    await conn.close()


asyncio.run(main(sys.argv[1] == "controlling"))
