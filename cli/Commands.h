#pragma once

#include "CommandSupport.h"

// Each file defines the commands of one concern; Cli.cpp lists them all.
namespace Cli {
Command sendCommand();
Command signCommand();
Command curlCommand();
Command receiveCommand();
Command verifyCommand();
Command tokenCommand();
Command secretCommand();
Command genKeyCommand();
Command genCertCommand();
Command historyCommand();
Command scheduleCommand();
Command replayCommand();
Command checkCommand();
} // namespace Cli
