// Tend: sine and cosine of a float, for drawing (Dear ImGui's circles and arcs, the breathing
// pacer). libc's sinf and cosf can reduce any float exactly, which takes a 2.7 KB table of
// 2/π's digits and the code around it (3 KB gzipped of every reader's download); nothing Tend
// draws turns further than a few circles. These reduce in double precision, exactly enough
// for |x| below 2^28 (about 4e8 radians; past it, only roughly), and give the double-precision
// sine and cosine rounded to a float: tests/core/trig_tests.cpp checks them against those,
// and within a unit in the last place of libc's sinf and cosf (which are not always so).
#pragma once

namespace tend {

float sin_f(float x);
float cos_f(float x);

}  // namespace tend
