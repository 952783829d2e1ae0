#ifndef HORIZON_CPCRE2_SHIM_H
#define HORIZON_CPCRE2_SHIM_H

// PCRE2 needs its code-unit width fixed before the header is read; Horizon matches UTF-8 bytes.
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

// Swift imports only macros that are plain literals; these are casts, so they are exposed as
// functions.

/// `PCRE2_UNSET`: the ovector value of a capture group that did not take part in the match.
static inline PCRE2_SIZE horizon_pcre2_unset(void) { return PCRE2_UNSET; }

#endif
