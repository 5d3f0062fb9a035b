#include "ReceivedRequest.h"

QString ReceivedRequest::remote() const
{
    QHostAddress address = remoteAddress;
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    if (isV4) {
        address = QHostAddress(v4); // show ::ffff:127.0.0.1 as 127.0.0.1
    }
    if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        return QStringLiteral("[%1]:%2").arg(address.toString()).arg(remotePort);
    }
    return QStringLiteral("%1:%2").arg(address.toString()).arg(remotePort);
}

QString ReceivedRequest::httpVersion() const
{
    return QStringLiteral("HTTP/%1.%2").arg(httpMajor).arg(httpMinor);
}
