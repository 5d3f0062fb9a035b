#include "ConformanceCase.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

namespace Conformance {

namespace {
constexpr qint64 MaxToleranceSeconds = 10LL * 366 * 24 * 3600;

// An integer member of "check" in [min, max]; an error names check.KEY and the range.
Result<std::optional<qint64>>
integerOption(const QJsonObject& check, const QString& key, qint64 min, qint64 max, const QString& unit)
{
    const QJsonValue value = check.value(key);
    if (value.isUndefined() || value.isNull()) {
        return std::optional<qint64> {};
    }
    const double number = value.toDouble(-1);
    if (!value.isDouble() || number != double(qint64(number)) || number < double(min) || number > double(max)) {
        return Error(QStringLiteral("must be a whole number of %1 from %2 to %3").arg(unit).arg(min).arg(max),
                     QStringLiteral("check.") + key);
    }
    return std::optional<qint64>(qint64(number));
}

} // namespace

QString expectationName(Expectation expectation)
{
    switch (expectation) {
        case Expectation::Accept:
            return QStringLiteral("accept");
        case Expectation::Reject:
            return QStringLiteral("reject");
        case Expectation::AcceptNoEffect:
            return QStringLiteral("accept-no-effect");
    }
    return {};
}

QString verdictName(Verdict verdict)
{
    switch (verdict) {
        case Verdict::Ok:
            return QStringLiteral("ok");
        case Verdict::Warn:
            return QStringLiteral("warn");
        case Verdict::Unverified:
            return QStringLiteral("unverified");
        case Verdict::Fail:
            return QStringLiteral("fail");
        case Verdict::Unclear:
            return QStringLiteral("unclear");
    }
    return {};
}

Result<CheckProfile> profileFromJson(const QByteArray& json, const QString& fileName)
{
    CheckProfile out;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    QByteArray profileJson = json;
    if (parseError.error == QJsonParseError::NoError && document.isObject() && document.object().contains(u"check")) {
        QJsonObject root = document.object();
        const QJsonValue checkValue = root.take(QStringLiteral("check"));
        if (!checkValue.isNull()) {
            if (!checkValue.isObject()) {
                return Error(QStringLiteral("must be an object such as {\"toleranceSeconds\": 300}"),
                             QStringLiteral("check"),
                             fileName);
            }
            const QJsonObject check = checkValue.toObject();
            const QStringList allowed {
                QStringLiteral("toleranceSeconds"), QStringLiteral("marginSeconds"), QStringLiteral("duplicateStatus")};
            for (auto it = check.begin(); it != check.end(); ++it) {
                if (!allowed.contains(it.key())) {
                    return Error(QStringLiteral("unknown key; the check settings are %1").arg(allowed.join(u", ")),
                                 QStringLiteral("check.") + it.key(),
                                 fileName);
                }
            }
            const auto tolerance = integerOption(
                check, QStringLiteral("toleranceSeconds"), 1, MaxToleranceSeconds, QStringLiteral("seconds"));
            const auto margin =
                integerOption(check, QStringLiteral("marginSeconds"), 1, 86400, QStringLiteral("seconds"));
            const auto duplicate =
                integerOption(check, QStringLiteral("duplicateStatus"), 100, 599, QStringLiteral("an HTTP status"));
            for (const auto* option : {&tolerance, &margin, &duplicate}) {
                if (!*option) {
                    return option->error().withFile(fileName);
                }
            }
            if (tolerance.value()) {
                out.options.toleranceSeconds = int(*tolerance.value());
            }
            if (margin.value()) {
                out.options.marginSeconds = int(*margin.value());
            }
            if (duplicate.value()) {
                out.options.duplicateStatus = int(*duplicate.value());
            }
        }
        profileJson = QJsonDocument(root).toJson();
    }
    auto profile = EndpointProfile::fromJson(profileJson, fileName);
    if (!profile) {
        return profile.error();
    }
    out.profile = std::move(profile).value();
    return out;
}

Result<CheckProfile> loadProfile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        // The profile loader words this error like every other command does.
        auto loaded = EndpointProfile::load(path);
        return loaded ? Result<CheckProfile>(Error(file.errorString(), {}, path))
                      : Result<CheckProfile>(loaded.error());
    }
    auto out = profileFromJson(file.readAll(), path);
    if (out) {
        out->profile.baseDir = QFileInfo(path).absolutePath();
    }
    return out;
}

QString CaseResult::answerText() const
{
    if (status == 0) {
        return error.isEmpty() ? QStringLiteral("no answer") : QStringLiteral("no answer: ") + error;
    }
    return reason.isEmpty() ? QString::number(status)
                            : QStringLiteral("%1 %2").arg(status).arg(QString::fromLatin1(reason));
}

bool CaseResult::ok() const
{
    return verdict == Verdict::Ok || verdict == Verdict::Warn || verdict == Verdict::Unverified;
}

