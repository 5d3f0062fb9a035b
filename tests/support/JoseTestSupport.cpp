#include "JoseTestSupport.h"

#include "TestSupport.h"
#include "jose/Jws.h"

#include <QJsonDocument>
#include <QProcess>
#include <QTest>

namespace JoseTestSupport {

QByteArray b64u(const QByteArray& data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray unb64u(const QByteArray& text)
{
    return QByteArray::fromBase64(text, QByteArray::Base64UrlEncoding);
}

QJsonObject jwcrypto(const QString& command, const QJsonObject& request)
{
    QProcess python;
    python.start(QStringLiteral("/usr/bin/python3"),
                 {TestSupport::sourceDir() + QStringLiteral("/tests/jose_interop.py"), command});
    python.write(QJsonDocument(request).toJson(QJsonDocument::Compact));
    python.closeWriteChannel();
    if (!python.waitForFinished(60000)) {
        return {{QStringLiteral("error"), QStringLiteral("python did not finish")}};
    }
    const QJsonObject answer = QJsonDocument::fromJson(python.readAllStandardOutput()).object();
    if (answer.isEmpty()) {
        return {{QStringLiteral("error"), QString::fromUtf8(python.readAllStandardError())}};
    }
    return answer;
}

QByteArray signRaw(const QByteArray& headerJson, const QByteArray& payload, const QString& alg, const JoseKey& key)
{
    const QByteArray input = b64u(headerJson) + '.' + b64u(payload);
    const auto signature = Jws::sign(alg, input, key);
    return signature ? input + '.' + b64u(signature.value()) : QByteArray();
}

void generateKeys(std::initializer_list<std::pair<JoseKey*, JoseKey::Type>> keys)
{
    for (auto [key, type] : keys) {
        auto made = JoseKey::generate(type);
        QVERIFY2(made.ok(), qPrintable(made.error().message));
        *key = made.value();
    }
}

} // namespace JoseTestSupport
