// test_cpp.cpp: include/dcs_status.h from C++11 (included twice), with GoogleTest: what
// only C++ can get wrong. Everything else is test_api.c's, run under ASan and valgrind.
//
// In C++ the header's enums are real types with uint32_t as their underlying type and
// the functions have C linkage; the static inline dcs_status_get_inline is compiled by
// the C++ compiler; strings come from std::string, absent pointers are nullptr, text
// is rendered into std::string, and std::thread shares the library.
#include <dcs_status.h>
#include <dcs_status.h>

#include <gtest/gtest.h>

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <thread>
#include <type_traits>
#include <vector>

namespace {

constexpr std::int64_t kNow = 1795521600;  // Tue, 24 Nov 2026 12:00:00 GMT

template <typename E>
constexpr bool IsU32Enum() {
  return std::is_enum<E>::value &&
         std::is_same<typename std::underlying_type<E>::type, std::uint32_t>::value;
}
static_assert(IsU32Enum<dcs_status_result>(), "dcs_status_result: a 32-bit unsigned enum");
static_assert(IsU32Enum<dcs_status_class>(), "dcs_status_class: a 32-bit unsigned enum");
static_assert(IsU32Enum<dcs_status_retry_advice>(), "dcs_status_retry_advice: a 32-bit unsigned enum");
static_assert(IsU32Enum<dcs_status_lookup_kind>(), "dcs_status_lookup_kind: a 32-bit unsigned enum");
static_assert(IsU32Enum<dcs_status_action>(), "dcs_status_action: a 32-bit unsigned enum");
static_assert(std::is_standard_layout<dcs_status_entry>::value, "a C struct");
static_assert(std::is_trivially_copyable<dcs_status_lookup_result>::value, "a C struct");
static_assert(std::is_trivially_copyable<dcs_status_decision>::value, "a C struct");
static_assert(DCS_STATUS_VERSION_NUMBER ==
                  DCS_STATUS_VERSION_MAJOR * 10000 + DCS_STATUS_VERSION_MINOR * 100 +
                      DCS_STATUS_VERSION_PATCH,
              "the combined version macro");
static_assert(std::extent<decltype(dcs_status_by_code)>::value == 500,
              "dcs_status_by_code: one slot per code 100..599, fixed by the ABI");
static_assert(std::is_same<std::remove_extent<decltype(dcs_status_by_code)>::type,
                           const dcs_status_entry_ref>::value,
              "dcs_status_by_code holds const pointers to entries");
static_assert(std::is_same<decltype(dcs_status_get_inline(0)), const dcs_status_entry *>::value,
              "dcs_status_get_inline returns what dcs_status_get returns");

std::string Str(const char *s) { return s == nullptr ? std::string("(null)") : std::string(s); }

// The text a renderer writes, as a std::string: measure, then write.
template <typename Render>
std::string Rendered(Render render) {
  const std::size_t length = render(nullptr, 0);
  std::string text(length + 1, '\0');
  EXPECT_EQ(render(&text[0], text.size()), length);
  text.resize(length);
  return text;
}

TEST(Cpp, GetInlineCompiledAsCxxAgreesWithGet) {
  for (std::int64_t code = -1000; code <= 2000; ++code) {
    ASSERT_EQ(dcs_status_get_inline(code), dcs_status_get(code)) << "code " << code;
  }
  for (std::int64_t code : {std::numeric_limits<std::int64_t>::min(),
                            std::numeric_limits<std::int64_t>::min() + 404,
                            std::int64_t{4294967296} + 404,
                            std::numeric_limits<std::int64_t>::max()}) {
    EXPECT_EQ(dcs_status_get_inline(code), nullptr) << "code " << code;
  }
}

TEST(Cpp, EnumsAreTypesThatConvertToTheNameFunctionsArguments) {
  dcs_status_class c{};
  ASSERT_EQ(dcs_status_class_of(999, &c), DCS_STATUS_RESULT_OK);
  EXPECT_EQ(c, DCS_STATUS_CLASS_SERVER_ERROR);
  EXPECT_EQ(Str(dcs_status_class_name(c)), "server_error");
  EXPECT_TRUE(dcs_status_class_is_error(c));
  dcs_status_retry_advice advice{};
  ASSERT_EQ(dcs_status_retry_advice_of(408, &advice), DCS_STATUS_RESULT_OK);
  EXPECT_EQ(advice, DCS_STATUS_RETRY_ADVICE_RETRY);
  EXPECT_EQ(Str(dcs_status_retry_advice_name(advice)), "retry");
  dcs_status_lookup_result l{};
  ASSERT_EQ(dcs_status_lookup(418, &l), DCS_STATUS_RESULT_OK);
  EXPECT_EQ(Str(dcs_status_lookup_kind_name(l.kind)), "unrecognized");
  const dcs_status_result r = dcs_status_lookup(1000, &l);
  EXPECT_EQ(r, DCS_STATUS_RESULT_ERR_NOT_A_STATUS_CODE);
  EXPECT_EQ(Str(dcs_status_result_name(r)), "not_a_status_code");
}

TEST(Cpp, StringsFromStdStringAndNullptr) {
  const std::string name = "Too Many Requests";
  const dcs_status_entry *e = nullptr;
  ASSERT_EQ(dcs_status_from_name(name.data(), name.size(), &e), DCS_STATUS_RESULT_OK);
  EXPECT_EQ(e->code, 429);
  const std::string bad = "\xff";
  EXPECT_EQ(dcs_status_from_name(bad.data(), bad.size(), &e), DCS_STATUS_RESULT_ERR_INVALID_UTF8);
  EXPECT_EQ(dcs_status_from_name(nullptr, 0, &e), DCS_STATUS_RESULT_ERR_NULL_POINTER);
  EXPECT_EQ(dcs_status_lookup(404, nullptr), DCS_STATUS_RESULT_ERR_NULL_POINTER);
  const std::string date = "Tue, 24 Nov 2026 12:01:00 GMT";
  dcs_status_decision d{};
  ASSERT_EQ(dcs_status_decide(429, date.data(), date.size(), kNow, false, &d), DCS_STATUS_RESULT_OK);
  EXPECT_EQ(d.action, DCS_STATUS_ACTION_RETRY_AFTER);
  ASSERT_EQ(dcs_status_decide(429, nullptr, 0, kNow, false, &d), DCS_STATUS_RESULT_OK);
  EXPECT_EQ(d.action, DCS_STATUS_ACTION_RETRY_WITH_BACKOFF);
}

TEST(Cpp, RenderedTextIntoStdString) {
  const std::string explanation =
      Rendered([](char *buf, std::size_t cap) { return dcs_status_explain(404, buf, cap); });
  EXPECT_EQ(explanation.compare(0, 14, "404 Not Found\n"), 0) << explanation;
  const std::string retryAfter = "120";
  const std::string requestId = "req-42";
  const std::string message = Rendered([&](char *buf, std::size_t cap) {
    return dcs_status_http_error_message(429, retryAfter.data(), retryAfter.size(), requestId.data(),
                                         requestId.size(), kNow, false, buf, cap);
  });
  EXPECT_NE(message.find("decision: retry after 120s; request id \"req-42\""), std::string::npos)
      << message;
  dcs_status_decision d{DCS_STATUS_ACTION_RETRY_AFTER, 120};
  EXPECT_EQ(Rendered([&](char *buf, std::size_t cap) {
              return dcs_status_decision_text(d.action, d.delay_seconds, buf, cap);
            }),
            "retry_after 120s");
  const std::string name = "nope";
  EXPECT_EQ(Rendered([&](char *buf, std::size_t cap) {
              return dcs_status_error_message(DCS_STATUS_RESULT_ERR_UNKNOWN_NAME, name.data(),
                                              name.size(), buf, cap);
            }).compare(0, 27, "unknown status name \"nope\":"),
            0);
}

TEST(Cpp, StdThreadsShareTheLibrary) {
  std::atomic<int> mismatches{0};
  const std::string expected =
      Rendered([](char *buf, std::size_t cap) { return dcs_status_explain(503, buf, cap); });
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&mismatches, &expected, t] {
      for (int i = 0; i < 2000; ++i) {
        std::int64_t code = 100 + (i * 7 + t) % 900;
        dcs_status_lookup_result r{};
        if (dcs_status_lookup(code, &r) != DCS_STATUS_RESULT_OK || r.entry == nullptr) {
          ++mismatches;
        }
        if (dcs_status_get_inline(code) != dcs_status_get(code)) {
          ++mismatches;
        }
        if (i % 64 == 0 && Rendered([](char *buf, std::size_t cap) {
                             return dcs_status_explain(503, buf, cap);
                           }) != expected) {
          ++mismatches;
        }
      }
    });
  }
  for (auto &thread : threads) thread.join();
  EXPECT_EQ(mismatches.load(), 0);
}

}  // namespace
