# Fails when a source the widget is built from includes nlohmann/json: the widget reads and
# writes JSON with the engine's own reader and writer (src/core/json_tree.h, json_write.h),
# and nlohmann stays with the native tools and tests. Run as a script:
#   cmake -DTEND_SOURCE_DIR=<checkout> -P cmake/widget_without_nlohmann.cmake
set(TEND_WIDGET_SOURCE_DIRS src/core src/screen src/ui src/web)
set(found "")
foreach(dir ${TEND_WIDGET_SOURCE_DIRS})
  file(GLOB_RECURSE sources "${TEND_SOURCE_DIR}/${dir}/*.h" "${TEND_SOURCE_DIR}/${dir}/*.hpp" "${TEND_SOURCE_DIR}/${dir}/*.cpp")
  foreach(source ${sources})
    file(STRINGS "${source}" lines REGEX "^[ \t]*#[ \t]*include[ \t]*[<\"]nlohmann/")
    if(lines)
      file(RELATIVE_PATH name "${TEND_SOURCE_DIR}" "${source}")
      list(APPEND found "${name}")
    endif()
  endforeach()
endforeach()
if(found)
  list(JOIN found ", " found)
  message(FATAL_ERROR "the widget's sources must not include nlohmann/json (json_tree.h and json_write.h do its work there): ${found}")
endif()
