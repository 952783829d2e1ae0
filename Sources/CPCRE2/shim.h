#ifndef HORIZON_CPCRE2_SHIM_H
#define HORIZON_CPCRE2_SHIM_H

// PCRE2 needs its code-unit width fixed before the header is read; Horizon matches UTF-8 bytes.
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#endif
