# CPack settings of the Debian package, included from the top-level CMakeLists.txt (CPack reads
# variables of that scope). `cpack -G DEB` in the build folder writes hookbench_<version>_<arch>.deb;
# see packaging/README.md.
set(CPACK_PACKAGE_NAME hookbench)
set(CPACK_PACKAGE_VENDOR "The HookBench contributors")
set(CPACK_PACKAGE_CONTACT "${HOOKBENCH_PACKAGE_CONTACT}") # packaging/CMakeLists.txt
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Webhook workbench: send, receive and verify signed webhooks")
set(CPACK_PACKAGE_DESCRIPTION
    "HookBench is a desktop workbench and command line for webhooks. Configure an endpoint with
the way its sender authenticates and signs (HTTP Basic, Bearer, API keys, OAuth 2.0 client
credentials, HMAC and the GitHub, Shopify, Stripe, Slack and Standard Webhooks schemes, JWS/JWE,
mutual TLS), fire events, and see every attempt as it went over the wire, kept in a history.
A local receiver verifies what arrives. hookbench-cli runs the same engine without a display.")
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSE")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${HOOKBENCH_HOMEPAGE}")
# Linked libraries (Qt Core/Gui/Widgets/Network/Sql, libqt6keychain1, libssl3, libsqlite3-0,
# libhttp-parser2.9, libc, libstdc++) come from dpkg-shlibdeps (package dpkg-dev). What is loaded
# at run time and so invisible to it is named here: the SQLite driver of the history, the SVG
# plugins that draw the icon, and libsecret, which libqt6keychain1 opens with dlopen() (its package
# does not depend on it). The xcb platform plugin that opens the window is part of libqt6gui6 on
# Debian 12 (qt6-qpa-plugins only holds the VNC and touch plugins, so it is not needed);
# packaging/clean-install-test.sh checks all of this on a fresh Debian 12.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, libqt6svg6, libsecret-1-0")
# Native Wayland windows (without it Qt falls back to xcb through XWayland); German and Spanish
# for Qt's own dialogs; a Secret Service for the keychain (the alternatives libqt6keychain1 names).
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-wayland, qt6-translations-l10n, gnome-keyring | kwalletmanager")

include(CPack)
