#include "ConformanceRunner.h"

#include "tls/ClientTls.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

namespace Conformance {

namespace {
// The first line of the answer's body (a good endpoint says why it refused), shortened.
QByteArray firstLine(const QByteArray& body)
{
    QByteArray line = body.left(400);
    const qsizetype newline = line.indexOf('\n');
    if (newline >= 0) {
        line.truncate(newline);
    }
    line = line.trimmed();
    if (line.size() > 160) {
        line = line.left(157) + "...";
    }
    return line;
}

QString networkError(QNetworkReply* reply)
{
    const QUrl url = reply->url();
    const QString where =
        url.host() + QLatin1Char(':') + QString::number(url.port(url.scheme() == QLatin1String("https") ? 443 : 80));
    switch (reply->error()) {
        case QNetworkReply::ConnectionRefusedError:
            return QStringLiteral("connection refused by %1").arg(where);
        case QNetworkReply::RemoteHostClosedError:
            return QStringLiteral("%1 closed the connection without answering").arg(where);
        case QNetworkReply::OperationCanceledError:
        case QNetworkReply::TimeoutError:
            return QStringLiteral("no answer from %1 in time (timeoutMs)").arg(where);
        default:
            return QStringLiteral("network error talking to %1: %2").arg(where, reply->errorString());
    }
}
} // namespace

Runner::Runner(QNetworkAccessManager* network, QObject* parent)
    : QObject(parent)
    , m_network(network ? network : new QNetworkAccessManager(this))
{ }

Runner::~Runner()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

bool Runner::passed(bool strict) const
{
    return !m_results.isEmpty() && m_results.size() == m_cases.size() && summarize(m_results).passed(strict);
}

void Runner::start(const EndpointProfile& profile,
                   const SecretValues& secrets,
                   QList<Case> cases,
                   const Options& options)
{
    m_profile = profile;
    m_secrets = secrets;
    m_cases = std::move(cases);
    m_options = options;
    m_results.clear();
    m_next = 0;
    m_baselineStatus = 0;
    m_cancelled = false;
    m_running = true;
    // Never inside start(): the caller connects its slots first.
    QTimer::singleShot(0, this, [this] { sendNext(); });
}

void Runner::cancel()
{
    m_cancelled = true;
    if (m_reply) {
        m_reply->abort();
    }
}

void Runner::sendNext()
{
    if (m_cancelled || m_next >= m_cases.size()) {
        m_running = false;
        emit finished(passed());
        return;
    }
    const Case& testCase = m_cases.at(m_next);
    emit caseStarted(m_next, testCase.name);

    QNetworkRequest request(testCase.request.url);
    for (const auto& [name, value] : testCase.request.headers) {
        // A null value would make Qt drop the header; an empty one is sent empty, as the case wants.
        request.setRawHeader(name, value.isNull() ? QByteArray("", 0) : value);
    }
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::AuthenticationReuseAttribute, QNetworkRequest::Manual);
    request.setTransferTimeout(std::max(1, m_profile.timeoutMs));
    if (testCase.request.url.scheme() == QLatin1String("https")) {
        auto ssl = Tls::clientConfiguration(m_profile.tls, m_secrets, m_profile.baseDir);
        if (ssl) {
            request.setSslConfiguration(ssl.value());
        }
    }
    m_pinError.clear();
    m_tlsErrors.clear();
    m_clock.start();
    QNetworkReply* reply = m_network->sendCustomRequest(request, testCase.request.method, testCase.request.body);
    m_reply = reply;
    connect(reply, &QNetworkReply::sslErrors, this, [this, reply](const QList<QSslError>& errors) {
        if (!m_profile.tls.verify) {
            reply->ignoreSslErrors();
            return;
        }
        for (const auto& e : errors) {
            m_tlsErrors.append(Tls::explainSslError(e, reply->url().host()));
        }
    });
    connect(reply, &QNetworkReply::encrypted, this, [this, reply] {
        const auto pinned = Tls::checkPins(m_profile.tls.pinSha256, reply->sslConfiguration().peerCertificateChain());
        if (!pinned) {
            m_pinError = pinned.error().message;
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onFinished(reply); });
}

void Runner::onFinished(QNetworkReply* reply)
{
    reply->deleteLater();
    m_reply = nullptr;
    const Case& testCase = m_cases.at(m_next);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    QString error;
    if (!m_pinError.isEmpty()) {
        error = m_pinError;
    } else if (!m_tlsErrors.isEmpty()) {
        error = Tls::verificationFailure(reply->url().host(), m_tlsErrors);
    } else if (status == 0) {
        error = m_cancelled ? QStringLiteral("cancelled") : networkError(reply);
    }
    CaseResult result = judge(testCase,
                              status,
                              reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray(),
                              error,
                              m_next == 0 ? status : m_baselineStatus,
                              m_options);
    result.elapsedMs = double(m_clock.nsecsElapsed()) / 1e6;
    if (status != 0) {
        result.bodyHint = firstLine(reply->readAll());
    }
    if (m_next == 0) {
        m_baselineStatus = status;
    }
    m_results.append(result);
    emit caseFinished(m_next, result);
    ++m_next;
    sendNext();
}

} // namespace Conformance
