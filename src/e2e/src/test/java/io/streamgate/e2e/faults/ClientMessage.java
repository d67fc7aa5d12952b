package io.streamgate.e2e.faults;

/**
 * A message as a client receives it: an SSE event ({@code id}, {@code name} and {@code data} lines) or a WebSocket
 * text frame ({@code data} only; the dialect puts its resume id in the JSON).
 */
record ClientMessage(String id, String name, String data) {
}
