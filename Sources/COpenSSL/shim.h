// OpenSSL 3 (libssl3), for the notifier: TLS for SMTP's STARTTLS, HMAC-SHA256 of webhook bodies
// and SHA-256 of idempotency keys (see InquestNotify).
//
// As with CZstd, the few functions used are declared here rather than taken from <openssl/*.h>,
// so the build needs only the runtime libraries `libssl.so.3` and `libcrypto.so.3` (Debian's
// libssl3, which curl, OpenSSH and Python already pull in) and not libssl-dev. They are OpenSSL's
// stable public API (1.1.0 and later; the ABI is fixed within 3.x); the constants behind its
// macros are wrapped in static inline functions. Package.swift links both libraries by name.
#ifndef INQUEST_COPENSSL_SHIM_H
#define INQUEST_COPENSSL_SHIM_H
#include <stddef.h>

typedef struct ssl_st SSL;
typedef struct ssl_ctx_st SSL_CTX;
typedef struct ssl_method_st SSL_METHOD;
typedef struct evp_md_st EVP_MD;
typedef struct X509_VERIFY_PARAM_st X509_VERIFY_PARAM;
typedef struct x509_store_ctx_st X509_STORE_CTX;
typedef int (*SSL_verify_cb)(int preverify_ok, X509_STORE_CTX *x509_ctx);

// libssl
const SSL_METHOD *TLS_client_method(void);
SSL_CTX *SSL_CTX_new(const SSL_METHOD *method);
void SSL_CTX_free(SSL_CTX *ctx);
int SSL_CTX_set_default_verify_paths(SSL_CTX *ctx);
int SSL_CTX_load_verify_locations(SSL_CTX *ctx, const char *file, const char *path);
void SSL_CTX_set_verify(SSL_CTX *ctx, int mode, SSL_verify_cb callback);
long SSL_CTX_ctrl(SSL_CTX *ctx, int cmd, long larg, void *parg);
SSL *SSL_new(SSL_CTX *ctx);
void SSL_free(SSL *ssl);
int SSL_set_fd(SSL *ssl, int fd);
long SSL_ctrl(SSL *ssl, int cmd, long larg, void *parg);
int SSL_set1_host(SSL *ssl, const char *hostname);
X509_VERIFY_PARAM *SSL_get0_param(SSL *ssl);
int SSL_connect(SSL *ssl);
int SSL_read(SSL *ssl, void *buf, int num);
int SSL_write(SSL *ssl, const void *buf, int num);
int SSL_get_error(const SSL *ssl, int ret);
int SSL_shutdown(SSL *ssl);
long SSL_get_verify_result(const SSL *ssl);

// libcrypto
int X509_VERIFY_PARAM_set1_ip_asc(X509_VERIFY_PARAM *param, const char *ipasc);
const char *X509_verify_cert_error_string(long n);
unsigned long ERR_get_error(void);
void ERR_error_string_n(unsigned long e, char *buf, size_t len);
void ERR_clear_error(void);
const EVP_MD *EVP_sha256(void);
unsigned char *HMAC(const EVP_MD *md, const void *key, int key_len, const unsigned char *data, size_t data_len,
                    unsigned char *out, unsigned int *out_len);
unsigned char *SHA256(const unsigned char *data, size_t count, unsigned char *out);
int CRYPTO_memcmp(const void *a, const void *b, size_t len);

// Constants and macros of <openssl/ssl.h>.
static inline int inquest_ssl_verify_peer(void) { return 0x01; }           // SSL_VERIFY_PEER
static inline int inquest_ssl_error_want_read(void) { return 2; }          // SSL_ERROR_WANT_READ
static inline int inquest_ssl_error_want_write(void) { return 3; }         // SSL_ERROR_WANT_WRITE
static inline int inquest_ssl_error_zero_return(void) { return 6; }        // SSL_ERROR_ZERO_RETURN
static inline long inquest_x509_v_ok(void) { return 0; }                   // X509_V_OK
static inline int inquest_ssl_ctx_set_min_tls12(SSL_CTX *ctx) {            // SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION)
    return (int)SSL_CTX_ctrl(ctx, 123, 0x0303, NULL);
}
static inline int inquest_ssl_set_server_name(SSL *ssl, const char *name) { // SSL_set_tlsext_host_name
    return (int)SSL_ctrl(ssl, 55, 0, (void *)name);
}

#endif
