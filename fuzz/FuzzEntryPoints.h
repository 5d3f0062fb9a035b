#pragma once

#include <QByteArrayView>
#include <QString>

// The entry points of the fuzz targets, shared by the libFuzzer binaries (fuzz/fuzz_*.cpp) and
// by tests/tst_fuzz_corpus.cpp, which replays every kept corpus file through them in the normal
// test run. Each takes arbitrary bytes and returns an empty string when every invariant held,
// else what broke (the fuzzer then aborts, the test fails with it). Memory errors are caught by
// the sanitizers the fuzz build uses.
namespace FuzzEntry {
// EndpointProfile::fromJson; a profile that loads must survive toJson -> fromJson unchanged.
QString profile(QByteArrayView data);
// ReceiverConfig::fromJson; likewise round-tripped.
QString receiverConfig(QByteArrayView data);
// The receiver's request parsing (HeadScanner + http_parser in HttpConnection) over a fake
// socket: the bytes are delivered once in one piece and once a byte at a time, and both must give
// the same requests and the same answers (a parse that depends on how TCP split the bytes is a
// request-smuggling bug).
QString httpRequest(QByteArrayView data);
// SignatureVerifier::verify and recognise on arbitrary headers and body. Input: one byte picks
// the scheme and options, then header lines "Name: value\n" up to an empty line, then the body.
QString signatureHeaders(QByteArrayView data);
// Jws::parseCompact and Jws::verifyCompact (fixed HS256, RSA, P-256 and Ed25519 keys) on a token;
// every refusal explains itself, a verified token's header and payload are what parseCompact
// decoded, and a parsed token re-signed with HS256 verifies to the same payload.
QString jwsParser(QByteArrayView data);
// Jwe::peekHeader and Jwe::decryptCompact (fixed RSA and P-256 private keys) on a token; every
// refusal explains itself; the input as a plaintext survives encrypt -> decrypt, and changing
// any one character of that token makes decryption fail.
QString jweParser(QByteArrayView data);

// The entry point for a corpus folder name (fuzz/corpus/<target>); null when unknown.
using Function = QString (*)(QByteArrayView);
Function byName(const QString& target);
} // namespace FuzzEntry
