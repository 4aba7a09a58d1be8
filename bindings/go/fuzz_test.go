package dcsstatus

import (
	"errors"
	"math"
	"strconv"
	"strings"
	"testing"
	"time"
)

// FuzzParseRetryAfter feeds the core's parser arbitrary values and instants
// through cgo. Its seed corpus (the shared vectors and the cases below) runs in
// every `go test`; to fuzz longer:
//
//	go test -run '^$' -fuzz FuzzParseRetryAfter -fuzztime 5m
//
// It checks what holds whatever the value: no crash; the same answer twice;
// an error is one of the documented ones; delay-seconds do not depend on now
// and equal the number, saturated; a date's delay shrinks by exactly the time
// that passes until it reaches 0.
func FuzzParseRetryAfter(f *testing.F) {
	var cases []struct {
		Value   string  `json:"value"`
		Now     int64   `json:"now"`
		Seconds *uint64 `json:"seconds"`
		Error   string  `json:"error"`
		Note    string  `json:"note"`
	}
	readVectors(f, "retry_after.json", &cases)
	for _, c := range cases {
		f.Add(c.Value, c.Now)
	}
	for _, v := range []string{
		"", " ", "0", "120", "\x00", "\xff\xfe", "Sun, 06 Nov 1994 08:49:37 GMT\x00",
		"Sun, 31 Dec 9999 23:59:59 GMT", "Mon, 01 Jan 0001 00:00:00 GMT", "Thu, 29 Feb 2024 12:00:00 GMT",
		"Sun, 06 Nov 1994 08:49:60 GMT", "Sunday, 06-Nov-94 08:49:37 GMT", "Sun Nov  6 08:49:37 1994",
		strings.Repeat("9", 400), "a", "Z,", ",,,,",
	} {
		f.Add(v, int64(784111657))
	}
	f.Add("Sun, 06 Nov 1994 08:49:37 GMT", int64(math.MinInt64))
	f.Add("Sun, 06 Nov 1994 08:49:37 GMT", int64(math.MaxInt64))
	f.Add("Sunday, 06-Nov-94 08:49:37 GMT", int64(math.MaxInt64))

	f.Fuzz(func(t *testing.T, value string, now int64) {
		seconds, r := parseRetryAfterSeconds(value, now)
		again, r2 := parseRetryAfterSeconds(value, now)
		if seconds != again || r != r2 {
			t.Fatalf("%q: two answers: %d/%d, %d/%d", value, seconds, r, again, r2)
		}
		d, err := ParseRetryAfter(value, time.Unix(now, 0))
		if r != resultOK {
			if err == nil || !errors.Is(err, ErrInvalidRetryAfter) {
				t.Fatalf("%q: result %d, error %v", value, r, err)
			}
			return
		}
		if err != nil || d != secondsToDuration(seconds) {
			t.Fatalf("%q: %d seconds but %v, %v", value, seconds, d, err)
		}
		trimmed := strings.Trim(value, " \t")
		if trimmed == "" {
			t.Fatalf("%q: a blank value parsed", value)
		}
		if isDigits(trimmed) {
			want, perr := strconv.ParseUint(trimmed, 10, 64)
			if perr != nil {
				want = math.MaxUint64 // only digits: too large, saturates
			}
			if seconds != want {
				t.Fatalf("%q: %d seconds, want %d", value, seconds, want)
			}
			if later, _ := parseRetryAfterSeconds(value, now/2); later != seconds {
				t.Fatalf("%q: delay-seconds depend on now", value)
			}
			return
		}
		if c := trimmed[0]; !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			t.Fatalf("%q: parsed, but is neither digits nor a date", value)
		}
		// A date: step the clock forward; the delay shrinks by the same, down to
		// 0. Not for an RFC 850 date, whose two-digit year is placed relative to
		// now, nor for instants so far out that the difference saturates.
		const step = 1000
		if strings.Contains(trimmed, "-") || now < -1<<50 || now > 1<<50 {
			return
		}
		later, rl := parseRetryAfterSeconds(value, now+step)
		if rl != resultOK {
			t.Fatalf("%q: parses at %d but not %d later: %d", value, now, step, rl)
		}
		want := uint64(0)
		if seconds > step {
			want = seconds - step
		}
		if later != want {
			t.Fatalf("%q: %d seconds at %d, %d at %d; want %d", value, seconds, now, later, now+step, want)
		}
	})
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
