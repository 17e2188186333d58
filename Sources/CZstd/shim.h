// Zstandard, which compresses the raw records of stored events in blocks (see InquestStore's
// RawBlockCodec).
//
// The few functions used are declared here rather than taken from <zstd.h>, so that the build
// needs only the runtime library `libzstd.so.1` (package libzstd1, which Debian's apt and dpkg
// themselves depend on, so every Debian machine has it) and not libzstd-dev. These declarations
// are zstd's stable API, unchanged since 1.0 (2016); Package.swift links `libzstd.so.1` by name.
#ifndef INQUEST_CZSTD_SHIM_H
#define INQUEST_CZSTD_SHIM_H
#include <stddef.h>

typedef struct ZSTD_CCtx_s ZSTD_CCtx;

size_t ZSTD_compressBound(size_t srcSize);
unsigned ZSTD_isError(size_t code);
ZSTD_CCtx *ZSTD_createCCtx(void);
size_t ZSTD_freeCCtx(ZSTD_CCtx *cctx);
size_t ZSTD_compressCCtx(ZSTD_CCtx *cctx, void *dst, size_t dstCapacity, const void *src,
                         size_t srcSize, int compressionLevel);
size_t ZSTD_decompress(void *dst, size_t dstCapacity, const void *src, size_t compressedSize);

#endif
