/* The fastest client the benchmark can offer: keeps CONNECTIONS keep-alive connections to the
 * replay server busy with chat requests and only reads the response bodies (Content-Length or
 * chunked framing is followed, nothing is parsed), until REQUESTS responses have arrived.
 * One thread, epoll, one 1 MiB read buffer shared by every connection.
 *
 * Prints responses, seconds, tokens/s (responses x TOKENS), MB/s of body and the CPU time it used.
 *
 * Usage: drain_client PORT json|sse CONNECTIONS REQUESTS TOKENS
 * Build: cc -O2 -o drain_client drain_client.c
 */
#define _GNU_SOURCE
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

enum state { HEAD, BODY, CHUNK_SIZE, CHUNK_DATA, TRAILER };

typedef struct {
    int fd;
    enum state state;
    char head[8192];    /* the response head, or a chunk-size line, gathered across reads */
    size_t head_len;
    size_t remaining;   /* bytes of body or chunk (with its CRLF) still to come */
    int chunked;
} conn_t;

static char request[1024];
static size_t request_len;
static double body_bytes;

static double now_seconds(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static void send_request(conn_t *c) {
    if (write(c->fd, request, request_len) != (ssize_t)request_len) { perror("write"); exit(1); }
    c->state = HEAD;
    c->head_len = 0;
}

/* Consumes `len` bytes; returns 1 when they completed a response (the rest is then ignored,
 * as the server sends nothing unasked). */
static int consume(conn_t *c, const char *p, size_t len) {
    while (len > 0) {
        switch (c->state) {
        case HEAD:
        case CHUNK_SIZE:
        case TRAILER: {
            /* Gather a line (or the head) up to its CRLF (CRLFCRLF for the head). */
            const char *terminator = c->state == HEAD ? "\r\n\r\n" : "\r\n";
            size_t tlen = c->state == HEAD ? 4 : 2;
            size_t take = len < sizeof c->head - c->head_len ? len : sizeof c->head - c->head_len;
            memcpy(c->head + c->head_len, p, take);
            size_t before = c->head_len;
            c->head_len += take;
            char *end = memmem(c->head, c->head_len, terminator, tlen);
            if (!end) {
                if (c->head_len == sizeof c->head) { fprintf(stderr, "head too long\n"); exit(1); }
                return 0;
            }
            size_t used = end + tlen - c->head - before;
            p += used;
            len -= used;
            if (c->state == HEAD) {
                c->chunked = memmem(c->head, c->head_len, "chunked", 7) != NULL;
                if (c->chunked) {
                    c->state = CHUNK_SIZE;
                } else {
                    char *cl = memmem(c->head, c->head_len, "ontent-length:", 14);
                    if (!cl) { fprintf(stderr, "no content-length\n"); exit(1); }
                    c->remaining = strtoul(cl + 14, NULL, 10);
                    c->state = BODY;
                    if (c->remaining == 0) return 1;
                }
            } else if (c->state == CHUNK_SIZE) {
                size_t size = strtoul(c->head, NULL, 16);
                if (size == 0) {
                    c->state = TRAILER;
                } else {
                    c->remaining = size + 2;
                    c->state = CHUNK_DATA;
                }
            } else {
                return 1;  /* the empty line after the last chunk */
            }
            c->head_len = 0;
            break;
        }
        case BODY:
        case CHUNK_DATA: {
            size_t take = len < c->remaining ? len : c->remaining;
            body_bytes += take;
            c->remaining -= take;
            p += take;
            len -= take;
            if (c->remaining == 0) {
                if (c->state == BODY) return 1;
                c->state = CHUNK_SIZE;
            }
            break;
        }
        }
    }
    return 0;
}

int main(int argc, char **argv) {
    if (argc < 6) { fprintf(stderr, "usage: %s PORT json|sse CONNECTIONS REQUESTS TOKENS\n", argv[0]); return 64; }
    int port = atoi(argv[1]);
    int stream = strcmp(argv[2], "sse") == 0;
    int connections = atoi(argv[3]);
    long requests = atol(argv[4]);
    long tokens = atol(argv[5]);
    const char *body = stream
        ? "{\"model\":\"replay\",\"messages\":[{\"role\":\"user\",\"content\":\"go\"}],\"max_tokens\":1000,\"logprobs\":true,\"top_logprobs\":20,\"stream\":true}"
        : "{\"model\":\"replay\",\"messages\":[{\"role\":\"user\",\"content\":\"go\"}],\"max_tokens\":1000,\"logprobs\":true,\"top_logprobs\":20,\"stream\":false}";
    request_len = snprintf(request, sizeof request,
        "POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nContent-Type: application/json\r\nContent-Length: %zu\r\n\r\n%s",
        port, strlen(body), body);

    int ep = epoll_create1(0);
    struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons(port), .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    long started = 0, finished = 0;
    double t0 = now_seconds();
    for (int i = 0; i < connections && started < requests; i++) {
        conn_t *c = calloc(1, sizeof *c);
        c->fd = socket(AF_INET, SOCK_STREAM, 0);
        int one = 1;
        setsockopt(c->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        if (connect(c->fd, (struct sockaddr *)&addr, sizeof addr)) { perror("connect"); return 1; }
        send_request(c);
        started++;
        struct epoll_event ev = {.events = EPOLLIN, .data.ptr = c};
        epoll_ctl(ep, EPOLL_CTL_ADD, c->fd, &ev);
    }
    static char buffer[1 << 20];
    struct epoll_event events[256];
    while (finished < requests) {
        int n = epoll_wait(ep, events, 256, 10000);
        if (n == 0) { fprintf(stderr, "no data for 10 s\n"); return 1; }
        for (int i = 0; i < n; i++) {
            conn_t *c = events[i].data.ptr;
            ssize_t r = read(c->fd, buffer, sizeof buffer);
            if (r <= 0) { fprintf(stderr, "connection closed\n"); return 1; }
            if (consume(c, buffer, r)) {
                finished++;
                if (started < requests) {
                    send_request(c);
                    started++;
                }
            }
        }
    }
    double wall = now_seconds() - t0;
    struct rusage u;
    getrusage(RUSAGE_SELF, &u);
    double cpu = u.ru_utime.tv_sec + u.ru_stime.tv_sec + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
    printf("drain %s: %ld responses in %.2f s = %.0f tokens/s, %.1f MB/s of body, CPU %.2f s\n",
           argv[2], finished, wall, finished * tokens / wall, body_bytes / 1e6 / wall, cpu);
    return 0;
}
