#pragma once

#include "jose/JoseKey.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <initializer_list>
#include <utility>

// The fixture the JWS/JWE/JWKS tests share: base64url as RFC 7515 writes it, python3-jwcrypto
// (tests/jose_interop.py) as the independent implementation, and fresh keys for a test case.
namespace JoseTestSupport {

QByteArray b64u(const QByteArray& data);
QByteArray unb64u(const QByteArray& text);

// Runs tests/jose_interop.py (jwcrypto) with /usr/bin/python3; the answer, or {"error": ...}.
QJsonObject jwcrypto(const QString& command, const QJsonObject& request);

// A compact JWS over exactly these header bytes (so a header may name a member twice); empty
// when the key cannot sign with alg.
QByteArray signRaw(const QByteArray& headerJson, const QByteArray& payload, const QString& alg, const JoseKey& key);

// Generates a key of each type into its slot (RSA keys of 2048 bits). Check
// QTest::currentTestFailed() afterwards.
void generateKeys(std::initializer_list<std::pair<JoseKey*, JoseKey::Type>> keys);

} // namespace JoseTestSupport
