#include "Cli.h"
#include "Commands.h"
#include "SignalWatcher.h"

#include "receiver/Receiver.h"
#include "receiver/RequestVerifier.h"
#include "secrets/SecretStore.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSet>
#include <QStringDecoder>
#include <QTimer>

#include <limits>

namespace Cli {

namespace {

// docs/cli.md: "headers" is a list of [name, value] pairs, always. A value that is not UTF-8
// (HTTP allows any octet) is given as the base64 of its bytes, and the top-level
// "headersBase64" lists the indexes of those pairs (left out when there are none).
void putHeaders(QJsonObject& object, const HeaderList& headers)
{
    QJsonArray list;
    QJsonArray base64Indexes;
    for (const auto& [name, value] : headers) {
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        const QString text = decoder(value);
        if (decoder.hasError()) {
            base64Indexes.append(list.size());
            list.append(QJsonArray {QString::fromLatin1(name), QString::fromLatin1(value.toBase64())});
        } else {
            list.append(QJsonArray {QString::fromLatin1(name), text});
        }
    }
    object.insert(QStringLiteral("headers"), list);
    if (base64Indexes.isEmpty()) {
        object.remove(QStringLiteral("headersBase64"));
    } else {
        object.insert(QStringLiteral("headersBase64"), base64Indexes);
    }
}

void putBody(QJsonObject& object, const QByteArray& body)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder(body);
    object.remove(QStringLiteral("body"));
    object.remove(QStringLiteral("bodyBase64"));
    if (decoder.hasError()) {
        object.insert(QStringLiteral("bodyBase64"), QString::fromLatin1(body.toBase64()));
    } else {
        object.insert(QStringLiteral("body"), text);
    }
}

QJsonValue eventValue(const QByteArray& eventJson)
{
    if (eventJson.isEmpty()) {
        return QJsonValue::Null;
    }
    return QJsonDocument::fromJson(eventJson).object();
}

// ISO 8601 in UTC with milliseconds ("2026-11-23T10:00:00.123Z"), as Qt::ISODateWithMs. Every
// line of `receive` carries one: the part up to the second is formatted once per second (Qt's
// formatting was a tenth of the per-request line's cost under load).
QString timeText(const QDateTime& time)
{
    if (!time.isValid()) {
        return {};
    }
    static qint64 cachedSecond = std::numeric_limits<qint64>::min();
    static QString cachedPrefix; // "2026-11-23T10:00:00"
    const qint64 ms = time.toMSecsSinceEpoch();
    const qint64 second = ms >= 0 ? ms / 1000 : (ms - 999) / 1000;
    if (second != cachedSecond) {
        cachedPrefix = QDateTime::fromSecsSinceEpoch(second, Qt::UTC).toString(Qt::ISODate);
        cachedPrefix.chop(1); // the 'Z'
        cachedSecond = second;
    }
    const int milliseconds = int(ms - second * 1000);
    QString text = cachedPrefix;
    text += QLatin1Char('.');
    text += QLatin1Char(char('0' + milliseconds / 100));
    text += QLatin1Char(char('0' + milliseconds / 10 % 10));
    text += QLatin1Char(char('0' + milliseconds % 10));
    text += QLatin1Char('Z');
    return text;
}

// The line of docs/cli.md.
QJsonObject recordToJson(const ReceivedRecord& record)
{
    QJsonObject out {{QStringLiteral("seq"), record.seq},
                     {QStringLiteral("receivedAt"), timeText(record.receivedAt)},
                     {QStringLiteral("method"), record.method},
                     {QStringLiteral("path"), record.path},
                     {QStringLiteral("query"), record.query},
                     {QStringLiteral("remote"), record.remote},
                     {QStringLiteral("tls"), record.tls.isEmpty() ? QJsonValue(QJsonValue::Null) : record.tls},
                     {QStringLiteral("checks"), record.checks},
                     {QStringLiteral("verdict"), record.verdict},
                     {QStringLiteral("status"), record.status},
                     {QStringLiteral("duplicate"), record.duplicate},
                     {QStringLiteral("event"), eventValue(record.eventJson)}};
    putHeaders(out, record.headers);
    putBody(out, record.body);
    if (!record.forward.isEmpty()) {
        out.insert(QStringLiteral("forward"), record.forward);
    }
    if (!record.jose.isEmpty()) {
        out.insert(QStringLiteral("jose"), record.jose);
    }
    return out;
}

QString checkLines(const QJsonArray& checks)
{
    QString text;
    for (const auto& value : checks) {
        const QJsonObject check = value.toObject();
        const QString mark =
            check.value(QStringLiteral("informational")).toBool()
                ? QStringLiteral("info")
                : (check.value(QStringLiteral("ok")).toBool() ? QStringLiteral("ok  ") : QStringLiteral("FAIL"));
        text += QStringLiteral("    %1 %2: %3\n")
                    .arg(mark,
                         check.value(QStringLiteral("check")).toString(),
                         check.value(QStringLiteral("detail")).toString());
    }
    return text;
}

QString humanLine(const ReceivedRecord& record)
{
    QString line = QStringLiteral("#%1 %2 %3 %4%5 from %6: %7 %8")
                       .arg(record.seq)
                       .arg(timeText(record.receivedAt),
                            record.method,
                            record.path,
                            record.query.isEmpty() ? QString() : QLatin1Char('?') + record.query,
                            record.remote,
                            record.verdict,
                            record.status == 0 ? QStringLiteral("(dropped, no answer)")
                                               : QStringLiteral("-> %1").arg(record.status));
    if (record.duplicate) {
        line += QStringLiteral(" (duplicate)");
    }
    const QJsonObject event = QJsonDocument::fromJson(record.eventJson).object();
    if (!event.isEmpty()) {
        line += QStringLiteral(" event %1 %2")
                    .arg(event.value(QStringLiteral("id")).toString(), event.value(QStringLiteral("type")).toString());
    }
    line += QLatin1Char('\n') + checkLines(record.checks);
    if (!record.forward.isEmpty()) {
        line += record.forward.contains(QStringLiteral("error"))
                    ? QStringLiteral("    forwarded to %1: %2\n")
                          .arg(record.forward.value(QStringLiteral("url")).toString(),
                               record.forward.value(QStringLiteral("error")).toString())
                    : QStringLiteral("    forwarded to %1: %2\n")
                          .arg(record.forward.value(QStringLiteral("url")).toString())
                          .arg(record.forward.value(QStringLiteral("status")).toInt());
    }
    return line;
}

Result<ReceiverConfig> loadConfig(const QCommandLineParser& parser)
{
    const QString path = parser.value(QStringLiteral("config"));
    if (path.isEmpty()) {
        return Error(QStringLiteral("--config R.json is required"));
    }
    return ReceiverConfig::load(path);
}

Result<SecretValues> resolveReceiverSecrets(const ReceiverConfig& config, const QString& file)
{
    KeychainSecretStore store;
    SecretResolver resolver(&store);
    std::optional<Result<SecretValues>> result;
    QEventLoop loop;
    resolver.resolve(config.secretRefs(), config.baseDir, [&](Result<SecretValues> values) {
        result = std::move(values);
        loop.quit();
    });
    if (!result) {
        loop.exec();
    }
    if (!*result && result->error().file.isEmpty()) {
        return result->error().withFile(file);
    }
    return std::move(*result);
}

bool isLoopback(const QHostAddress& address)
{
    return address.isLoopback();
}

int runReceive(QCommandLineParser& parser, const QString& command)
{
    const auto maxRequests = positiveInt(parser, QStringLiteral("max-requests"), 0);
    const auto timeoutS = positiveInt(parser, QStringLiteral("timeout-s"), 0);
    if (!maxRequests || !timeoutS) {
        printError(command, !maxRequests ? maxRequests.error() : timeoutS.error());
        return UsageError;
    }
    auto config = loadConfig(parser);
    if (!config) {
        printError(command, config.error());
        return UsageError;
    }
    const QString file = parser.value(QStringLiteral("config"));
    if (parser.isSet(QStringLiteral("listen"))) {
        auto listen = ReceiverConfig::parseListen(parser.value(QStringLiteral("listen")));
        if (!listen) {
            printError(command, Error(listen.error().message, QStringLiteral("--listen")));
            return UsageError;
        }
        config->listenAddress = listen->first;
        config->listenPort = listen->second;
    }
    auto secrets = resolveReceiverSecrets(config.value(), file);
    if (!secrets) {
        printError(command, secrets.error());
        return UsageError;
    }
    auto store = ReceivedStore::open();
    if (!store) {
        printError(command, store.error());
        return WorkFailed;
    }
    const bool json = parser.isSet(QStringLiteral("json"));
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES")) {
        // Per-connection debug lines would drown the one line per request this command prints.
        QLoggingCategory::setFilterRules(QStringLiteral("hookbench.*.debug=false\nhookbench.*.info=false"));
    }

