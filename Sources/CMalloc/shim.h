#ifndef HORIZON_CMALLOC_SHIM_H
#define HORIZON_CMALLOC_SHIM_H

/* glibc's allocator settings (mallopt(3)), which Swift's Glibc module does not import.
 * Elsewhere the function does nothing. */
#if defined(__GLIBC__) || (defined(__linux__) && __has_include(<malloc.h>))
#include <malloc.h>
#endif

/* Sets M_MMAP_THRESHOLD and M_TRIM_THRESHOLD; returns 1 when both were accepted (0 elsewhere
 * than glibc). */
static inline int horizon_malloc_keep_large_buffers(int heap_limit, int kept_free_memory) {
#if defined(M_MMAP_THRESHOLD) && defined(M_TRIM_THRESHOLD)
    return mallopt(M_MMAP_THRESHOLD, heap_limit) == 1 && mallopt(M_TRIM_THRESHOLD, kept_free_memory) == 1;
#else
    (void)heap_limit;
    (void)kept_free_memory;
    return 0;
#endif
}

#endif
