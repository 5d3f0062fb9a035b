#include "Jwks.h"

#include "JoseUtil.h"
#include "signing/Crypto.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Jwks {

Result<QList<JoseKey>> parse(const QByteArray& json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError) {
        return Error(
            QStringLiteral("the key set is not valid JSON: %1 at byte %2").arg(error.errorString()).arg(error.offset));
    }
    const QJsonValue keys = document.object().value(QLatin1String("keys"));
    if (!document.isObject() || !keys.isArray()) {
        return Error(QStringLiteral("a JWKS is an object with a \"keys\" list"), QStringLiteral("keys"));
    }
    QList<JoseKey> out;
    const QJsonArray list = keys.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString path = QStringLiteral("keys[%1]").arg(i);
        if (!list.at(i).isObject()) {
            return Error(QStringLiteral("each key of a JWKS is a JSON object"), path);
        }
        auto key = JoseKey::fromJwk(list.at(i).toObject());
        if (!key) {
            const QString member = key.error().path;
            return Error(key.error().message, member.isEmpty() ? path : path + QLatin1Char('.') + member);
        }
        out << key.value();
    }
    return out;
}

Result<JoseKey> select(const QList<JoseKey>& keys, const QString& kid)
{
    if (keys.isEmpty()) {
        return Error(QStringLiteral("the key set is empty"));
    }
    QStringList kids;
    for (const auto& key : keys) {
        if (!kid.isEmpty() && key.kid() == kid) {
            return key;
        }
        kids << (key.kid().isEmpty() ? QStringLiteral("(no kid)") : QLatin1Char('"') + key.kid() + QLatin1Char('"'));
    }
    if (kid.isEmpty()) {
        if (keys.size() == 1) {
            return keys.first();
        }
        return Error(QStringLiteral("the key set holds %1 keys and no kid says which to use (kids: %2)")
                         .arg(keys.size())
                         .arg(kids.join(QStringLiteral(", "))));
    }
    return Error(
        QStringLiteral("no key in the set has kid \"%1\" (kids: %2)").arg(kid, kids.join(QStringLiteral(", "))));
}

QByteArray toPublicJson(const QList<JoseKey>& keys)
{
    QJsonArray list;
    for (const auto& key : keys) {
        const QJsonObject jwk = key.toPublicJwk();
        if (!jwk.isEmpty()) {
            list.append(jwk);
        }
    }
    return QJsonDocument(QJsonObject {{QStringLiteral("keys"), list}}).toJson(QJsonDocument::Compact);
}

QString thumbprint(const JoseKey& key)
{
    QJsonObject jwk = key.toPublicJwk();
    if (jwk.isEmpty()) {
        return {};
    }
    jwk.remove(QStringLiteral("kid"));
    // RFC 7638 3.2: only the required members, names sorted, no whitespace; QJsonObject sorts
    // its keys and every value here is a plain ASCII string, so compact JSON is canonical.
    return QString::fromLatin1(JoseUtil::base64Url(Crypto::sha256(QJsonDocument(jwk).toJson(QJsonDocument::Compact))));
}

} // namespace Jwks
