#pragma once

// The independent token server of tests/support/token_server.py (Python, PyJWT) as the OAuth
// tests start it: a child process on 127.0.0.1, a free port, stopped with the test.

#include "TestSupport.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSslConfiguration>
#include <QTest>

class PyTokenServer final
{
public:
    ~PyTokenServer() { stop(); }

    // `config`: clientId, clientSecret, privateKeys {alg: PEM path}, assertionAudience.
    bool start(const QString& dir, const QJsonObject& config)
    {
        const QString configPath = QDir(dir).filePath(QStringLiteral("token-server.json"));
        QFile file(configPath);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            return false;
        }
        file.write(QJsonDocument(config).toJson());
        file.close();
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start(QStringLiteral("/usr/bin/python3"),
                        {TestSupport::sourceDir() + QStringLiteral("/tests/support/token_server.py"), configPath});
        if (!m_process.waitForStarted(5000)) {
            return false;
        }
        if (!QTest::qWaitFor([this] { return m_process.canReadLine() || m_process.state() != QProcess::Running; },
                             10000)) {
            return false;
        }
        m_port = m_process.readLine().trimmed().toUShort();
        return m_port != 0;
    }

    void stop()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    // https when the config had a "tls" object (cert, key, clientCa): the server then requires a
    // client certificate from clientCa.
    // `ssl`: what the test's own look-ups (/log, /reset) use to reach it: trust and a client cert.
    void setTls(const QSslConfiguration& ssl)
    {
        m_tls = true;
        m_ssl = ssl;
    }
    QByteArray url(const QByteArray& path) const
    {
        return (m_tls ? "https" : "http") + QByteArray("://127.0.0.1:") + QByteArray::number(m_port) + path;
    }

    // Every token request the server saw, oldest first.
    QJsonArray log() { return get("/log").array(); }
    void reset() { get("/reset"); }

private:
    QJsonDocument get(const QByteArray& path)
    {
        QNetworkAccessManager network;
        QNetworkRequest request(QUrl(QString::fromLatin1(url(path))));
        if (m_tls) {
            request.setSslConfiguration(m_ssl);
        }
        QNetworkReply* reply = network.get(request);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        reply->deleteLater();
        return QJsonDocument::fromJson(reply->readAll());
    }

    QProcess m_process;
    quint16 m_port = 0;
    bool m_tls = false;
    QSslConfiguration m_ssl;
};

// Makes a private key with the openssl command line tool (independent of HookBench's code).
inline QString makeKey(const QString& dir, const QString& name, const QStringList& genpkeyArgs)
{
    const QString path = QDir(dir).filePath(name);
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  QStringList {QStringLiteral("genpkey")} + genpkeyArgs + QStringList {QStringLiteral("-out"), path});
    openssl.waitForFinished(60000);
    return openssl.exitCode() == 0 ? path : QString();
}
