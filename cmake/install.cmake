# Install rules for the node and the CLI, and a Debian package of them.
# Included by the top-level CMakeLists.txt after the targets exist:
#
#   cmake --install build                    # /usr/local/bin/troupe-node and troupe,
#                                            # /usr/local/lib/systemd/system/troupe-node.service,
#                                            # /etc/troupe/troupe.env (kept if present)
#   cmake --install build --prefix /opt/troupe -DTROUPE_INSTALL_CONFDIR=...  (see below)
#   (cd build && cpack)                      # build/troupe_<version>_<arch>.deb
#
# The package installs the binaries in /usr/bin, the unit in
# /usr/lib/systemd/system, a commented /etc/troupe/troupe.env (a conffile)
# and samples in /usr/share/doc/troupe/examples. The unit finds the binary
# under either prefix; it runs the node as a dynamic non-root user with its
# data in /var/lib/troupe.

include(GNUInstallDirs)

set(TROUPE_INSTALL_CONFDIR "/etc/troupe" CACHE PATH
    "Directory of the node's environment file (the unit reads /etc/troupe/troupe.env)")
set(TROUPE_INSTALL_UNITDIR "lib/systemd/system" CACHE STRING
    "Directory of the systemd unit, relative to the prefix")

set(_troupe_deploy "${PROJECT_SOURCE_DIR}/deploy")

install(TARGETS troupe-node troupe
        RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}" COMPONENT node)
install(FILES "${_troupe_deploy}/troupe-node.service"
        DESTINATION "${TROUPE_INSTALL_UNITDIR}" COMPONENT node)
install(FILES "${_troupe_deploy}/config/troupe.env" "${_troupe_deploy}/config/troupe.toml"
        DESTINATION "${CMAKE_INSTALL_DOCDIR}/examples" COMPONENT node)
