# Writes OUTPUT: a C++ array initializer of {"key", R"(text)"} entries, one per
# file in INPUTS (a ;-list); the key is the file name up to its first '-' or '.'.
set(content "")
foreach(path ${INPUTS})
  get_filename_component(name "${path}" NAME)
  string(REGEX REPLACE "[-.].*$" "" key "${name}")
  file(READ "${path}" text)
  string(APPEND content "{\"${key}\", R\"ADMINLINT_EMBED(${text})ADMINLINT_EMBED\"},\n")
endforeach()
file(WRITE "${OUTPUT}.tmp" "${content}")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