QJsonObject CaseResult::toJson() const
{
    QJsonObject out {
        {QStringLiteral("case"), name},
        {QStringLiteral("expect"), expectationName(expectation)},
        {QStringLiteral("status"), status},
        {QStringLiteral("verdict"), verdictName(verdict)},
        {QStringLiteral("ok"), ok()},
        {QStringLiteral("risk"), risk},
        {QStringLiteral("answer"), answerText()},
        {QStringLiteral("sent"), description},
        {QStringLiteral("elapsedMs"), qRound(elapsedMs * 10) / 10.0},
    };
    if (!note.isEmpty()) {
        out.insert(QStringLiteral("note"), note);
    }
    if (!error.isEmpty()) {
        out.insert(QStringLiteral("error"), error);
    }
    if (!bodyHint.isEmpty()) {
        out.insert(QStringLiteral("detail"), QString::fromUtf8(bodyHint));
    }
    return out;
}

CaseResult judge(const Case& testCase,
                 int status,
                 const QByteArray& reason,
                 const QString& error,
                 int baselineStatus,
                 const Options& options)
{
    CaseResult result;
    result.name = testCase.name;
    result.expectation = testCase.expectation;
    result.risk = testCase.risk;
    result.description = testCase.description;
    result.status = status;
    result.reason = reason;
    result.error = error;

    const bool success = status >= 200 && status < 300;
    const bool clientError = status >= 400 && status < 500;
    const auto set = [&result](Verdict verdict, const QString& note) {
        result.verdict = verdict;
        result.note = note;
    };

    if (status == 0) {
        set(Verdict::Unclear, QStringLiteral("no HTTP answer, so nothing can be concluded"));
        return result;
    }
    switch (testCase.expectation) {
        case Expectation::Accept:
            if (success) {
                set(Verdict::Ok, {});
            } else {
                set(Verdict::Fail,
                    QStringLiteral("a valid delivery must be answered 2xx; until it is, the refusals of the other"
                                   " cases prove nothing"));
            }
            break;
        case Expectation::Reject:
            if (success && testCase.whenAccepted == Verdict::Warn) {
                set(Verdict::Warn,
                    QStringLiteral("accepted: a hardening gap rather than a hole an attacker can use alone; the"
                                   " risk says what it leaves open"));
            } else if (success) {
                set(Verdict::Fail, QStringLiteral("accepted a request it must refuse"));
            } else if (clientError && (status == 408 || status == 429)) {
                set(Verdict::Unclear, QStringLiteral("%1 is about timing or load, not about this request").arg(status));
            } else if (clientError && !(baselineStatus >= 200 && baselineStatus < 300)) {
                set(Verdict::Unclear,
                    QStringLiteral("refused, but the valid delivery was refused too, so this refusal proves"
                                   " nothing"));
            } else if (clientError) {
                set(Verdict::Ok, {});
            } else if (status >= 300 && status < 400) {
                set(Verdict::Unclear,
                    QStringLiteral("a redirect is neither a refusal nor an acceptance; check the URL"));
            } else {
                set(Verdict::Unclear,
                    QStringLiteral("a server error is not a refusal: the sender retries it, and the endpoint"
                                   " may have processed part of it; answer 4xx"));
            }
            break;
        case Expectation::AcceptNoEffect:
            if (options.duplicateStatus) {
                if (status == *options.duplicateStatus) {
                    set(Verdict::Ok,
                        QStringLiteral("answered %1, the status configured for a recognised duplicate").arg(status));
                } else {
                    set(Verdict::Fail,
                        QStringLiteral("answered %1, not %2 (check.duplicateStatus): the duplicate was not"
                                       " recognised, so it was probably processed twice")
                            .arg(status)
                            .arg(*options.duplicateStatus));
                }
            } else if (status == 409) {
                set(Verdict::Ok, QStringLiteral("409: the endpoint says it recognised the duplicate"));
            } else if (success && baselineStatus != status) {
                set(Verdict::Ok,
                    QStringLiteral("answered %1 where the first delivery got %2: the endpoint told them apart")
                        .arg(status)
                        .arg(baselineStatus));
            } else if (success) {
                set(Verdict::Unverified,
                    QStringLiteral("answered %1 like the first delivery; from outside this cannot show whether event"
                                   " %2 was processed twice: confirm it had one effect, or set"
                                   " check.duplicateStatus to the status your endpoint gives a recognised"
                                   " duplicate")
                        .arg(status)
                        .arg(testCase.eventId));
            } else {
                set(Verdict::Fail,
                    QStringLiteral("a duplicate must be acknowledged (2xx, or 409), else the sender keeps"
                                   " retrying an event that was already delivered"));
            }
            break;
    }
    return result;
}

bool Summary::passed(bool strict) const
{
    return validAccepted && count(Verdict::Fail) == 0 && !(strict && count(Verdict::Warn) > 0);
}

QString Summary::text() const
{
    QStringList parts;
    for (int i = 0; i < VerdictCount; ++i) {
        if (counts[i] > 0) {
            parts.append(QStringLiteral("%1 %2").arg(counts[i]).arg(verdictName(Verdict(i))));
        }
    }
    return QStringLiteral("%1 cases: %2")
        .arg(total)
        .arg(parts.isEmpty() ? QStringLiteral("none ran") : parts.join(u", "));
}

Summary summarize(const QList<CaseResult>& results)
{
    Summary out;
    out.total = int(results.size());
    for (const auto& result : results) {
        ++out.counts[int(result.verdict)];
        if (result.expectation == Expectation::Accept && !(result.status >= 200 && result.status < 300)) {
            out.validAccepted = false;
        }
    }
    return out;
}

} // namespace Conformance
