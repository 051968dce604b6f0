// Tend: the few things the widget asks of the page, through this widget's own host object
// (Module.tendHost, built by web/tend.js for each mounted element).
#pragma once

#include <string>

namespace tend::web {

void host_set_height(float css_px);                    // the canvas follows its content
void host_view(const std::string& view_json, bool stepped);  // every change: DOM mirror; a new step: aria-live, events
void host_call(const char* method, const std::string& arg);   // tendHost[method](arg) in web/tend.js
void host_notices(const std::string& json_array);     // storage trouble, for the aria-live region
void host_complete(const std::string& state_json);     // the reader reached an end
void host_style(const std::string& css_vars_json);     // theme colours for the textarea and the card
void host_font(const unsigned char* data, unsigned int size);  // the same font for the textarea
void host_copy(const std::string& text);               // answers through tend_copy_result()
void host_download(const std::string& filename, const std::string& mime, const std::string& text);
void host_open(const std::string& url);
std::string host_format_date(double ms);               // in the reader's locale
void console_error(const std::string& text);
void console_warn(const std::string& text);

}  // namespace tend::web
