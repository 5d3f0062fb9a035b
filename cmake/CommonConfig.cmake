# The one INTERFACE target every HookBench target links: language level, warnings and Qt
# strictness live here so no target (and no global flag) has to repeat them.
add_library(hookbench_common_config INTERFACE)
add_library(HookBench::CommonConfig ALIAS hookbench_common_config)

target_compile_features(hookbench_common_config INTERFACE cxx_std_20)
target_compile_options(hookbench_common_config INTERFACE
    -Wall -Wextra -Wpedantic -Wnon-virtual-dtor -Wold-style-cast
    $<$<BOOL:${HOOKBENCH_WERROR}>:-Werror>)
target_compile_definitions(hookbench_common_config INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CONTEXTLESS_CONNECT
    QT_USE_QSTRINGBUILDER
    QT_DISABLE_DEPRECATED_UP_TO=0x060400
    HOOKBENCH_VERSION="${PROJECT_VERSION}")

if(HOOKBENCH_SANITIZE)
    target_compile_options(hookbench_common_config INTERFACE -fsanitize=${HOOKBENCH_SANITIZE} -fno-omit-frame-pointer)
    target_link_options(hookbench_common_config INTERFACE -fsanitize=${HOOKBENCH_SANITIZE})
endif()
