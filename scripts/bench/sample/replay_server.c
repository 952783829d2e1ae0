/* Loopback replay server for the sampling benchmark: answers every POST with one of two
 * prebuilt HTTP responses (make_replay_responses.py), the event stream when the request body
 * asks for "stream":true, else the JSON body. Keep-alive, one thread, epoll, non-blocking
 * writes straight from the prebuilt buffer, so a response costs the kernel's copy and little
 * else.
 *
 * It listens on 127.0.0.1 only, stops by itself after --seconds (default 600) or on SIGTERM /
 * SIGINT, and then prints what it served and the CPU time it used, so a run can show that the
 * server was not the bottleneck.
 *
 * Usage: replay_server PORT DIR [SECONDS]     (DIR holds chat.json.http and chat.sse.http)
 * Build: cc -O2 -o replay_server replay_server.c
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define MAX_REQUEST (1 << 20)

typedef struct {
    int fd;
    char *in;            /* request bytes read so far */
    size_t in_len;
    const char *out;     /* response being written, NULL when idle */
    size_t out_len, out_off;
    int want_write;
} conn_t;

static volatile sig_atomic_t stopping = 0;
static void on_signal(int sig) { (void)sig; stopping = 1; }

static char *read_file(const char *dir, const char *name, size_t *len) {
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "rb");
    if (!f) { perror(path); exit(2); }
    struct stat st;
    fstat(fileno(f), &st);
    char *data = malloc(st.st_size);
    if (fread(data, 1, st.st_size, f) != (size_t)st.st_size) { perror(path); exit(2); }
    fclose(f);
    *len = st.st_size;
    return data;
}

static double cpu_seconds(void) {
    struct rusage u;
    getrusage(RUSAGE_SELF, &u);
    return u.ru_utime.tv_sec + u.ru_stime.tv_sec + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

static double now_seconds(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
    if (argc < 3) { fprintf(stderr, "usage: %s PORT DIR [SECONDS]\n", argv[0]); return 64; }
    int port = atoi(argv[1]);
    double limit = argc > 3 ? atof(argv[3]) : 600;
    size_t json_len, sse_len;
    const char *json = read_file(argv[2], "chat.json.http", &json_len);
    const char *sse = read_file(argv[2], "chat.sse.http", &sse_len);
    signal(SIGTERM, on_signal);
    signal(SIGINT, on_signal);
    signal(SIGPIPE, SIG_IGN);

    int listener = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    int one = 1;
    setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons(port), .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    if (bind(listener, (struct sockaddr *)&addr, sizeof addr) || listen(listener, 1024)) { perror("bind"); return 2; }
    int ep = epoll_create1(0);
    struct epoll_event ev = {.events = EPOLLIN, .data.ptr = NULL};
    epoll_ctl(ep, EPOLL_CTL_ADD, listener, &ev);
    fprintf(stderr, "replay server on 127.0.0.1:%d (JSON %zu bytes, SSE %zu bytes)\n", port, json_len, sse_len);

    long served_json = 0, served_sse = 0;
    double bytes = 0, started = now_seconds();
    struct epoll_event events[256];
    while (!stopping && now_seconds() - started < limit) {
        int n = epoll_wait(ep, events, 256, 500);
        for (int i = 0; i < n; i++) {
            conn_t *c = events[i].data.ptr;
            if (!c) {
                int fd;
                while ((fd = accept4(listener, NULL, NULL, SOCK_NONBLOCK)) >= 0) {
                    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
                    conn_t *nc = calloc(1, sizeof *nc);
                    nc->fd = fd;
                    nc->in = malloc(MAX_REQUEST);
                    struct epoll_event cev = {.events = EPOLLIN, .data.ptr = nc};
                    epoll_ctl(ep, EPOLL_CTL_ADD, fd, &cev);
                }
                continue;
            }
            int closed = 0;
            if (!c->out) {
                ssize_t r = 1;
                while (c->in_len < MAX_REQUEST && (r = read(c->fd, c->in + c->in_len, MAX_REQUEST - c->in_len)) > 0) c->in_len += r;
                /* End of stream, a read error, or a request larger than the buffer: drop the connection. */
                if (r == 0 || (r < 0 && errno != EAGAIN) || c->in_len == MAX_REQUEST) closed = 1;
                char *end = memmem(c->in, c->in_len, "\r\n\r\n", 4);
                if (end) {
                    size_t head = end + 4 - c->in, body = 0;
                    char *cl = memmem(c->in, head, "ontent-length:", 14);
                    if (!cl) cl = memmem(c->in, head, "ontent-Length:", 14);
                    if (cl) body = strtoul(cl + 14, NULL, 10);
                    if (c->in_len >= head + body) {
                        int stream = memmem(c->in + head, body, "\"stream\":true", 13) || memmem(c->in + head, body, "\"stream\": true", 14);
                        c->out = stream ? sse : json;
                        c->out_len = stream ? sse_len : json_len;
                        c->out_off = 0;
                        if (stream) served_sse++; else served_json++;
                        memmove(c->in, c->in + head + body, c->in_len - head - body);
                        c->in_len -= head + body;
                    }
                }
            }
            if (c->out) {
                ssize_t w;
                while (c->out_off < c->out_len && (w = write(c->fd, c->out + c->out_off, c->out_len - c->out_off)) > 0) {
                    c->out_off += w;
                    bytes += w;
                }
                if (c->out_off == c->out_len) c->out = NULL;
                else if (errno != EAGAIN) closed = 1;
                int want = c->out != NULL;
                if (want != c->want_write && !closed) {
                    struct epoll_event cev = {.events = want ? EPOLLOUT : EPOLLIN, .data.ptr = c};
                    epoll_ctl(ep, EPOLL_CTL_MOD, c->fd, &cev);
                    c->want_write = want;
                }
            }
            if (closed) {
                close(c->fd);
                free(c->in);
                free(c);
            }
        }
    }
    double wall = now_seconds() - started;
    printf("replay server: %ld JSON + %ld SSE responses, %.1f MB in %.1f s, CPU %.2f s\n",
           served_json, served_sse, bytes / 1e6, wall, cpu_seconds());
    return 0;
}