    Receiver receiver;
    receiver.setStore(store->get());
    if (auto started = receiver.start(config.value(), secrets.value()); !started) {
        const bool configProblem = started.error().path.startsWith(QLatin1String("tls"));
        printError(command, started.error().file.isEmpty() ? started.error().withFile(file) : started.error());
        return configProblem ? UsageError : WorkFailed;
    }

    QEventLoop loop;
    int printed = 0;
    bool finishing = false;
    int exitCode = Success;
    QHash<qint64, ReceivedRecord> awaitingForward; // printed once forwardTo answered

    // Lines go out once per event-loop turn, not one write each: under load the receiver
    // answers a batch of requests per turn, and a write per line was a tenth of its time.
    bool flushScheduled = false;
    const auto print = [&](const ReceivedRecord& record) {
        if (json) {
            printJsonLine(recordToJson(record), false);
        } else {
            printOut(humanLine(record));
        }
        if (!flushScheduled) {
            flushScheduled = true;
            QTimer::singleShot(0, &receiver, [&] {
                flushScheduled = false;
                std::fflush(stdout);
            });
        }
        ++printed;
    };

    // Stop taking requests, let stored answers (and delayed ones) go out, then leave.
    std::function<void()> finish = [&] {
        if (finishing) {
            return;
        }
        finishing = true;
        receiver.flush();
        auto* drain = new QTimer(&receiver);
        drain->setInterval(10);
        auto deadline = std::make_shared<QElapsedTimer>();
        deadline->start();
        const qint64 limitMs = qint64(config->response.delayMs) + 5000;
        QObject::connect(drain, &QTimer::timeout, &receiver, [&, drain, deadline, limitMs] {
            const bool answered = receiver.answersPending() == 0;
            const bool forwarded = receiver.forwardsInFlight() == 0;
            if ((answered && forwarded) || deadline->elapsed() > limitMs) {
                drain->stop();
                for (const auto& record : std::as_const(awaitingForward)) {
                    print(record);
                }
                awaitingForward.clear();
                // The answers are in the sockets' buffers; one more turn of the loop writes them.
                QTimer::singleShot(100, &receiver, [&] {
                    receiver.stop();
                    loop.quit();
                });
            }
        });
        drain->start();
    };

