#pragma once
// Vietnamese text analysis: normalisation, syllable tokens, case and diacritic folding.
// Light header (no ICU): included by the search index and by anyone who links citations.
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace text {

// Valid NFC UTF-8 from any input: ill-formed bytes become U+FFFD, then NFC (ICU).
std::string normalize(std::string_view s);

// Lower case keeping the marks: "NGHỊ ĐỊNH" → "nghị định". Per code point (ICU simple case
// mapping), so byte offsets of Vietnamese text do not move.
std::string lower(std::string_view s);

// Lower case, marks removed, đ→d: "Quyền sử dụng ĐẤT" → "quyen su dung dat". Same result as
// core::fold_vietnamese for Vietnamese text, without an ICU transliterator (about 20× faster).
std::string fold(std::string_view s);

// Marks removed and đ→d, case kept: "Điều 8 Bộ luật" → "Dieu 8 Bo luat" (what a keyboard without
// Vietnamese input gives).
std::string remove_diacritics(std::string_view s);

// True when `s` has a letter that folding changes other than by case ("đất": yes, "Dat": no).
bool has_diacritics(std::string_view s);

// One syllable (or number) of a text. Vietnamese words are one or more syllables separated by
// spaces, so a token is a syllable: "quyền sử dụng đất" has four.
struct Token {
  std::uint32_t begin = 0, end = 0;  // byte range in the analysed text
  std::string lower;                 // "quyền"; a final "oa", "oe", "uy" carries its tone on the
                                     // first vowel whichever way it was written ("thoả" → "thỏa")
  std::string folded;                // "quyen"
  // Only white space (no punctuation, no line break) separates it from the previous token: the
  // two can be one word, so they form a bigram.
  bool joined = false;
};

// Tokens of NFC text: runs of letters, digits and combining marks. A number keeps its inner
// dots and commas ("10.000.000", "0,5"); "2a" stays one token; "100/2019/NĐ-CP" is four.
std::vector<Token> tokenize(std::string_view nfc_text);

// `word` (lower case) written with the case pattern of `model`: "Quyen" + "quyền" → "Quyền",
// "BHXH"-like all capitals → all capitals, otherwise unchanged.
std::string match_case(std::string_view model, std::string_view word);

// The distinct folded words of NFC text, and how alike two such sets are: shared words over all
// words (Jaccard), 0..1, and 1 for two empty sets. What tells one text quoted twice, a law from two
// sources, or two questions asked alike.
std::set<std::string> folded_word_set(std::string_view nfc_text);
double word_overlap(const std::set<std::string>& a, const std::set<std::string>& b);

// Folded tokens joined by single spaces: the comparison key of a title or a name
// ("Luật Phòng, chống ma túy" → "luat phong chong ma tuy").
std::string title_key(std::string_view s);

}  // namespace text
