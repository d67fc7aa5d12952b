"""Haltless's Python dashboard loop, written from its WebSocket guide (seed 002): connect, send the token as
the first message, read every message, reconnect with exponential backoff. Prints each message as one JSON
line (the guide prints a human line per type) so the test can read what the loop saw.

Usage: python3 haltless_client.py <ws url> <access token>     (runs until killed)
"""
import asyncio
import json
import sys

import websockets


async def connect_with_reconnect(url: str, access_token: str):
    reconnect_attempts = 0
    max_delay = 30
    while True:
        try:
            async with websockets.connect(url) as ws:
                await ws.send(access_token)
                reconnect_attempts = 0
                print(json.dumps({"connected": True}), flush=True)
                async for message in ws:
                    handle_message(json.loads(message))
        except (websockets.ConnectionClosed, ConnectionError) as e:
            delay = min(2 ** reconnect_attempts, max_delay)
            print(json.dumps({"closed": str(e)}), flush=True)
            await asyncio.sleep(delay)
            reconnect_attempts += 1


def handle_message(data: dict):
    print(json.dumps({"message": data}), flush=True)


asyncio.run(connect_with_reconnect(sys.argv[1], sys.argv[2]))