    const auto counted = [&] {
        if (maxRequests.value() > 0 && printed >= maxRequests.value()) {
            finish();
        }
    };

    QObject::connect(&receiver, &Receiver::requestProcessed, &receiver, [&](const ReceivedRecord& record) {
        if (!config->forwardTo.isEmpty() && record.verdict == QLatin1String("accepted") && !record.duplicate) {
            awaitingForward.insert(record.seq, record);
            return;
        }
        print(record);
        counted();
    });
    QObject::connect(&receiver, &Receiver::requestForwarded, &receiver, [&](qint64 seq, const QJsonObject& forward) {
        auto it = awaitingForward.find(seq);
        if (it == awaitingForward.end()) {
            return;
        }
        ReceivedRecord record = it.value();
        awaitingForward.erase(it);
        record.forward = forward;
        print(record);
        counted();
    });
    QObject::connect(&receiver, &Receiver::storeFailed, &receiver, [&](const QString& message) {
        printError(command, QStringLiteral("cannot store received requests (answered 503): %1").arg(message));
        exitCode = WorkFailed;
    });
    // Transport refusals (limits, framing, timeouts) are stored and come through
    // requestProcessed like every request: one line each, counted for --max-requests.

    SignalWatcher watcher([&] { finish(); });
    if (timeoutS.value() > 0) {
        QTimer::singleShot(qint64(timeoutS.value()) * 1000, &receiver, [&] { finish(); });
    }

