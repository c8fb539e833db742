#pragma once
// What a question asks for, against what a clause says: search ranks passages by it and answers
// choose the clause by it.
// "bao nhiêu ngày", "mấy tuổi", "tối đa bao lâu" ask for a quantity, which clauses state with a
// number and a unit ("45 ngày", "đủ 18 tuổi", "không quá 50%"); "có được … không", "có phải …
// không", "có quyền … không" ask for a permission or a duty, which clauses state with "được",
// "không được", "có quyền", "phải", "nghiêm cấm". "bị phạt bao nhiêu", "mức phạt", "xử phạt thế
// nào" without a word of crime ("tội", "hình sự", "phạt tù") ask for an administrative fine, which
// the Government's sanction decrees set (Nghị định xử phạt vi phạm hành chính). Pure.
#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace text {

struct QuestionForm {
  bool asks_quantity = false;
  bool asks_permission = false;
  bool asks_fine = false;  // an administrative fine, not a criminal penalty
};

QuestionForm question_form(std::string_view question);
// The same from the question's folded words, texting shorthand already spelled out. Without the
// words as written, asks_fine stays false: folded, "phạt" (fine) is also "phát" (find, issue) and
// "tội" (crime) is also "tôi" (I).
QuestionForm question_form_of_words(const std::vector<std::string>& folded);
// Whether the question asks for an administrative fine, from its folded words and the same words
// as written (lower case): a word typed with diacritics must be "phạt", one typed without must
// stand beside a word of fines ("bi phat", "phat tien", "muc phat"), and no word of crime
// ("phạm tội", "hình sự", "phạt tù", "đi tù", "tội" as written) nor a contract's penalty ("phạt
// cọc", "phạt vi phạm" but for "xử phạt vi phạm", "phạt vi phạm hành chính") may be there.
bool asks_fine(const std::vector<std::string>& folded, const std::vector<std::string>& lower);

// Words that ask or address rather than say ("bao nhiêu", "là gì", "có … không", "tôi", "em",
// "thì", "của"), folded: they carry no legal content, for choosing a clause or mining vocabulary.
bool is_question_word(std::string_view folded_word);
// The same for a word as written (lower case): with its diacritics it must be that word ("cổ" is
// not "có"; "mấy" and "đâu" count only so), without them any word folding alike is taken.
bool is_question_word_as_written(std::string_view lower_word);

// Words that, beside a citation, only ask what it says ("Điều 35 quy định gì", "điều 5 nói về cái
// gì"), folded.
bool asks_what_it_says(std::string_view folded_word);

// The folded words that are units of time, age, money, area or count ("ngay", "tuoi", "dong").
inline constexpr std::array<std::string_view, 12> kQuantityUnits = {"ngay", "thang", "nam",   "tuoi", "gio", "lan",
                                                                    "phut", "tuan",  "dong", "trieu", "ty",  "m2"};
bool is_quantity_unit(std::string_view folded_word);
// A number with a unit of time, age, money, share or count.
bool states_quantity(std::string_view clause);
// A permission, a prohibition or a duty.
bool states_permission(std::string_view clause);

}  // namespace text
