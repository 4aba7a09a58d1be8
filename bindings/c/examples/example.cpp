// example.cpp: the C API of dcs-status from C++ (C++11 or later). Copy it freely.
//
// Build against an installed libdcs_status (bindings/c/install.sh):
//   c++ -std=c++11 example.cpp $(pkg-config --cflags --libs dcs_status) -o example_cpp
// or with CMake: see CMakeLists.txt beside this file.
//
// The header is plain C with C linkage; in C++ its enums are real types. A few small
// helpers turn its pointer + length strings and result codes into C++ idioms.
#include <dcs_status.h>

#include <cstddef>
#include <cstdint>
#include <iostream>
#include <memory>
#include <stdexcept>
#include <string>

namespace dcs {

// Thrown for any result other than DCS_STATUS_RESULT_OK.
class Error : public std::runtime_error {
 public:
  Error(const std::string &what, dcs_status_result result)
      : std::runtime_error(what + ": " + dcs_status_result_message(result)), result_(result) {}
  dcs_status_result result() const { return result_; }

 private:
  dcs_status_result result_;
};

void Check(const char *what, dcs_status_result r) {
  if (r != DCS_STATUS_RESULT_OK) throw Error(what, r);
}

// The text a renderer of the library writes (dcs_status_explain,
// dcs_status_http_error_message, ...), as a std::string: measure, then write.
template <typename Render>
std::string Rendered(Render render) {
  const std::size_t length = render(nullptr, 0);
  std::string text(length + 1, '\0');
  render(&text[0], text.size());
  text.resize(length);
  return text;
}

// The entry a name refers to; throws dcs::Error for an unknown name.
const dcs_status_entry &FromName(const std::string &name) {
  const dcs_status_entry *e = nullptr;
  Check("dcs_status_from_name", dcs_status_from_name(name.data(), name.size(), &e));
  return *e;
}

// The delay a Retry-After value asks for, in seconds after `now`.
std::uint64_t ParseRetryAfter(const std::string &value, std::int64_t now) {
  std::uint64_t seconds = 0;
  Check("dcs_status_parse_retry_after",
        dcs_status_parse_retry_after(value.data(), value.size(), now, &seconds));
  return seconds;
}

std::ostream &operator<<(std::ostream &out, const dcs_status_entry &e) {
  return out << e.code << ' ' << e.phrase << "\n  DCS name:    " << e.name << " (" << e.ident
             << ")\n  class:       " << dcs_status_class_name(e.status_class)
             << "\n  retry advice: " << dcs_status_retry_advice_name(e.retry_advice)
             << "\n  description: " << e.description << '\n';
}

}  // namespace dcs

int main() {
  using dcs::operator<<;
  try {
    std::cout << "libdcs_status " << dcs_status_version() << " (header " << DCS_STATUS_VERSION
              << "), " << dcs_status_count() << " entries\n\n";

    const dcs_status_entry *e = dcs_status_get(429);
    if (e == nullptr) throw std::runtime_error("429 is not in the table");
    std::cout << *e;

    const dcs_status_entry &byName = dcs::FromName("REQUEST_TIME_OUT");
    std::cout << "\nthe name \"REQUEST_TIME_OUT\" is " << byName.code << ' ' << byName.phrase
              << " (DCS: " << byName.name << ")\n";

    dcs_status_lookup_result l{};
    dcs::Check("dcs_status_lookup", dcs_status_lookup(418, &l));
    std::cout << "418 is " << dcs_status_lookup_kind_name(l.kind) << ": handled as "
              << dcs_status_class_name(l.status_class) << ", like " << l.entry->code << ' '
              << l.entry->phrase << '\n';

    const std::int64_t now = 1795521600;  // Tue, 24 Nov 2026 12:00:00 GMT
    const std::string retryAfter = "Tue, 24 Nov 2026 12:01:30 GMT";
    std::cout << "Retry-After: " << retryAfter << " -> retry in "
              << dcs::ParseRetryAfter(retryAfter, now) << " s\n";

    const std::string method = "PUT";
    dcs_status_decision d{};
    dcs::Check("dcs_status_decide",
               dcs_status_decide(503, nullptr, 0, now,
                                 dcs_status_method_is_idempotent(method.data(), method.size()), &d));
    std::cout << method << " got 503 without Retry-After: " << dcs_status_action_name(d.action)
              << '\n';

    // A hot path: the header's static inline dcs_status_get_inline answers as
    // dcs_status_get does, without a call (it reads the exported dcs_status_by_code).
    const std::int64_t seen[] = {200, 200, 404, 429, 200, 503, 418, 200, 999, -1};
    unsigned errors = 0;
    for (std::int64_t code : seen) {
      const dcs_status_entry *s = dcs_status_get_inline(code);
      if (s != nullptr && s->status_class >= DCS_STATUS_CLASS_CLIENT_ERROR) ++errors;
    }
    std::cout << "hot path: " << errors << " of " << sizeof seen / sizeof seen[0]
              << " responses were documented errors\n";

    std::cout << "HTTP error: " << dcs::Rendered([&](char *buf, std::size_t cap) {
      return dcs_status_http_error_message(503, retryAfter.data(), retryAfter.size(), nullptr, 0,
                                           now, true, buf, cap);
    }) << '\n';

    // The retry policy: one step per failed attempt; a budget shared by every thread.
    dcs_status_retry_policy policy = dcs_status_retry_policy_default();
    policy.max_attempts = 4;
    std::unique_ptr<dcs_status_retry_budget, void (*)(dcs_status_retry_budget *)> budget(
        dcs_status_retry_budget_new_default(), dcs_status_retry_budget_free);
    const std::int64_t got[] = {502, 400, 200};  // what three GETs got
    const std::string bodyCodes[] = {"", "DCS.4111", ""};
    dcs_status_retry_step step{};
    for (std::uint32_t attempt = 1; attempt <= 3; ++attempt) {
      if (got[attempt - 1] < 400) {
        std::uint32_t tokens = 0;  // a success refunds the last retry's cost
        dcs::Check("dcs_status_retry_budget_record_success",
                   dcs_status_retry_budget_record_success(budget.get(), attempt > 1 ? &step : nullptr,
                                                          &tokens));
        std::cout << "retry loop: success on attempt " << attempt << "; the budget holds " << tokens
                  << " of " << dcs_status_retry_budget_capacity(budget.get()) << " tokens\n";
        break;
      }
      dcs_status_step_input in{};  // zeroed: no Retry-After, the clock, a random draw
      in.attempt = attempt;
      in.status = got[attempt - 1];
      const std::string &code = bodyCodes[attempt - 1];
      in.error_code = code.empty() ? nullptr : code.data();
      in.error_code_len = code.size();
      in.idempotent = true;
      in.has_random = true;  // a fixed draw, for this example's fixed output
      in.random = 0.5;
      dcs::Check("dcs_status_retry_policy_step",
                 dcs_status_retry_policy_step(&policy, &in, budget.get(), &step));
      std::cout << "attempt " << attempt << ": " << dcs::Rendered([&](char *buf, std::size_t cap) {
        return dcs_status_retry_step_log_line(&step, buf, cap);
      }) << '\n';
      if (step.action != DCS_STATUS_STEP_ACTION_RETRY) break;
      // sleep step.delay_ms, then send the request again
    }

    try {
      dcs::FromName("no such status");
      return 1;
    } catch (const dcs::Error &err) {
      std::cout << "\"no such status\" -> error " << err.result() << ": " << err.what() << '\n';
    }
  } catch (const std::exception &err) {
    std::cerr << "error: " << err.what() << '\n';
    return 1;
  }
  return 0;
}