    if (!isLoopback(receiver.address())) {
        printError(command,
                   QStringLiteral("warning: listening on %1, reachable from the network; use --listen 127.0.0.1:PORT"
                                  " to keep it on this machine")
                       .arg(config->listenAddress.toString()));
    }
    if (json) {
        printJsonLine(QJsonObject {{QStringLiteral("listening"), receiver.url()}});
    } else {
        printOut(QStringLiteral("Listening on %1\n").arg(receiver.url()));
        if (!receiver.selfSignedFingerprint().isEmpty()) {
            printOut(QStringLiteral("Self-signed certificate SHA-256 fingerprint: %1\n")
                         .arg(receiver.selfSignedFingerprint()));
        }
        printOut(QStringLiteral("Storing requests in %1; Ctrl+C to stop\n").arg(store->get()->path()));
    }
    if (json && !receiver.selfSignedFingerprint().isEmpty()) {
        printError(
            command,
            QStringLiteral("self-signed certificate SHA-256 fingerprint: %1").arg(receiver.selfSignedFingerprint()));
    }
    std::fflush(stdout);

    loop.exec();
    std::fflush(stdout);
    return exitCode;
}

// Reads "headers" as putHeaders() writes it: [name, value] pairs, with the values of the pairs
// that "headersBase64" lists given as base64. Also the form of earlier versions, where such a
// value was a triple [name, base64, "base64"], so request files saved then still verify, and a
// plain {name: value} object for hand-made requests.
Result<HeaderList> headersFromJson(const QJsonObject& object, const QString& file)
{
    const QJsonValue headers = object.value(QStringLiteral("headers"));
    const QJsonValue indexes = object.value(QStringLiteral("headersBase64"));
    // An empty list is what a tool that always writes the key gives: the same as no key.
    const bool hasIndexes =
        !indexes.isUndefined() && !indexes.isNull() && !(indexes.isArray() && indexes.toArray().isEmpty());
    HeaderList out;
    if (headers.isObject()) {
        if (hasIndexes) {
            return Error(QStringLiteral("indexes into a list of [name, value] pairs; give \"headers\" as such a list"),
                         QStringLiteral("headersBase64"),
                         file);
        }
        const QJsonObject map = headers.toObject();
        for (auto it = map.begin(); it != map.end(); ++it) {
            if (!it.value().isString()) {
                return Error(QStringLiteral("must be the header value as a string"),
                             QStringLiteral("headers.%1").arg(it.key()),
                             file);
            }
            out.append({it.key().toLatin1(), it.value().toString().toUtf8()});
        }
        return out;
    }
    if (headers.isUndefined() || headers.isNull()) {
        if (hasIndexes) {
            return Error(QStringLiteral("lists base64 header values, but there is no \"headers\" list"),
                         QStringLiteral("headersBase64"),
                         file);
        }
        return out;
    }
    if (!headers.isArray()) {
        return Error(QStringLiteral("must be a list of [name, value] pairs"), QStringLiteral("headers"), file);
    }
    const QJsonArray list = headers.toArray();

    QSet<qsizetype> base64;
    if (hasIndexes) {
        if (!indexes.isArray()) {
            return Error(QStringLiteral("must be a list of indexes (0-based) into \"headers\""),
                         QStringLiteral("headersBase64"),
                         file);
        }
        if (list.isEmpty()) {
            return Error(QStringLiteral("lists base64 header values, but \"headers\" is empty"),
                         QStringLiteral("headersBase64"),
                         file);
        }
        const QJsonArray indexList = indexes.toArray();
        for (qsizetype k = 0; k < indexList.size(); ++k) {
            const qint64 index = indexList.at(k).toInteger(-1);
            if (index < 0 || index >= list.size()) {
                return Error(
                    QStringLiteral("must be the index (0 to %1) of a pair in \"headers\" whose value is base64")
                        .arg(list.size() - 1),
                    QStringLiteral("headersBase64[%1]").arg(k),
                    file);
            }
            base64.insert(qsizetype(index));
        }
    }

    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString at = QStringLiteral("headers[%1]").arg(i);
        const QJsonArray pair = list.at(i).toArray();
        if (!list.at(i).isArray() || pair.size() < 2 || pair.size() > 3) {
            return Error(QStringLiteral("must be a [name, value] pair of strings"), at, file);
        }
        if (!pair.at(0).isString()) {
            return Error(QStringLiteral("must be the header name as a string"), at + QStringLiteral("[0]"), file);
        }
        bool isBase64 = base64.contains(i);
        if (pair.size() == 3) {
            if (pair.at(2).toString() != QLatin1String("base64")) {
                return Error(QStringLiteral("can only be \"base64\" (the older form of a value that is not UTF-8); "
                                            "better: a [name, value] pair and its index in headersBase64"),
                             at + QStringLiteral("[2]"),
                             file);
            }
            isBase64 = true;
        }
        if (!pair.at(1).isString()) {
            return Error(isBase64 ? QStringLiteral("must be the base64 of the header value's bytes, as a string")
                                  : QStringLiteral("must be the header value as a string"),
                         at + QStringLiteral("[1]"),
                         file);
        }
        const QString value = pair.at(1).toString();
        QByteArray bytes = value.toUtf8();
        if (isBase64) {
            auto decoded = QByteArray::fromBase64Encoding(value.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
            if (!decoded) {
                return Error(pair.size() == 3
                                 ? QStringLiteral("is not valid base64 (the pair is marked \"base64\")")
                                 : QStringLiteral("is not valid base64 (headersBase64 lists index %1)").arg(i),
                             at + QStringLiteral("[1]"),
                             file);
            }
            bytes = decoded.decoded;
        }
        out.append({pair.at(0).toString().toLatin1(), bytes});
    }
    return out;
}

