"""SpatialFlow's "Python Example" (seed 000), written from the document: connect with the token as the
access_token subprotocol and read every message. Prints each message as one JSON line (the guide prints its
type) so the test can read what the loop saw.

Usage: python3 spatialflow_client.py <ws url of a channel> <jwt>     (runs until killed or closed)
"""
import asyncio
import json
import sys

import websockets


async def connect(uri: str, token: str):
    try:
        async with websockets.connect(uri, subprotocols=["access_token", token]) as ws:
            print(json.dumps({"open": ws.subprotocol}), flush=True)
            async for message in ws:
                data = json.loads(message)
                print(json.dumps({"message": data}), flush=True)
    except websockets.ConnectionClosed as e:
        print(json.dumps({"closed": e.code if hasattr(e, "code") else str(e)}), flush=True)


asyncio.run(connect(sys.argv[1], sys.argv[2]))
