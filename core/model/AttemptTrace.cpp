#include "AttemptTrace.h"

#include "secrets/SecretRef.h"

#include <QJsonArray>
#include <QStringDecoder>

namespace {
QJsonObject headersToJson(const HeaderList& headers, const std::function<QByteArray(int)>& valueAt)
{
    // An object, as docs/cli.md shows; a repeated header name keeps its values joined by ", ".
    QJsonObject out;
    for (int i = 0; i < headers.size(); ++i) {
        const auto name = QString::fromLatin1(headers.at(i).first);
        const auto value = QString::fromUtf8(valueAt(i));
        out.insert(name, out.contains(name) ? out.value(name).toString() + QStringLiteral(", ") + value : value);
    }
    return out;
}

QJsonArray headersToArray(const HeaderList& headers, const std::function<QByteArray(int)>& valueAt)
{
    QJsonArray out;
    for (int i = 0; i < headers.size(); ++i) {
        out.append(QJsonArray {QString::fromLatin1(headers.at(i).first), QString::fromUtf8(valueAt(i))});
    }
    return out;
}

HeaderList headersFromArray(const QJsonArray& array)
{
    HeaderList out;
    for (const auto& item : array) {
        const auto pair = item.toArray();
        out.append({pair.at(0).toString().toLatin1(), pair.at(1).toString().toUtf8()});
    }
    return out;
}

} // namespace

void AttemptTrace::insertBody(QJsonObject& object, const QByteArray& body)
{
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString text = decoder.decode(body);
    if (decoder.hasError() || body.contains('\0')) {
        object.insert(QStringLiteral("bodyBase64"), QString::fromLatin1(body.toBase64()));
    } else {
        object.insert(QStringLiteral("body"), text);
    }
}

QByteArray AttemptTrace::bodyFrom(const QJsonObject& object)
{
    if (object.contains(QStringLiteral("bodyBase64"))) {
        return QByteArray::fromBase64(object.value(QStringLiteral("bodyBase64")).toString().toLatin1());
    }
    return object.value(QStringLiteral("body")).toString().toUtf8();
}

QString AttemptTrace::outcomeName(Outcome outcome)
{
    switch (outcome) {
        case Outcome::Delivered:
            return QStringLiteral("delivered");
        case Outcome::Retrying:
            return QStringLiteral("retrying");
        case Outcome::Failed:
            break;
    }
    return QStringLiteral("failed");
}

QByteArray AttemptTrace::displayHeaderValue(int index, bool showSecrets) const
{
    const auto& value = requestHeaders.at(index).second;
    if (showSecrets || !secretHeaderIndexes.contains(index)) {
        return value;
    }
    return maskSecret(value).toUtf8();
}

QJsonObject AttemptTrace::toJson(bool showSecrets) const
{
    const auto requestValue = [this, showSecrets](int i) {
        return displayHeaderValue(i, showSecrets);
    };
    const auto responseValue = [this](int i) {
        return responseHeaders.at(i).second;
    };

    QJsonObject request {
        {QStringLiteral("method"), QString::fromLatin1(method)},
        {QStringLiteral("url"), url},
        {QStringLiteral("headers"), headersToJson(requestHeaders, requestValue)},
        {QStringLiteral("headerList"), headersToArray(requestHeaders, requestValue)},
    };
    insertBody(request, requestBody);
    QJsonObject out {
        {QStringLiteral("event"), eventId},
        {QStringLiteral("attempt"), attempt},
        {QStringLiteral("maxAttempts"), maxAttempts},
        {QStringLiteral("request"), request},
        {QStringLiteral("elapsedMs"), qRound(elapsedMs * 10) / 10.0},
        {QStringLiteral("startedAt"), startedAt.toString(Qt::ISODateWithMs)},
        {QStringLiteral("outcome"), outcomeName(outcome)},
    };
    if (!profileName.isEmpty()) {
        out.insert(QStringLiteral("profile"), profileName);
    }
    if (!eventType.isEmpty()) {
        out.insert(QStringLiteral("eventType"), eventType);
    }
    if (status > 0) {
        QJsonObject response {
            {QStringLiteral("status"), status},
            {QStringLiteral("reason"), QString::fromLatin1(reason)},
            {QStringLiteral("headers"), headersToJson(responseHeaders, responseValue)},
            {QStringLiteral("headerList"), headersToArray(responseHeaders, responseValue)},
            {QStringLiteral("bodyTruncated"), responseBodyTruncated},
        };
        insertBody(response, responseBody);
        out.insert(QStringLiteral("response"), response);
    } else {
        out.insert(QStringLiteral("response"), QJsonValue::Null);
    }
    if (!tlsProtocol.isEmpty()) {
        out.insert(QStringLiteral("tls"),
                   QJsonObject {{QStringLiteral("protocol"), tlsProtocol},
                                {QStringLiteral("cipher"), tlsCipher},
                                {QStringLiteral("peerChain"), QJsonArray::fromStringList(tlsPeerChain)}});
    }
    if (!redirects.isEmpty()) {
        out.insert(QStringLiteral("redirects"), QJsonArray::fromStringList(redirects));
    }
    if (!error.isEmpty()) {
        out.insert(QStringLiteral("error"), error);
    }
    if (outcome == Outcome::Retrying) {
        out.insert(QStringLiteral("nextDelayMs"), nextDelayMs);
        if (!retryReason.isEmpty()) {
            out.insert(QStringLiteral("retryReason"), retryReason);
        }
    }
    if (!tokenExchange.isEmpty()) {
        out.insert(QStringLiteral("tokenExchange"), tokenExchange);
    }
    if (!notes.isEmpty()) {
        out.insert(QStringLiteral("notes"), QJsonArray::fromStringList(notes));
    }
    if (!secretHeaderIndexes.isEmpty()) {
        QJsonArray indexes;
        for (int i : secretHeaderIndexes) {
            indexes.append(i);
        }
        out.insert(QStringLiteral("secretHeaderIndexes"), indexes);
    }
    return out;
}

