#!/usr/bin/env python3
"""Write the two HTTP responses the replay server sends: one chat completion of N tokens with
top-K log-probs, as a JSON body and as a server-sent event stream.

Both are whole HTTP/1.1 responses (status line, headers, body), ready to be written to a socket
as they are:
- `chat.json.http`: `Content-Length`, the body compact as vLLM writes it (no spaces, UTF-8);
- `chat.sse.http`: `Transfer-Encoding: chunked`, one chunk per event as uvicorn sends them:
  a first event with the role, one event per token with its `logprobs.content` entry, a last
  event with `finish_reason` and `usage`, then `data: [DONE]`.

The tokens come from make_chat_traces.py's generator (escapes, non-ASCII, split UTF-8 byte
tokens, float32 log-probs printed with 17 digits), so the responses look like a server's.
The same arguments always give the same bytes.

Usage: make_replay_responses.py OUTDIR [--tokens 1000] [--top 20] [--seed 1]
"""

import argparse
import json
import os
import random
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from make_chat_traces import step  # noqa: E402


def compact(value):
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir")
    parser.add_argument("--tokens", type=int, default=1000)
    parser.add_argument("--top", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    content = [step(rng, None, args.top) for _ in range(args.tokens)]
    text = b"".join(bytes(entry["bytes"]) for entry in content).decode("utf-8", errors="replace")
    usage = {"prompt_tokens": 40, "total_tokens": 40 + args.tokens, "completion_tokens": args.tokens}
    head = {"id": "chatcmpl-replay", "created": 1767225600, "model": "replay"}

    body = compact({
        **head, "object": "chat.completion",
        "choices": [{"index": 0, "message": {"role": "assistant", "content": text, "reasoning_content": None},
                     "logprobs": {"content": content}, "finish_reason": "length", "stop_reason": None}],
        "usage": usage,
    })
    json_response = (b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: "
                     + str(len(body)).encode() + b"\r\n\r\n" + body)

    def chunk(event):
        payload = b"data: " + compact(event) + b"\n\n"
        return f"{len(payload):x}\r\n".encode() + payload + b"\r\n"

    def delta(choice):
        return {**head, "object": "chat.completion.chunk", "choices": [{"index": 0, **choice}]}

    events = [chunk(delta({"delta": {"role": "assistant", "content": ""}, "logprobs": None, "finish_reason": None}))]
    for entry in content:
        token_text = bytes(entry["bytes"]).decode("utf-8", errors="replace")
        events.append(chunk(delta({"delta": {"content": token_text}, "logprobs": {"content": [entry]},
                                   "finish_reason": None})))
    events.append(chunk(delta({"delta": {}, "logprobs": None, "finish_reason": "length"}) | {"usage": usage}))
    done = b"data: [DONE]\n\n"
    events.append(f"{len(done):x}\r\n".encode() + done + b"\r\n")
    sse_response = (b"HTTP/1.1 200 OK\r\ncontent-type: text/event-stream; charset=utf-8\r\n"
                    b"transfer-encoding: chunked\r\n\r\n" + b"".join(events) + b"0\r\n\r\n")

    os.makedirs(args.outdir, exist_ok=True)
    for name, data in (("chat.json.http", json_response), ("chat.sse.http", sse_response)):
        with open(os.path.join(args.outdir, name), "wb") as out:
            out.write(data)
    print(f"{args.tokens} tokens x top-{args.top}: JSON body {len(body)} bytes, "
          f"SSE {len(sse_response)} bytes ({len(events)} events)")


if __name__ == "__main__":
    main()
