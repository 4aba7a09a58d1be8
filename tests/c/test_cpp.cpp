// test_cpp.cpp: include/dcs_status.h from C++11 (included twice), with GoogleTest.
//
// In C++ the header's enums are real types with uint32_t as their underlying type;
// the functions have C linkage. These tests call every function from C++ and check
// the types C++ code sees, so that a C++ user can rely on them; the header's static
// inline dcs_status_get_inline, compiled as C++, must agree with dcs_status_get.
#include <dcs_status.h>
#include <dcs_status.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <limits>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <string>
#include <thread>
#include <type_traits>
#include <vector>

namespace {

constexpr std::int64_t kNow = 1795521600;  // Tue, 24 Nov 2026 12:00:00 GMT

static_assert(std::is_same<std::underlying_type<dcs_status_result>::type, std::uint32_t>::value,
              "dcs_status_result is 32-bit unsigned");
static_assert(std::is_same<std::underlying_type<dcs_status_class>::type, std::uint32_t>::value,
              "dcs_status_class is 32-bit unsigned");
static_assert(std::is_same<std::underlying_type<dcs_status_action>::type, std::uint32_t>::value,
              "dcs_status_action is 32-bit unsigned");
static_assert(std::is_standard_layout<dcs_status_entry>::value, "a C struct");
static_assert(std::is_trivially_copyable<dcs_status_lookup_result>::value, "a C struct");
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

TEST(Cpp, VersionOfTheLibraryIsTheHeaders) {
  EXPECT_EQ(Str(dcs_status_version()), DCS_STATUS_VERSION);
}

TEST(Cpp, TableIteratesInCodeOrder) {
  ASSERT_EQ(dcs_status_count(), 42u);
  unsigned previous = 0;
  for (std::size_t i = 0; i < dcs_status_count(); ++i) {
    const dcs_status_entry *e = dcs_status_at(i);
    ASSERT_NE(e, nullptr);
    EXPECT_GT(e->code, previous);
    previous = e->code;
    EXPECT_EQ(e->index, i);
    EXPECT_EQ(dcs_status_get(e->code), e);
  }
  EXPECT_EQ(dcs_status_at(dcs_status_count()), nullptr);
}

// Codes where a bad range check, a truncation or an overflow of code - 100 would show.
const std::int64_t kExtremes[] = {std::numeric_limits<std::int64_t>::min(),
                                  std::numeric_limits<std::int64_t>::min() + 1,
                                  std::numeric_limits<std::int64_t>::min() + 404,
                                  -4294967296LL + 404,
                                  65536 + 404,
                                  4294967296LL + 404,
                                  std::numeric_limits<std::int64_t>::max() - 1,
                                  std::numeric_limits<std::int64_t>::max()};

TEST(Cpp, GetInlineAgreesWithGetForEveryCode) {
  std::size_t found = 0;
  for (std::int64_t code = -1000; code <= 2000; ++code) {
    const dcs_status_entry *e = dcs_status_get_inline(code);
    ASSERT_EQ(e, dcs_status_get(code)) << "code " << code;
    if (e != nullptr) {
      ++found;
      EXPECT_EQ(e->code, code);
    }
  }
  EXPECT_EQ(found, dcs_status_count());
  for (std::int64_t code : kExtremes) {
    EXPECT_EQ(dcs_status_get_inline(code), nullptr) << "code " << code;
    EXPECT_EQ(dcs_status_get(code), nullptr) << "code " << code;
  }
}

TEST(Cpp, ByCodeHoldsEveryEntryInItsSlot) {
  const std::size_t filled = static_cast<std::size_t>(
      std::count_if(std::begin(dcs_status_by_code), std::end(dcs_status_by_code),
                    [](dcs_status_entry_ref e) { return e != nullptr; }));
  EXPECT_EQ(filled, dcs_status_count());
  for (std::size_t i = 0; i < dcs_status_count(); ++i) {
    const dcs_status_entry *e = dcs_status_at(i);
    ASSERT_NE(e, nullptr);
    EXPECT_EQ(dcs_status_by_code[e->code - 100], e);
  }
}

TEST(Cpp, EntryFor429) {
  const dcs_status_entry *e = dcs_status_get(429);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(Str(e->phrase), "Too Many Requests");
  EXPECT_EQ(e->status_class, DCS_STATUS_CLASS_CLIENT_ERROR);
  EXPECT_EQ(e->retry, DCS_STATUS_RETRY_RETRY_AFTER);
  EXPECT_EQ(Str(dcs_status_class_name(e->status_class)), "client_error");
  EXPECT_EQ(Str(dcs_status_retry_name(e->retry)), "retry_after");
}

TEST(Cpp, LookupReadsAnUnrecognizedCodeAsItsClass) {
  dcs_status_lookup_result r{};
  ASSERT_EQ(dcs_status_lookup(418, &r), DCS_STATUS_RESULT_OK);
  EXPECT_EQ(r.kind, DCS_STATUS_KIND_UNRECOGNIZED);
  EXPECT_EQ(r.entry, dcs_status_get(400));
  EXPECT_EQ(Str(dcs_status_kind_name(r.kind)), "unrecognized");
  EXPECT_EQ(dcs_status_lookup(1000, &r), DCS_STATUS_RESULT_ERR_NOT_A_STATUS_CODE);
  EXPECT_EQ(dcs_status_lookup(404, nullptr), DCS_STATUS_RESULT_ERR_NULL_POINTER);
  dcs_status_class c{};
  EXPECT_EQ(dcs_status_class_of(999, &c), DCS_STATUS_RESULT_OK);
  EXPECT_EQ(c, DCS_STATUS_CLASS_SERVER_ERROR);
  dcs_status_retry rt{};
  EXPECT_EQ(dcs_status_retry_of(408, &rt), DCS_STATUS_RESULT_OK);
  EXPECT_EQ(rt, DCS_STATUS_RETRY_RETRY);
}

TEST(Cpp, NamesFromStdString) {
  const std::string name = "Too Many Requests";
  const dcs_status_entry *e = nullptr;
  ASSERT_EQ(dcs_status_from_name(name.data(), name.size(), &e), DCS_STATUS_RESULT_OK);
  EXPECT_EQ(e->code, 429);
  const std::string bad = "\xff";
  EXPECT_EQ(dcs_status_from_name(bad.data(), bad.size(), &e), DCS_STATUS_RESULT_ERR_INVALID_UTF8);
  EXPECT_EQ(dcs_status_from_name(nullptr, 0, &e), DCS_STATUS_RESULT_ERR_NULL_POINTER);
}

TEST(Cpp, RetryAfterAndDecision) {
  const std::string date = "Tue, 24 Nov 2026 12:01:00 GMT";
  std::uint64_t seconds = 0;
  ASSERT_EQ(dcs_status_parse_retry_after(date.data(), date.size(), kNow, &seconds),
            DCS_STATUS_RESULT_OK);
  EXPECT_EQ(seconds, 60u);
  dcs_status_decision d{};
  ASSERT_EQ(dcs_status_decide(429, date.data(), date.size(), kNow, false, &d), DCS_STATUS_RESULT_OK);
  EXPECT_EQ(d.action, DCS_STATUS_ACTION_RETRY_AFTER);
  EXPECT_EQ(d.delay_seconds, 60u);
  EXPECT_EQ(Str(dcs_status_action_name(d.action)), "retry_after");
  const std::string method = "PUT";
  EXPECT_TRUE(dcs_status_method_is_idempotent(method.data(), method.size()));
}

TEST(Cpp, ResultMessagesTakeTheEnum) {
  EXPECT_EQ(Str(dcs_status_result_message(DCS_STATUS_RESULT_OK)), "success");
  EXPECT_EQ(Str(dcs_status_result_message(1000)), "unknown dcs_status_result value");
}

TEST(Cpp, StdThreadsShareTheTable) {
  std::atomic<int> mismatches{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&mismatches, t] {
      for (int i = 0; i < 2000; ++i) {
        std::int64_t code = 100 + (i * 7 + t) % 900;
        dcs_status_lookup_result r{};
        if (dcs_status_lookup(code, &r) != DCS_STATUS_RESULT_OK || r.entry == nullptr) {
          ++mismatches;
        }
        if (dcs_status_get_inline(code) != dcs_status_get(code)) {
          ++mismatches;
        }
      }
    });
  }
  for (auto &thread : threads) thread.join();
  EXPECT_EQ(mismatches.load(), 0);
}

}  // namespace
