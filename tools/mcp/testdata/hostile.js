#!/usr/bin/env node
// A hostile MCP server over stdio, without dependencies. With the argument
// "silent" it never answers initialize. Otherwise it serves two tools:
// "hang" never answers, and "flood" answers with a text of 100 MiB.
"use strict";

const silent = process.argv[2] === "silent";
let buf = "";

function send(msg) {
  process.stdout.write(JSON.stringify(msg) + "\n");
}

function handle(msg) {
  if (msg.id === undefined) return; // a notification
  switch (msg.method) {
    case "initialize":
      if (silent) return;
      send({
        jsonrpc: "2.0",
        id: msg.id,
        result: {
          protocolVersion: msg.params.protocolVersion,
          capabilities: { tools: {} },
          serverInfo: { name: "hostile", version: "1.0.0" },
        },
      });
      return;
    case "tools/list":
      send({
        jsonrpc: "2.0",
        id: msg.id,
        result: {
          tools: [
            { name: "hang", description: "Never answers.", inputSchema: { type: "object" } },
            { name: "flood", description: "Answers with 100 MiB of text.", inputSchema: { type: "object" } },
          ],
        },
      });
      return;
    case "tools/call":
      if (msg.params.name === "flood") {
        // Written in pieces, as a server streaming a huge result would.
        const chunk = "x".repeat(1 << 20);
        process.stdout.write('{"jsonrpc":"2.0","id":' + JSON.stringify(msg.id) +
          ',"result":{"content":[{"type":"text","text":"');
        for (let i = 0; i < 100; i++) process.stdout.write(chunk);
        process.stdout.write('"}]}}\n');
      }
      return; // "hang": no answer
    default:
      send({ jsonrpc: "2.0", id: msg.id, error: { code: -32601, message: "method not found" } });
  }
}

process.stdin.setEncoding("utf8");
process.stdin.on("data", (data) => {
  buf += data;
  let i;
  while ((i = buf.indexOf("\n")) >= 0) {
    const line = buf.slice(0, i);
    buf = buf.slice(i + 1);
    if (line.trim()) handle(JSON.parse(line));
  }
});
// Like server-everything, it does not exit when stdin closes.
process.stdin.on("end", () => setInterval(() => {}, 1000));
