// libFuzzer target: see FuzzEntryPoints.h (FuzzEntry::jweParser).
#include "FuzzEntryPoints.h"
#include "FuzzMain.h"

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv)
{
    FuzzMain::initialize(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    FuzzMain::check(FuzzEntry::jweParser(QByteArrayView(data, qsizetype(size))));
    return 0;
}
