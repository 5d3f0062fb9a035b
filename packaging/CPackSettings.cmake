# CPack settings of the Debian package, included from the top-level CMakeLists.txt (CPack reads
# variables of that scope). `cpack -G DEB` in the build folder writes hookbench_<version>_<arch>.deb;
# see packaging/README.md.
set(CPACK_PACKAGE_NAME hookbench)
set(CPACK_PACKAGE_VENDOR "The HookBench contributors")
set(CPACK_PACKAGE_CONTACT "HookBench maintainers <maintainers@hookbench.invalid>")
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
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://github.com/hookbench/hookbench")
# Linked libraries (Qt Core/Gui/Widgets/Network/Sql, libqt6keychain1, libsecret-1-0, libssl3,
# libhttp-parser2.9, libc, libstdc++) come from dpkg-shlibdeps (package dpkg-dev). What is loaded
# at run time and so invisible to it is named here: the SQLite driver of the history, the
# platform plugins that open the window, the SVG plugins that draw the icon, and libsecret,
# which libqt6keychain1 opens with dlopen() (its package does not depend on it).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, qt6-qpa-plugins, libqt6svg6, libsecret-1-0")
# German and Spanish for Qt's own dialogs; a Secret Service for the keychain.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-translations-l10n, gnome-keyring | kwalletmanager")

include(CPack)
