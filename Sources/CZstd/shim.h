#ifndef HORIZON_CZSTD_SHIM_H
#define HORIZON_CZSTD_SHIM_H

#include <zstd.h>

#endif
