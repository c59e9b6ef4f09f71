// libqrencode's few declarations lostphone uses, for loading it at run time with dlopen:
// nothing here links the library, so building needs only ncurses and a machine without
// libqrencode4 runs everything except the QR code. Layout as in qrencode.h (libqrencode 4).
#ifndef LOSTPHONE_QRENCODE_SHIM_H
#define LOSTPHONE_QRENCODE_SHIM_H

/// QRcode: `width` × `width` modules, one byte each, row by row; bit 0 set means dark.
typedef struct lp_qrcode {
    int version;
    int width;
    unsigned char *data;
} lp_qrcode;

/// QRecLevel: L, M, Q, H.
enum { LP_QR_ECLEVEL_M = 1 };
/// QRencodeMode: 8-bit bytes (UTF-8 text as it is).
enum { LP_QR_MODE_8 = 2 };

/// QRcode *QRcode_encodeString(const char *string, int version, QRecLevel level,
///                             QRencodeMode hint, int casesensitive);
typedef lp_qrcode *(*lp_qrcode_encode_string_fn)(const char *string, int version, int level, int hint, int casesensitive);
/// void QRcode_free(QRcode *qrcode);
typedef void (*lp_qrcode_free_fn)(lp_qrcode *qrcode);

#endif
