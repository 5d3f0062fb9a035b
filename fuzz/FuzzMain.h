#pragma once

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QString>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>

// What every libFuzzer target needs: a QCoreApplication (the HTTP target runs timers and queued
// calls), quiet logging, and an abort when an invariant broke so libFuzzer keeps the input.
namespace FuzzMain {
inline void initialize(int* argc, char*** argv)
{
    static std::unique_ptr<QCoreApplication> app;
    if (!app) {
        app = std::make_unique<QCoreApplication>(*argc, *argv);
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
