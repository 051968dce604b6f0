// A widget source that includes nlohmann/json, which cmake/widget_without_nlohmann.cmake must refuse.
#include <nlohmann/json.hpp>
