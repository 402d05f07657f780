# Installs what `cmake --install` and the Debian package ship besides the
# binaries' own install() rules: adminlint-cxx when it is built, the man page
# and the bash and zsh completions; then configures CPack (`cpack -G DEB`).
include(GNUInstallDirs)

if(TARGET adminlint-cxx)
  install(TARGETS adminlint-cxx RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()
install(FILES ${CMAKE_SOURCE_DIR}/docs/adminlint.1
  DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${CMAKE_SOURCE_DIR}/completions/adminlint.bash
  DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
  RENAME adminlint)
install(FILES ${CMAKE_SOURCE_DIR}/completions/_adminlint
  DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)

set(CPACK_PACKAGE_NAME adminlint)
set(CPACK_PACKAGE_VENDOR "adminlint developers")
set(CPACK_PACKAGE_CONTACT "adminlint developers <adminlint@users.noreply.github.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
  "linter that keeps admin tasks one-off processes of the app's own release")
set(CPACK_PACKAGE_DESCRIPTION
  "adminlint finds migrations, data fixes and consoles that run over ssh, in another image, at build time or in the app's start command, across Dockerfiles, Kubernetes, Helm, compose, Procfiles, CI and shell.")
set(CPACK_PACKAGE_HOMEPAGE_URL "https://adminlint.dev")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_GENERATOR DEB)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# Runtime dependencies (libyaml-cpp, libstdc++, libclang for adminlint-cxx)
# come from dpkg-shlibdeps, so the package installs on a clean Debian 12.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_STRIP_FILES ON)
include(CPack)