AttemptTrace AttemptTrace::fromJson(const QJsonObject& json)
{
    AttemptTrace t;
    t.profileName = json.value(QStringLiteral("profile")).toString();
    t.eventId = json.value(QStringLiteral("event")).toString();
    t.eventType = json.value(QStringLiteral("eventType")).toString();
    t.attempt = json.value(QStringLiteral("attempt")).toInt(1);
    t.maxAttempts = json.value(QStringLiteral("maxAttempts")).toInt(1);
    const auto request = json.value(QStringLiteral("request")).toObject();
    t.method = request.value(QStringLiteral("method")).toString().toLatin1();
    t.url = request.value(QStringLiteral("url")).toString();
    t.requestHeaders = headersFromArray(request.value(QStringLiteral("headerList")).toArray());
    t.requestBody = bodyFrom(request);
    for (const auto& i : json.value(QStringLiteral("secretHeaderIndexes")).toArray()) {
        t.secretHeaderIndexes.insert(i.toInt());
    }
    const auto response = json.value(QStringLiteral("response")).toObject();
    t.status = response.value(QStringLiteral("status")).toInt();
    t.reason = response.value(QStringLiteral("reason")).toString().toLatin1();
    t.responseHeaders = headersFromArray(response.value(QStringLiteral("headerList")).toArray());
    t.responseBody = bodyFrom(response);
    t.responseBodyTruncated = response.value(QStringLiteral("bodyTruncated")).toBool();
    t.startedAt = QDateTime::fromString(json.value(QStringLiteral("startedAt")).toString(), Qt::ISODateWithMs);
    t.elapsedMs = json.value(QStringLiteral("elapsedMs")).toDouble();
    const auto tls = json.value(QStringLiteral("tls")).toObject();
    t.tlsProtocol = tls.value(QStringLiteral("protocol")).toString();
    t.tlsCipher = tls.value(QStringLiteral("cipher")).toString();
    for (const auto& s : tls.value(QStringLiteral("peerChain")).toArray()) {
        t.tlsPeerChain.append(s.toString());
    }
    const auto outcome = json.value(QStringLiteral("outcome")).toString();
    t.outcome = outcome == QLatin1String("delivered")  ? Outcome::Delivered
                : outcome == QLatin1String("retrying") ? Outcome::Retrying
                                                       : Outcome::Failed;
    for (const auto& r : json.value(QStringLiteral("redirects")).toArray()) {
        t.redirects.append(r.toString());
    }
    t.error = json.value(QStringLiteral("error")).toString();
    t.nextDelayMs = json.value(QStringLiteral("nextDelayMs")).toInteger(-1);
    t.retryReason = json.value(QStringLiteral("retryReason")).toString();
    t.tokenExchange = json.value(QStringLiteral("tokenExchange")).toObject();
    for (const auto& n : json.value(QStringLiteral("notes")).toArray()) {
        t.notes.append(n.toString());
    }
    return t;
}