# The environment file may hold a token (0640) and is the operator's once
# installed: a later `cmake --install` leaves an existing one alone (the
# package marks it a conffile, which dpkg keeps).
install(CODE "
  set(_troupe_env \"\$ENV{DESTDIR}${TROUPE_INSTALL_CONFDIR}/troupe.env\")
  if(EXISTS \"\${_troupe_env}\")
    message(STATUS \"Kept: \${_troupe_env}\")
  else()
    file(INSTALL DESTINATION \"${TROUPE_INSTALL_CONFDIR}\" TYPE FILE
         PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ
         FILES \"${_troupe_deploy}/config/troupe.env\")
  endif()
" COMPONENT node)

# --- The C++ client as a CMake package (component "client") ---------------
#
#   cmake --install build --component client --prefix /opt/troupe
#   # then, in another project:
#   find_package(Troupe REQUIRED)        # with -DCMAKE_PREFIX_PATH=/opt/troupe
#   target_link_libraries(app PRIVATE troupe::client)
#
# troupe::client is the static client library with the libraries it is
# built from; its headers are included as "client/sync_client.hpp".
include(CMakePackageConfigHelpers)

set(TROUPE_INSTALL_CMAKEDIR "${CMAKE_INSTALL_LIBDIR}/cmake/Troupe")
set(_troupe_client_libs troupe_client troupe_routing troupe_keys troupe_protocol troupe_caf)
foreach(_lib ${_troupe_client_libs})
  string(REGEX REPLACE "^troupe_" "" _name "${_lib}")
  set_target_properties(${_lib} PROPERTIES EXPORT_NAME ${_name})
endforeach()
target_include_directories(troupe_client INTERFACE
  $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}/troupe>)
install(TARGETS ${_troupe_client_libs} EXPORT TroupeTargets
        ARCHIVE DESTINATION "${CMAKE_INSTALL_LIBDIR}" COMPONENT client)
install(FILES "${PROJECT_SOURCE_DIR}/client/connection.hpp"
              "${PROJECT_SOURCE_DIR}/client/sync_client.hpp"
        DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}/troupe/client" COMPONENT client)
install(FILES "${PROJECT_SOURCE_DIR}/protocol/status.hpp"
        DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}/troupe/protocol" COMPONENT client)
install(EXPORT TroupeTargets NAMESPACE troupe:: DESTINATION "${TROUPE_INSTALL_CMAKEDIR}"
        COMPONENT client)
configure_package_config_file("${PROJECT_SOURCE_DIR}/cmake/TroupeConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/TroupeConfig.cmake" INSTALL_DESTINATION "${TROUPE_INSTALL_CMAKEDIR}")
write_basic_package_version_file("${PROJECT_BINARY_DIR}/TroupeConfigVersion.cmake"
  COMPATIBILITY SameMinorVersion)
install(FILES "${PROJECT_BINARY_DIR}/TroupeConfig.cmake"
              "${PROJECT_BINARY_DIR}/TroupeConfigVersion.cmake"
        DESTINATION "${TROUPE_INSTALL_CMAKEDIR}" COMPONENT client)

# --- CPack: one .deb named troupe ------------------------------------------
set(CPACK_GENERATOR "DEB" CACHE STRING "CPack generators")
set(CPACK_PACKAGE_NAME "troupe")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_VENDOR "Troupe")
set(CPACK_PACKAGE_CONTACT "Troupe maintainers <troupe@localhost>" CACHE STRING
    "Maintainer field of the package")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "Broker for self-hosted Motia backends: state, streams, events and cron locks")
set(CPACK_PACKAGE_DESCRIPTION
    "troupe-node serves Motia's state, streams, events and cron locks over one
protobuf protocol (and a Redis-protocol front door), durably on RocksDB, alone
or as a cluster with Raft replication. troupe is its command-line client.
The package ships a systemd unit (troupe-node.service, not enabled) and
/etc/troupe/troupe.env for its settings.")
# Installed through DESTDIR, so the absolute /etc/troupe lands in the package
# (not on this machine); the prefix of the package is /usr.
set(CPACK_SET_DESTDIR ON)
# The node's component only: the client library is for `cmake --install`.
set(CPACK_INSTALL_CMAKE_PROJECTS "${PROJECT_BINARY_DIR};troupe;node;/")
set(CPACK_INSTALL_PREFIX "/usr")
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME "DEB-DEFAULT")
set(CPACK_DEBIAN_PACKAGE_SECTION "net")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
# The shared libraries of troupe-node and troupe on Debian 12 (ldd; RocksDB
# is linked statically, its compression libraries are not). Kept in step
# with `deploy/install-deps.sh run`.
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "libc6 (>= 2.36), libstdc++6 (>= 12), libgcc-s1 (>= 3.0), libcaf-core0.17 (>= 0.17.6), libcaf-io0.17 (>= 0.17.6), libcaf-openssl0.17 (>= 0.17.6), libprotobuf32 (>= 3.21.12), libspdlog1.10 (>= 1:1.10.0), libfmt9 (>= 9.1.0), libxxhash0 (>= 0.8.1), libsnappy1v5 (>= 1.1.9), zlib1g (>= 1:1.2.13), libbz2-1.0 (>= 1.0.8), liblz4-1 (>= 1.9.4), libzstd1 (>= 1.5.4), libssl3 (>= 3.0.0), liblua5.1-0 (>= 5.1.5), libprometheus-cpp-core1.0 (>= 1.0.1), libhiredis0.14 (>= 0.14.1)")
# dpkg keeps an edited environment file across upgrades and asks on a
# changed one.
file(WRITE "${PROJECT_BINARY_DIR}/cpack-debian/conffiles" "${TROUPE_INSTALL_CONFDIR}/troupe.env\n")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    "${PROJECT_BINARY_DIR}/cpack-debian/conffiles;${_troupe_deploy}/debian/postinst;${_troupe_deploy}/debian/prerm;${_troupe_deploy}/debian/postrm")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
