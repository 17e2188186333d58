#ifndef INQUEST_CSQLITETUNING_SHIM_H
#define INQUEST_CSQLITETUNING_SHIM_H
#include <sqlite3.h>

// sqlite3_config is variadic, which Swift cannot call: expose the one setting the store uses.
// Turns off SQLite's memory statistics, which take a global mutex on every allocation.
// Only possible before SQLite initialises; returns SQLITE_MISUSE after that.
static inline int inquest_sqlite_disable_memory_statistics(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

// Makes connections multi-thread rather than serialized by default: no mutex around every API
// call on a connection. Safe with GRDB, which never uses one connection from two threads at
// once (GRDB supports only that mode). Also only possible before SQLite initialises.
static inline int inquest_sqlite_use_multithread_mode(void) {
    return sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
}

// Lets file names be URIs (`file:/path?mode=ro&immutable=1`), which a read-only store needs.
// Debian's SQLite already does (SQLITE_USE_URI); this makes it so wherever SQLite came from.
static inline int inquest_sqlite_use_uri(void) {
    return sqlite3_config(SQLITE_CONFIG_URI, 1);
}

#endif
