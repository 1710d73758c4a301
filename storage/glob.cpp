#include "storage/glob.hpp"

namespace troupe::storage {

namespace {

/// Matches a `[...]` class at pattern[p] (just after '[') against c. Sets
/// `p` to the index of the closing ']' (or the end when unterminated).
bool match_class(std::string_view pattern, size_t& p, unsigned char c) {
  bool negate = p < pattern.size() && pattern[p] == '^';
  if (negate)
    ++p;
  bool matched = false;
  for (; p < pattern.size() && pattern[p] != ']'; ++p) {
    if (pattern[p] == '\\' && p + 1 < pattern.size()) {
      ++p;
      matched |= static_cast<unsigned char>(pattern[p]) == c;
    } else if (p + 2 < pattern.size() && pattern[p + 1] == '-') {
      auto lo = static_cast<unsigned char>(pattern[p]);
      auto hi = static_cast<unsigned char>(pattern[p + 2]);
      if (lo > hi)
        std::swap(lo, hi);
      matched |= c >= lo && c <= hi;
      p += 2;
    } else {
      matched |= static_cast<unsigned char>(pattern[p]) == c;
    }
  }
  // Like Redis, an unterminated class ends at the pattern's end.
  if (p >= pattern.size())
    p = pattern.size() - 1;
  return negate ? !matched : matched;
}

/// Matches pattern[p..] against text[t..]. `give_up` is Redis's fix for
/// exponential backtracking (CVE-2022-36021): when the part after a `*`
/// matches no suffix of the text, an enclosing `*` trying a later start can
/// only offer it fewer suffixes, so every enclosing `*` stops at once. That
/// bounds a match by O(pattern x text) steps.
bool match_from(std::string_view pattern, size_t p, std::string_view text, size_t t,
                int depth, bool& give_up) {
  if (depth > 1000)
    return false;  // pathological nesting of '*': refuse, as Redis does
  while (p < pattern.size()) {
    switch (pattern[p]) {
      case '*':
        while (p + 1 < pattern.size() && pattern[p + 1] == '*')
          ++p;
        if (p + 1 == pattern.size())
          return true;
        for (size_t i = t; i <= text.size(); ++i) {
          if (match_from(pattern, p + 1, text, i, depth + 1, give_up))
            return true;
          if (give_up)
            return false;
        }
        give_up = true;
        return false;
      case '?':
        if (t >= text.size())
          return false;
        ++t;
        break;
      case '[': {
        if (t >= text.size())
          return false;
        ++p;
        if (!match_class(pattern, p, static_cast<unsigned char>(text[t])))
          return false;
        ++t;
        break;
      }
      case '\\':
        if (p + 1 < pattern.size())
          ++p;
        [[fallthrough]];
      default:
        if (t >= text.size() || pattern[p] != text[t])
          return false;
        ++t;
        break;
    }
    ++p;
  }
  return t == text.size();
}

} // namespace

bool glob_match(std::string_view pattern, std::string_view text) {
  bool give_up = false;
  return match_from(pattern, 0, text, 0, 0, give_up);
}

} // namespace troupe::storage
