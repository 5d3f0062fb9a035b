#pragma once

#include <QSocketNotifier>

#include <functional>
#include <memory>

namespace Cli {

// Turns SIGINT and SIGTERM into a call in the event loop (a byte on a socket pair: the only
// async-signal-safe way to reach Qt), so a command can store and report what it has before it
// exits. While it exists the signals no longer kill the process; the destructor restores that.
class SignalWatcher final
{
public:
    explicit SignalWatcher(std::function<void()> onSignalled);
    ~SignalWatcher();
    Q_DISABLE_COPY_MOVE(SignalWatcher)

private:
    std::unique_ptr<QSocketNotifier> m_notifier;
};

} // namespace Cli
