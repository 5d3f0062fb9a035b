#pragma once

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QString>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

// What every libFuzzer target needs: a QCoreApplication (the HTTP target runs timers and queued
// calls), quiet logging, and an abort when an invariant broke so libFuzzer keeps the input.
namespace FuzzMain {
inline void initialize(int* argc, char*** argv)
{
    // Never destroyed: libFuzzer leaves through exit(), after Qt's own statics are gone, and
    // a QCoreApplication destroyed then crashes (the run's result is already decided).
    static QCoreApplication* app = nullptr;
    if (!app) {
        app = new QCoreApplication(*argc, *argv);
        QLoggingCategory::setFilterRules(QStringLiteral("hookbench.*=false\nqt.*=false"));
    }
}

inline void check(const QString& broken)
{
    if (!broken.isEmpty()) {
        std::fprintf(stderr, "invariant broken: %s\n", broken.toLocal8Bit().constData());
        std::abort();
    }
}
} // namespace FuzzMain
