#ifndef HORIZON_CLIBCEXTRAS_SHIM_H
#define HORIZON_CLIBCEXTRAS_SHIM_H

/* C library functions that Swift's Glibc module does not import: glibc's allocator settings
 * (mallopt(3), declared in <malloc.h>) and memmem(3) (a GNU extension in glibc). */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <stddef.h>
#include <string.h>
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

/* The first occurrence of needle[0..<needle_length] in haystack[0..<haystack_length], or NULL. */
static inline const void *horizon_memmem(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length) {
    return memmem(haystack, haystack_length, needle, needle_length);
}

#endif
