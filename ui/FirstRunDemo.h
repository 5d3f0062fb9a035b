#pragma once

#include <QObject>
#include <QString>

class MainWindow;

// The first-run loopback demo: a receiver on 127.0.0.1 (a free port, then kept) and an endpoint
// aimed at it, with one scheme of each kind — OAuth 2.0 client credentials against the receiver's
// own token endpoint (the client authenticates with HTTP Basic), an hmac-sha256 signature and a
// Standard Webhooks signature — so a new user sends one event and sees it verified, then sends a
// tampered one and sees it refused with the reason.
//
// The secrets are made here at random and saved in the keychain like any typed secret. When no
// keychain answers, the user is told, and the demo keeps them in this process only (env:
// references set for this run), so nothing secret is written to disk.
class FirstRunDemo final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FirstRunDemo)

public:
    static constexpr auto ClientId = "demo-sender";

    explicit FirstRunDemo(MainWindow* window);
    void run();

signals:
    // Empty `problem`: the demo is set up and its receiver runs.
    void finished(const QString& problem);

private:
    void saveReceiver();
    void startReceiver();
    void saveEndpoint();
    // The secret as the profiles hold it: the value (moved to the keychain on save) or, without a
    // keychain, an env: reference to a variable of this process.
    QString ref(const QString& envName, const QByteArray& value) const;

    MainWindow* m_window;
    QByteArray m_hmacSecret;
    QByteArray m_whsec;
    QByteArray m_clientSecret;
    bool m_inMemory = false;
    QString m_receiverId;
};
