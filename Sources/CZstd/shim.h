// Zstandard (libzstd-dev), which compresses the raw records of stored events in blocks
// (see InquestStore's RawBlockCodec).
#include <zstd.h>