// --request REQ.json: one object as `receive --json` prints it.
Result<QPair<QJsonObject, VerifyRequest>> loadRequest(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error(QStringLiteral("cannot read the request file: %1").arg(file.errorString()), {}, path);
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return Error(
            QStringLiteral("not valid JSON at offset %1: %2").arg(parseError.offset).arg(parseError.errorString()),
            {},
            path);
    }
    if (!document.isObject()) {
        return Error(QStringLiteral("must be one JSON object, as receive --json prints a request"), {}, path);
    }
    const QJsonObject object = document.object();
    VerifyRequest request;
    request.method = object.value(QStringLiteral("method")).toString(QStringLiteral("POST"));
    request.path = object.value(QStringLiteral("path")).toString(QStringLiteral("/"));
    auto headers = headersFromJson(object, path);
    if (!headers) {
        return headers.error();
    }
    request.headers = std::move(headers.value());
    if (object.contains(QStringLiteral("bodyBase64"))) {
        auto decoded = QByteArray::fromBase64Encoding(object.value(QStringLiteral("bodyBase64")).toString().toLatin1(),
                                                      QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded) {
            return Error(QStringLiteral("is not valid base64"), QStringLiteral("bodyBase64"), path);
        }
        request.body = decoded.decoded;
    } else {
        const QJsonValue body = object.value(QStringLiteral("body"));
        if (!body.isUndefined() && !body.isString()) {
            return Error(QStringLiteral("must be the body as text (or give bodyBase64)"), QStringLiteral("body"), path);
        }
        request.body = body.toString().toUtf8();
    }
    if (object.contains(QStringLiteral("receivedAt"))) {
        const QDateTime at =
            QDateTime::fromString(object.value(QStringLiteral("receivedAt")).toString(), Qt::ISODateWithMs);
        if (!at.isValid()) {
            return Error(QStringLiteral("must be an RFC 3339 time such as 2026-11-23T10:00:00.123Z"),
                         QStringLiteral("receivedAt"),
                         path);
        }
    }
    return QPair<QJsonObject, VerifyRequest> {object, request};
}

