#pragma once

#include <QString>

#include <optional>
#include <utility>

// An error a user can act on: which file, which JSON path, and what is wrong in words.
struct Error
{
    QString message;
    QString path; // JSON path of the bad field, such as "auth.tokenUrl"; may be empty
    QString file; // the file the error belongs to; may be empty

    Error() = default;
    Error(QString msg, QString jsonPath = {}, QString fileName = {})
        : message(std::move(msg))
        , path(std::move(jsonPath))
        , file(std::move(fileName))
    { }

    // "profile.json: auth.tokenUrl: must be an absolute http or https URL"
    QString toString() const;
    Error withFile(const QString& fileName) const;
};

// Errors are values: a Result holds either a T or an Error (std::expected is C++23).
template <typename T>
class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_value(std::move(value))
    { }
    Result(Error error)
        : m_error(std::move(error))
    { }

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }

    const T& value() const& { return *m_value; }
    T& value() & { return *m_value; }
    T&& value() && { return std::move(*m_value); }
    const T* operator->() const { return &*m_value; }
    T* operator->() { return &*m_value; }

    const Error& error() const { return m_error; }

private:
    std::optional<T> m_value;
    Error m_error;
};

template <>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error)
        : m_failed(true)
        , m_error(std::move(error))
    { }

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const Error& error() const { return m_error; }

private:
    bool m_failed = false;
    Error m_error;
};
