#include "Result.h"

QString Error::toString() const
{
    QString out;
    if (!file.isEmpty()) {
        out += file + QStringLiteral(": ");
    }
    if (!path.isEmpty()) {
        out += path + QStringLiteral(": ");
    }
    return out + message;
}

Error Error::withFile(const QString& fileName) const
{
    Error copy = *this;
    copy.file = fileName;
    return copy;
}
