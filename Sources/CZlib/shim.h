#ifndef HORIZON_CZLIB_SHIM_H
#define HORIZON_CZLIB_SHIM_H

#include <zlib.h>

// `inflateInit2` is a macro that passes the library version and the stream's size; Swift
// imports no function-like macros, so it is exposed as a function.

/// Prepares `stream` to inflate one gzip member (window bits 15, +16 for the gzip wrapper).
static inline int horizon_inflate_init_gzip(z_stream *stream) { return inflateInit2(stream, 16 + MAX_WBITS); }

#endif
