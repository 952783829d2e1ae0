// The drain client issue 11 set its goal against: Node's http module with a keep-alive agent of
// CONNECTIONS sockets, REQUESTS chat requests to the replay server, each body only drained
// (its bytes counted, nothing parsed or kept), CONNECTIONS requests in flight at once.
//
// Prints the same line as drain_client.c: responses, seconds, tokens/s (responses x TOKENS),
// MB/s of body and the CPU time it used.
//
// Usage: node drain_client.js PORT json|sse CONNECTIONS REQUESTS TOKENS
'use strict';
const http = require('http');

const [port, mode, connections, requests, tokens] = process.argv.slice(2);
if (tokens === undefined) {
    console.error('usage: node drain_client.js PORT json|sse CONNECTIONS REQUESTS TOKENS');
    process.exit(64);
}
const streams = Number(connections);
const total = Number(requests);
const body = JSON.stringify({
    model: 'replay',
    messages: [{ role: 'user', content: 'go' }],
    max_tokens: Number(tokens),
    logprobs: true,
    top_logprobs: 20,
    stream: mode === 'sse',
});
const agent = new http.Agent({ keepAlive: true, maxSockets: streams });
let started = 0;
let finished = 0;
let bodyBytes = 0;
const t0 = process.hrtime.bigint();

function next() {
    if (started >= total) return;
    started += 1;
    const request = http.request({
        host: '127.0.0.1',
        port: Number(port),
        path: '/v1/chat/completions',
        method: 'POST',
        agent,
        headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) },
    }, (response) => {
        response.on('data', (chunk) => { bodyBytes += chunk.length; });
        response.on('end', () => {
            finished += 1;
            if (finished === total) report(); else next();
        });
    });
    request.on('error', (error) => { console.error(`request failed: ${error.message}`); process.exit(1); });
    request.end(body);
}

function report() {
    const wall = Number(process.hrtime.bigint() - t0) / 1e9;
    const usage = process.cpuUsage();
    const cpu = (usage.user + usage.system) / 1e6;
    console.log(`drain-node ${mode}: ${finished} responses in ${wall.toFixed(2)} s = ` +
        `${(finished * Number(tokens) / wall).toFixed(0)} tokens/s, ${(bodyBytes / 1e6 / wall).toFixed(1)} MB/s of body, ` +
        `CPU ${cpu.toFixed(2)} s`);
    agent.destroy();
}

for (let i = 0; i < streams; i++) next();
