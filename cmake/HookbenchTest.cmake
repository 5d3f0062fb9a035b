# hookbench_add_test(NAME SOURCES file... [LIBS lib...] [LABELS label...])
# One QtTest executable per class or feature. Each test runs offscreen with a private
# HOOKBENCH_DATA_DIR so tests never share (or pollute) a history database.
function(hookbench_add_test name)
    cmake_parse_arguments(ARG "" "" "SOURCES;LIBS;LABELS" ${ARGN})
    add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE hookbench_common_config hookbench_test_support Qt6::Test ${ARG_LIBS})
    add_dependencies(${name} hookbench-cli)
    add_test(NAME ${name} COMMAND ${name})
    set(data_dir "${CMAKE_CURRENT_BINARY_DIR}/data/${name}")
    set_tests_properties(${name} PROPERTIES
        LABELS "${ARG_LABELS}"
        TIMEOUT 300
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;HOOKBENCH_DATA_DIR=${data_dir};HOOKBENCH_CLI=$<TARGET_FILE:hookbench-cli>;HOOKBENCH_SOURCE_DIR=${PROJECT_SOURCE_DIR}")
endfunction()
