#include "ReceiverLog.h"

Q_LOGGING_CATEGORY(lcReceiver, "hookbench.receiver")
