#pragma once

#include "Result.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

// Headers in the order they go on the wire. A QList, not a map: order and repeats matter.
using HeaderList = QList<QPair<QByteArray, QByteArray>>;

namespace Headers {
// Refuses CR, LF and NUL (which Qt 6.4 would send as extra header lines) and names that are
// not RFC 9110 tokens. `where` names the field for the error, e.g. "headers.X-Partner-Id".
Result<void> validate(const QByteArray& name, const QByteArray& value, const QString& where);
// Case-insensitive lookup of the first header with that name; null when absent.
QByteArray value(const HeaderList& headers, QByteArrayView name);
bool contains(const HeaderList& headers, QByteArrayView name);
// "Basic abc" -> ("Basic", "abc"): an Authorization-style value split at its first space, both
// parts trimmed; the caller compares the scheme case-insensitively (RFC 9110 §11.1).
QPair<QByteArray, QByteArray> splitCredentials(const QByteArray& value);
// A header value as text to quote in a message: decoded as UTF-8 when it is UTF-8 (what clients
// send), else printable ASCII with every other byte written \xNN; control characters are \xNN
// either way. At most `maxCharacters` code points, then "...".
QString displayValue(QByteArrayView value, qsizetype maxCharacters = 40);
} // namespace Headers
