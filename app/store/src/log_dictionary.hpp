#pragma once
// The zstd dictionary attempt event logs are compressed with: trained once on logs of the bundled
// scenarios played by `frontline demo` (scripts/train-log-dictionary.sh), it halves a compressed
// log. It is frozen: every stored log names it by its id, so a better one would be added beside it
// with a new id, never replace it.
#include <string_view>

namespace frontline::records {

inline constexpr unsigned kLogDictionaryId = 0x46524E01;  // "FRN" 1
std::string_view logDictionary();

}  // namespace frontline::records