int runVerify(QCommandLineParser& parser, const QString& command)
{
    auto config = loadConfig(parser);
    if (!config) {
        printError(command, config.error());
        return UsageError;
    }
    const QString requestPath = parser.value(QStringLiteral("request"));
    if (requestPath.isEmpty()) {
        printError(command, QStringLiteral("--request REQ.json is required"));
        return UsageError;
    }
    auto loaded = loadRequest(requestPath);
    if (!loaded) {
        printError(command, loaded.error());
        return UsageError;
    }
    auto secrets = resolveReceiverSecrets(config.value(), parser.value(QStringLiteral("config")));
    if (!secrets) {
        printError(command, secrets.error());
        return UsageError;
    }
    QJsonObject object = loaded->first;
    const VerifyRequest& request = loaded->second;
    const QDateTime now =
        object.contains(QStringLiteral("receivedAt"))
            ? QDateTime::fromString(object.value(QStringLiteral("receivedAt")).toString(), Qt::ISODateWithMs)
            : QDateTime::currentDateTimeUtc();
    const int acceptStatus =
        config->response.statusSequence.isEmpty() ? config->response.status : config->response.statusSequence.first();
    const VerifyOutcome outcome = RequestVerifier::verify(config->verify, secrets.value(), request, now, acceptStatus);

    const auto masked =
        RequestVerifier::maskSecretHeaders(request.headers, RequestVerifier::secretHeaderNames(config->verify));
    putHeaders(object, masked);
    object.insert(QStringLiteral("checks"), outcome.checksJson());
    object.insert(QStringLiteral("verdict"), outcome.verdict());
    object.insert(QStringLiteral("status"), outcome.status);
    object.insert(QStringLiteral("duplicate"), outcome.duplicate);
    object.insert(QStringLiteral("event"), outcome.event.isEmpty() ? QJsonValue(QJsonValue::Null) : outcome.event);
    if (!outcome.jose.isEmpty()) {
        object.insert(QStringLiteral("jose"), outcome.jose);
    }
    if (parser.isSet(QStringLiteral("text"))) {
        printOut(QStringLiteral("%1 %2: %3 -> %4\n%5")
                     .arg(request.method, request.path, outcome.verdict())
                     .arg(outcome.status)
                     .arg(checkLines(outcome.checksJson())));
    } else {
        printJsonLine(object);
    }
    std::fflush(stdout);
    return outcome.accepted ? Success : WorkFailed;
}

} // namespace

Command receiveCommand()
{
    return {QStringLiteral("receive"),
            QStringLiteral("receive --config R.json [--listen HOST:PORT] [--max-requests N] [--timeout-s S] [--json]"),
            QStringLiteral("Run the local receiver: store, check and answer every request."),
            [](QCommandLineParser& parser) {
                parser.addOption({QStringLiteral("config"),
                                  QStringLiteral("Receiver configuration (JSON)."),
                                  QStringLiteral("R.json")});
                parser.addOption({QStringLiteral("listen"),
                                  QStringLiteral("Address and port to listen on, overriding the file's listen."),
                                  QStringLiteral("HOST:PORT")});
                parser.addOption(
                    {QStringLiteral("max-requests"), QStringLiteral("Exit 0 after N requests."), QStringLiteral("N")});
                parser.addOption(
                    {QStringLiteral("timeout-s"), QStringLiteral("Exit 0 after S seconds."), QStringLiteral("S")});
                parser.addOption({QStringLiteral("json"),
                                  QStringLiteral("A {\"listening\":URL} line, then one JSON object per request.")});
            },
            runReceive};
}

Command verifyCommand()
{
    return {QStringLiteral("verify"),
            QStringLiteral("verify --config R.json --request REQ.json"),
            QStringLiteral("Check a stored or hand-made request offline (exit 0 accepted, 1 rejected)."),
            [](QCommandLineParser& parser) {
                parser.addOption({QStringLiteral("config"),
                                  QStringLiteral("Receiver configuration (JSON)."),
                                  QStringLiteral("R.json")});
                parser.addOption({QStringLiteral("request"),
                                  QStringLiteral("The request, one object as receive --json prints it."),
                                  QStringLiteral("REQ.json")});
                parser.addOption({QStringLiteral("text"), QStringLiteral("Print the checks as text instead of JSON.")});
            },
            runVerify};
}

} // namespace Cli
